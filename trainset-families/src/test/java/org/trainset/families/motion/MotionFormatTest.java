package org.trainset.families.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.testkit.GeneratedSampleContract;

/** The contract on generator output; names, visibility and 3D/2D agreement; bad documents. */
class MotionFormatTest extends GeneratedSampleContract {
  /** Two takes of 12 cameras x 2 frames, so a second scenario is present. */
  static final int ITEMS = 48;

  @Override protected String formatId() { return "aihub.motion"; }

  @Override protected SampleGenerator generator() { return new MotionSampleGenerator(); }

  @Override protected SampleOptions sampleOptions() { return new SampleOptions(ITEMS, 2, false); }

  @Test
  void namesBecomeAttributesAndTheLayoutIsTheRelease() throws IOException {
    Path dir = sample();
    assertTrue(Files.isRegularFile(dir.resolve("Annotation/2D/28-8/28-8-001-C1/28-8-001-C1_0001.json")));
    assertTrue(Files.isRegularFile(dir.resolve("image/28-8/28-8-001-C1/28-8-001-C1_0001.jpg")));
    assertTrue(Files.isRegularFile(dir.resolve("Annotation/3D/28-8/28-8-001/3D_28-8-001_0002.json")));
    assertTrue(Files.isRegularFile(dir.resolve("Annotation/3D/28-8/camera/28-8-001-C3.json")));
    Item it = readAll(dir).stream().filter(i -> i.id().equals("12-3-001-C1_0002")).findFirst().orElseThrow();
    assertEquals("12-3", it.attributes().get("scenario"));
    assertEquals("001", it.attributes().get("take"));
    assertEquals("C1", it.attributes().get("camera"));
    assertEquals(2L, it.attributes().get("frame"));
    assertTrue(Files.isRegularFile(dir.resolve(it.primaryMedia().path())));
    assertEquals(24, plan(dir).schema().label("person").orElseThrow().keypoints().size());
  }

  @Test
  void keypointsAreProjectionsOfThe3dPositions() throws IOException {
    int checked = 0;
    int occluded = 0;
    for (Item it : readAll(sample())) {
      Points p = (Points) it.annotations().stream().filter(a -> a instanceof Points).findFirst().orElseThrow();
      for (int j = 0; j < p.count(); j++) {
        assertTrue(p.visibility(j) >= 0 && p.visibility(j) <= 2);
        if (p.visibility(j) == 1) occluded++;
      }
      if (!it.attributes().containsKey("3d_pos")) continue;
      List<?> pos = (List<?>) it.attributes().get("3d_pos");
      List<?> in = (List<?>) it.attributes().get("intrinsics");
      List<?> ex = (List<?>) it.attributes().get("extrinsics");
      assertEquals(24, pos.size());
      for (int j = 0; j < 24; j++) {
        if (p.visibility(j) == 0) continue;
        double[] x = row(pos.get(j));
        double[] c = new double[3];
        for (int r = 0; r < 3; r++) {
          double[] e = row(ex.get(r));
          c[r] = e[0] * x[0] + e[1] * x[1] + e[2] * x[2] + e[3];
        }
        double u = row(in.get(0))[0] * c[0] / c[2] + row(in.get(0))[2];
        double v = row(in.get(1))[1] * c[1] / c[2] + row(in.get(1))[2];
        assertEquals(u, p.x(j), 0.2, it.id() + " joint " + j);
        assertEquals(v, p.y(j), 0.2, it.id() + " joint " + j);
        checked++;
      }
    }
    assertTrue(checked > 100, "checked " + checked);
    assertTrue(occluded > 0, "side and back cameras see joints behind the torso");
  }

  private static double[] row(Object o) {
    return ((List<?>) o).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  @Test
  void badVisibilityNamesFileAndPointer() throws IOException {
    Path dir = tempDir.resolve("bad");
    Path f = dir.resolve("Annotation/2D/28-8/28-8-001-C1/28-8-001-C1_0001.json");
    Files.createDirectories(f.getParent());
    StringBuilder kp = new StringBuilder();
    for (int j = 0; j < 24; j++) kp.append(j == 0 ? "" : ",").append("10,10,").append(j == 5 ? 3 : 2);
    Files.writeString(f, "{\"image\":{\"file_name\":\"a.jpg\"},\"annotations\":[{\"person_id\":1,\"keypoints\":[" + kp + "]}]}");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertTrue(e.getMessage().contains("28-8-001-C1_0001.json") && e.getMessage().contains("/annotations/0/keypoints/17"),
        e.getMessage());
    assertEquals("motion-visibility", e.rule());
  }

  @Test
  void defectsAndSameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    SampleSummary s = new MotionSampleGenerator().generate(a, new SampleOptions(8, 4, true));
    new MotionSampleGenerator().generate(b, new SampleOptions(8, 4, true));
    assertEquals(List.of("keypoint-swap", "box-too-tight", "visible-marked-absent", "keypoint-swap"),
        s.defects().stream().map(d -> d.kind()).toList());
    try (Stream<Path> st = Files.walk(a)) {
      for (Path f : st.filter(Files::isRegularFile).sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
      }
    }
  }
}
