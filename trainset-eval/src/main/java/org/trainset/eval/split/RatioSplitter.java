package org.trainset.eval.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Train/validation/test style splits by ratio, seeded and deterministic ({@link Random} with the
 * given seed; same input order and seed give the same split on every JVM).
 *
 * <p>Without groups, each class is shuffled and cut by the largest-remainder method, so every
 * split holds {@code floor} or {@code ceil} of {@code ratio × class size} items of each class (within
 * one item of ideal); remainders that tie go to the split furthest below its overall target.
 *
 * <p>With groups, groups are shuffled, ordered largest first (stable) and each is placed where it
 * least increases the squared distance from the targets: per class {@code ratio × class size}
 * and overall {@code ratio × n}. Groups are never divided, so shares are as close as the group
 * sizes allow.
 */
public final class RatioSplitter {
  private RatioSplitter() {}

  public static int[] split(List<SplitSample> samples, double[] ratios, long seed) {
    for (double r : ratios) if (!(r > 0)) throw new SplitRequestException("ratios", "ratios must be positive");
    double sum = Arrays.stream(ratios).sum();
    if (Math.abs(sum - 1) > 1e-6) throw new SplitRequestException("ratios", "ratios must add up to 1 (they add up to " + sum + ")");
    boolean grouped = samples.stream().anyMatch(s -> s.group() != null);
    return grouped ? byGroups(samples, ratios, new Random(seed)) : byClasses(samples, ratios, new Random(seed));
  }

  private static int[] byClasses(List<SplitSample> samples, double[] ratios, Random rnd) {
    Encoded e = new Encoded(samples);
    int S = ratios.length, n = samples.size();
    int[] out = new int[n];
    long[] total = new long[S];
    for (int c = 0; c < e.classNames.length; c++) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < n; i++) if (e.classOf[i] == c) members.add(i);
      Collections.shuffle(members, rnd);
      int nc = members.size();
      int[] take = new int[S];
      double[] frac = new double[S];
      int given = 0;
      for (int s = 0; s < S; s++) {
        double ideal = ratios[s] * nc;
        take[s] = (int) Math.floor(ideal);
        frac[s] = ideal - take[s];
        given += take[s];
      }
      Integer[] order = new Integer[S];
      for (int s = 0; s < S; s++) order[s] = s;
      final long[] tot = total;
      Arrays.sort(order, (a, b) -> {
        int byFrac = Double.compare(frac[b], frac[a]);
        if (byFrac != 0) return byFrac;
        return Double.compare(ratios[b] * n - tot[b], ratios[a] * n - tot[a]);
      });
      for (int j = 0; given < nc; j++, given++) take[order[j % S]]++;
      int at = 0;
      for (int s = 0; s < S; s++) {
        for (int t = 0; t < take[s]; t++) out[members.get(at++)] = s;
        total[s] += take[s];
      }
    }
    return out;
  }

  private static int[] byGroups(List<SplitSample> samples, double[] ratios, Random rnd) {
    Encoded e = new Encoded(samples);
    int S = ratios.length, C = e.classNames.length, G = e.groupNames.length, n = samples.size();
    int[][] perGroup = new int[G][C];
    int[] groupSize = new int[G];
    for (int i = 0; i < n; i++) {
      perGroup[e.groupOf[i]][e.classOf[i]]++;
      groupSize[e.groupOf[i]]++;
    }
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < G; g++) order.add(g);
    Collections.shuffle(order, rnd);
    order.sort((a, b) -> Integer.compare(groupSize[b], groupSize[a]));
    double[][] have = new double[S][C];
    double[] haveTotal = new double[S];
    int[] splitOfGroup = new int[G];
    for (int g : order) {
      int best = 0;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int s = 0; s < S; s++) {
        double cost = 0;
        for (int c = 0; c < C; c++) {
          double target = ratios[s] * e.classCount[c];
          cost += sq(have[s][c] + perGroup[g][c] - target) - sq(have[s][c] - target);
        }
        double target = ratios[s] * n;
        cost += sq(haveTotal[s] + groupSize[g] - target) - sq(haveTotal[s] - target);
        if (cost < bestCost) {
          bestCost = cost;
          best = s;
        }
      }
      for (int c = 0; c < C; c++) have[best][c] += perGroup[g][c];
      haveTotal[best] += groupSize[g];
      splitOfGroup[g] = best;
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = splitOfGroup[e.groupOf[i]];
    return out;
  }

  private static double sq(double x) {
    return x * x;
  }
}
