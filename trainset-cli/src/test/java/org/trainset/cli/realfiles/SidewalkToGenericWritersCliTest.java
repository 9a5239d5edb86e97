package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 2: the sidewalk sample names items by image file ({@code Bbox_0001/MP_SEL_000001.jpg})
 * and numbers images per folder; the generic writers must not double the extension nor repeat
 * CVAT image ids, and {@code validate} must catch repeated CVAT ids.
 */
class SidewalkToGenericWritersCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;
  private Path sample;

  @BeforeEach void sample() {
    sample = tmp.resolve("sidewalk");
    Cli.Result r = Cli.run("sample", "aihub.sidewalk", "--out", sample.toString());
    assertEquals(0, r.exitCode(), r.toString());
  }

  @Test void cocoFileNamesHaveOneExtensionAndExistOnDisk() throws Exception {
    Path out = tmp.resolve("coco");
    Cli.Result r = Cli.run("convert", sample.toString(), "--to", "coco", "--out", out.toString(), "--copy-media");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode coco = M.readTree(out.resolve("annotations/instances_default.json").toFile());
    assertEquals(20, coco.get("images").size());
    Set<Long> ids = new HashSet<>();
    for (JsonNode image : coco.get("images")) {
      String name = image.get("file_name").asText();
      assertFalse(name.matches(".*\\.(jpg|png)\\.(jpg|png)"), name);
      assertTrue(Files.isRegularFile(out.resolve("images/default").resolve(name)), name + " is not on disk");
      assertTrue(ids.add(image.get("id").asLong()), "image id repeats: " + image);
    }
    Cli.Result back = Cli.run("validate", out.toString());
    assertEquals(0, back.exitCode(), back.toString());
  }

  @Test void vocAnnotationFilesAreNamedWithoutTheImageExtension() throws Exception {
    Path out = tmp.resolve("voc");
    Cli.Result r = Cli.run("convert", sample.toString(), "--to", "voc", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("item id (-> without its image extension)"), r.out());
    try (Stream<Path> s = Files.walk(out.resolve("Annotations"))) {
      List<String> names = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
      assertEquals(20, names.size(), names.toString());
      assertTrue(names.stream().noneMatch(n -> n.matches(".*\\.(jpg|png)\\.xml")), names.toString());
    }
    assertTrue(Files.isRegularFile(out.resolve("Annotations/Bbox_0001/MP_SEL_000001.xml")));
    assertTrue(Files.readString(out.resolve("Annotations/Bbox_0001/MP_SEL_000001.xml"))
        .contains("<filename>MP_SEL_000001.jpg</filename>"));
  }

  @Test void cvatImageIdsAreUniqueAcrossFolders() throws Exception {
    Path out = tmp.resolve("cvat");
    Cli.Result r = Cli.run("convert", sample.toString(), "--to", "cvat", "--out", out.toString(), "--copy-media");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("image id (renumbered"), r.out());
    Path xml;
    try (Stream<Path> s = Files.list(out)) {
      xml = s.filter(p -> p.toString().endsWith(".xml")).findFirst().orElseThrow();
    }
    Matcher m = Pattern.compile("<image id=\"(\\d+)\"").matcher(Files.readString(xml));
    Set<String> ids = new HashSet<>();
    int images = 0;
    while (m.find()) {
      images++;
      assertTrue(ids.add(m.group(1)), "repeated <image id=\"" + m.group(1) + "\">");
    }
    assertEquals(20, images);
    Cli.Result v = Cli.run("validate", out.toString());
    assertEquals(0, v.exitCode(), v.toString());
  }

  @Test void validateReportsRepeatedCvatImageIds() throws Exception {
    Path xml = Files.writeString(tmp.resolve("annotations.xml"), """
        <?xml version="1.0" encoding="utf-8"?>
        <annotations>
          <version>1.1</version>
          <meta><task><name>t</name><labels><label><name>car</name></label></labels></task></meta>
          <image id="0" name="a/1.jpg" width="10" height="10"><box label="car" xtl="1" ytl="1" xbr="2" ybr="2"/></image>
          <image id="1" name="a/2.jpg" width="10" height="10"/>
          <image id="0" name="b/1.jpg" width="10" height="10"/>
        </annotations>
        """);
    Cli.Result r = Cli.run("validate", xml.toString(), "--json", "--no-media-check");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode v = M.readTree(r.out());
    assertEquals(1, v.get("problems").asInt(), r.out());
    JsonNode f = v.get("findings").get(0);
    assertEquals("duplicate-image-id", f.get("rule").asText());
    assertEquals(7, f.get("line").asInt());
    assertTrue(f.get("message").asText().contains("'a/1.jpg'"), r.out());
  }
}
