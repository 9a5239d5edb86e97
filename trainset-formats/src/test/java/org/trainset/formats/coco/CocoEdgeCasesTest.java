package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.geometry.MaskBits;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.SharedFixtures;

/** Compressed RLE, detection limits and bad input, on files built from real fixtures. */
class CocoEdgeCasesTest {
  private static final Format COCO = FormatRegistry.load().require("coco");
  private static final ObjectMapper M = new ObjectMapper();
  /** Areas of the first six cocoapi fake segmentations, decoded independently with Python. */
  private static final long[] AREAS = {53487, 167619, 52665, 18225, 27013, 633};

  @TempDir Path tmp;

  static List<Item> read(Path p) throws IOException {
    return Datasets.readAll(Datasets.plan(COCO, p, ReadOptions.defaults()), ReadOptions.defaults());
  }

  /** An instances file made of cocoapi's compressed-RLE results, with categories 1, 2, 4, 11, 18. */
  private Path compressedRleFile() throws IOException {
    JsonNode results = M.readTree(SharedFixtures.external(
        "cocoapi/results/instances_val2014_fakesegm100_results.json").toFile());
    ObjectNode root = M.createObjectNode();
    ArrayNode images = root.putArray("images");
    ArrayNode anns = root.putArray("annotations");
    List<Long> seen = new ArrayList<>();
    for (int i = 0; i < AREAS.length; i++) {
      JsonNode r = results.get(i);
      long imageId = r.get("image_id").asLong();
      if (!seen.contains(imageId)) {
        seen.add(imageId);
        JsonNode size = r.get("segmentation").get("size");
        images.addObject().put("id", imageId).put("file_name", imageId + ".jpg")
            .put("height", size.get(0).asInt()).put("width", size.get(1).asInt());
      }
      ObjectNode a = anns.addObject().put("id", i + 1).put("image_id", imageId)
          .put("category_id", r.get("category_id").asLong()).put("iscrowd", 0).put("area", AREAS[i]);
      a.set("segmentation", r.get("segmentation"));
      a.put("score", r.get("score").asDouble());
    }
    ArrayNode cats = root.putArray("categories");
    for (long c : new long[] {1, 2, 4, 11, 18}) cats.addObject().put("id", c).put("name", "c" + c);
    Path f = tmp.resolve("instances_val.json");
    M.writeValue(f.toFile(), root);
    return f;
  }

  @Test
  void compressedRleDecodesToTheFileAreaAndEncodesBackToTheSameString() throws IOException {
    Path f = compressedRleFile();
    assertEquals(FormatDetector.SPECIFIC, COCO.detector().detect(f));
    List<Item> items = read(f);
    assertEquals(List.of("42", "73", "74"), items.stream().map(Item::id).toList());
    assertEquals("val", items.get(0).subset(), "subset from the file name");
    List<Mask> masks = items.stream().flatMap(i -> i.annotations().stream()).map(Mask.class::cast).toList();
    for (int i = 0; i < AREAS.length; i++) assertEquals(AREAS[i], masks.get(i).area(), "area of annotation " + (i + 1));

    ReadPlan plan = Datasets.plan(COCO, f, ReadOptions.defaults());
    Path out = tmp.resolve("out");
    LossReport loss = LossReport.lenient();
    try (ItemSink sink = COCO.writer().orElseThrow().open(out, plan.schema(), WriteOptions.defaults(), loss)) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    JsonNode written = M.readTree(out.resolve("annotations/instances_val.json").toFile());
    JsonNode source = M.readTree(f.toFile());
    for (int i = 0; i < AREAS.length; i++) {
      JsonNode w = written.get("annotations").get(i);
      assertEquals(source.get("annotations").get(i).get("segmentation"), w.get("segmentation"), "RLE of " + (i + 1));
      assertEquals(AREAS[i], w.get("area").asLong());
      assertEquals(source.get("annotations").get(i).get("category_id"), w.get("category_id"), "category id gaps kept");
    }
    assertEquals(List.of(1L, 2L, 4L, 11L, 18L), ids(written.get("categories")));
  }

