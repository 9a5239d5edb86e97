package org.trainset.inspect.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.agreement.KrippendorffAlpha.Metric;

/** Agreement statistics reproduce the published worked examples. */
class AgreementReferenceTest {

  /** Expands a 2×2 table (yes/yes, yes/no, no/yes, no/no) into two raters' label lists. */
  private static List<List<String>> raters(int yy, int yn, int ny, int nn) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    add(a, b, "yes", "yes", yy);
    add(a, b, "yes", "no", yn);
    add(a, b, "no", "yes", ny);
    add(a, b, "no", "no", nn);
    return List.of(a, b);
  }

  private static void add(List<String> a, List<String> b, String x, String y, int n) {
    for (int i = 0; i < n; i++) {
      a.add(x);
      b.add(y);
    }
  }

  @Test void cohenKappaWorkedExamples() {
    // Cohen's kappa, Wikipedia: 50 grant proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4.
    List<List<String>> r = raters(20, 5, 10, 15);
    assertEquals(0.4, CohenKappa.of(r.get(0), r.get(1)), 1e-12);
    // Same article, "similar agreement, different kappa": 45/15/25/15 -> 0.1304, 25/35/5/35 -> 0.2593.
    r = raters(45, 15, 25, 15);
    assertEquals(0.1304, CohenKappa.of(r.get(0), r.get(1)), 5e-5);
    r = raters(25, 35, 5, 35);
    assertEquals(0.2593, CohenKappa.of(r.get(0), r.get(1)), 5e-5);
  }

  @Test void fleissKappaWorkedExample() {
    // Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories -> P = 0.378, Pe = 0.213, kappa 0.210.
    int[][] counts = {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    assertEquals(0.210, FleissKappa.of(counts), 5e-4);
    assertThrows(IllegalArgumentException.class, () -> FleissKappa.of(new int[][] {{1, 1}, {3, 0}}));
  }

  private static List<List<Integer>> units(Integer[]... coders) {
    List<List<Integer>> units = new ArrayList<>();
    for (int u = 0; u < coders[0].length; u++) {
      List<Integer> unit = new ArrayList<>();
      for (Integer[] c : coders) unit.add(c[u]);
      units.add(unit);
    }
    return units;
  }

  @Test void krippendorffAlphaReliabilityDataExamples() {
    Integer n = null;
    // Wikipedia's reliability-data example (3 coders, 15 units, missing values): nominal alpha 0.691.
    List<List<Integer>> wiki = units(
        new Integer[] {n, n, n, n, n, 3, 4, 1, 2, 1, 1, 3, 3, n, 3},
        new Integer[] {1, n, 2, 1, 3, 3, 4, 3, n, n, n, n, n, n, n},
        new Integer[] {n, n, 2, 1, 3, 4, 4, n, 2, 1, 1, 3, 3, n, 4});
    assertEquals(0.691, KrippendorffAlpha.of(wiki, Metric.NOMINAL), 5e-4);
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers x 12 units:
    // nominal 0.743, ordinal 0.815, interval 0.849.
    List<List<Integer>> paper = units(
        new Integer[] {1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n},
        new Integer[] {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3},
        new Integer[] {n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n},
        new Integer[] {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n});
    assertEquals(0.743, KrippendorffAlpha.of(paper, Metric.NOMINAL), 5e-4);
    assertEquals(0.815, KrippendorffAlpha.of(paper, Metric.ORDINAL), 5e-4);
    assertEquals(0.849, KrippendorffAlpha.of(paper, Metric.INTERVAL), 5e-4);
  }

  @Test void hungarianFindsTheOptimalAssignment() {
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    // Greedy (row 0 takes column 1) would cost 1 + 2 + 2 = 5; the optimum is 1 + 2 + 2 ... check by brute force.
    int[] a = Hungarian.assign(cost);
    assertEquals(bruteForce(cost), cost[0][a[0]] + cost[1][a[1]] + cost[2][a[2]], 1e-12);
    java.util.Random rnd = new java.util.Random(7);
    for (int t = 0; t < 200; t++) {
      int rows = 1 + rnd.nextInt(5);
      int cols = 1 + rnd.nextInt(5);
      double[][] c = new double[rows][cols];
      for (double[] row : c) Arrays.setAll(row, i -> rnd.nextInt(20));
      int[] as = Hungarian.assign(c);
      double total = 0;
      java.util.Set<Integer> used = new java.util.HashSet<>();
      for (int i = 0; i < rows; i++) {
        if (as[i] >= 0) {
          total += c[i][as[i]];
          assertEquals(true, used.add(as[i]));
        }
      }
      assertEquals(Math.min(rows, cols), used.size());
      assertEquals(bruteForceRect(c), total, 1e-9);
    }
  }

  private static double bruteForce(double[][] c) {
    return bruteForceRect(c);
  }

  /** Minimum total over all ways to pair min(rows, cols) rows and columns. */
  private static double bruteForceRect(double[][] c) {
    int rows = c.length;
    int cols = c[0].length;
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j][i] = c[i][j];
      return bruteForceRect(t);
    }
    return best(c, 0, new boolean[cols]);
  }

  private static double best(double[][] c, int row, boolean[] used) {
    if (row == c.length) return 0;
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < used.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      min = Math.min(min, c[row][j] + best(c, row + 1, used));
      used[j] = false;
    }
    return min;
  }
}
