package org.trainset.cli.packs;

import java.util.Map;

/** aihub.multimodal: one JSON per two-person clip, key frames with face/body boxes, utterances. */
class MultimodalPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.multimodal"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of("time-reversed", "multimodal.utterance-time");
  }

  @Override Map<String, String> outOfReach() {
    return Map.of(
        "person-id-swap", "both frames keep valid ids and boxes; telling who is who needs the pixels or a tracker",
        "subtitle-mismatch", "the subtitle exists only as pixels in the frame (needs OCR)");
  }

  /** Clips 1, 3, 5 carry the three kinds. */
  @Override int defectItems() { return 6; }
}
