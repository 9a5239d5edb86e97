package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaRef;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.spi.ReadOptions;

/**
 * The sample in the producer's own layout ({@code trainset sample aihub.sidewalk --layout
 * producer}): the release sample of the same seed, renamed and regrouped as the issue describes
 * the producer's files — {@code Sample Data/rawdata/Sidewalk_<task>_<kind>_raw_<N>_<k>.jpg}, the
 * surface masks as {@code _mask_} PNGs beside them, depth files as {@code _depth_<role>_}, and in
 * {@code Sample Data/output/} one CVAT XML per image whose labels declare no {@code <color>} and
 * whose surface attribute is a radio input named {@code attribute}, plus a ZED-style
 * {@code .conf} per depth set with {@code [LEFT_CAM_2K]} … {@code [STEREO]} sections. The task
 * token ({@code A01}) and {@code k = 1} are trainset's choice; no environment CSV (the producer's
 * sample shows none).
 */
final class ProducerSample {
  static final String TASK = "A01";

  private ProducerSample() {}

  static SampleSummary write(Path outDir, SampleOptions options) throws IOException {
    Path release = Files.createTempDirectory("trainset-sidewalk-release");
    try {
      SampleSummary summary = new SidewalkSampleGenerator().generate(release.resolve("r"),
          new SampleOptions(options.items(), options.seed(), options.defects()));
      try (AtomicOutput out = AtomicOutput.directory(outDir)) {
        Path base = out.path().resolve("Sample Data");
        Path raw = Files.createDirectories(base.resolve(ProducerLayout.RAWDATA));
        Path output = Files.createDirectories(base.resolve(ProducerLayout.OUTPUT));
        Path root = release.resolve("r");
        ReadOptions lenient = ReadOptions.defaults();
        int n = 0;
        Random rnd = new Random(options.seed());
        for (Item it : Datasets.readAll(Datasets.plan(new SidewalkFormat(), root, lenient), lenient)) {
          n++;
          java.util.regex.Matcher digits = java.util.regex.Pattern.compile("(\\d{6})").matcher(it.id());
          String number = digits.find() ? digits.group(1) : String.format("%06d", n);
          String kind = String.valueOf(it.attributes().get("folder_kind"));
          String stem = "Sidewalk_" + TASK + "_" + kind + "_";
          if (kind.equals("depth")) {
            for (MediaRef m : it.media()) {
              String role = producerRole(String.valueOf(m.info().get("role")));
              Files.copy(root.resolve(m.path()), raw.resolve(stem + role + "_" + number + "_1.png"));
            }
            writeConf(output.resolve(stem + "output_" + number + "_1.conf"), rnd);
            continue;
          }
          String file = stem + "raw_" + number + "_1.jpg";
          MediaRef m = it.primaryMedia();
          Files.copy(root.resolve(m.path()), raw.resolve(file));
          if (kind.equals("surface")) {
            String mask = it.id().replace("MP_SEL_", "MASK/MP_SEL_").replace(".jpg", ".png");
            Path src = root.resolve(mask);
            if (Files.isRegularFile(src)) Files.copy(src, raw.resolve(stem + "mask_" + number + "_1.png"));
          }
          List<Annotation> shapes = new ArrayList<>();
          for (Annotation a : it.annotations()) if (!(a instanceof Mask)) shapes.add(a);
          Item image = new Item(file, null, List.of(MediaRef.image("images/" + file, m.width(), m.height())),
              Map.of("frame", 0L), shapes);
          SidewalkFolderWriter.writeXml(output.resolve(stem + "output_" + number + "_1.xml"), "Sidewalk_" + TASK,
              SidewalkFolder.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), 200 + n, List.of(image), Map.of(),
              "radio", LossReport.strict());
        }
        out.commit();
      }
      return summary;
    } finally {
      AtomicOutput.deleteRecursively(release);
    }
  }

  /** The producer's name for a release depth role. */
  static String producerRole(String role) {
    return switch (role) {
      case "Disparity16" -> "disp16";
      case "Disparity" -> "disp";
      case "Confidence_save" -> "confidencesave";
      case "Confidence" -> "confidence";
      case "Crop_Left" -> "left";
      case "Crop_Right" -> "right";
      case "Raw_Left" -> "L";
      case "Raw_Right" -> "R";
      default -> throw new IllegalArgumentException("unknown depth role " + role);
    };
  }

  /** A ZED camera's calibration file with its per-resolution sections. */
  private static void writeConf(Path file, Random rnd) throws IOException {
    StringBuilder s = new StringBuilder();
    double fx = 1400 + rnd.nextInt(20);
    String[][] res = {{"2K", "1.1667"}, {"FHD", "1"}, {"HD", "0.6667"}, {"VGA", "0.3500"}};
    for (String side : new String[] {"LEFT", "RIGHT"}) {
      for (String[] r : res) {
        double k = Double.parseDouble(r[1]);
        s.append('[').append(side).append("_CAM_").append(r[0]).append("]\n")
            .append("fx=").append(Math.round(fx * k * 100) / 100.0).append('\n')
            .append("fy=").append(Math.round(fx * k * 100) / 100.0).append('\n')
            .append("cx=").append(Math.round(960 * k * 100) / 100.0).append('\n')
            .append("cy=").append(Math.round(540 * k * 100) / 100.0).append('\n')
            .append("k1=-0.1712\nk2=0.0253\n\n");
      }
    }
    s.append("[STEREO]\nBaseline=119.915\nTY=0.0351\nTZ=-0.2104\nCV_2K=0.0012\nCV_FHD=0.0012\nRX_FHD=0.0031\n"
        + "RZ_FHD=-0.0007\n\n[MISC]\nSensor_ID=0\n");
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }
}
