package org.trainset.families.objects;

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

/**
 * Heritage buildings (pagodas, hanok), products (bags with Korean brand labels, shoes) and
 * landmarks (towers with Korean name signs), boxes from the drawn extents, every one of the 35
 * attributes filled. Defects: box shifted off its object, box past the image edge, an
 * environment attribute left empty, an object label not mapped to the ontology.
 */
public final class ObjectsSampleGenerator implements SampleGenerator {
  static final String[] DEFECTS = {"box-off-object", "missing-attribute", "unmapped-ontology", "box-outside-image"};
  private static final String[] PLACES = {"경주", "서울", "안동", "전주", "부산"};
  private static final String[] WEATHER = {"맑음", "흐림", "비"};
  private static final String[] BRANDS = {"한결", "누리", "바람", "다온"};

  @Override public String formatId() { return ObjectsFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    Path media = AtomicOutput.scratchBeside(outDir, "media");
    long boxes = 0;
    try (ItemSink sink = new ObjectsWriter().open(outDir, DatasetSchema.empty(), new WriteOptions(media, true),
        LossReport.strict())) {
      for (int i = 0; i < options.items(); i++) {
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        Item item = item(i, rnd, media, defect, defects);
        boxes += item.annotations().size();
        sink.accept(item);
      }
      sink.commit();
    } finally {
      AtomicOutput.deleteRecursively(media);
    }
    return new SampleSummary(formatId(), options.items(), boxes, Map.of("box", boxes), defects);
  }

  private record Drawn(String label, String labelEn, String ontologyClass, Rectangle box, Map<String, Object> extra) {}

