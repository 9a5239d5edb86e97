package org.trainset.refine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.trainset.core.progress.Progress;

/**
 * Exact and near-duplicate detection over texts already in memory (ids and normalised texts;
 * about 100 bytes a sentence). Steps: (1) exact duplicates by equal normalised text (hash map,
 * equality checked, so no hash collision can merge different texts); (2) for one text per exact
 * group, MinHash band hashes in parallel; (3) per band, sort (hash, index) pairs and take equal
 * runs as candidates; (4) verify every candidate by exact Jaccard on the shingle sets, so no pair
 * below the threshold is ever reported (precision 1.0); (5) union-find over the verified pairs;
 * each cluster keeps its lowest id ({@link IdOrder}) and drops the rest.
 *
 * <p>Pair-aware: with a second text per item (the target side), a pair is a duplicate only when
 * both sides reach the threshold; the LSH runs on the union of both sides' shingles (tagged by
 * side), whose Jaccard is at least the smaller side's, so recall at the threshold is kept.
 */
public final class TextDeduplicator implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Where the data-parallel steps run: {@link #IN_PROCESS} on this JVM's threads; a Spark job
   * runs the same per-text and per-pair functions of this class in its tasks. Every
   * implementation must give the same arrays, so the result does not depend on where it ran.
   */
  public interface Steps {
    /** Band hashes of {@code unique[k]} at {@code [k * bands, (k + 1) * bands)}. */
    int[] bandHashes(TextDeduplicator d, int[] unique, String[] primary, String[] second);

    /** Candidate pairs {@code (k << 32 | l)} of positions in {@code unique}, sorted and distinct. */
    long[] candidates(TextDeduplicator d, int[] bandHashes, int[] unique, int[] rank);

    /** Exact similarity of each candidate, in the candidates' order. */
    double[] similarities(TextDeduplicator d, long[] candidates, int[] unique, String[] primary, String[] second);
  }

  /** The steps on this JVM's threads (parallel streams, parallel sorts). */
  public static final Steps IN_PROCESS = new Steps() {
    @Override public int[] bandHashes(TextDeduplicator d, int[] unique, String[] primary, String[] second) {
      int bands = d.hasher.lsh().bands();
      int[] out = new int[unique.length * bands];
      IntStream.range(0, unique.length).parallel().forEach(k -> d.bandHashes(unique[k], primary, second, out, k * bands));
      return out;
    }

    @Override public long[] candidates(TextDeduplicator d, int[] bandHashes, int[] unique, int[] rank) {
      return d.candidates(bandHashes, unique.length, d.hasher.lsh().bands(), unique, rank);
    }

    @Override public double[] similarities(TextDeduplicator d, long[] candidates, int[] unique, String[] primary,
                                           String[] second) {
      double[] sims = new double[candidates.length];
      IntStream.range(0, candidates.length).parallel().forEach(c ->
          sims[c] = d.similarity(unique[(int) (candidates[c] >>> 32)], unique[(int) candidates[c]], primary, second));
      return sims;
    }
  };

  /** Largest LSH bucket paired exhaustively; larger ones (pathological input) pair neighbours in id order only. */
  static final int MAX_BUCKET = 2_000;
  private static final long TARGET_TAG = 0x5BD1E9955BD1E995L;

  private final DedupConfig config;
  private final MinHasher hasher;

  public TextDeduplicator(DedupConfig config) {
    this.config = config;
    this.hasher = new MinHasher(config.permutations(), config.lsh(), config.seed());
  }

  /**
   * @param ids     item ids (ties in {@link IdOrder} fall back to input order)
   * @param primary normalised text per item ("" = no text, never a duplicate)
   * @param second  normalised second side per item (pair-aware mode), or null
   */
  public DedupResult run(String[] ids, String[] primary, String[] second, Progress progress) {
    return run(ids, primary, second, progress, IN_PROCESS);
  }

