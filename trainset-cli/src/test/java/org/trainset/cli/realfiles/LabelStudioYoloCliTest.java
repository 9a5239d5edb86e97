package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 16 item 10: Label Studio's YOLO export ({@code classes.txt}, {@code notes.json},
 * {@code images/}, {@code labels/}, no data.yaml) is YOLO, not a media folder. Built from the
 * CVAT/Datumaro YOLOv8 detection fixture's image and label file.
 */
class LabelStudioYoloCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private Path labelStudioExport() throws Exception {
    Path src = SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection");
    Path root = tmp.resolve("project-1-at-2024");
    Files.createDirectories(root.resolve("images"));
    Files.createDirectories(root.resolve("labels"));
    Files.copy(src.resolve("images/train/1.jpg"), root.resolve("images/1.jpg"));
    Files.copy(src.resolve("labels/train/1.txt"), root.resolve("labels/1.txt"));
    StringBuilder classes = new StringBuilder();
    for (int i = 0; i < 10; i++) classes.append("label_").append(i).append('\n');
    Files.writeString(root.resolve("classes.txt"), classes);
    Files.writeString(root.resolve("notes.json"), "{\"categories\": [{\"id\": 0, \"name\": \"label_0\"}], "
        + "\"info\": {\"year\": 2024, \"version\": \"1.0\", \"contributor\": \"Label Studio\"}}");
    return root;
  }

  @Test void detectedAndReadAsYolo() throws Exception {
    Path root = labelStudioExport();
    Cli.Result d = Cli.run("detect", root.toString());
    assertEquals("yolo", d.firstLine(), d.toString());
    Cli.Result s = Cli.run("stats", root.toString(), "--json");
    assertEquals(0, s.exitCode(), s.toString());
    JsonNode stats = M.readTree(s.out());
    assertEquals("yolo", stats.get("format").asText());
    assertEquals(1, stats.get("items").asInt());
    assertEquals(2, stats.get("byType").get("box").asInt(), s.out());
    assertEquals(1, stats.get("byLabel").get("label_2").asInt(), s.out());
    assertEquals(1, stats.get("byLabel").get("label_4").asInt(), s.out());
  }

  @Test void aFolderWithClassesTxtButNoLabelsIsStillMedia() throws Exception {
    Path root = tmp.resolve("photos");
    Files.createDirectories(root.resolve("images"));
    Files.copy(SharedFixtures.external("cvat-ai-datumaro/tests/assets/yolo_dataset/yolov8_detection/images/train/1.jpg"),
        root.resolve("images/1.jpg"));
    Files.writeString(root.resolve("classes.txt"), "cat\ndog\n");
    assertEquals("media", Cli.run("detect", root.toString()).firstLine());
  }
}
