package org.trainset.families.sidewalk;

import java.awt.Polygon;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.SampleImages;

/**
 * Items cycle through box, polygon, surface and depth folders (six per folder): street photos
 * with obstacles drawn as shapes (boxes and polygons from their outlines), surface photos with
 * masks painted in the XML's colour map, depth sets of eight files with a calibration file, and
 * an environment CSV per folder. Defects: too-small object annotated, box off its object,
 * obstacle not annotated, wrong label, polygon off its object, overlapping surface polygons, a
 * mask colour outside the map, a depth set under 20% confidence, an image missing from the CSV.
 */
public final class SidewalkSampleGenerator implements SampleGenerator {
  static final String SURFACE_ATTRIBUTE = "attribute";
  private static final SidewalkFolder[] CYCLE = {SidewalkFolder.BBOX, SidewalkFolder.POLYGON, SidewalkFolder.SURFACE,
      SidewalkFolder.DEPTH, SidewalkFolder.BBOX, SidewalkFolder.POLYGON};
  private static final String[] OBSTACLES = {"person", "car", "tree_trunk", "bollard", "pole", "bench",
      "potted_plant", "fire_hydrant", "traffic_sign", "kiosk"};
  private static final Map<String, Integer> HEIGHTS = Map.of("person", 120, "car", 70, "tree_trunk", 150,
      "bollard", 70, "pole", 190, "bench", 40, "potted_plant", 100, "fire_hydrant", 72, "traffic_sign", 150, "kiosk", 90);
  private static final String[] BOX_DEFECTS = {"too-small", "box-off-object", "missing-object", "wrong-label"};
  private static final String[] SURFACE_DEFECTS = {"mask-colour-unknown", "surface-overlap"};
  static final int PER_FOLDER = 6;

  @Override public String formatId() { return SidewalkFormat.ID; }

  private record Folder(SidewalkFolder kind, List<Item> items, List<String[]> csv) {}

