package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** Issue 16 item 1: COCO person keypoints → YOLO pose is one line per person, with the person's COCO box. */
class CocoKeypointsToYoloPoseCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  @Test void onePoseLinePerPersonWithTheCocoBox() throws Exception {
    Path coco = SharedFixtures.external("cvat-ai-datumaro/tests/assets/coco_dataset/coco_person_keypoints");
    Path out = tmp.resolve("pose");
    Cli.Result r = Cli.run("convert", coco.toString(), "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    // a.jpg (10x5): one person, bbox [2,2,3,1], keypoints (0,0,v0) (0,2,v1) (4,1,v2).
    assertEquals(List.of("1 0.35 0.5 0.3 0.2 0 0 0 0 0.4 1 0.4 0.2 2"),
        Files.readAllLines(out.resolve("labels/train/a.txt")));
    // b.jpg (5x10): two persons with boxes [0,0,1,2] and [0,0,1,9]; no line without keypoints or with a 0 0 0 0 box.
    assertEquals(List.of("0 0.1 0.1 0.2 0.2 0.2 0.2 2 0.6 0.4 2 0.4 0.3 2",
            "1 0.1 0.45 0.2 0.9 0.4 0.4 2 0.8 0.4 2 0.8 0.2 2"),
        Files.readAllLines(out.resolve("labels/val/b.txt")));
    JsonNode report = M.readTree(r.out());
    // Three COCO annotations: their ids are dropped once each, not once per shape they were read as.
    long ids = 0;
    for (JsonNode e : report.get("losses")) {
      if (e.get("kind").asText().equals("dropped") && "annotation id".equals(e.path("field").asText())) ids += e.get("count").asLong();
    }
    assertEquals(3, ids, r.out());
    assertFalse(report.get("changed").has("points (without a box -> pose line with their bounding box)"), r.out());
  }

  @Test void keypointsWithoutABoxAndNoVisiblePointAreDroppedNotWrittenAsAnEmptyBox() throws Exception {
    Path f = Files.writeString(tmp.resolve("person_keypoints_x.json"), """
        {"images": [{"id": 1, "file_name": "p.jpg", "width": 10, "height": 10}],
         "categories": [{"id": 1, "name": "person", "keypoints": ["nose", "eye"], "skeleton": [[1, 2]]}],
         "annotations": [
          {"id": 7, "image_id": 1, "category_id": 1, "keypoints": [0, 0, 0, 0, 0, 0], "num_keypoints": 0},
          {"id": 8, "image_id": 1, "category_id": 1, "keypoints": [2, 2, 2, 6, 4, 2], "num_keypoints": 2}]}
        """);
    Path out = tmp.resolve("pose");
    Cli.Result r = Cli.run("convert", f.toString(), "--to", "yolo", "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("0 0.4 0.3 0.4 0.2 0.2 0.2 2 0.6 0.4 2"), Files.readAllLines(out.resolve("labels/x/p.txt")));
    JsonNode report = M.readTree(r.out());
    assertEquals(1, report.get("dropped").get("points (without a box and no labelled point)").asInt(), r.out());
  }
}
