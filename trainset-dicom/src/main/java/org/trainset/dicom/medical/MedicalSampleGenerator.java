package org.trainset.dicom.medical;

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
import javax.imageio.ImageIO;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.dicom.io.DicomWriter;

/**
 * {@code trainset sample aihub.medical}: mammography patients (4 real DICOM views each, synthetic
 * PHI, lesion polygons for malignant cases) and fundus jpgs with their CSV. One patient per 8
 * requested items; the rest are fundus images. Same seed, same bytes.
 */
public final class MedicalSampleGenerator implements SampleGenerator {
  private static final String[] CLASSES = {"malignant", "benign", "normal"};
  private static final String[] BIRADS = {"5", "3", "1"};
  private static final String[] NAMES = {"김민지", "이서연", "박지우", "최수아", "정하은", "강예린"};
  /** Wide-angle fundus codes in the release (glaucoma was shot with the general camera only). */
  private static final String[] WIDE_CODES = {"Normal", "AMD", "DMR", "RVO"};

  @Override public String formatId() { return MedicalFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    int patients = Math.max(1, options.items() / 8);
    int fundusCount = Math.max(1, options.items() - 4 * patients);
    List<PlantedDefect> defects = new ArrayList<>();
    long polygons = 0;
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      List<List<String>> cases = new ArrayList<>();
      for (int i = 0; i < patients; i++) {
        String cls = CLASSES[i % 3];
        String pid = String.format("MG%05d", 1 + rnd.nextInt(90000));
        while (pidTaken(cases, pid)) pid = String.format("MG%05d", 1 + rnd.nextInt(90000));
        var p = new SyntheticMammogram.Patient(pid, NAMES[rnd.nextInt(NAMES.length)] + "^" + pid,
            String.format("19%02d%02d%02d", 50 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
            String.format("2023%02d%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
            i % 2 == 0 ? "HOLOGIC" : "GE", i % 2 == 0 ? "Selenia Dimensions" : "Senographe Pristina",
            "SN" + (1000 + rnd.nextInt(9000)));
        cases.add(List.of(pid, cls, BIRADS[i % 3], p.device(), p.model(),
            cls.equals("malignant") ? "Invasive ductal carcinoma, grade " + (1 + rnd.nextInt(3)) + ", ER+" : ""));
        List<String> lesionJson = new ArrayList<>();
        for (String view : MedicalLayout.VIEWS) {
          double[] lesion = null;
          if (cls.equals("malignant") && view.startsWith("R")) {
            double cx = 20 + rnd.nextInt(15);
            double cy = 30 + rnd.nextInt(30);
            lesion = new double[] {cx - 5, cy - 4, cx + 5, cy - 5, cx + 6, cy + 4, cx - 4, cy + 6};
            StringBuilder pts = new StringBuilder();
            for (double d : lesion) pts.append(pts.length() == 0 ? "" : ", ").append(d);
            lesionJson.add("    {\"view\": \"" + view + "\", \"label\": \"lesion\", \"points\": [" + pts + "]}");
            polygons++;
          }
          Path f = out.resolve(MedicalLayout.MAMMO_DIR + "/" + pid + "/" + pid + "_" + view + ".dcm");
          Files.createDirectories(f.getParent());
          try (var os = Files.newOutputStream(f)) {
            DicomWriter.write(SyntheticMammogram.build(p, view, lesion, options.seed()), org.trainset.dicom.io.TransferSyntax.EXPLICIT_LE, os);
          }
        }
        writeReports(out, pid, cls, BIRADS[i % 3], cases.get(cases.size() - 1).get(5));
        if (!lesionJson.isEmpty()) {
          Files.writeString(out.resolve(MedicalLayout.MAMMO_DIR + "/" + pid + "/" + MedicalLayout.LESIONS_JSON),
              "{\n  \"patient_id\": \"" + pid + "\",\n  \"lesions\": [\n" + String.join(",\n", lesionJson) + "\n  ]\n}\n");
        }
      }
      MedicalWriter.write(out.resolve(MedicalLayout.CASES_CSV), MedicalLayout.CASE_COLUMNS, cases);
      List<List<String>> rows = new ArrayList<>();
      Files.createDirectories(out.resolve(MedicalLayout.FUNDUS_IMAGES));
      for (int i = 0; i < fundusCount; i++) {
        String type = i % 3 == 0 ? "Wide" : "General";
        String code = type.equals("General") ? (i % 2 == 0 ? "Normal" : "Glaucoma") : WIDE_CODES[rnd.nextInt(WIDE_CODES.length)];
        String eye = rnd.nextBoolean() ? "L" : "R";
        String name = String.format("%s_%s_%04d_%s.jpg", type, code, i + 1, eye);
        writeFundus(out.resolve(MedicalLayout.FUNDUS_IMAGES + "/" + name), rnd, code);
        rows.add(List.of(String.valueOf(i + 1), name, type, code, code.equals("DMR") && rnd.nextBoolean() ? "Y" : "N", eye,
            type.equals("Wide") ? "Optos California" : "Topcon TRC-NW8"));
      }
      if (options.defects()) plant(out, cases, rows, defects);
      MedicalWriter.write(out.resolve(MedicalLayout.FUNDUS_CSV), MedicalLayout.FUNDUS_COLUMNS, rows);
      out.commit();
    }
    long items = 4L * patients + fundusCount;
    return new SampleSummary(formatId(), items, items + polygons, Map.of("tag", items, "polygon", polygons), defects);
  }

  /**
   * The patient's reports as the seed's collection had them beside the images (radiology for
   * every patient, pathology for malignant ones), in UTF-8 with the aligned columns such reports
   * keep (the panel must preserve them).
   */
  private static void writeReports(AtomicOutput out, String pid, String cls, String birads, String pathology) throws IOException {
    Path dir = out.resolve(MedicalLayout.MAMMO_DIR + "/" + pid + "/" + MedicalLayout.REPORTS_DIR);
    Files.createDirectories(dir);
    String finding = switch (cls) {
      case "malignant" -> "Irregular spiculated mass, right upper outer quadrant.";
      case "benign" -> "Circumscribed oval mass, probably benign.";
      default -> "No suspicious mass, calcification or distortion.";
    };
    Files.writeString(dir.resolve("radiology_report.txt"), "RADIOLOGY REPORT / 영상 판독 보고서\n"
        + "Patient:    " + pid + "\n"
        + "Exam:       Screening mammography, 4 views (RCC LCC RMLO LMLO)\n"
        + "Findings:   " + finding + "\n"
        + "Impression: BI-RADS category " + birads + "\n"
        + "판독의:     영상의학과 전문의\n", java.nio.charset.StandardCharsets.UTF_8);
    if (!pathology.isEmpty()) {
      Files.writeString(dir.resolve("pathology_report.txt"), "PATHOLOGY REPORT / 병리 보고서 (excerpt)\n"
          + "Patient:    " + pid + "\n"
          + "Specimen:   Right breast, core needle biopsy\n"
          + "Diagnosis:  " + pathology + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static boolean pidTaken(List<List<String>> cases, String pid) {
    return cases.stream().anyMatch(c -> c.get(0).equals(pid));
  }

  /** Realistic mistakes for validate: a missing view, an unlisted image, a row without image, a bad name. */
  private static void plant(AtomicOutput out, List<List<String>> cases, List<List<String>> rows, List<PlantedDefect> d)
      throws IOException {
    String pid = cases.get(0).get(0);
    Files.delete(out.resolve(MedicalLayout.MAMMO_DIR + "/" + pid + "/" + pid + "_LMLO.dcm"));
    d.add(new PlantedDefect("medical.missing-view", pid, "LMLO deleted"));
    Files.copy(out.resolve(MedicalLayout.FUNDUS_IMAGES + "/" + rows.get(0).get(1)),
        out.resolve(MedicalLayout.FUNDUS_IMAGES + "/General_Normal_9999_L.jpg"));
    d.add(new PlantedDefect("medical.unlisted-image", "General_Normal_9999_L.jpg", "image without a CSV row"));
    rows.add(List.of("9998", "Wide_RVO_9998_R.jpg", "Wide", "RVO", "N", "R", "Optos California"));
    d.add(new PlantedDefect("medical.missing-image", "Wide_RVO_9998_R.jpg", "CSV row without an image"));
    Files.copy(out.resolve(MedicalLayout.FUNDUS_IMAGES + "/" + rows.get(0).get(1)), out.resolve(MedicalLayout.FUNDUS_IMAGES + "/fundus_7.jpg"));
    rows.add(List.of("9997", "fundus_7.jpg", "General", "Normal", "N", "L", "Topcon TRC-NW8"));
    d.add(new PlantedDefect("medical.bad-name", "fundus_7.jpg", "name breaks the convention"));
  }

  private static void writeFundus(Path file, Random rnd, String code) throws IOException {
    BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 64, 64);
    g.setColor(new Color(200, 80 + rnd.nextInt(30), 30));
    g.fillOval(4, 4, 56, 56);
    g.setColor(new Color(250, 220, 120));
    g.fillOval(code.equals("Glaucoma") ? 36 : 40, 26, code.equals("Glaucoma") ? 14 : 9, code.equals("Glaucoma") ? 14 : 9);
    g.dispose();
    ImageIO.write(img, "jpg", file.toFile());
  }
}