  @Test
  void fastRleDecodingGivesTheSameMasksAsMaskBits() throws IOException {
    JsonNode results = M.readTree(SharedFixtures.external(
        "cocoapi/results/instances_val2014_fakesegm100_results.json").toFile());
    AnnotationMeta meta = AnnotationMeta.of("x");
    for (int i = 0; i < 40; i++) {
      JsonNode seg = results.get(i).get("segmentation");
      int[] counts = MaskBits.decodeCocoString(seg.get("counts").asText());
      int h = seg.get("size").get(0).asInt(), w = seg.get("size").get(1).asInt();
      assertEquals(MaskBits.fromCoco(meta, counts, h, w), CocoRle.toMask(meta, counts, h, w), "mask " + i);
    }
    int[] crowd = {0, 20, 30};
    assertEquals(MaskBits.fromCoco(meta, crowd, 10, 5), CocoRle.toMask(meta, crowd, 10, 5));
    assertEquals(MaskBits.fromCoco(meta, new int[] {50}, 10, 5), CocoRle.toMask(meta, new int[] {50}, 10, 5));
    assertThrows(IllegalArgumentException.class, () -> CocoRle.toMask(meta, new int[] {3, 60}, 10, 5));
  }

  /**
   * Uncompressed RLE read without a tree (RleBytes) gives the masks the tree gives, whatever the
   * spacing and key order; other shapes (an extra key holding brackets in a string, a count
   * written 20.0, an escaped key, a compressed string) still take the tree, and a negative count
   * is still the tree's coco-rle problem.
   */
  @Test
  void uncompressedRleInEveryShapeGivesTheTreesMask() throws IOException {
    String[] segmentations = {
        "{\"counts\":[0,20,30],\"size\":[10,5]}",
        "{ \"size\" : [ 10 , 5 ] ,\n   \"counts\" : [ 0 , 20 , 30 ] }",
        "{\"counts\":[0,20,30],\"size\":[10,5],\"note\":\"x]}\\\"{\"}",
        "{\"counts\":[0,20.0,30],\"size\":[10,5]}",
        "{\"\\u0063ounts\":[0,20,30],\"size\":[10,5]}",
        "{\"counts\":\"" + MaskBits.encodeCocoString(new int[] {0, 20, 30}) + "\",\"size\":[10,5]}",
        "{\"counts\":[0,-20,70],\"size\":[10,5]}",
    };
    StringBuilder json = new StringBuilder("{\"images\":[{\"id\":1,\"file_name\":\"a.jpg\",\"width\":5,\"height\":10}],\"annotations\":[");
    for (int i = 0; i < segmentations.length; i++) {
      if (i > 0) json.append(',');
      json.append("{\"id\":").append(i + 1).append(",\"image_id\":1,\"category_id\":1,\"iscrowd\":1,\"segmentation\":")
          .append(segmentations[i]).append(",\"bbox\":[0,0,2,10]}\n");
    }
    json.append("],\"categories\":[{\"id\":1,\"name\":\"crowd\"}]}");
    Path f = tmp.resolve("instances_default.json");
    Files.writeString(f, json);
    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(COCO, f, collect), collect);
    Mask expected = MaskBits.fromCoco(AnnotationMeta.of("crowd"), new int[] {0, 20, 30}, 10, 5);
    assertEquals(1, items.size());
    assertEquals(6, items.get(0).annotations().size(), items.get(0).annotations().toString());
    for (var a : items.get(0).annotations()) {
      Mask m = (Mask) a;
      assertEquals(List.of(expected.left(), expected.top(), expected.width(), expected.height()), List.of(m.left(), m.top(), m.width(), m.height()), "annotation " + a.meta().id());
      assertTrue(java.util.Arrays.equals(expected.runs(), m.runs()), "annotation " + a.meta().id());
    }
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("coco-rle", problems.get(0).rule());
    assertEquals("7", problems.get(0).annotation());

