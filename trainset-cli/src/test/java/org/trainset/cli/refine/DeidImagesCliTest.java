package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.trainset.cli.Cli;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.refine.deid.OpenCv;
import org.trainset.refine.deid.Region;
import org.trainset.testkit.images.SyntheticImages;

/**
 * De-identification through the CLI on a real photograph with a face that OpenCV's stock cascade
 * detects (messi5.jpg from Debian's opencv-doc samples; Messi's face is at about x 244, y 62,
 * 85 × 85) and on generated images with annotated plates.
 */
class DeidImagesCliTest {
  static final Path MESSI = Path.of("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
  static final Region MESSI_FACE = new Region(244, 62, 85, 85, "face", "known");
  /** Blurring must cut the grey-level variance inside every region at least this much. */
  static final double VARIANCE_FACTOR = 4.0;
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test void haarFacesAreBlurredOnCopiesEverythingElseUnchangedAndLogged() throws Exception {
    assertTrue(Files.isRegularFile(MESSI), "install opencv-doc (scripts/install-test-deps): " + MESSI);
    Path media = tmp.resolve("media");
    Files.createDirectories(media);
    Files.copy(MESSI, media.resolve("messi5.jpg"));
    SyntheticImages.writeJpeg(SyntheticImages.scene(1, 320, 240), media.resolve("street.jpg"), 0.9f);
    byte[] originalBytes = Files.readAllBytes(media.resolve("messi5.jpg"));
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(RefineFixtures.tagged("p1", "messi5.jpg", null),
        RefineFixtures.tagged("p2", "street.jpg", null)));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--haar", "face", "--json");
    assertEquals(0, r.exitCode(), r.toString());

    JsonNode log = JSON.readTree(tmp.resolve("out/deid.json").toFile());
    JsonNode messi = log.at("/images/0");
    assertEquals("p1", messi.get("item").asText());
    assertEquals("deidentified", messi.get("status").asText());
    assertEquals("blur", messi.get("method").asText());
    assertEquals("media/messi5.png", messi.get("output").asText());
    List<Region> regions = new ArrayList<>();
    for (JsonNode x : messi.get("regions")) {
      assertEquals("haar:haarcascade_frontalface_default.xml", x.get("detector").asText());
      regions.add(new Region(x.get("x").asInt(), x.get("y").asInt(), x.get("width").asInt(), x.get("height").asInt(), "face", "haar"));
    }
    assertTrue(regions.stream().anyMatch(g -> g.iou(MESSI_FACE) > 0.5), "the face is found: " + regions);
    assertEquals(regions.size(), log.at("/counts/regions").asInt());

    OpenCv.load();
    Mat before = Imgcodecs.imread(media.resolve("messi5.jpg").toString());
    Mat after = Imgcodecs.imread(out.resolve("media/messi5.png").toString());
    for (Region g : regions) {
      double vb = variance(before, g), va = variance(after, g);
      assertTrue(vb / va >= VARIANCE_FACTOR, "variance in " + g + " only fell from " + vb + " to " + va);
    }
    assertEquals(0, changedOutside(before, after, regions), "pixels outside the regions are unchanged");
    assertArrayEquals(originalBytes, Files.readAllBytes(media.resolve("messi5.jpg")), "original untouched");
    assertEquals("unchanged", log.at("/images/1/status").asText());
    assertArrayEquals(Files.readAllBytes(media.resolve("street.jpg")), Files.readAllBytes(out.resolve("media/street.jpg")));

    String sheet = Files.readString(tmp.resolve("out/deid.html"));
    assertEquals(4, sheet.split("<img ").length - 1, "before and after for both images");
    JsonNode editable = JSON.readTree(tmp.resolve("out/deid-regions.json").toFile());
    assertEquals(regions.size(), editable.get("regions").size());
  }

