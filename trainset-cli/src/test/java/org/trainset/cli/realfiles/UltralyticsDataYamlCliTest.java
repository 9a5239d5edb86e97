package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 16 item 5: a written {@code data.yaml} passes the checks of Ultralytics'
 * {@code check_det_dataset} (ultralytics/data/utils.py; Ultralytics is not packaged by Debian,
 * so the test repeats them): {@code train} and {@code val} present, {@code names} with integer
 * keys matching {@code nc}, every listed folder existing relative to data.yaml (no {@code path}:
 * a relative one is resolved against the working directory), and every image having its label
 * file where {@code img2label_paths} looks ({@code /images/} → {@code /labels/}, extension → .txt).
 */
class UltralyticsDataYamlCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  @Test void cvatJobWithSubsetDefaultGetsTrainAndVal() throws Exception {
    // A real CVAT server job export whose subset is "default"; its images are not in the fixture,
    // so stand-ins of the declared sizes are written beside it.
    Path job = tmp.resolve("job");
    Files.createDirectories(job);
    Path xml = SharedFixtures.external("docling-eval/tests/data/cvat_pdfs_dataset_e2e/case_01_annotations.xml");
    Files.copy(xml, job.resolve("annotations.xml"));
    writeStandInImages(job, Files.readString(xml));
    Path out = tmp.resolve("yolo");
    Cli.Result r = Cli.run("convert", job.toString(), "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode yaml = ultralyticsCheck(out);
    assertEquals("images/default", yaml.get("train").asText());
    assertEquals("images/default", yaml.get("val").asText());
    assertFalse(yaml.has("default"), yaml.toString());
    JsonNode changed = M.readTree(r.out()).get("changed");
    assertEquals(1, changed.get("subset 'default' (not train/val/test -> listed as train in data.yaml)").asInt(), r.out());
    assertEquals(1, changed.get("subset (no validation subset -> data.yaml val lists the training images)").asInt(), r.out());
    // Read back: the folder listed twice is still one item per image.
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(4, M.readTree(stats.out()).get("items").asInt(), stats.toString());
  }

  @Test void projectSubsetsTrainTestValidationAreMappedByName() throws Exception {
    Path project = SharedFixtures.datumaro("cvat_dataset/for_images/export_project");
    Path out = tmp.resolve("yolo");
    Cli.Result r = Cli.run("convert", project.toString(), "--to", "yolo", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode yaml = ultralyticsCheck(out);
    assertEquals("images/Train", yaml.get("train").asText());
    assertEquals("images/Validation", yaml.get("val").asText());
    assertEquals("images/Test", yaml.get("test").asText());
    assertTrue(r.out().contains("subset 'Validation' (-> listed as val in data.yaml)"), r.out());
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(6, M.readTree(stats.out()).get("items").asInt(), stats.toString());
  }

  /** The checks Ultralytics makes before training; returns the parsed data.yaml. */
  private static JsonNode ultralyticsCheck(Path root) throws Exception {
    Path file = root.resolve("data.yaml");
    JsonNode data = new YAMLMapper().readTree(file.toFile());
    for (String k : List.of("train", "val")) assertTrue(data.has(k), "data.yaml '" + k + ":' key missing: " + data);
    assertTrue(data.has("names"), "names");
    assertFalse(data.has("path"), "a relative path: is resolved against the working directory");
    data.get("names").fieldNames().forEachRemaining(k -> Integer.parseInt(k));
    if (data.has("nc")) assertEquals(data.get("nc").asInt(), data.get("names").size());
    int images = 0;
    for (String k : List.of("train", "val", "test")) {
      if (!data.has(k)) continue;
      List<String> folders = new ArrayList<>();
      if (data.get(k).isArray()) data.get(k).forEach(f -> folders.add(f.asText())); else folders.add(data.get(k).asText());
      for (String folder : folders) {
        Path dir = file.getParent().resolve(folder);
        assertTrue(Files.isDirectory(dir), k + ": " + dir + " does not exist");
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path img : s.filter(Files::isRegularFile).toList()) {
            String p = img.toString();
            int at = p.lastIndexOf("/images/");
            String label = p.substring(0, at) + "/labels/" + p.substring(at + 8, p.lastIndexOf('.')) + ".txt";
            assertTrue(Files.isRegularFile(Path.of(label)), "no label file for " + img);
            images++;
          }
        }
      }
    }
    assertTrue(images > 0, "no images listed");
    // And no label file without its image.
    Set<String> labels = stems(root.resolve("labels"));
    Set<String> imgs = stems(root.resolve("images"));
    assertEquals(imgs, labels);
    return data;
  }

  private static Set<String> stems(Path dir) throws Exception {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString();
        out.add(rel.substring(0, rel.lastIndexOf('.')));
      }
    }
    return out;
  }

  static void writeStandInImages(Path root, String cvatXml) throws Exception {
    var m = java.util.regex.Pattern.compile("<image id=\"\\d+\" name=\"([^\"]+)\"[^>]*?width=\"(\\d+)\" height=\"(\\d+)\"")
        .matcher(cvatXml);
    while (m.find()) {
      Path img = root.resolve("images").resolve(m.group(1));
      Files.createDirectories(img.getParent());
      var bi = new java.awt.image.BufferedImage(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      javax.imageio.ImageIO.write(bi, "png", img.toFile());
    }
  }
}
