package org.trainset.families.ocr;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.samples.SampleImages;
import org.trainset.families.samples.SampleText;

/**
 * Photos of signs, products and books with Korean text drawn in the CJK font, boxes from the
 * glyphs' pixel bounds (at most 20 transcribed per photo, smaller text {@code ignored} with
 * null text; every third photo is a busy sign with more text than may be transcribed), plus a
 * quarter of the items as printed syllable / word / sentence crops in
 * {@code printed_data_info.json}. Defects: disallowed characters, more than 20 transcribed,
 * boxes off their text, text left neither transcribed nor ignored, transcription typos.
 */
public final class OcrSampleGenerator implements SampleGenerator {
  static final int MAX_TRANSCRIBED = 20;
  private static final String[] TYPES = {"sign", "product", "book"};
  private static final String[] FOLDERS = {"Signboard", "Goods", "Book"};
  private static final String[] CROP_TYPES = {"글자(음절)", "단어(어절)", "문장"};
  private static final String[] CROP_FOLDERS = {"syllable", "word", "sentence"};
  private static final String[] SENTENCES = {"오늘은 날씨가 맑습니다.", "도서관은 9시에 문을 엽니다.", "잠시만 기다려 주세요!"};
  private static final String[] DEFECTS = {"disallowed-character", "too-many-transcribed", "box-off-text",
      "untranscribed-text", "typo"};

  @Override public String formatId() { return OcrFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    int crops = options.items() / 4;
    int photos = options.items() - crops;
    List<Item> items = new ArrayList<>();
    List<PlantedDefect> defects = new ArrayList<>();
    Path media = AtomicOutput.scratchBeside(outDir, "media");
    try {
      long[] annId = {0};
      for (int i = 0; i < photos; i++) {
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        items.add(photo(i, rnd, media, annId, defect, defects));
      }
      for (int c = 0; c < crops; c++) items.add(crop(c, rnd, media));
      DatasetSchema schema = new DatasetSchema("textinthewild", Map.of("date_created", "2020-02-26"), List.of(), List.of());
      try (ItemSink sink = new OcrWriter().open(outDir, schema, new WriteOptions(media, true), LossReport.strict())) {
        for (Item it : items) sink.accept(it);
        sink.commit();
      }
    } finally {
      AtomicOutput.deleteRecursively(media);
    }
    long boxes = items.stream().flatMap(i -> i.annotations().stream()).filter(a -> a instanceof Box).count();
    long captions = items.stream().flatMap(i -> i.annotations().stream()).filter(a -> a instanceof Caption).count();
    Map<String, Long> byType = new LinkedHashMap<>();
    byType.put("box", boxes);
    if (captions > 0) byType.put("caption", captions);
    return new SampleSummary(formatId(), items.size(), boxes + captions, byType, defects);
  }

  private Item photo(int index, Random rnd, Path media, long[] annId, String defect, List<PlantedDefect> defects)
      throws IOException {
    boolean busy = index % 3 == 2 || "too-many-transcribed".equals(defect);
    OcrScene scene = busy ? new OcrScene(rnd, 6, 4) : new OcrScene(rnd, 4, 4);
    int words = busy ? 22 : 3 + rnd.nextInt(6);
    int transcribed = "too-many-transcribed".equals(defect) ? words : Math.min(words, MAX_TRANSCRIBED);
    String id = String.format("%08d", index + 1);
    List<Annotation> anns = new ArrayList<>();
    for (int w = 0; w < words; w++) {
      String text = SampleText.pick(rnd, SampleText.SIGN_WORDS);
      if (w == 0 && "disallowed-character".equals(defect)) text = "50%";
      boolean keep = w < transcribed;
      OcrScene.Region r = scene.draw(text, false);
      if (w == 0 && "untranscribed-text".equals(defect)) {
        defects.add(new PlantedDefect(defect, id, "'" + text + "' is drawn but has no box"));
        continue;
      }
      String label = !keep ? "ignored" : text.codePointCount(0, text.length()) == 1 ? "character" : "word";
      String transcript = keep ? text : null;
      Rectangle b = r.box();
      if (w == 0 && "typo".equals(defect)) {
        transcript = text.equals("카페") ? "카폐" : "카페";
        defects.add(new PlantedDefect(defect, id, "drawn '" + text + "' transcribed as '" + transcript + "'"));
      }
      if (w == 0 && "box-off-text".equals(defect)) {
        b = new Rectangle(Math.min(OcrScene.WIDTH - b.width, b.x + b.width + 6), b.y, b.width, b.height);
        defects.add(new PlantedDefect(defect, id, "box of '" + text + "' shifted right off the text"));
      }
      if (w == 0 && "disallowed-character".equals(defect)) {
        defects.add(new PlantedDefect(defect, id, "'%' is outside the allowed character set"));
      }
      anns.add(box(++annId[0], label, transcript, b));
    }
    if ("too-many-transcribed".equals(defect)) {
      defects.add(new PlantedDefect(defect, id, words + " regions transcribed, at most " + MAX_TRANSCRIBED + " allowed"));
    }
    int small = busy ? 0 : rnd.nextInt(3);
    for (int s = 0; s < small && scene.hasRoom(); s++) {
      OcrScene.Region r = scene.draw(SampleText.pick(rnd, SampleText.SIGN_WORDS) + " " + (100 + rnd.nextInt(900)), true);
      anns.add(box(++annId[0], "ignored", null, r.box()));
    }
    int type = index % TYPES.length;
    String path = FOLDERS[type] + "/" + id + ".jpg";
    SampleImages.writeJpeg(scene.finish(), media.resolve(path));
    MediaRef ref = new MediaRef(MediaKind.IMAGE, path, OcrScene.WIDTH, OcrScene.HEIGHT, Map.of());
    return new Item(id, null, List.of(ref), Map.of("type", TYPES[type]), anns);
  }

  private static Box box(long id, String label, String text, Rectangle b) {
    Map<String, Object> attrs = text == null ? Map.of() : Map.of(OcrAnnotations.TEXT, text);
    return new Box(new AnnotationMeta(Long.toString(id), label, attrs, null, 0, false, null), b.x, b.y, b.width, b.height);
  }

  private Item crop(int index, Random rnd, Path media) throws IOException {
    int kind = index % 3;
    String text = switch (kind) {
      case 0 -> String.valueOf((char) (0xAC00 + rnd.nextInt(11172)));
      case 1 -> SampleText.pick(rnd, SampleText.SIGN_WORDS.subList(0, 24));
      default -> SENTENCES[rnd.nextInt(SENTENCES.length)];
    };
    String id = String.format("%08d", index + 1);
    String path = "printed/" + CROP_FOLDERS[kind] + "/" + id + ".png";
    var img = OcrScene.crop(text, kind == 2 ? 28f : 48f);
    SampleImages.writePng(img, media.resolve(path));
    MediaRef ref = new MediaRef(MediaKind.IMAGE, path, img.getWidth(), img.getHeight(), Map.of());
    Caption c = new Caption(new AnnotationMeta(id, CROP_TYPES[kind], Map.of(), null, 0, false, null), text);
    return new Item("printed/" + id, null, List.of(ref), Map.of(), List.of(c));
  }
}
