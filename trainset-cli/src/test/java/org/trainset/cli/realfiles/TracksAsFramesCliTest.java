package org.trainset.cli.realfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/**
 * Issue 16 item 9: CVAT for video → COCO / YOLO with {@code --tracks-as-frames}: each visible
 * track shape becomes an annotation of its frame's image item, with {@code track_id} in COCO.
 * The Datumaro CVAT video fixture has the images of frames 10, 13 and 16 (step 3) and three tracks:
 * a box and points visible on frame 10, a polyline on frame 13; all are outside by frame 16.
 */
class TracksAsFramesCliTest {
  private static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  private static Path video() {
    return SharedFixtures.datumaro("cvat_dataset/for_video");
  }

  @Test void withoutTheOptionTheTracksAreLost() throws Exception {
    Cli.Result r = Cli.run("convert", video().toString(), "--to", "yolo", "--out", tmp.resolve("y").toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(0, M.readTree(r.out()).get("annotations").asInt(), r.out());
  }

  @Test void cocoGetsOneImagePerVisibleFrameWithTrackIds() throws Exception {
    Path out = tmp.resolve("coco");
    Cli.Result r = Cli.run("convert", video().toString(), "--to", "coco", "--out", out.toString(), "--json",
        "--tracks-as-frames");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = M.readTree(r.out());
    assertTrue(j.get("annotations").asInt() > 0, r.out());
    JsonNode coco = M.readTree(out.resolve("annotations/instances_default.json").toFile());
    TreeSet<String> names = new TreeSet<>();
    coco.get("images").forEach(i -> names.add(i.get("file_name").asText()));
    assertEquals(List.of("frame_000010.png", "frame_000013.png"), List.copyOf(names));
    // The box of track 0 (instances) and the points of track 1 (person_keypoints); COCO has no polyline.
    assertEquals(1, coco.get("annotations").size(), coco.toString());
    assertEquals(0, coco.get("annotations").get(0).get("attributes").get("track_id").asInt());
    JsonNode kp = M.readTree(out.resolve("annotations/person_keypoints_default.json").toFile());
    assertEquals(1, kp.get("annotations").get(0).get("attributes").get("track_id").asInt(), kp.toString());
    assertEquals(1, j.get("dropped").get("polyline").asInt(), r.out());
    int withTrack = 0;
    for (JsonNode a : coco.get("annotations")) {
      if (a.path("attributes").has("track_id")) withTrack++;
    }
    assertTrue(withTrack > 0 && withTrack == coco.get("annotations").size(), coco.get("annotations").toString());
    Cli.Result stats = Cli.run("stats", out.toString(), "--json");
    assertEquals(j.get("items").asInt(), M.readTree(stats.out()).get("items").asInt(), stats.toString());
  }

  @Test void yoloGetsLabelFilesForTheFramesWhoseImagesExist() throws Exception {
    Path out = tmp.resolve("yolo");
    Cli.Result r = Cli.run("convert", video().toString(), "--to", "yolo", "--out", out.toString(), "--json",
        "--tracks-as-frames");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode j = M.readTree(r.out());
    assertEquals(2, j.get("items").asInt(), r.out());
    assertEquals(1, j.get("annotations").asInt(), r.out());
    assertEquals(List.of("2 0.26 0.225 0.28 0.05"), Files.readAllLines(out.resolve("labels/train/frame_000010.txt")));
    assertEquals(List.of(), Files.readAllLines(out.resolve("labels/train/frame_000013.txt")));
    assertTrue(Files.isRegularFile(out.resolve("images/train/frame_000013.png")));
    assertEquals(1, j.get("dropped").get("polyline").asInt(), r.out());
    assertTrue(j.get("dropped").has("attribute 'track_id' on box"), r.out());
  }
}
