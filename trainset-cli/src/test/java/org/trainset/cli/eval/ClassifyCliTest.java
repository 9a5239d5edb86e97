package org.trainset.cli.eval;

import org.trainset.testkit.PythonOracle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** {@code trainset eval classify} through the real CLI, checked against scikit-learn run live. */
class ClassifyCliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  /** A five-fold cross-validation result with tied scores: truth.csv and scores.csv with a fold column. */
  private Map<String, Object> writeCvCase(int n) throws Exception {
    Random rnd = new Random(5);
    StringBuilder truth = new StringBuilder("id,label\n");
    StringBuilder scores = new StringBuilder("id,score,fold\n");
    int[] y = new int[n];
    double[] s = new double[n];
    int[] fold = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextDouble() < 0.35 ? 1 : 0;
      s[i] = Math.round((y[i] * 0.7 + rnd.nextGaussian() * 0.6) * 8) / 8.0; // coarse: many ties
      fold[i] = i % 5;
      truth.append("case-").append(i).append(',').append(y[i]).append('\n');
    }
    for (int i = n - 1; i >= 0; i--) scores.append("case-").append(i).append(',').append(s[i]).append(",f").append(fold[i]).append('\n');
    Files.writeString(tmp.resolve("truth.csv"), truth);
    Files.writeString(tmp.resolve("scores.csv"), scores);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("y", y);
    input.put("s", s);
    input.put("fold", fold);
    return input;
  }

  @Test
  void metricsPerFoldAndPooledAgreeWithScikitLearn() throws Exception {
    Map<String, Object> input = writeCvCase(400);
    Cli.Result r = Cli.run("eval", "classify", "--truth", tmp.resolve("truth.csv").toString(),
        "--scores", tmp.resolve("scores.csv").toString(), "--threshold", "0.25", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode got = MAPPER.readTree(r.out());
    JsonNode want = PythonOracle.run("""
        import json, sys
        import numpy as np
        from sklearn.metrics import roc_auc_score, recall_score
        c = json.load(sys.stdin); y = np.array(c['y']); s = np.array(c['s']); f = np.array(c['fold'])
        def m(yy, ss):
            p = (ss >= 0.25).astype(int)
            return {'auc': roc_auc_score(yy, ss), 'sensitivity': recall_score(yy, p), 'specificity': recall_score(yy, p, pos_label=0)}
        folds = [m(y[f == k], s[f == k]) for k in range(5)]
        aucs = np.array([x['auc'] for x in folds])
        print(json.dumps({'all': m(y, s), 'folds': folds, 'auc_mean': aucs.mean(), 'auc_sd': aucs.std(ddof=1)}))
        """, input);
    for (String k : new String[] {"auc", "sensitivity", "specificity"}) {
      assertEquals(want.get("all").get(k).asDouble(), got.get(k).asDouble(), 1e-9, k);
    }
    assertEquals(5, got.get("folds").size());
    for (int i = 0; i < 5; i++) {
      JsonNode fold = got.get("folds").get(i);
      assertEquals("f" + i, fold.get("name").asText(), "folds in natural order");
      int k = Integer.parseInt(fold.get("name").asText().substring(1));
      for (String m : new String[] {"auc", "sensitivity", "specificity"}) {
        assertEquals(want.get("folds").get(k).get(m).asDouble(), fold.get(m).asDouble(), 1e-9, "fold " + k + " " + m);
      }
    }
    assertEquals(want.get("auc_mean").asDouble(), got.get("cv").get("auc").get("mean").asDouble(), 1e-9);
    assertEquals(want.get("auc_sd").asDouble(), got.get("cv").get("auc").get("sd").asDouble(), 1e-9);
    JsonNode ci = got.get("aucCi95");
    assertTrue(ci.get("lower").asDouble() < got.get("auc").asDouble() && got.get("auc").asDouble() < ci.get("upper").asDouble());
  }

  @Test
  void tableAndPlot() throws Exception {
    writeCvCase(200);
    Path png = tmp.resolve("roc.png");
    Cli.Result r = Cli.run("eval", "classify", "--truth", tmp.resolve("truth.csv").toString(),
        "--scores", tmp.resolve("scores.csv").toString(), "--plot", png.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("auc") && r.out().contains("(DeLong)") && r.out().contains("mean"), r.out());
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(DetectCliTest.colouredPixels(img) > 1000);
  }

  @Test
  void severalScoreFilesAreFolds() throws Exception {
    Files.writeString(tmp.resolve("t.csv"), "id,label\na,1\nb,0\nc,1\nd,0\ne,1\nf,0\ng,0\nh,1\n");
    Files.writeString(tmp.resolve("f1.csv"), "id,score\na,0.9\nb,0.1\nc,0.4\nd,0.4\n");
    Files.writeString(tmp.resolve("f2.csv"), "id,score\ne,0.8\nf,0.3\ng,0.85\nh,0.9\n");
    Cli.Result r = Cli.run("eval", "classify", "--truth", tmp.resolve("t.csv").toString(),
        "--scores", tmp.resolve("f1.csv").toString(), "--scores", tmp.resolve("f2.csv").toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode got = MAPPER.readTree(r.out());
    assertEquals("f1.csv", got.get("folds").get(0).get("name").asText());
    // fold 1: positives a=.9, c=.4; negatives b=.1, d=.4 -> pairs 1 + 1 + 0.5 (tie c~d) + 1 = 3.5 of 4
    assertEquals(0.875, got.get("folds").get(0).get("auc").asDouble(), 1e-12);
    // fold 2: positives e=.8, h=.9; negatives f=.3, g=.85 -> e>f, e<g, h>f, h>g = 3 of 4
    assertEquals(0.75, got.get("folds").get(1).get("auc").asDouble(), 1e-12);
    assertEquals(0.8125, got.get("cv").get("auc").get("mean").asDouble(), 1e-12);
  }

  @Test
  void badCsvIsExit3NamingFileAndLine() throws Exception {
    Path t = tmp.resolve("t.csv");
    Path s = tmp.resolve("s.csv");
    Files.writeString(t, "id,label\na,1\nb,0\nc,1\n");
    check(t, s, "id,score\na,0.9\nb,high\nc,0.2\n", "s.csv:3", "score-not-numeric");
    check(t, s, "id,score\na,0.9\n,0.3\nc,0.2\n", "s.csv:3", "csv-missing-id");
    check(t, s, "id,score\na,0.9\nb,0.3\nc,0.2\nz,0.5\n", "s.csv:5", "id-not-in-truth");
    check(t, s, "id,score\na,0.9\nc,0.2\n", "t.csv:3", "id-not-scored");
    check(t, s, "id,score\na,0.9\nb,0.3\nb,0.3\nc,0.1\n", "s.csv:4", "duplicate-id");
    Files.writeString(t, "id,label\na,1\nb,2\nc,1\n");
    check(t, s, "id,score\na,0.9\nb,0.3\nc,0.2\n", "t.csv:3", "label-not-binary");
    Files.writeString(t, "name,label\na,1\n");
    check(t, s, "id,score\na,0.9\n", "t.csv:1", "csv-header");
  }

  private void check(Path t, Path s, String scores, String where, String rule) throws Exception {
    Files.writeString(s, scores);
    Cli.Result r = Cli.run("eval", "classify", "--truth", t.toString(), "--scores", s.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains(where) && r.err().contains(rule), "expected " + where + " " + rule + " in: " + r.err());
  }
}
