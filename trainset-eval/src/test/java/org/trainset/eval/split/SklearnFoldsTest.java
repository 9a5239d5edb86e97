package org.trainset.eval.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trainset.testkit.PythonOracle;

/** Fold assignments equal scikit-learn's, run live on generated cases. */
class SklearnFoldsTest {
  private static final String SCRIPT = """
      import json, sys, warnings
      import numpy as np
      from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, GroupKFold, KFold
      warnings.simplefilter('ignore')
      out = []
      for c in json.load(sys.stdin):
          y = np.array(c['y']); g = np.array(c['g']); k = c['k']; X = np.zeros((len(y), 1))
          cv = {'sgkf': StratifiedGroupKFold(n_splits=k), 'skf': StratifiedKFold(n_splits=k),
                'gkf': GroupKFold(n_splits=k), 'gkf-ties': GroupKFold(n_splits=k), 'kf': KFold(n_splits=k)}[c['algo']]
          fold = [-1] * len(y)
          for f, (_, test) in enumerate(cv.split(X, y, g)):
              for i in test: fold[i] = f
          out.append(fold)
      print(json.dumps(out))
      """;

  private record Case(String algo, int k, List<SplitSample> samples) {}

  @Test
  void foldsEqualScikitLearn() throws Exception {
    Random rnd = new Random(7);
    List<Case> cases = new ArrayList<>();
    String[] algos = {"sgkf", "skf", "kf", "gkf", "gkf-ties"};
    for (String algo : algos) {
      for (int rep = 0; rep < (algo.equals("sgkf") ? 60 : 12); rep++) {
        int k = new int[] {2, 3, 5, 10}[rep % 4];
        int nGroups = algo.equals("gkf-ties") ? 10 + rnd.nextInt(7) : 10 + rnd.nextInt(60);
        int nClasses = 2 + rnd.nextInt(4);
        List<SplitSample> samples = new ArrayList<>();
        int[] sizes = new int[nGroups];
        // gkf: distinct group sizes; gkf-ties: tied sizes but at most 16 groups (where numpy's order is known)
        for (int g = 0; g < nGroups; g++) sizes[g] = algo.equals("gkf") ? g + 1 : 1 + rnd.nextInt(algo.equals("gkf-ties") ? 3 : 8);
        for (int g = 0; g < nGroups; g++) {
          // a patient mostly has one class, sometimes several; classes are skewed
          int main = Math.min(nClasses - 1, (int) Math.floor(-Math.log(rnd.nextDouble()) * 0.9));
          String group = String.format("p%05d", rnd.nextInt(1000) * 100 + g);
          for (int j = 0; j < sizes[g]; j++) {
            int cls = rnd.nextDouble() < 0.75 ? main : rnd.nextInt(nClasses);
            samples.add(new SplitSample("item" + samples.size(), "c" + cls, group));
          }
        }
        java.util.Collections.shuffle(samples, rnd); // items of a group are not contiguous
        cases.add(new Case(algo, k, samples));
      }
    }
    List<Map<String, Object>> input = new ArrayList<>();
    for (Case c : cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("algo", c.algo);
      m.put("k", c.k);
      m.put("y", c.samples.stream().map(SplitSample::cls).toList());
      m.put("g", c.samples.stream().map(SplitSample::group).toList());
      input.add(m);
    }
    JsonNode want = PythonOracle.run(SCRIPT, input);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      int[] expected = new int[c.samples.size()];
      for (int j = 0; j < expected.length; j++) expected[j] = want.get(i).get(j).asInt();
      int[] got = switch (c.algo) {
        case "sgkf" -> StratifiedGroupKFold.folds(c.samples, c.k, null);
        case "skf" -> SklearnKFolds.stratified(c.samples, c.k);
        case "gkf", "gkf-ties" -> SklearnKFolds.grouped(c.samples, c.k);
        default -> SklearnKFolds.plain(c.samples.size(), c.k);
      };
      assertArrayEquals(expected, got, c.algo + " case " + i + " (k=" + c.k + ")");
      if (!c.algo.equals("skf") && !c.algo.equals("kf")) {
        SplitReport r = SplitReport.check(c.samples, got, new SplitPlan(c.k, null, null, 0, false).splitNames());
        assertTrue(r.leaks().isEmpty(), "no group crosses folds");
      }
    }
    assertEquals(108, cases.size());
  }
}
