package org.trainset.eval.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioSplitterTest {
  private static final double[] RATIOS = {0.8, 0.1, 0.1};

  private static List<SplitSample> samples(int n, boolean grouped, long seed) {
    Random rnd = new Random(seed);
    List<SplitSample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String cls = rnd.nextDouble() < 0.2 ? "rare" : rnd.nextDouble() < 0.5 ? "a" : "b";
      out.add(new SplitSample("i" + i, cls, grouped ? "patient" + rnd.nextInt(n / 4) : null));
    }
    return out;
  }

  @Test
  void stratifiedSharesAreWithinOneItemOfIdeal() {
    for (int n : new int[] {7, 33, 100, 1001}) {
      List<SplitSample> s = samples(n, false, n);
      int[] split = RatioSplitter.split(s, RATIOS, 42);
      SplitReport r = SplitReport.check(s, split, List.of("train", "val", "test"));
      for (String cls : List.of("rare", "a", "b")) {
        long total = s.stream().filter(x -> x.cls().equals(cls)).count();
        for (int k = 0; k < 3; k++) {
          long have = r.classCounts().get(k).getOrDefault(cls, 0L);
          assertTrue(Math.abs(have - RATIOS[k] * total) < 1, n + " items, class " + cls + " split " + k + ": " + have + " vs " + RATIOS[k] * total);
        }
      }
    }
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    for (boolean grouped : new boolean[] {false, true}) {
      List<SplitSample> s = samples(400, grouped, 3);
      int[] a = RatioSplitter.split(s, RATIOS, 1);
      int[] b = RatioSplitter.split(s, RATIOS, 1);
      int[] c = RatioSplitter.split(s, RATIOS, 2);
      assertArrayEquals(a, b);
      assertFalse(Arrays.equals(a, c), "a different seed gives a different split");
    }
  }

  @Test
  void groupsNeverCrossSplitsAndSizesStayNearTargets() {
    for (long seed = 0; seed < 20; seed++) {
      List<SplitSample> s = samples(500, true, seed);
      int[] split = RatioSplitter.split(s, RATIOS, seed);
      SplitReport r = SplitReport.check(s, split, List.of("train", "val", "test"));
      assertTrue(r.leaks().isEmpty(), "leaks: " + r.leaks());
      int maxGroup = s.stream().collect(java.util.stream.Collectors.groupingBy(SplitSample::group,
          java.util.stream.Collectors.counting())).values().stream().mapToInt(Long::intValue).max().orElse(0);
      for (int k = 0; k < 3; k++) {
        assertTrue(Math.abs(r.items()[k] - RATIOS[k] * 500) <= maxGroup, "split " + k + " has " + r.items()[k]);
      }
    }
  }

  @Test
  void leakCheckFindsAGroupInTwoSplits() {
    List<SplitSample> s = List.of(new SplitSample("a", "x", "p1"), new SplitSample("b", "x", "p1"), new SplitSample("c", "x", "p2"));
    SplitReport r = SplitReport.check(s, new int[] {0, 1, 1}, List.of("train", "test"));
    assertTrue(r.leaks().containsKey("p1"));
    assertFalse(r.leaks().containsKey("p2"));
  }
}