  @Override public List<String> layouts() {
    return List.of("producer");
  }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    if ("producer".equals(options.layout())) return ProducerSample.write(outDir, options);
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Folder> folders = new TreeMap<>();
    Map<SidewalkFolder, Integer> counts = new LinkedHashMap<>();
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      Path root = out.path();
      for (int i = 0; i < options.items(); i++) {
        SidewalkFolder kind = CYCLE[i % CYCLE.length];
        int n = counts.merge(kind, 1, Integer::sum) - 1;
        String folderName = switch (kind) {
          case BBOX -> String.format("Bbox_%04d", n / PER_FOLDER + 1);
          case POLYGON -> String.format("Polygon_%04d", n / PER_FOLDER + 1);
          case SURFACE -> String.format("Surface_%03d", n / PER_FOLDER + 1);
          case DEPTH -> String.format("Depth_%03d", n / PER_FOLDER + 1);
        };
        Folder f = folders.computeIfAbsent(folderName, k -> new Folder(kind, new ArrayList<>(), new ArrayList<>()));
        Path dir = root.resolve(folderName);
        Files.createDirectories(dir);
        boolean defect = options.defects() && n % 2 == 1;
        if (kind == SidewalkFolder.DEPTH) {
          String set = String.format("ZED1_KSC_%06d", i + 1);
          if (n % PER_FOLDER == 0) DepthSample.writeCalibration(dir.resolve("ZED1_" + folderName + ".conf"), rnd);
          DepthSample.write(dir, set, rnd, defect ? 500 : 150);
          if (defect) {
            defects.add(new PlantedDefect("low-confidence", folderName + "/" + set,
                "confidence ratio " + (DepthSample.CROP_H - 500) / (double) DepthSample.CROP_H + " is under 0.2"));
          }
          continue;
        }
        String file = String.format("MP_SEL_%06d.jpg", i + 1);
        String itemId = folderName + "/" + file;
        SidewalkScene scene = new SidewalkScene(rnd);
        List<Annotation> anns = new ArrayList<>();
        if (kind == SidewalkFolder.SURFACE) {
          String d = defect ? SURFACE_DEFECTS[(n / 2) % SURFACE_DEFECTS.length] : null;
          SurfaceScene s = new SurfaceScene(scene, rnd, "surface-overlap".equals(d), "mask-colour-unknown".equals(d));
          for (SurfaceScene.Surface sf : s.surfaces) {
            Map<String, Object> attrs = Map.of(SURFACE_ATTRIBUTE, sf.value());
            anns.add(polygon(new AnnotationMeta(null, sf.label(), attrs, null, sf.zOrder(), false, null), sf.outline(), 0));
          }
          SampleImages.writePng(s.mask, dir.resolve("MASK/" + file.replace(".jpg", ".png")));
          byType.merge("mask", (long) s.surfaces.size(), Long::sum);
          if (d != null) {
            defects.add(new PlantedDefect(d, itemId, d.equals("surface-overlap")
                ? "roadway polygon reaches 60 px into the sidewalk" : "mask has colour #7f7f00, not in the label map"));
          }
        } else {
          String d = defect ? BOX_DEFECTS[(n / 2) % BOX_DEFECTS.length] : null;
          if (kind == SidewalkFolder.POLYGON && "too-small".equals(d)) d = "polygon-off-object";
          if (kind == SidewalkFolder.POLYGON && "wrong-label".equals(d)) d = "missing-object";
          obstacles(scene, rnd, "too-small".equals(d));
          List<SidewalkScene.Drawn> drawn = scene.drawn;
          for (int k = 0; k < drawn.size(); k++) {
            SidewalkScene.Drawn o = drawn.get(k);
            String label = o.label();
            int shift = 0;
            if (k == 0 && "wrong-label".equals(d)) {
              label = label.equals("pole") ? "bollard" : "pole";
              defects.add(new PlantedDefect(d, itemId, "a " + o.label() + " is labelled " + label));
            }
            if (k == 0 && ("box-off-object".equals(d) || "polygon-off-object".equals(d))) {
              shift = Math.max(20, o.box().width / 2);
              defects.add(new PlantedDefect(d, itemId, label + " shape shifted " + shift + " px right off the object"));
            }
            if (k == drawn.size() - 1 && "missing-object".equals(d)) {
              defects.add(new PlantedDefect(d, itemId, "the " + label + " is drawn but not annotated"));
              continue;
            }
            if ("too-small".equals(d) && k == drawn.size() - 1) {
              defects.add(new PlantedDefect(d, itemId, "potted_plant of " + o.box().height + " px is annotated (<= 64 px)"));
            }
            AnnotationMeta meta = new AnnotationMeta(null, label, Map.of(), null, k, false, null);
            Rectangle b = o.box();
            anns.add(kind == SidewalkFolder.BBOX ? new Box(meta, b.x + shift, b.y, b.width, b.height)
                : polygon(meta, o.outline(), shift));
          }
        }
        SampleImages.writeJpeg(scene.finish(), dir.resolve(file));
        for (Annotation a : anns) byType.merge(a.type().key(), 1L, Long::sum);
        MediaRef media = MediaRef.image("images/" + file, SidewalkScene.WIDTH, SidewalkScene.HEIGHT);
        f.items().add(new Item(file, null, List.of(media), Map.of("frame", (long) f.items().size()), anns));
        if (options.defects() && i % 7 == 6) {
          defects.add(new PlantedDefect("missing-environment", itemId, "no row in the folder's environment CSV"));
        } else {
          boolean night = rnd.nextInt(4) == 0;
          f.csv().add(new String[] {file, night ? "night" : "day", rnd.nextInt(5) == 0 ? "rain" : "no_rain",
              rnd.nextBoolean() ? String.format("%02d:%02d", night ? 20 : 9 + rnd.nextInt(8), rnd.nextInt(60)) : ""});
        }
      }
      int task = 100;
      for (Map.Entry<String, Folder> e : folders.entrySet()) {
        Folder f = e.getValue();
        if (f.kind() == SidewalkFolder.DEPTH) continue;
        Path dir = root.resolve(e.getKey());
        SidewalkFolderWriter.writeXml(dir, f.kind(), ++task, f.items());
        SidewalkFolderWriter.writeCsv(dir.resolve(e.getKey() + ".csv"), f.csv());
      }
      out.commit();
    }
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    return new SampleSummary(formatId(), options.items(), total, byType, defects);
  }

  private static void obstacles(SidewalkScene scene, Random rnd, boolean tinyPlant) {
    int count = 3 + rnd.nextInt(3);
    List<int[]> placed = new ArrayList<>();
    for (int k = 0; k < count; k++) placed.add(new int[] {rnd.nextInt(OBSTACLES.length), 250 + rnd.nextInt(100)});
    placed.sort((a, b) -> Integer.compare(a[1], b[1]));
    int slot = 0;
    for (int[] p : placed) {
      String label = OBSTACLES[p[0]];
      double s = 1.0 + rnd.nextInt(40) / 100.0;
      int y = Math.max(p[1], (int) Math.ceil(HEIGHTS.get(label) * s) + 5);
      int x = 10 + slot * (SidewalkScene.WIDTH - 230) / count + rnd.nextInt(30);
      slot++;
      scene.obstacle(label, x, Math.min(y, SidewalkScene.HEIGHT - 2), s);
    }
    if (tinyPlant) scene.obstacle("potted_plant", 560, 330, 0.45);
  }

  private static org.trainset.core.model.Polygon polygon(AnnotationMeta meta, Polygon p, int shift) {
    double[] pts = new double[p.npoints * 2];
    for (int i = 0; i < p.npoints; i++) {
      pts[2 * i] = p.xpoints[i] + shift;
      pts[2 * i + 1] = p.ypoints[i];
    }
    return new org.trainset.core.model.Polygon(meta, pts);
  }
}
