package org.trainset.eval.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StableOrderTest {
  @Test
  void descendingByScoreTiesInInputOrder() {
    Random rnd = new Random(1);
    for (int n : new int[] {0, 1, 2, 15, 16, 17, 100, 1000}) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) s[i] = rnd.nextInt(7) / 4.0 * (rnd.nextBoolean() ? 1 : -1);
      Integer[] ref = new Integer[n];
      for (int i = 0; i < n; i++) ref[i] = i;
      Arrays.sort(ref, (a, b) -> s[a] > s[b] ? -1 : s[a] < s[b] ? 1 : Integer.compare(a, b));
      assertArrayEquals(Arrays.stream(ref).mapToInt(Integer::intValue).toArray(), StableOrder.descending(s), "n=" + n);
    }
  }
}
