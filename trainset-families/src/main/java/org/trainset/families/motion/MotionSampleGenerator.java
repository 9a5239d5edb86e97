package org.trainset.families.motion;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.KoreanFont;
import org.trainset.families.samples.SampleImages;

/**
 * Takes of one actor raising an arm, seen by four of the twelve cameras (front, right, back,
 * left at middle height), two frames each. Images show the projected skeleton and a Korean
 * slate; 2D keypoints are the true projections (visibility 1 behind the torso, 0 outside the
 * frame); every tenth take also has {@code 3d_pos} and camera files, as ~10% of the release
 * does. Defects: left/right wrists swapped, a box cut at the neck, a visible hand marked absent.
 */
public final class MotionSampleGenerator implements SampleGenerator {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  /** The release films every take with 12 synchronised cameras (C1-C12). */
  static final int CAMERAS = 12;
  static final int FRAMES = 2;
  private static final String[] SCENARIOS = {"28-8", "12-3", "41-2"};
  private static final String[] ACTIONS = {"한 팔 들기", "손 흔들기", "물건 집기"};
  static final String[] DEFECTS = {"keypoint-swap", "box-too-tight", "visible-marked-absent"};
  private static final JsonFactory JSON = new JsonFactory();

  @Override public String formatId() { return MotionFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    long persons = 0;
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      Path root = out.path();
      int perTake = CAMERAS * FRAMES;
      double yaw = 0;
      double dx = 0;
      for (int i = 0; i < options.items(); i++) {
        int takeIndex = i / perTake;
        if (i % perTake == 0) {
          yaw = (rnd.nextDouble() - 0.5) * 0.6;
          dx = (rnd.nextDouble() - 0.5) * 0.6;
        }
        int cam = (i % perTake) / FRAMES;
        int frame = i % FRAMES + 1;
        String scenario = SCENARIOS[takeIndex % SCENARIOS.length];
        String take = String.format("%03d", takeIndex / SCENARIOS.length + 1);
        String clip = scenario + "-" + take + "-C" + (cam + 1);
        String stem = clip + "_" + String.format("%04d", frame);
        double[][] joints = MotionRig.pose(frame * 0.9 + takeIndex, yaw, dx);
        MotionRig.Camera camera = MotionRig.Camera.around(cam * 90, WIDTH, HEIGHT);
        boolean with3d = takeIndex % 10 == 0;
        if (with3d) {
          write3d(root.resolve("Annotation/3D/" + scenario + "/" + scenario + "-" + take + "/3D_" + scenario + "-" + take
              + "_" + String.format("%04d", frame) + ".json"), joints);
          if (frame == 1) writeCamera(root.resolve("Annotation/3D/" + scenario + "/camera/" + clip + ".json"), camera);
        }
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        double[][] uvd = new double[24][];
        for (int j = 0; j < 24; j++) uvd[j] = camera.project(joints[j]);
        BufferedImage img = draw(uvd, rnd, scenario, take, cam + 1);
        SampleImages.writeJpeg(img, root.resolve("image/" + scenario + "/" + clip + "/" + stem + ".jpg"));
        write2d(root.resolve("Annotation/2D/" + scenario + "/" + clip + "/" + stem + ".json"), stem, scenario, take,
            cam + 1, frame, ACTIONS[takeIndex % ACTIONS.length], uvd, defect, defects);
        persons++;
      }
      out.commit();
    }
    return new SampleSummary(formatId(), options.items(), persons * 2, Map.of("box", persons, "points", persons), defects);
  }

  private static BufferedImage draw(double[][] uvd, Random rnd, String scenario, String take, int cam) throws IOException {
    BufferedImage img = SampleImages.canvas(WIDTH, HEIGHT, new Color(200, 200, 195));
    Graphics2D g = SampleImages.graphics(img);
    g.setColor(new Color(150, 140, 120));
    g.fillRect(0, HEIGHT * 3 / 4, WIDTH, HEIGHT / 4);
    g.setColor(new Color(40, 60, 130));
    g.setStroke(new BasicStroke(7));
    for (int[] b : MotionNames.BONES) {
      double[] p = uvd[b[0] - 1];
      double[] q = uvd[b[1] - 1];
      g.drawLine((int) p[0], (int) p[1], (int) q[0], (int) q[1]);
    }
    int r = headRadius(uvd);
    g.setColor(new Color(220, 180, 150));
    g.fillOval((int) uvd[15][0] - r, (int) uvd[15][1] - r, 2 * r, 2 * r);
    g.setColor(Color.BLACK);
    g.fillRect(8, 8, 250, 36);
    g.setColor(Color.WHITE);
    g.setFont(KoreanFont.of(20f));
    g.drawString("시나리오 " + scenario + " 테이크 " + take + " C" + cam, 16, 33);
    g.dispose();
    SampleImages.noise(img, rnd, 3);
    return img;
  }

  private static int headRadius(double[][] uvd) {
    return (int) Math.round(560 * 0.1 / uvd[15][2]);
  }

  private void write2d(Path file, String stem, String scenario, String take, int cam, int frame, String action,
                       double[][] uvd, String defect, List<PlantedDefect> defects) throws IOException {
    double[][] kp = new double[24][3];
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    double torso = uvd[6][2];
    for (int j = 0; j < 24; j++) {
      double u = MotionRig.round(uvd[j][0], 1);
      double v = MotionRig.round(uvd[j][1], 1);
      boolean inside = u >= 0 && v >= 0 && u < WIDTH && v < HEIGHT;
      int vis = !inside ? 0 : uvd[j][2] > torso + 0.08 ? 1 : 2;
      kp[j] = vis == 0 ? new double[] {0, 0, 0} : new double[] {u, v, vis};
      if (vis > 0) {
        minX = Math.min(minX, u);
        minY = Math.min(minY, v);
        maxX = Math.max(maxX, u);
        maxY = Math.max(maxY, v);
      }
    }
    int r = headRadius(uvd);
    double[] box = {Math.max(0, Math.floor(minX - 8)), Math.max(0, Math.floor(minY - r - 4)), 0, 0};
    box[2] = Math.min(WIDTH, Math.ceil(maxX + 8)) - box[0];
    box[3] = Math.min(HEIGHT, Math.ceil(maxY + 8)) - box[1];
    if ("keypoint-swap".equals(defect)) {
      double[] t = kp[20];
      kp[20] = kp[21];
      kp[21] = t;
      defects.add(new PlantedDefect(defect, stem, "left_wrist and right_wrist swapped"));
    } else if ("box-too-tight".equals(defect)) {
      double cut = uvd[12][1] - box[1];
      box[1] += cut;
      box[3] -= cut;
      defects.add(new PlantedDefect(defect, stem, "box starts at the neck and leaves the head out"));
    } else if ("visible-marked-absent".equals(defect)) {
      int hand = kp[23][2] == 2 ? 23 : 22;
      kp[hand] = new double[] {0, 0, 0};
      defects.add(new PlantedDefect(defect, stem, MotionNames.JOINTS.get(hand) + " is in view but marked 0"));
    }
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("info");
      g.writeStringField("scenario", scenario);
      g.writeStringField("take", take);
      g.writeStringField("camera", "C" + cam);
      g.writeNumberField("frame", frame);
      g.writeStringField("action", action);
      g.writeStringField("actor", "A" + String.format("%03d", 1 + Math.abs(scenario.hashCode()) % 300));
      g.writeEndObject();
      g.writeObjectFieldStart("image");
      g.writeStringField("file_name", stem + ".jpg");
      g.writeNumberField("width", WIDTH);
      g.writeNumberField("height", HEIGHT);
      g.writeEndObject();
      g.writeArrayFieldStart("annotations");
      g.writeStartObject();
      g.writeNumberField("person_id", 1);
      g.writeArrayFieldStart("bbox");
      for (double v : box) number(g, v);
      g.writeEndArray();
      g.writeArrayFieldStart("keypoints");
      int labelled = 0;
      for (double[] k : kp) {
        number(g, k[0]);
        number(g, k[1]);
        g.writeNumber((int) k[2]);
        if (k[2] > 0) labelled++;
      }
      g.writeEndArray();
      g.writeNumberField("num_keypoints", labelled);
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void write3d(Path file, double[][] joints) throws IOException {
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("annotations");
      matrix(g, "3d_pos", joints);
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void writeCamera(Path file, MotionRig.Camera camera) throws IOException {
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      matrix(g, "intrinsics", camera.intrinsics());
      matrix(g, "extrinsics", camera.extrinsics());
      g.writeEndObject();
    }
  }

  private static void matrix(JsonGenerator g, String field, double[][] rows) throws IOException {
    g.writeArrayFieldStart(field);
    for (double[] row : rows) {
      g.writeStartArray();
      for (double v : row) g.writeNumber(v);
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (v == Math.rint(v)) g.writeNumber((long) v); else g.writeNumber(v);
  }
}
