package org.trainset.families.xray;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.SampleImages;

/**
 * Bags scanned by the three makers in turn, cycling through the four sample folders; the main
 * item (the item folder) plus one or two others in the multiple folders, ordinary goods in the
 * "Other" folders. Each sample folder gets a COCO JSON (all 38 categories, original ids with
 * their gaps, polygons, bbox, area) and one VOC XML per image whose boxes are the polygons'
 * bounds. Defects: a VOC box not derived from its polygon, a wrong category, an object drawn but
 * not annotated.
 */
public final class XraySampleGenerator implements SampleGenerator {
  static final List<String> DRAWN = List.of("Knife", "Lighter", "Aerosol", "SupplymentaryBattery", "PrtableGas",
      "Hammer", "Throwing Knife");
  static final String[] DEFECTS = {"box-polygon-mismatch", "wrong-category", "missing-annotation"};
  private static final JsonFactory JSON = new JsonFactory();

  @Override public String formatId() { return XrayFormat.ID; }

  record Obj(String category, Polygon outline, Rectangle vocBox) {}

  record Image(String file, List<Obj> objects) {}

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    Map<String, List<Image>> folders = new TreeMap<>();
    long objects = 0;
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      for (int i = 0; i < options.items(); i++) {
        String maker = XrayLayout.MAKERS.get(i % 3);
        String sample = XrayLayout.SAMPLES.get((i / 3) % 4);
        String category = DRAWN.get(i % DRAWN.size());
        String folder = maker + "/" + category + "/" + sample;
        String file = String.format("%s_%s_%06d.png", maker.substring(0, 1), category.replace(' ', '_'), i + 1);
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        XrayScene scene = new XrayScene(maker, rnd);
        if (XrayLayout.contents(sample).equals("non-item")) scene.goods();
        List<String> cats = new ArrayList<>(List.of(category));
        if (XrayLayout.composition(sample).equals("multiple")) {
          int more = 1 + rnd.nextInt(2);
          for (int k = 0; k < more; k++) cats.add(DRAWN.get(rnd.nextInt(DRAWN.size())));
        }
        List<Obj> objs = new ArrayList<>();
        for (int k = 0; k < cats.size(); k++) {
          int[] size = XrayScene.size(cats.get(k));
          int x = 70 + k * 190 + rnd.nextInt(Math.max(1, 170 - size[0] + 1));
          int y = 70 + rnd.nextInt(HEIGHT_ROOM - size[1]);
          Polygon p = scene.object(cats.get(k), x, y);
          objs.add(new Obj(cats.get(k), p, p.getBounds()));
        }
        String itemId = folder + "/" + file.substring(0, file.length() - 4);
        if ("box-polygon-mismatch".equals(defect)) {
          Rectangle b = objs.get(0).vocBox();
          objs.set(0, new Obj(objs.get(0).category(), objs.get(0).outline(), new Rectangle(b.x + 30, b.y + 12, b.width, b.height)));
          defects.add(new PlantedDefect(defect, itemId, "VOC box of " + category + " is 30 px right of its polygon's bounds"));
        } else if ("wrong-category".equals(defect)) {
          String wrong = category.equals("Hammer") ? "Spanner" : "Hammer";
          objs.set(0, new Obj(wrong, objs.get(0).outline(), objs.get(0).vocBox()));
          defects.add(new PlantedDefect(defect, itemId, "a " + category + " is labelled " + wrong));
        } else if ("missing-annotation".equals(defect)) {
          scene.object("Lighter", 520, 380);
          defects.add(new PlantedDefect(defect, itemId, "a Lighter at (520, 380) is not annotated"));
        }
        SampleImages.writePng(scene.finish(), out.path().resolve(folder + "/" + file));
        writeVoc(out.path().resolve(folder + "/" + file.replace(".png", ".xml")), folder, file, objs);
        folders.computeIfAbsent(folder, k -> new ArrayList<>()).add(new Image(file, objs));
        objects += objs.size();
      }
      for (Map.Entry<String, List<Image>> e : folders.entrySet()) {
        String[] parts = e.getKey().split("/");
        writeCoco(out.path().resolve(e.getKey() + "/" + parts[1].replace(' ', '_') + "_" + parts[2] + ".json"), e.getValue());
      }
      out.commit();
    }
    return new SampleSummary(formatId(), options.items(), 2 * objects, Map.of("polygon", objects, "box", objects), defects);
  }

  private static final int HEIGHT_ROOM = XrayScene.HEIGHT - 140;

  private static void writeCoco(Path file, List<Image> images) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeObjectFieldStart("info");
      g.writeStringField("description", "X-ray hazardous items");
      g.writeStringField("date_created", "2020-11-30");
      g.writeEndObject();
      g.writeArrayFieldStart("licenses");
      g.writeEndArray();
      g.writeArrayFieldStart("images");
      long imageId = 0;
      for (Image im : images) {
        g.writeStartObject();
        g.writeNumberField("id", ++imageId);
        g.writeStringField("file_name", im.file());
        g.writeNumberField("width", XrayScene.WIDTH);
        g.writeNumberField("height", XrayScene.HEIGHT);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("annotations");
      imageId = 0;
      long annId = 0;
      for (Image im : images) {
        imageId++;
        for (Obj o : im.objects()) {
          Polygon p = o.outline();
          Rectangle b = p.getBounds();
          g.writeStartObject();
          g.writeNumberField("id", ++annId);
          g.writeNumberField("image_id", imageId);
          g.writeNumberField("category_id", XrayCategories.idOf(o.category()));
          g.writeArrayFieldStart("segmentation");
          g.writeStartArray();
          for (int k = 0; k < p.npoints; k++) {
            g.writeNumber(p.xpoints[k]);
            g.writeNumber(p.ypoints[k]);
          }
          g.writeEndArray();
          g.writeEndArray();
          g.writeNumberField("area", area(p));
          g.writeArrayFieldStart("bbox");
          for (int v : new int[] {b.x, b.y, b.width, b.height}) g.writeNumber(v);
          g.writeEndArray();
          g.writeNumberField("iscrowd", 0);
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("categories");
      for (Map.Entry<Integer, String> c : XrayCategories.BY_ID.entrySet()) {
        g.writeStartObject();
        g.writeNumberField("id", c.getKey());
        g.writeStringField("name", c.getValue());
        g.writeStringField("supercategory", "");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  static double area(Polygon p) {
    double s = 0;
    for (int k = 0; k < p.npoints; k++) {
      int j = (k + 1) % p.npoints;
      s += (double) p.xpoints[k] * p.ypoints[j] - (double) p.xpoints[j] * p.ypoints[k];
    }
    return Math.abs(s) / 2;
  }

  private static void writeVoc(Path file, String folder, String image, List<Obj> objs) throws IOException {
    StringBuilder x = new StringBuilder("<annotation>\n");
    x.append("  <folder>").append(esc(folder)).append("</folder>\n");
    x.append("  <filename>").append(esc(image)).append("</filename>\n");
    x.append("  <size>\n    <width>").append(XrayScene.WIDTH).append("</width>\n    <height>")
        .append(XrayScene.HEIGHT).append("</height>\n    <depth>3</depth>\n  </size>\n  <segmented>0</segmented>\n");
    for (Obj o : objs) {
      Rectangle b = o.vocBox();
      x.append("  <object>\n    <name>").append(esc(o.category())).append("</name>\n    <pose>Unspecified</pose>\n")
          .append("    <truncated>0</truncated>\n    <difficult>0</difficult>\n    <bndbox>\n")
          .append("      <xmin>").append(b.x).append("</xmin>\n      <ymin>").append(b.y).append("</ymin>\n")
          .append("      <xmax>").append(b.x + b.width).append("</xmax>\n      <ymax>").append(b.y + b.height)
          .append("</ymax>\n    </bndbox>\n  </object>\n");
    }
    x.append("</annotation>\n");
    Files.createDirectories(file.getParent());
    Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
