package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.PythonOracle;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 16 item 8 through the CLI: COCO panoptic (segments_info + PNG segment ids), COCO stuff and
 * Pascal VOC segmentation maps are read as masks; every mask's pixels are checked against an
 * independent decoding of the same PNGs by Python's PIL + numpy (python3-pil); broken pixel
 * rules and corrupt files are clear input errors naming the file.
 */
class SegmentationMapsCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private static Path datumaroCoco() {
    return SharedFixtures.datumaro("coco_dataset/coco");
  }

  /** label → set of "x,y" per mask, for every item, read from the native output of {@code convert}. */
  private Map<String, TreeSet<String>> masksViaNative(Path input, String... extra) throws IOException {
    Path out = tmp.resolve("native-" + Math.abs(input.hashCode()));
    String[] args = Stream.concat(Stream.of("convert", input.toString(), "--to", "trainset", "--out", out.toString()),
        Stream.of(extra)).toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exitCode(), r.toString());
    Map<String, TreeSet<String>> masks = new TreeMap<>();
    try (Stream<Path> shards = Files.list(out.resolve("items"))) {
      for (Path shard : shards.sorted().toList()) {
        for (String line : Files.readAllLines(shard)) {
          JsonNode item = M.readTree(line);
          for (JsonNode a : item.get("annotations")) {
            if (!a.get("type").asText().equals("mask")) continue;
            String key = item.get("id").asText() + "/" + a.get("label").asText() + "/" + a.path("id").asText("");
            masks.put(key, pixels(a));
          }
        }
      }
    }
    return masks;
  }

  private static TreeSet<String> pixels(JsonNode m) {
    TreeSet<String> out = new TreeSet<>();
    int left = m.get("left").asInt(), top = m.get("top").asInt(), w = m.get("width").asInt();
    long pos = 0;
    int i = 0;
    for (JsonNode run : m.get("runs")) {
      if (i++ % 2 == 1) {
        for (long p = pos; p < pos + run.asLong(); p++) out.add((left + p % w) + "," + (top + p / w));
      }
      pos += run.asLong();
    }
    return out;
  }

  private static final String PANOPTIC_ORACLE = """
      import json, sys, os
      import numpy as np
      from PIL import Image
      req = json.load(sys.stdin)
      out = {}
      for jf in req['files']:
          d = json.load(open(jf))
          cats = {c['id']: c['name'] for c in d['categories']}
          imgs = {i['id']: i['file_name'].rsplit('.', 1)[0] for i in d['images']}
          folder = jf[:-5]
          for a in d['annotations']:
              rgb = np.array(Image.open(os.path.join(folder, a['file_name'])).convert('RGB'), dtype=np.uint32)
              ids = rgb[..., 0] + 256 * rgb[..., 1] + 256 * 256 * rgb[..., 2]
              for s in a['segments_info']:
                  ys, xs = np.nonzero(ids == s['id'])
                  key = imgs[a['image_id']] + '/' + cats[s['category_id']] + '/' + str(s['id'])
                  out[key] = sorted('%d,%d' % (x, y) for x, y in zip(xs.tolist(), ys.tolist()))
      json.dump(out, sys.stdout)
      """;

  private static Map<String, TreeSet<String>> oracle(JsonNode n) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    n.fields().forEachRemaining(e -> {
      TreeSet<String> s = new TreeSet<>();
      e.getValue().forEach(v -> s.add(v.asText()));
      out.put(e.getKey(), s);
    });
    return out;
  }

  @Test
  void datumaroPanopticAloneGivesOneMaskPerSegmentMatchingPil() throws Exception {
    Path json = datumaroCoco().resolve("annotations/panoptic_val.json");
    Cli.Result stats = Cli.run("stats", json.toString(), "--json");
    assertEquals(0, stats.exitCode(), stats.toString());
    JsonNode s = M.readTree(stats.out());
    assertEquals(2, s.get("byType").get("mask").asInt(), stats.out());
    assertEquals(2, s.get("annotations").asInt(), "no empty-label tags: " + stats.out());
    Cli.Result validate = Cli.run("validate", json.toString(), "--no-media-check");
    assertEquals(0, validate.exitCode(), validate.toString());
    assertFalse(validate.toString().contains("undeclared-label"), validate.toString());

    Map<String, TreeSet<String>> ours = masksViaNative(json);
    Map<String, TreeSet<String>> pil = oracle(PythonOracle.run(PANOPTIC_ORACLE, Map.of("files", List.of(json.toString()))));
    assertEquals(pil, ours);
    assertEquals(20, ours.get("b/a/7").size(), "segment 7 of category a covers 20 pixels as segments_info says");
  }

  @Test
  void datumaroFolderReadsStuffAndPanopticBesideTheOtherTasks() throws Exception {
    Cli.Result r = Cli.run("stats", datumaroCoco().toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode s = M.readTree(r.out());
    // 17 before (instances, keypoints, labels, captions) + 2 stuff RLE masks + 3 panoptic segments
    assertEquals(22, s.get("annotations").asInt(), r.out());
    assertEquals(7, s.get("byType").get("mask").asInt(), r.out());
  }

  /** A panoptic set written by PIL: ids above 255 and 65535 (G and B channels), things and stuff, void. */
  private Path syntheticPanoptic(String brokenRule) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("pan-" + brokenRule));
    PythonOracle.run("""
        import json, sys, os
        import numpy as np
        from PIL import Image
        req = json.load(sys.stdin)
        d = req['dir']
        os.makedirs(os.path.join(d, 'panoptic_val'), exist_ok=True)
        ids = np.zeros((48, 64), dtype=np.uint32)
        ids[5:20, 3:30] = 300          # person (thing), G channel
        ids[25:48, :] = 70000          # road (stuff), B channel
        ids[2:6, 40:60] = 7            # person, second instance
        segs = [{'id': 300, 'category_id': 1, 'iscrowd': 0, 'bbox': [3, 5, 27, 15], 'area': 405},
                {'id': 70000, 'category_id': 2, 'iscrowd': 0, 'bbox': [0, 25, 64, 23], 'area': 1472},
                {'id': 7, 'category_id': 1, 'iscrowd': 1, 'bbox': [40, 2, 20, 4], 'area': 80}]
        if req['broken'] == 'segment-missing':
            segs.append({'id': 5, 'category_id': 1, 'iscrowd': 0})
        if req['broken'] == 'stray-pixels':
            ids[40:42, 10:12] = 9
        rgb = np.stack([ids % 256, (ids // 256) % 256, ids // 65536], axis=-1).astype(np.uint8)
        Image.fromarray(rgb, 'RGB').save(os.path.join(d, 'panoptic_val', 'street.png'))
        doc = {'images': [{'id': 1, 'file_name': 'street.jpg', 'width': 64, 'height': 48}],
               'categories': [{'id': 1, 'name': 'person', 'supercategory': 'human', 'isthing': 1},
                              {'id': 2, 'name': 'road', 'supercategory': 'flat', 'isthing': 0}],
               'annotations': [{'image_id': 1, 'file_name': 'street.png', 'segments_info': segs}]}
        json.dump(doc, open(os.path.join(d, 'panoptic_val.json'), 'w'))
        print('{}')
        """, Map.of("dir", dir.toString(), "broken", brokenRule));
    return dir.resolve("panoptic_val.json");
  }

  @Test
  void syntheticPanopticMatchesPilAndKeepsThingsAndStuff() throws Exception {
    Path json = syntheticPanoptic("none");
    Map<String, TreeSet<String>> ours = masksViaNative(json);
    Map<String, TreeSet<String>> pil = oracle(PythonOracle.run(PANOPTIC_ORACLE, Map.of("files", List.of(json.toString()))));
    assertEquals(pil.keySet(), ours.keySet());
    assertEquals(pil, ours);
    assertEquals(Map.of("street/person/300", 405, "street/road/70000", 1472, "street/person/7", 80),
        Map.of("street/person/300", ours.get("street/person/300").size(), "street/road/70000",
            ours.get("street/road/70000").size(), "street/person/7", ours.get("street/person/7").size()));
    Path coco = tmp.resolve("as-coco");
    Cli.Result r = Cli.run("convert", json.toString(), "--to", "coco", "--out", coco.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    String written = Files.readString(coco.resolve("annotations/instances_val.json"));
    assertTrue(written.contains("\"isthing\":true") && written.contains("\"isthing\":false"), written);
    assertTrue(written.contains("\"iscrowd\":1"), "segment 7 is a crowd: " + written);
  }

  @Test
  void aSegmentWithoutPixelsIsNamedWithItsPng() throws Exception {
    Path json = syntheticPanoptic("segment-missing");
    Cli.Result r = Cli.run("validate", json.toString(), "--no-media-check");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("panoptic-segment-not-in-png") && r.out().contains("street.png")
        && r.out().contains("segment 5"), r.toString());
    Cli.Result convert = Cli.run("convert", json.toString(), "--to", "trainset", "--out", tmp.resolve("o").toString());
    assertEquals(3, convert.exitCode(), convert.toString());
    assertFalse(Files.exists(tmp.resolve("o")));
  }

  @Test
  void pixelsOfNoSegmentAreNamedWithWhere() throws Exception {
    Path json = syntheticPanoptic("stray-pixels");
    Cli.Result r = Cli.run("stats", json.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("panoptic-pixels-not-in-json") && r.err().contains("street.png")
        && r.err().contains("4 pixels") && r.err().contains("x=10, y=40"), r.err());
  }

  @Test
  void aMissingPngFolderOrACorruptPanopticFileIsAnInputError() throws Exception {
    Path json = syntheticPanoptic("none");
    Path moved = Files.move(json.resolveSibling("panoptic_val"), json.resolveSibling("elsewhere"));
    Cli.Result r = Cli.run("stats", json.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("panoptic_val.json") && r.err().contains("no PNG folder panoptic_val/"), r.err());
    Files.move(moved, json.resolveSibling("panoptic_val"));

    // a corrupt panoptic file beside a good COCO file: exit 3 naming it, not a crash or a silent skip
    Path folder = Files.createDirectories(tmp.resolve("coco/annotations"));
    Files.copy(datumaroCoco().resolve("annotations/instances_val.json"), folder.resolve("instances_val.json"));
    String full = Files.readString(datumaroCoco().resolve("annotations/panoptic_val.json"));
    Files.writeString(folder.resolve("panoptic_val.json"), full.substring(0, full.length() / 3));
    Cli.Result corrupt = Cli.run("stats", tmp.resolve("coco").toString());
    assertEquals(3, corrupt.exitCode(), corrupt.toString());
    assertTrue(corrupt.err().contains("panoptic_val.json:"), corrupt.err());
    assertFalse(corrupt.err().contains("Exception"), corrupt.err());
    assertEquals(1, corrupt.err().strip().lines().count(), corrupt.err());
  }

  private static final String VOC_ORACLE = """
      import json, sys, os
      import numpy as np
      from PIL import Image
      req = json.load(sys.stdin)
      root = req['root']
      names = req['names']
      def palette(i):
          r = g = b = 0
          for j in range(8):
              r |= ((i >> 0) & 1) << (7 - j); g |= ((i >> 1) & 1) << (7 - j); b |= ((i >> 2) & 1) << (7 - j)
              i >>= 3
          return (r, g, b)
      inverse = {palette(i): i for i in range(256)}
      def indices(path):
          im = Image.open(path)
          if im.mode == 'P':
              return np.array(im).astype(np.int64)
          a = np.array(im.convert('RGB'))
          return np.vectorize(lambda r, g, b: inverse[(r, g, b)])(a[..., 0], a[..., 1], a[..., 2])
      out = {}
      for f in sorted(os.listdir(os.path.join(root, 'SegmentationObject'))):
          item = f[:-4]
          obj = indices(os.path.join(root, 'SegmentationObject', f))
          cls = indices(os.path.join(root, 'SegmentationClass', f))
          for k in sorted(set(obj.flatten().tolist()) - {0, 255}):
              under = cls[(obj == k) & (cls != 0) & (cls != 255)]
              label = names[int(np.bincount(under).argmax())]
              ys, xs = np.nonzero(obj == k)
              out[item + '/' + label + '/'] = sorted('%d,%d' % (x, y) for x, y in zip(xs.tolist(), ys.tolist()))
      json.dump(out, sys.stdout)
      """;

  private static final List<String> VOC_NAMES = List.of("background", "aeroplane", "bicycle", "bird", "boat",
      "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person",
      "pottedplant", "sheep", "sofa", "train", "tvmonitor");

  @Test
  void vocSegmentationMapsOfDatumaroBecomeInstanceMasksMatchingPil() throws Exception {
    Path voc = SharedFixtures.datumaro("voc_dataset/voc_dataset1");
    Cli.Result r = Cli.run("stats", voc.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(1, M.readTree(r.out()).get("byType").get("mask").asInt(), r.out());
    Map<String, TreeSet<String>> ours = masksViaNative(voc);
    Map<String, TreeSet<String>> pil = oracle(PythonOracle.run(VOC_ORACLE, Map.of("root", voc.toString(), "names", VOC_NAMES)));
    assertEquals(pil, ours);
    assertTrue(ours.containsKey("2007_000001/bicycle/"), ours.keySet().toString());
  }

  /** Palette PNGs as VOC ships them: indices, 255 boundaries, two instances of two classes. */
  private Path syntheticVoc(boolean badClass) throws Exception {
    Path root = tmp.resolve(badClass ? "voc-bad" : "voc");
    for (String d : List.of("Annotations", "JPEGImages", "SegmentationClass", "SegmentationObject", "ImageSets/Segmentation")) {
      Files.createDirectories(root.resolve(d));
    }
    Files.writeString(root.resolve("ImageSets/Segmentation/train.txt"), "scene\n");
    Files.writeString(root.resolve("Annotations/scene.xml"), "<annotation><filename>scene.jpg</filename>"
        + "<size><width>40</width><height>30</height><depth>3</depth></size><segmented>1</segmented>"
        + "<object><name>dog</name><bndbox><xmin>2</xmin><ymin>2</ymin><xmax>12</xmax><ymax>12</ymax></bndbox></object>"
        + "<object><name>person</name><bndbox><xmin>20</xmin><ymin>5</ymin><xmax>35</xmax><ymax>25</ymax></bndbox></object>"
        + "</annotation>");
    PythonOracle.run("""
        import json, sys, os
        import numpy as np
        from PIL import Image
        req = json.load(sys.stdin)
        root = req['root']
        def palette(i):
            r = g = b = 0
            for j in range(8):
                r |= ((i >> 0) & 1) << (7 - j); g |= ((i >> 1) & 1) << (7 - j); b |= ((i >> 2) & 1) << (7 - j)
                i >>= 3
            return [r, g, b]
        pal = sum((palette(i) for i in range(256)), [])
        cls = np.zeros((30, 40), dtype=np.uint8); obj = np.zeros((30, 40), dtype=np.uint8)
        cls[2:12, 2:12] = 12; obj[2:12, 2:12] = 1            # dog
        cls[5:25, 20:35] = 15; obj[5:25, 20:35] = 2          # person
        cls[1, 1:13] = 255; obj[1, 1:13] = 255               # boundary
        if req['bad']:
            cls[28, 38] = 77                                 # no class 77 in the VOC palette's 21
        for name, a in (('SegmentationClass', cls), ('SegmentationObject', obj)):
            im = Image.fromarray(a, 'P'); im.putpalette(pal)
            im.save(os.path.join(root, name, 'scene.png'))
        print('{}')
        """, Map.of("root", root.toString(), "bad", badClass));
    return root;
  }

  @Test
  void vocPalettePngsGiveMasksPerInstanceWithoutTheBoundary() throws Exception {
    Path voc = syntheticVoc(false);
    Map<String, TreeSet<String>> ours = masksViaNative(voc);
    Map<String, TreeSet<String>> pil = oracle(PythonOracle.run(VOC_ORACLE, Map.of("root", voc.toString(), "names", VOC_NAMES)));
    assertEquals(pil, ours);
    assertEquals(100, ours.get("scene/dog/").size());
    assertEquals(300, ours.get("scene/person/").size());
    Cli.Result v = Cli.run("validate", voc.toString(), "--no-media-check");
    assertEquals(0, v.exitCode(), v.toString());
  }

  @Test
  void aVocPixelOfNoClassIsNamedWithFileAndPlace() throws Exception {
    Path voc = syntheticVoc(true);
    Cli.Result r = Cli.run("validate", voc.toString(), "--no-media-check");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.out().contains("voc-seg-class") && r.out().contains("SegmentationClass/scene.png")
        && r.out().contains("x=38, y=28") && r.out().contains("index 77"), r.toString());
    Cli.Result convert = Cli.run("convert", voc.toString(), "--to", "coco", "--out", tmp.resolve("c").toString());
    assertEquals(3, convert.exitCode(), convert.toString());
  }
}
