package org.trainset.eval.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;

/**
 * Joins a truth CSV ({@code id,label}, label 0 or 1) with one or more score CSVs
 * ({@code id,score}, optionally a {@code fold} column). Several score files are taken as one fold
 * each (cross-validation output); a fold column splits one file. Every truth id must be scored
 * exactly once and every scored id must be in the truth; any breach is an
 * {@link InputException} naming the file and line.
 */
public final class ClassifyInput {
  /** One fold's samples (or all samples when there are no folds). */
  public record Fold(String name, LabeledScores data) {}

  private ClassifyInput() {}

  public static List<Fold> read(Path truthFile, List<Path> scoreFiles) throws IOException {
    Map<String, Integer> labels = new HashMap<>();
    Map<String, Long> truthLines = new LinkedHashMap<>();
    CsvTable truth = CsvTable.read(truthFile);
    int idCol = truth.requireColumn("id");
    int labelCol = truth.requireColumn("label", "y_true", "truth", "y");
    for (CsvTable.Row row : truth.rows()) {
      String id = truth.field(row, idCol, "id");
      if (id.isEmpty()) throw new InputException(truthFile, row.line(), -1, "csv-missing-id", "empty id");
      String raw = truth.field(row, labelCol, "label");
      int label = parseLabel(raw);
      if (label < 0) throw new InputException(truthFile, row.line(), -1, "label-not-binary", "label '" + raw + "' of id " + id + " is not 0 or 1");
      if (labels.put(id, label) != null) {
        throw new InputException(truthFile, row.line(), -1, "duplicate-id", "id " + id + " appears again (first on line " + truthLines.get(id) + ")");
      }
      truthLines.put(id, row.line());
    }
    Map<String, String> seenIn = new HashMap<>();
    Map<String, List<String>> foldIds = new LinkedHashMap<>();
    Map<String, List<Double>> foldScores = new LinkedHashMap<>();
    for (Path file : scoreFiles) {
      CsvTable scores = CsvTable.read(file);
      int sid = scores.requireColumn("id");
      int sc = scores.requireColumn("score", "y_score", "probability", "prob");
      int fc = scores.column("fold");
      for (CsvTable.Row row : scores.rows()) {
        String id = scores.field(row, sid, "id");
        if (id.isEmpty()) throw new InputException(file, row.line(), -1, "csv-missing-id", "empty id");
        String raw = scores.field(row, sc, "score");
        double s;
        try {
          s = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
          s = Double.NaN;
        }
        if (!Double.isFinite(s)) throw new InputException(file, row.line(), -1, "score-not-numeric", "score '" + raw + "' of id " + id + " is not a finite number");
        if (!labels.containsKey(id)) {
          throw new InputException(file, row.line(), -1, "id-not-in-truth", "id " + id + " has a score but no label in " + truthFile.getFileName());
        }
        String where = file.getFileName() + ":" + row.line();
        String prev = seenIn.put(id, where);
        if (prev != null) throw new InputException(file, row.line(), -1, "duplicate-id", "id " + id + " is scored twice (also at " + prev + ")");
        String fold = fc >= 0 ? scores.field(row, fc, "fold") : scoreFiles.size() > 1 ? file.getFileName().toString() : "all";
        foldIds.computeIfAbsent(fold, k -> new ArrayList<>()).add(id);
        foldScores.computeIfAbsent(fold, k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<String, Long> e : truthLines.entrySet()) {
      if (!seenIn.containsKey(e.getKey())) {
        throw new InputException(truthFile, e.getValue(), -1, "id-not-scored", "id " + e.getKey() + " has a label but no score");
      }
    }
    List<Fold> folds = new ArrayList<>();
    List<String> foldNames = new ArrayList<>(foldIds.keySet());
    if (scoreFiles.size() == 1) foldNames.sort(ClassifyInput::compareFoldNames); // files keep command-line order
    for (String fold : foldNames) {
      List<String> ids = foldIds.get(fold);
      List<Double> sc = foldScores.get(fold);
      int[] y = new int[ids.size()];
      double[] s = new double[ids.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = labels.get(ids.get(i));
        s[i] = sc.get(i);
      }
      folds.add(new Fold(fold, new LabeledScores(ids.toArray(String[]::new), y, s)));
    }
    return folds;
  }

  /** Fold names in natural order: numbers numerically (2 before 10), then text. */
  static int compareFoldNames(String a, String b) {
    String da = a.replaceAll("\\D+", ""), db = b.replaceAll("\\D+", "");
    String pa = a.replaceAll("\\d+", ""), pb = b.replaceAll("\\d+", "");
    if (pa.equals(pb) && !da.isEmpty() && !db.isEmpty() && da.length() < 18 && db.length() < 18) {
      int c = Long.compare(Long.parseLong(da), Long.parseLong(db));
      if (c != 0) return c;
    }
    return a.compareTo(b);
  }

  /** 0 or 1 (also written 0.0 / 1.0, true / false); -1 for anything else. */
  static int parseLabel(String raw) {
    switch (raw.toLowerCase(java.util.Locale.ROOT)) {
      case "0", "0.0", "false" -> { return 0; }
      case "1", "1.0", "true" -> { return 1; }
      default -> { return -1; }
    }
  }

  /** All folds pooled into one sample set. */
  public static LabeledScores pooled(List<Fold> folds) {
    int n = folds.stream().mapToInt(f -> f.data().size()).sum();
    String[] ids = new String[n];
    int[] y = new int[n];
    double[] s = new double[n];
    int at = 0;
    for (Fold f : folds) {
      LabeledScores d = f.data();
      System.arraycopy(d.ids(), 0, ids, at, d.size());
      System.arraycopy(d.labels(), 0, y, at, d.size());
      System.arraycopy(d.scores(), 0, s, at, d.size());
      at += d.size();
    }
    return new LabeledScores(ids, y, s);
  }
}
