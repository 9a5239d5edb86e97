package org.trainset.inspect.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.geometry.Shapes;

/**
 * Pairs two readers' boxes/polygons on one item by IoU with an optimal assignment (Hungarian
 * algorithm maximising total IoU); pairs under the threshold are not matches. Labels are compared
 * after matching, so "same place, different label" is reported as a label disagreement rather
 * than two misses.
 */
public final class ShapeMatching {
  private ShapeMatching() {}

  /** A matched pair (indices into the two lists). */
  public record Pair(int a, int b, double iou, boolean sameLabel) { }

  /** Matches, and what each reader has that the other lacks (indices). */
  public record Result(List<Pair> pairs, List<Integer> onlyA, List<Integer> onlyB) { }

  public static Result match(List<? extends Annotation> a, List<? extends Annotation> b, double minIou) {
    double[][] cost = new double[a.size()][b.size()];
    double[][] iou = new double[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        iou[i][j] = iou(a.get(i), b.get(j));
        cost[i][j] = -iou[i][j];
      }
    }
    int[] assigned = a.isEmpty() || b.isEmpty() ? new int[a.size()] : Hungarian.assign(cost);
    if (b.isEmpty()) java.util.Arrays.fill(assigned, -1);
    List<Pair> pairs = new ArrayList<>();
    boolean[] usedB = new boolean[b.size()];
    List<Integer> onlyA = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      int j = assigned[i];
      if (j >= 0 && iou[i][j] >= minIou && iou[i][j] > 0) {
        pairs.add(new Pair(i, j, iou[i][j], a.get(i).label().equals(b.get(j).label())));
        usedB[j] = true;
      } else {
        onlyA.add(i);
      }
    }
    List<Integer> onlyB = new ArrayList<>();
    for (int j = 0; j < b.size(); j++) {
      if (!usedB[j]) onlyB.add(j);
    }
    return new Result(pairs, onlyA, onlyB);
  }

  /** Intersection over union of two boxes or polygons. */
  public static double iou(Annotation x, Annotation y) {
    double inter;
    if (x instanceof Box p && y instanceof Box q && p.rotation() == 0 && q.rotation() == 0) {
      double w = Math.min(p.x2(), q.x2()) - Math.max(p.x(), q.x());
      double h = Math.min(p.y2(), q.y2()) - Math.max(p.y(), q.y());
      inter = w <= 0 || h <= 0 ? 0 : w * h;
    } else {
      inter = Shapes.intersectionArea(x, y);
    }
    double union = Shapes.area(x) + Shapes.area(y) - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** Per-label agreement counts accumulated over many items. */
  public static final class LabelAgreement {
    private final Map<String, long[]> byLabel = new TreeMap<>(); // agreed, onlyA, onlyB

    public void add(List<? extends Annotation> a, List<? extends Annotation> b, Result r) {
      for (Pair p : r.pairs()) {
        if (p.sameLabel()) {
          counts(a.get(p.a()).label())[0]++;
        } else {
          counts(a.get(p.a()).label())[1]++;
          counts(b.get(p.b()).label())[2]++;
        }
      }
      for (int i : r.onlyA()) counts(a.get(i).label())[1]++;
      for (int j : r.onlyB()) counts(b.get(j).label())[2]++;
    }

    private long[] counts(String label) {
      return byLabel.computeIfAbsent(label, k -> new long[3]);
    }

    /** label → {agreed, only reader A, only reader B}. */
    public Map<String, long[]> counts() {
      return byLabel;
    }

    /** Dice agreement of a label: 2·agreed / (A's count + B's count). */
    public double agreement(String label) {
      long[] c = byLabel.get(label);
      if (c == null) return Double.NaN;
      long a = c[0] + c[1];
      long b = c[0] + c[2];
      return a + b == 0 ? Double.NaN : 2.0 * c[0] / (a + b);
    }
  }
}
