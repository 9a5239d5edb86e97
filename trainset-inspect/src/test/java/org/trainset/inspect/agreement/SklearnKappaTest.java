package org.trainset.inspect.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Cohen's κ agrees with scikit-learn's {@code cohen_kappa_score} (python3-sklearn, installed by
 * scripts/install-test-deps) on random cases, unweighted and weighted, to 1e-9. Fails, not
 * skips, when the oracle is missing.
 */
class SklearnKappaTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "from sklearn.metrics import cohen_kappa_score",
      "cases = json.load(sys.stdin)",
      "out = [cohen_kappa_score(c['a'], c['b'], weights=c['w']) for c in cases]",
      "print(json.dumps(out))");

  @Test void matchesSklearnOnRandomCases() throws Exception {
    assertTrue(Files.isExecutable(Path.of(PYTHON)), PYTHON + " missing: run scripts/install-test-deps");
    Random rnd = new Random(20261124);
    List<Map<String, Object>> cases = new ArrayList<>();
    List<CohenKappa.Weights> weights = new ArrayList<>();
    for (int t = 0; t < 60; t++) {
      int n = 5 + rnd.nextInt(200);
      int k = 2 + rnd.nextInt(5);
      List<Integer> a = new ArrayList<>();
      List<Integer> b = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int x = rnd.nextInt(k);
        a.add(x);
        // correlated raters: mostly agree, sometimes drift
        b.add(rnd.nextDouble() < 0.6 ? x : rnd.nextInt(k));
      }
      if (a.stream().distinct().count() + b.stream().distinct().count() < 3) continue;
      CohenKappa.Weights w = CohenKappa.Weights.values()[t % 3];
      weights.add(w);
      Map<String, Object> c = new java.util.LinkedHashMap<>();
      c.put("a", a);
      c.put("b", b);
      c.put("w", w == CohenKappa.Weights.NONE ? null : w.name().toLowerCase());
      cases.add(c);
    }
    ObjectMapper json = new ObjectMapper();
    Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT).redirectErrorStream(false).start();
    try (var in = p.getOutputStream()) {
      in.write(json.writeValueAsBytes(cases));
    }
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "sklearn failed: " + stderr);
    JsonNode expected = json.readTree(stdout);
    assertEquals(cases.size(), expected.size());
    for (int i = 0; i < cases.size(); i++) {
      @SuppressWarnings("unchecked") List<Integer> a = (List<Integer>) cases.get(i).get("a");
      @SuppressWarnings("unchecked") List<Integer> b = (List<Integer>) cases.get(i).get("b");
      double mine = CohenKappa.of(a, b, weights.get(i));
      assertEquals(expected.get(i).asDouble(), mine, 1e-9, "case " + i + " " + weights.get(i));
    }
  }
}
