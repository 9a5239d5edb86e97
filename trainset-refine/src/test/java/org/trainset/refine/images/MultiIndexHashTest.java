package org.trainset.refine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiIndexHashTest {
  @Test void findsExactlyTheCodesWithinTheRadiusLikeALinearScan() {
    SplittableRandom r = new SplittableRandom(1);
    int n = 50_000;
    long[] codes = new long[n];
    for (int i = 0; i < n; i++) {
      // clusters of nearby codes so small radii have hits
      codes[i] = i % 10 == 0 || i == 0 ? r.nextLong() : codes[i - 1] ^ (1L << r.nextInt(64)) ^ (r.nextInt(3) == 0 ? 1L << r.nextInt(64) : 0);
    }
    MultiIndexHash index = new MultiIndexHash(codes);
    for (int radius : new int[] {0, 3, 8, 12}) {
      for (int q = 0; q < 200; q++) {
        long query = codes[r.nextInt(n)] ^ (1L << r.nextInt(64));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) if (Long.bitCount(codes[i] ^ query) <= radius) expected.add(i);
        List<Integer> got = new ArrayList<>();
        index.query(query, radius, got::add);
        got.sort(null);
        assertEquals(expected, got, "radius " + radius);
      }
    }
  }
}
