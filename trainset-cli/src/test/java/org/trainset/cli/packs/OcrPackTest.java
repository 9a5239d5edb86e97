package org.trainset.cli.packs;

import java.util.Map;

/** aihub.ocr: text-in-the-wild photos (COCO-like JSON) plus printed crops. */
class OcrPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.ocr"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of(
        "disallowed-character", "ocr.charset",
        "too-many-transcribed", "ocr.max-transcribed");
  }

  @Override Map<String, String> outOfReach() {
    // These need the pixels or a second reader: the annotation alone is consistent.
    return Map.of(
        "box-off-text", "a box shifted off its glyphs is still a valid box inside the image (needs the image)",
        "untranscribed-text", "text drawn with no box leaves no trace in the annotations (needs the image)",
        "typo", "a wrong but well-formed Hangul transcription (needs a second reader or OCR)");
  }

  /** Photos 0..7 plus 2 crops: photos 1, 3, 5, 7 carry the first four planted kinds. */
  @Override int defectItems() { return 10; }

  @Override int cleanItems() { return 8; }
}
