package org.trainset.families.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Points;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.SampleImages;

/**
 * People photographed on a complete grid (S001, L1, E01–E03, C1–C4 = 12 shots each; the last
 * person's grid is E01 × C1…Cr for the remainder so every grid stays complete), resolutions
 * cycling High / Middle / Low. Defects: a shot missing from a grid, right/left eye landmarks
 * swapped in a label file.
 */
public final class FaceSampleGenerator implements SampleGenerator {
  private static final String[] RESOLUTIONS = {"High", "Middle", "Low"};
  private static final int[] SIZES = {192, 128, 64};
  static final String[] AGE_GROUPS = {"20s", "30s", "40s", "50s"};
  private static final int CAMERAS = 4;

  @Override public String formatId() { return FaceFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    long items = 0;
    long points = 0;
    long boxes = 0;
    int full = options.items() / (3 * CAMERAS);
    int rest = options.items() % (3 * CAMERAS);
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      for (int p = 0; p < full + (rest > 0 ? 1 : 0); p++) {
        boolean last = p == full;
        int expressions = last ? 1 : 3;
        int cameras = last ? rest : CAMERAS;
        String person = String.format("%08d", 19062401 + p * 7);
        String res = RESOLUTIONS[p % 3];
        int missingAt = options.defects() && p % 2 == 0 && expressions * cameras > 1 ? rnd.nextInt(expressions * cameras) : -1;
        int swapAt = options.defects() && p % 2 == 1 ? rnd.nextInt(expressions * cameras) : -1;
        int shot = 0;
        for (int e = 1; e <= expressions; e++) {
          for (int c = 1; c <= cameras; c++, shot++) {
            String stem = res + "_Resolution/" + person + "/S001/L1/E0" + e + "/C" + c;
            FaceDrawing d = new FaceDrawing(SIZES[p % 3], c, 1, e, rnd);
            if (shot == missingAt) {
              defects.add(new PlantedDefect("missing-shot", res + "_Resolution/" + person, "S001/L1/E0" + e + "/C" + c + " not captured"));
              continue;
            }
            Points lm = d.landmarks;
            if (shot == swapAt) {
              lm = swapEyes(lm);
              defects.add(new PlantedDefect("swapped-landmarks", stem, "right and left eye centres swapped"));
            }
            Path jpg = out.resolve(stem + ".jpg");
            SampleImages.writeJpeg(d.image, jpg);
            Files.writeString(out.resolve(stem + ".txt"), FaceLabels.write(lm, d.boxes), StandardCharsets.UTF_8);
            items++;
            points++;
            boxes += d.boxes.size();
          }
        }
      }
      Map<String, String[]> subjects = new java.util.TreeMap<>();
      for (int p = 0; p < full + (rest > 0 ? 1 : 0); p++) {
        // genders alternate and age groups cycle, so a sample of 8 people is balanced on both
        subjects.put(String.format("%08d", 19062401 + p * 7), new String[] {p % 2 == 0 ? "female" : "male",
            AGE_GROUPS[(p / 2) % AGE_GROUPS.length]});
      }
      FaceSubjects.write(out.resolve(FaceSubjects.FILE), subjects);
      out.commit();
    }
    return new SampleSummary(formatId(), items, points + boxes, Map.of("points", points, "box", boxes), defects);
  }

  private static Points swapEyes(Points p) {
    double[] pts = p.points();
    double x = pts[2];
    double y = pts[3];
    pts[2] = pts[4];
    pts[3] = pts[5];
    pts[4] = x;
    pts[5] = y;
    return new Points(AnnotationMeta.of(FaceLabels.LANDMARK_LABEL), pts, p.visibility());
  }
}