  @Test void reviewCorrectionsFeedBackAsARegionList() throws Exception {
    Path media = tmp.resolve("media");
    Files.createDirectories(media);
    Files.copy(MESSI, media.resolve("m.jpg"));
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(RefineFixtures.tagged("p1", "m.jpg", null)));
    Path corrections = tmp.resolve("fix.csv");
    // A reviewer says the face detection is a false hit (remove) and a missed region must be added.
    Files.writeString(corrections, "item,x,y,width,height,label,action\n"
        + "p1,244,62,85,85,face,remove\np1,10,10,40,30,license_plate,add\n");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--haar", "face",
        "--regions", corrections.toString(), "--method", "pixelate");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode img = JSON.readTree(tmp.resolve("out/deid.json").toFile()).at("/images/0");
    assertTrue(img.get("vetoed").size() >= 1, img.toString());
    List<String> kept = new ArrayList<>();
    img.get("regions").forEach(x -> kept.add(x.get("x").asInt() + "," + x.get("y").asInt() + " " + x.get("detector").asText()));
    assertTrue(kept.contains("10,10 regions:fix.csv"), kept.toString());
    assertTrue(kept.stream().noneMatch(k -> k.startsWith("244,")), "the vetoed face stays: " + kept);
  }

  @Test void annotatedPlatesArePixelatedOtherLabelsLeftAlone() throws Exception {
    Path media = tmp.resolve("media");
    SyntheticImages.writeJpeg(SyntheticImages.scene(9, 400, 300), media.resolve("car.jpg"), 0.95f);
    Box plate = new Box(AnnotationMeta.of("license_plate"), 150.4, 200.2, 90, 30);
    Box car = new Box(AnnotationMeta.of("car"), 20, 20, 100, 80);
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(new RefineFixtures.Row("c1", "car.jpg", List.of(plate, car))));
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--labels",
        "license_plate,face", "--method", "pixelate");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode reg = JSON.readTree(tmp.resolve("out/deid.json").toFile()).at("/images/0/regions");
    assertEquals(1, reg.size());
    assertEquals("[150,200,91,31]", "[" + reg.at("/0/x") + "," + reg.at("/0/y") + "," + reg.at("/0/width") + "," + reg.at("/0/height") + "]");
    OpenCv.load();
    Mat before = Imgcodecs.imread(media.resolve("car.jpg").toString());
    Mat after = Imgcodecs.imread(out.resolve("media/car.png").toString());
    Region g = new Region(150, 200, 91, 31, "license_plate", "annotation");
    assertTrue(variance(before, g) / variance(after, g) >= 1.5, "pixelation lowers variance");
    assertEquals(0, changedOutside(before, after, List.of(g)));
  }

  @Test void missingCascadeIsAClearInputErrorAndNoDetectorIsUsage() throws Exception {
    RefineFixtures.dataset(tmp.resolve("ds"), tmp, List.of());
    Cli.Result r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", tmp.resolve("o").toString(),
        "--cascade", tmp.resolve("nope.xml").toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("nope.xml") && r.err().contains("cascade-missing"), r.err());
    assertEquals(2, Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", tmp.resolve("o").toString()).exitCode());
    assertTrue(!Files.exists(tmp.resolve("o")), "no output after a failed run");
  }

  @Test void aBrokenImageOrRegionListFailsCleanlyAndLeavesEarlierOutput() throws Exception {
    Path media = tmp.resolve("media");
    Files.createDirectories(media);
    Files.copy(MESSI, media.resolve("ok.jpg"));
    Files.writeString(media.resolve("broken.jpg"), "not a jpeg");
    RefineFixtures.dataset(tmp.resolve("ds"), media, List.of(RefineFixtures.tagged("a", "ok.jpg", null),
        RefineFixtures.tagged("b", "broken.jpg", null)));
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("earlier.txt"), "earlier run");
    Cli.Result r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--haar", "face");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("[item b]") && r.err().contains("image-decode"), r.err());
    assertEquals("earlier run", Files.readString(out.resolve("earlier.txt")));
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(), "no staging left");
    }
    Path regions = tmp.resolve("bad.json");
    Files.writeString(regions, "{\"regions\": [{\"item\": \"a\", \"x\": 1}]}");
    r = Cli.run("deid", "images", tmp.resolve("ds").toString(), "--out", out.toString(), "--regions", regions.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.json") && r.err().contains("regions[0]"), r.err());
  }

  static double variance(Mat image, Region r) {
    Mat gray = new Mat();
    Imgproc.cvtColor(image.submat(new Rect(r.x(), r.y(), r.width(), r.height())), gray, Imgproc.COLOR_BGR2GRAY);
    MatOfDouble mean = new MatOfDouble(), std = new MatOfDouble();
    Core.meanStdDev(gray, mean, std);
    return Math.pow(std.get(0, 0)[0], 2);
  }

  static long changedOutside(Mat a, Mat b, List<Region> regions) {
    assertEquals(a.size(), b.size());
    long changed = 0;
    byte[] pa = new byte[(int) (a.total() * a.channels())], pb = new byte[pa.length];
    a.get(0, 0, pa);
    b.get(0, 0, pb);
    int w = a.cols();
    for (int i = 0; i < pa.length; i += 3) {
      int x = (i / 3) % w, y = (i / 3) / w;
      boolean inside = regions.stream().anyMatch(g -> x >= g.x() && x < g.x() + g.width() && y >= g.y() && y < g.y() + g.height());
      if (!inside && (pa[i] != pb[i] || pa[i + 1] != pb[i + 1] || pa[i + 2] != pb[i + 2])) changed++;
    }
    return changed;
  }
}
