package org.trainset.eval.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trainset.testkit.PythonOracle;

/**
 * ROC AUC, the ROC curve and the threshold metrics agree with scikit-learn (run live) on random
 * and heavily tied scores; the DeLong variance agrees with a direct O(m·n) computation of the
 * structural components in numpy.
 */
class SklearnAgreementTest {
  private static final String SCRIPT = """
      import json, sys
      import numpy as np
      from sklearn.metrics import roc_auc_score, roc_curve, recall_score, precision_score, accuracy_score
      out = []
      for c in json.load(sys.stdin):
          y = np.array(c['y']); s = np.array(c['s']); t = c['t']
          pred = (s >= t).astype(int)
          fpr, tpr, thr = roc_curve(y, s)
          x = s[y == 1][:, None]; z = s[y == 0][None, :]
          psi = (x > z) + 0.5 * (x == z)
          v10 = psi.mean(axis=1); v01 = psi.mean(axis=0)
          var = v10.var(ddof=1) / len(v10) + v01.var(ddof=1) / len(v01)
          def rate(f, **kw):
              # undefined (0/0) when the result depends on zero_division: reported as NaN
              a = f(y, pred, zero_division=0, **kw); b = f(y, pred, zero_division=1, **kw)
              return a if a == b else float('nan')
          out.append({'auc': roc_auc_score(y, s),
                      'sensitivity': rate(recall_score),
                      'specificity': rate(recall_score, pos_label=0),
                      'ppv': rate(precision_score),
                      'npv': rate(precision_score, pos_label=0),
                      'accuracy': accuracy_score(y, pred),
                      'fpr': fpr.tolist(), 'tpr': tpr.tolist(), 'thr': thr.tolist(),
                      'delong_var': var, 'delong_auc': psi.mean()})
      print(json.dumps(out))
      """;

  @Test
  void agreesWithScikitLearnOnRandomAndTiedScores() throws Exception {
    Random rnd = new Random(20261124);
    List<LabeledScores> cases = new ArrayList<>();
    List<Double> thresholds = new ArrayList<>();
    int[] sizes = {4, 7, 20, 53, 200, 1000};
    for (int rep = 0; rep < 4; rep++) {
      for (int n : sizes) {
        for (int tieLevels : new int[] {0, 2, 5, 11}) {
          int[] y = new int[n];
          double[] s = new double[n];
          y[0] = 1; // both classes present
          y[1] = 0;
          for (int i = 2; i < n; i++) y[i] = rnd.nextDouble() < 0.3 + 0.1 * rep ? 1 : 0;
          for (int i = 0; i < n; i++) {
            double signal = y[i] * 0.6 + rnd.nextGaussian() * 0.5;
            // heavily tied: scores rounded onto a few levels, as from a coarse classifier
            s[i] = tieLevels == 0 ? signal : Math.round(signal * tieLevels) / (double) tieLevels;
          }
          cases.add(LabeledScores.of(y, s));
          thresholds.add(tieLevels == 0 ? 0.3 : Math.round(0.3 * tieLevels) / (double) tieLevels);
        }
      }
    }
    List<Map<String, Object>> input = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("y", cases.get(i).labels());
      c.put("s", cases.get(i).scores());
      c.put("t", thresholds.get(i));
      input.add(c);
    }
    JsonNode want = PythonOracle.run(SCRIPT, input);
    assertEquals(cases.size(), want.size());
    for (int i = 0; i < cases.size(); i++) {
      BinaryReport r = BinaryReport.of("case" + i, cases.get(i), thresholds.get(i));
      JsonNode w = want.get(i);
      for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
        assertEquals(w.get(m.getKey()).asDouble(), m.getValue(), 1e-9, "case " + i + " " + m.getKey());
      }
      assertArrayEquals(doubles(w.get("fpr")), r.roc().fpr(), 1e-12, "case " + i + " fpr");
      assertArrayEquals(doubles(w.get("tpr")), r.roc().tpr(), 1e-12, "case " + i + " tpr");
      assertArrayEquals(doubles(w.get("thr")), r.roc().thresholds(), 1e-12, "case " + i + " thresholds");
      assertEquals(w.get("delong_auc").asDouble(), r.ci().auc(), 1e-9, "case " + i + " DeLong AUC");
      assertEquals(w.get("delong_var").asDouble(), r.ci().variance(), 1e-9, "case " + i + " DeLong variance");
      assertEquals(r.auc(), r.ci().auc(), 1e-12, "Mann-Whitney AUC equals trapezoid AUC");
    }
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
    return out;
  }
}