  /** As {@link #run(String[], String[], String[], Progress)}, with the parallel steps run by {@code steps}. */
  public DedupResult run(String[] ids, String[] primary, String[] second, Progress progress, Steps steps) {
    int n = ids.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (x, y) -> {
      int c = IdOrder.INSTANCE.compare(ids[x], ids[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) rank[order[r]] = r;

    UnionFind uf = new UnionFind(n);
    List<DedupResult.Pair> pairs = new ArrayList<>();
    int[] canonical = new int[n];
    int[] unique = exactGroups(primary, second, order, uf, pairs, canonical);

    progress.start("minhash", unique.length);
    int[] bandHashes = steps.bandHashes(this, unique, primary, second);
    progress.advance(unique.length);
    progress.finish();

    long[] candidates = steps.candidates(this, bandHashes, unique, rank);
    progress.start("verify", candidates.length);
    double[] sims = steps.similarities(this, candidates, unique, primary, second);
    progress.finish();
    for (int c = 0; c < candidates.length; c++) {
      if (sims[c] >= config.threshold()) {
        int i = unique[(int) (candidates[c] >>> 32)], j = unique[(int) candidates[c]];
        pairs.add(new DedupResult.Pair(Math.min(i, j), Math.max(i, j), sims[c], false));
        uf.union(i, j);
      }
    }
    pairs.sort((p, q) -> p.first() != q.first() ? Integer.compare(p.first(), q.first()) : Integer.compare(p.second(), q.second()));
    return decide(n, order, rank, uf, pairs, candidates.length, hasher.lsh(), canonical);
  }

  /** Unions texts equal after normalisation; returns one index per distinct non-empty text. */
  private static int[] exactGroups(String[] primary, String[] second, Integer[] order, UnionFind uf,
                                   List<DedupResult.Pair> pairs, int[] canonical) {
    Map<String, Integer> first = new HashMap<>(primary.length * 2);
    int[] unique = new int[primary.length];
    int u = 0;
    for (int i : order) {
      canonical[i] = -1;
      if (primary[i].isEmpty()) continue;
      String key = second == null ? primary[i] : primary[i] + '\u0000' + second[i];
      Integer rep = first.putIfAbsent(key, i);
      canonical[i] = rep == null ? i : rep;
      if (rep == null) {
        unique[u++] = i;
      } else {
        uf.union(rep, i);
        pairs.add(new DedupResult.Pair(Math.min(rep, i), Math.max(rep, i), 1.0, true));
      }
    }
    int[] out = Arrays.copyOf(unique, u);
    Arrays.sort(out);
    return out;
  }

  private long[] candidates(int[] bandHashes, int m, int bands, int[] unique, int[] rank) {
    LongList all = new LongList();
    long[] keys = new long[m];
    for (int band = 0; band < bands; band++) {
      for (int k = 0; k < m; k++) keys[k] = ((long) bandHashes[k * bands + band] << 32) | k;
      Arrays.parallelSort(keys);
      int start = 0;
      for (int k = 1; k <= m; k++) {
        if (k == m || (keys[k] >>> 32) != (keys[start] >>> 32)) {
          emitRun(keys, start, k, all, unique, rank);
          start = k;
        }
      }
    }
    return all.sortedDistinct();
  }

  /** The band hashes of text {@code i} into {@code out[offset..offset + bands)}. */
  public void bandHashes(int i, String[] primary, String[] second, int[] out, int offset) {
    hasher.bandHashes(shingles(i, primary, second), out, offset);
  }

  /**
   * The candidate pairs of one LSH bucket: {@code members} are positions in {@code unique}
   * sharing a band hash, ascending. Every pair when the bucket is small, else each member with its
   * {@link #MAX_BUCKET} successors in id order.
   */
  public static void bucketPairs(int[] members, int[] unique, int[] rank, java.util.function.LongConsumer out) {
    long[] keys = new long[members.length];
    for (int x = 0; x < members.length; x++) keys[x] = members[x];
    LongList list = new LongList();
    emitRun(keys, 0, keys.length, list, unique, rank);
    for (long c : list.sortedDistinct()) out.accept(c);
  }

  private static void emitRun(long[] keys, int from, int to, LongList out, int[] unique, int[] rank) {
    int size = to - from;
    if (size < 2) return;
    if (size <= MAX_BUCKET) {
      for (int x = from; x < to; x++) {
        for (int y = x + 1; y < to; y++) out.add(pack((int) keys[x], (int) keys[y]));
      }
      return;
    }
    // Pathological bucket: pair each member with its MAX_BUCKET successors in id order.
    int[] members = new int[size];
    for (int x = 0; x < size; x++) members[x] = (int) keys[from + x];
    Integer[] boxed = Arrays.stream(members).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (p, q) -> Integer.compare(rank[unique[p]], rank[unique[q]]));
    for (int x = 0; x < size; x++) {
      for (int y = x + 1; y < Math.min(size, x + 1 + MAX_BUCKET); y++) out.add(pack(boxed[x], boxed[y]));
    }
  }

  private static long pack(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  private long[] shingles(int i, String[] primary, String[] second) {
    long[] a = Shingles.of(primary[i], config.ngram());
    if (second == null || second[i].isEmpty()) return a;
    long[] b = Shingles.of(second[i], config.ngram());
    long[] both = Arrays.copyOf(a, a.length + b.length);
    for (int k = 0; k < b.length; k++) both[a.length + k] = Hashing.mix64(b[k] ^ TARGET_TAG);
    return both;
  }

  /** Exact Jaccard (pair-aware: the smaller of the two sides). */
  public double similarity(int i, int j, String[] primary, String[] second) {
    double s = Shingles.jaccard(Shingles.of(primary[i], config.ngram()), Shingles.of(primary[j], config.ngram()));
    if (second != null && s >= config.threshold()) {
      s = Math.min(s, Shingles.jaccard(Shingles.of(second[i], config.ngram()), Shingles.of(second[j], config.ngram())));
    }
    return s;
  }

  private static DedupResult decide(int n, Integer[] order, int[] rank, UnionFind uf, List<DedupResult.Pair> pairs,
                                    long candidates, LshParams lsh, int[] canonical) {
    int[] repOf = new int[n];
    Arrays.fill(repOf, -1);
    for (int i : order) {
      int root = uf.find(i);
      if (repOf[root] < 0) repOf[root] = i; // first in id order = lowest id
    }
    // Best verified pair per dropped text: highest similarity, then the lowest-ranked partner.
    int[] bestPartner = new int[n];
    double[] bestSim = new double[n];
    boolean[] bestExact = new boolean[n];
    Arrays.fill(bestPartner, -1);
    for (DedupResult.Pair p : pairs) {
      offer(p.first(), p.second(), p, bestPartner, bestSim, bestExact, rank);
      offer(p.second(), p.first(), p, bestPartner, bestSim, bestExact, rank);
    }
    boolean[] removed = new boolean[n];
    List<DedupResult.Removal> removals = new ArrayList<>();
    for (int i : order) {
      int rep = repOf[uf.find(i)];
      if (rep == i || bestPartner[i] < 0) continue;
      removed[i] = true;
      removals.add(new DedupResult.Removal(i, bestPartner[i], rep, bestSim[i], bestExact[i]));
    }
    return new DedupResult(removed, removals, pairs, lsh, candidates, canonical);
  }

  private static void offer(int self, int other, DedupResult.Pair p, int[] partner, double[] sim, boolean[] exact,
                            int[] rank) {
    boolean better = partner[self] < 0 || p.similarity() > sim[self]
        || (p.similarity() == sim[self] && rank[other] < rank[partner[self]]);
    if (better) {
      partner[self] = other;
      sim[self] = p.similarity();
      exact[self] = p.exact();
    }
  }

  public int bands() {
    return hasher.lsh().bands();
  }

  public LshParams lsh() {
    return hasher.lsh();
  }
}