    RawAnnotation fast = new RawAnnotation();
    assertTrue(RleBytes.read(segmentations[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), fast));
    assertEquals(List.of(0, 20, 30, 10, 5), List.of(fast.rleCounts[0], fast.rleCounts[1], fast.rleCounts[2], fast.rleH, fast.rleW));
    for (int i = 2; i < segmentations.length; i++) {
      assertFalse(RleBytes.read(segmentations[i].getBytes(java.nio.charset.StandardCharsets.UTF_8), new RawAnnotation()), segmentations[i]);
    }
    for (String other : new String[] {"{\"counts\":[1],\"counts\":[2],\"size\":[1,3]}", "{\"counts\":[01],\"size\":[1,1]}",
        "{\"counts\":[99999999999],\"size\":[1,1]}", "{\"counts\":[1],\"size\":[1]}", "{\"counts\":[1]}", "{\"counts\":[1],\"size\":[1,1]} x"}) {
      assertFalse(RleBytes.read(other.getBytes(java.nio.charset.StandardCharsets.UTF_8), new RawAnnotation()), other);
    }
  }

  /** Bytes that are not UTF-8 in an annotation's string (read by the byte reader) are an input error, as Jackson makes them in the images. */
  @Test
  void invalidUtf8InAnAnnotationStringIsAnInputErrorNotAReplacementCharacter() throws IOException {
    byte[] head = ("{\"images\":[{\"id\":1,\"file_name\":\"a.jpg\",\"width\":5,\"height\":10}],\"annotations\":[\n"
        + "{\"id\":1,\"image_id\":1,\"caption\":\"caf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = "\"}],\"categories\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28; // a lead byte without its continuation
    System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
    Path f = tmp.resolve("captions_default.json");
    Files.write(f, bytes);
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertEquals("text-encoding", e.rule());
    assertEquals(2, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("captions_default.json"), e.getMessage());
  }

  private static List<Long> ids(JsonNode arr) {
    List<Long> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.get("id").asLong()));
    return out;
  }

  @Test
  void detectsLargeFilesWhoseHeadHoldsOnlyImages() throws IOException {
    Path f = tmp.resolve("big.json");
    CocoSynth.write(f, 3000, 1, 1);
    String head = new String(Files.readAllBytes(f), 0, 65536, java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(head.contains("\"annotations\"") || head.contains("\"categories\""), "head shows images only");
    assertEquals(FormatDetector.SPECIFIC, COCO.detector().detect(f));
  }

  @Test
  void resultsFilesAreNotDatasets() throws IOException {
    Path results = SharedFixtures.external("cocoapi/results/instances_val2014_fakebbox100_results.json");
    assertEquals(FormatDetector.NONE, COCO.detector().detect(results));
    InputException e = assertThrows(InputException.class, () -> read(results));
    assertEquals("coco-not-object", e.rule());
  }

  private Path instancesWith(String annotationsJson, String imagesJson) throws IOException {
    Path f = tmp.resolve("instances_default.json");
    Files.writeString(f, "{\n\"images\": " + imagesJson + ",\n\"categories\": [{\"id\": 1, \"name\": \"a\"}],\n"
        + "\"annotations\": [\n" + annotationsJson + "\n]}\n");
    return f;
  }

  private static final String IMAGE = "[{\"id\": 1, \"file_name\": \"x.jpg\", \"width\": 10, \"height\": 10}]";

  /**
   * Image keys of every JSON kind come back as {@link org.trainset.core.json.JsonValues#toJava}
   * makes them from the image's tree (the images pass reads tokens, not trees), a repeated key
   * with its last value in its first place, as a tree keeps it; sizes given as 10.0 are sizes.
   */
  @Test
  void imageAttributesOfEveryKindAsTheTreeGivesThem() throws IOException {
    String image = "{\"id\": 1, \"s\": \"t\\u00e9\", \"file_name\": \"x.jpg\", \"width\": 10.0, \"height\": 7,"
        + " \"f\": 0.1, \"big\": 123456789012345678901234567890, \"neg\": -5, \"yes\": true, \"no\": false,"
        + " \"nil\": null, \"list\": [1, 2.5, \"a\", [null]], \"obj\": {\"k\": {\"n\": -0.0}}, \"s\": \"last\"}";
    String json = "[" + image + "]";
    Path f = instancesWith("", json);
    Item item = read(f).get(0);
    ObjectNode tree = (ObjectNode) M.readTree(json).get(0);
    tree.remove(List.of("file_name", "width", "height"));
    assertEquals(org.trainset.core.json.JsonValues.toMap(tree), item.attributes());
    assertEquals(List.of("id", "s", "f", "big", "neg", "yes", "no", "nil", "list", "obj"),
        List.copyOf(item.attributes().keySet()));
    assertEquals("last", item.attributes().get("s"));
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) item.attributes().get("obj")).get("k")).get("n")));
    assertEquals(10, item.media().get(0).width());
    assertEquals(7, item.media().get(0).height());
  }

  @Test
  void truncatedJsonNamesFileLineAndColumn() throws IOException {
    String full = Files.readString(SharedFixtures.datumaro("coco_dataset/coco/annotations/instances_val.json"));
    Path f = Files.writeString(tmp.resolve("instances_val.json"), full.substring(0, full.length() / 2));
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertEquals("json-syntax", e.rule());
    assertTrue(e.line() > 1 && e.column() > 0, e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString() + ":" + e.line() + ":" + e.column()), e.getMessage());
  }

  @Test
  void nanIsRefusedWithItsPosition() throws IOException {
    Path f = instancesWith("{\"id\": 7, \"image_id\": 1, \"category_id\": 1,\n \"bbox\": [NaN, 0, 1, 1]}", IMAGE);
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertEquals(6, e.line(), e.getMessage());
    assertTrue(e.column() > 1, e.getMessage());
  }

  @Test
  void negativeSizesAreInputErrorsWithLine() throws IOException {
    Path box = instancesWith("{\"id\": 7, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, -3, 1]}", IMAGE);
    InputException e = assertThrows(InputException.class, () -> read(box));
    assertEquals("bad-size", e.rule());
    assertEquals(5, e.line());
    assertTrue(e.getMessage().contains("annotation 7"), e.getMessage());

    Path image = instancesWith("", "[{\"id\": 1, \"file_name\": \"x.jpg\", \"width\": -10, \"height\": 10}]");
    InputException e2 = assertThrows(InputException.class, () -> read(image));
    assertEquals("bad-size", e2.rule());
    assertEquals(2, e2.line());
  }

  @Test
  void danglingReferencesFailByDefaultAndAreCollectedOnRequest() throws IOException {
    Path f = instancesWith("{\"id\": 7, \"image_id\": 99, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]},\n"
        + "{\"id\": 8, \"image_id\": 1, \"category_id\": 3, \"bbox\": [0, 0, 1, 1]},\n"
        + "{\"id\": 9, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]}", IMAGE);
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertEquals("dangling-image", e.rule());
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("annotation 7"), e.getMessage());

    List<Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    List<Item> items = Datasets.readAll(Datasets.plan(COCO, f, collect), collect);
    assertEquals(List.of("dangling-image", "dangling-category"), problems.stream().map(Issue::rule).toList());
    assertEquals(List.of(5L, 6L), problems.stream().map(Issue::line).toList());
    assertEquals("9", items.get(0).annotations().get(0).meta().id(), "the valid annotation is still read");
    assertEquals(1, items.get(0).annotations().size());
  }

  @Test
  void bytesThatAreNotUtf8JsonAreAnInputError() throws IOException {
    Path f = tmp.resolve("instances_x.json");
    Files.write(f, new byte[] {'{', '"', 'i', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    InputException e = assertThrows(InputException.class, () -> read(f));
    assertTrue(e.getMessage().startsWith(f.toString() + ":1:"), e.getMessage());
  }

  @Test
  void aFolderWithoutCocoFilesIsNotCoco() throws IOException {
    Files.writeString(tmp.resolve("notes.json"), "{\"a\": 1}");
    assertEquals(FormatDetector.NONE, COCO.detector().detect(tmp));
    assertFalse(Files.exists(tmp.resolve("annotations")));
  }
}
