package org.trainset.refine.bench;

import java.util.SplittableRandom;
import org.trainset.refine.images.MultiIndexHash;

/**
 * Benchmark (not a test): multi-index hashing over N random 64-bit hashes with planted
 * neighbours; mean query time at radius R against a linear scan. Args: [hashes] [radius] [queries].
 */
public final class MultiIndexBench {
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int radius = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    SplittableRandom r = new SplittableRandom(99);
    long[] codes = new long[n];
    for (int i = 0; i < n; i++) {
      // one code in ten is a near copy (1..radius flipped bits) of an earlier one
      if (i > 0 && i % 10 == 0) {
        long c = codes[r.nextInt(i)];
        int flips = 1 + r.nextInt(radius);
        for (int f = 0; f < flips; f++) c ^= 1L << r.nextInt(64);
        codes[i] = c;
      } else {
        codes[i] = r.nextLong();
      }
    }
    long t0 = System.nanoTime();
    MultiIndexHash index = new MultiIndexHash(codes);
    double build = (System.nanoTime() - t0) / 1e9;
    long[] hits = {0};
    long[] q = new long[queries];
    for (int k = 0; k < queries; k++) q[k] = codes[r.nextInt(n)] ^ (1L << r.nextInt(64));
    for (int k = 0; k < Math.min(2000, queries); k++) index.query(q[k], radius, id -> hits[0]++); // warm-up
    hits[0] = 0;
    long t1 = System.nanoTime();
    for (long code : q) index.query(code, radius, id -> hits[0]++);
    double perQuery = (System.nanoTime() - t1) / 1e3 / queries;
    long t2 = System.nanoTime();
    long linearHits = 0;
    int linearQueries = 20;
    for (int k = 0; k < linearQueries; k++) {
      for (long c : codes) if (Long.bitCount(c ^ q[k]) <= radius) linearHits++;
    }
    double linear = (System.nanoTime() - t2) / 1e3 / linearQueries;
    System.out.printf("MIH over %,d hashes, %d substrings: build %.1f s; radius %d: %.1f µs/query (1 thread, %,d queries, %.2f hits/query); "
            + "linear scan %.0f µs/query (%.0fx slower)%n",
        n, index.substrings(), build, radius, perQuery, queries, (double) hits[0] / queries, linear, linear / perQuery);
  }
}