  private Item item(int index, Random rnd, Path media, String defect, List<PlantedDefect> defects) throws IOException {
    int domain = index % 3;
    ObjectScene scene = new ObjectScene(rnd, domain == 1);
    List<Drawn> drawn = new ArrayList<>();
    String folder;
    String prefix;
    String sub;
    switch (domain) {
      case 0 -> {
        boolean pagoda = rnd.nextBoolean();
        sub = pagoda ? "탑" : "가옥";
        folder = "유적건조물/" + sub;
        prefix = "HE";
        if (pagoda) {
          int storeys = 3 + rnd.nextInt(3);
          drawn.add(new Drawn("석탑", "stone pagoda", "adam:StonePagoda", scene.pagoda(200 + rnd.nextInt(240), storeys),
              Map.of("material", "화강암", "shape", storeys + "층", "color", "회색")));
        } else {
          drawn.add(new Drawn("한옥", "hanok", "adam:Hanok", scene.house(60 + rnd.nextInt(120), 300 + rnd.nextInt(100)),
              Map.of("material", "목재", "shape", "팔작지붕", "color", "흑색")));
        }
      }
      case 1 -> {
        sub = "잡화";
        folder = "상품/" + sub;
        prefix = "PR";
        drawn.add(new Drawn("가방", "bag", "adam:Bag",
            scene.bag(60 + rnd.nextInt(80), 120 + rnd.nextInt(60), 180, 200, BRANDS[rnd.nextInt(BRANDS.length)]),
            Map.of("material", "가죽", "shape", "토트백", "color", "혼합")));
        drawn.add(new Drawn("신발", "shoe", "adam:Shoe", scene.shoe(380 + rnd.nextInt(60), 300 + rnd.nextInt(60), 160),
            Map.of("material", "직물", "shape", "운동화", "color", "혼합")));
      }
      default -> {
        sub = "타워";
        folder = "랜드마크/" + sub;
        prefix = "LM";
        String name = PLACES[rnd.nextInt(PLACES.length)] + "타워";
        drawn.add(new Drawn(name, "tower", "adam:Tower", scene.tower(180 + rnd.nextInt(120), name),
            Map.of("material", "콘크리트", "shape", "원탑형", "color", "백색")));
      }
    }
    String id = String.format("%s_%06d", prefix, index + 1);
    String path = folder + "/" + id + ".jpg";
    SampleImages.writeJpeg(scene.finish(), media.resolve(path));
    String itemId = folder + "/" + id;

    List<Annotation> anns = new ArrayList<>();
    for (int k = 0; k < drawn.size(); k++) {
      Drawn d = drawn.get(k);
      Rectangle b = d.box();
      Map<String, Object> ontology = new LinkedHashMap<>();
      ontology.put("class", d.ontologyClass());
      ontology.put("instance", "adam:" + d.label() + "_" + (index + 1));
      ontology.put("uri", "http://kb.adam.ai/resource/" + d.ontologyClass().substring(5));
      if (k == 0 && "unmapped-ontology".equals(defect)) {
        ontology.put("class", null);
        ontology.put("instance", null);
        ontology.put("uri", null);
        defects.add(new PlantedDefect(defect, itemId, "'" + d.label() + "' has no ontology class"));
      }
      if (k == 0 && "box-off-object".equals(defect)) {
        b = new Rectangle(Math.max(0, b.x - b.width / 2), b.y + b.height / 3, b.width, b.height * 2 / 3);
        defects.add(new PlantedDefect(defect, itemId, "box of '" + d.label() + "' shifted left and down off the object"));
      }
      if (k == 0 && "box-outside-image".equals(defect)) {
        b = new Rectangle(b.x, b.y, ObjectScene.WIDTH - b.x + 40, b.height);
        defects.add(new PlantedDefect(defect, itemId, "box of '" + d.label() + "' ends 40 px past the right edge"));
      }
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("label_en", d.labelEn());
      attrs.put("ontology", ontology);
      attrs.put("view", rnd.nextBoolean() ? "정면" : "측면");
      attrs.put("truncated", false);
      attrs.put("occluded", false);
      attrs.put("color", d.extra().get("color"));
      attrs.put("material", d.extra().get("material"));
      attrs.put("shape", d.extra().get("shape"));
      attrs.put("part", "전체");
      attrs.put("condition", "양호");
      anns.add(new Box(new AnnotationMeta(Long.toString(k + 1), d.label(), attrs, null, 0, false, null),
          b.x, b.y, b.width, b.height));
    }

    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("format", "jpg");
    attrs.put("file_size", Files.size(media.resolve(path)));
    attrs.put("category", folder.substring(0, folder.indexOf('/')));
    attrs.put("sub_category", sub);
    attrs.put("capture_date", String.format("2020-%02d-%02d", 6 + rnd.nextInt(5), 1 + rnd.nextInt(28)));
    attrs.put("device", rnd.nextBoolean() ? "Canon EOS 80D" : "Samsung SM-G973N");
    attrs.put("collection", index % 10 == 9 ? "구매" : "촬영");
    attrs.put("license", index % 10 == 9 ? "구매(라이선스)" : "자체촬영");
    attrs.put("deidentified", true);
    String place = PLACES[rnd.nextInt(PLACES.length)];
    attrs.put("location", place);
    attrs.put("address", place + " " + (1 + rnd.nextInt(300)) + "번지");
    attrs.put("latitude", Math.round((35.0 + rnd.nextDouble() * 2.5) * 1e6) / 1e6);
    attrs.put("longitude", Math.round((126.5 + rnd.nextDouble() * 3) * 1e6) / 1e6);
    attrs.put("weather", domain == 1 ? "실내" : WEATHER[rnd.nextInt(WEATHER.length)]);
    attrs.put("time_of_day", "주간");
    attrs.put("season", rnd.nextBoolean() ? "여름" : "가을");
    attrs.put("place", domain == 1 ? "실내" : "실외");
    attrs.put("illumination", domain == 1 ? "조명" : "자연광");
    attrs.put("distance", domain == 1 ? "근경" : "원경");
    if ("missing-attribute".equals(defect)) {
      attrs.put("weather", "");
      defects.add(new PlantedDefect(defect, itemId, "environment attribute 'weather' is empty"));
    }
    MediaRef ref = new MediaRef(MediaKind.IMAGE, path, ObjectScene.WIDTH, ObjectScene.HEIGHT, Map.of());
    return new Item(itemId, null, List.of(ref), attrs, anns);
  }
}
