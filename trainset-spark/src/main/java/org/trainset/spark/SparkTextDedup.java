package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.refine.text.TextDedup;
import org.trainset.refine.text.TextDeduplicator;
import org.trainset.refine.text.TextOf;
import scala.Tuple2;

/**
 * {@code dedup text} with its data-parallel work on Spark, through the refine module's own
 * {@link TextDedup.Engine} hook, so the use case, normalisation, MinHash, bucket rule, exact
 * Jaccard and cluster decision are the single-process code: reading runs one task per read part;
 * MinHash band hashes run per text; LSH buckets are a shuffle on (band, hash); candidate pairs
 * are verified by exact Jaccard in tasks; the verified pairs' connected components (union-find)
 * and the kept/removed decision run on the driver over the pairs only.
 */
public final class SparkTextDedup implements TextDedup.Engine {
  private final JavaSparkContext jsc;
  private final int slices;

  public SparkTextDedup(JavaSparkContext jsc) {
    this.jsc = jsc;
    this.slices = Math.max(2, jsc.defaultParallelism() * 2);
  }

  record PartTexts(List<String> ids, List<String[]> texts) implements Serializable { }

  @Override public void read(ReadPlan plan, ReadOptions readOptions, List<String> ids, List<String[]> texts,
                             Progress progress) throws IOException {
    for (PartTexts p : PartJobs.run(jsc, plan.parts(), readOptions.withProblems(ProblemSink.FAIL), "dedup text: read",
        (index, part, opts) -> {
          List<String> partIds = new ArrayList<>();
          List<String[]> partTexts = new ArrayList<>();
          try (ItemCursor c = part.open(opts)) {
            for (Item i = c.next(); i != null; i = c.next()) {
              partIds.add(i.id());
              partTexts.add(TextOf.sides(i));
            }
          }
          return new PartTexts(partIds, partTexts);
        })) {
      ids.addAll(p.ids());
      texts.addAll(p.texts());
    }
  }

  @Override public TextDeduplicator.Steps steps() {
    return new Steps();
  }

  /** The deduplicator's steps as Spark jobs; texts travel once per executor as broadcasts. */
  private final class Steps implements TextDeduplicator.Steps {
    private Broadcast<String[]> primaryB;
    private Broadcast<String[]> secondB;
    private Broadcast<int[]> uniqueB;
    private JavaRDD<Tuple2<Integer, int[]>> hashed;

    @Override public int[] bandHashes(TextDeduplicator d, int[] unique, String[] primary, String[] second) {
      jsc.setJobDescription("dedup text: MinHash");
      primaryB = jsc.broadcast(primary);
      secondB = second == null ? null : jsc.broadcast(second);
      uniqueB = jsc.broadcast(unique);
      Broadcast<String[]> p = primaryB;
      Broadcast<String[]> s = secondB;
      Broadcast<int[]> u = uniqueB;
      int bands = d.bands();
      List<Integer> positions = new ArrayList<>(unique.length);
      for (int k = 0; k < unique.length; k++) positions.add(k);
      hashed = jsc.parallelize(positions, slices).map(k -> {
        int[] out = new int[bands];
        d.bandHashes(u.value()[k], p.value(), s == null ? null : s.value(), out, 0);
        return new Tuple2<>(k, out);
      }).persist(StorageLevel.MEMORY_AND_DISK());
      int[] all = new int[unique.length * bands];
      for (Tuple2<Integer, int[]> t : hashed.collect()) System.arraycopy(t._2(), 0, all, t._1() * bands, bands);
      return all;
    }

    @Override public long[] candidates(TextDeduplicator d, int[] bandHashes, int[] unique, int[] rank) {
      jsc.setJobDescription("dedup text: LSH buckets");
      Broadcast<int[]> u = uniqueB;
      Broadcast<int[]> r = jsc.broadcast(rank);
      JavaPairRDD<Long, Integer> byBucket = hashed.flatMapToPair(t -> {
        List<Tuple2<Long, Integer>> keys = new ArrayList<>(t._2().length);
        for (int band = 0; band < t._2().length; band++) {
          keys.add(new Tuple2<>(((long) band << 32) | (t._2()[band] & 0xffffffffL), t._1()));
        }
        return keys.iterator();
      });
      List<Long> pairs = byBucket.groupByKey(slices).flatMap(bucket -> {
        List<Integer> members = new ArrayList<>();
        bucket._2().forEach(members::add);
        List<Long> out = new ArrayList<>();
        if (members.size() < 2) return out.iterator();
        int[] sorted = members.stream().mapToInt(Integer::intValue).sorted().toArray();
        TextDeduplicator.bucketPairs(sorted, u.value(), r.value(), out::add);
        return out.iterator();
      }).distinct(slices).collect();
      hashed.unpersist(false);
      long[] candidates = pairs.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(candidates);
      return candidates;
    }

    @Override public double[] similarities(TextDeduplicator d, long[] candidates, int[] unique, String[] primary,
                                           String[] second) {
      jsc.setJobDescription("dedup text: verify");
      Broadcast<String[]> p = primaryB;
      Broadcast<String[]> s = secondB;
      Broadcast<int[]> u = uniqueB;
      List<Long> list = new ArrayList<>(candidates.length);
      for (long c : candidates) list.add(c);
      List<Double> sims = jsc.parallelize(list, slices).map(c -> d.similarity(u.value()[(int) (c >>> 32)],
          u.value()[(int) (long) c], p.value(), s == null ? null : s.value())).collect();
      double[] out = new double[sims.size()];
      for (int i = 0; i < out.length; i++) out[i] = sims.get(i);
      return out;
    }
  }
}
