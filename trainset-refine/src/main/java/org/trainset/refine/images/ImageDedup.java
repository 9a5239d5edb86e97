package org.trainset.refine.images;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.MediaFiles;
import org.trainset.refine.text.IdOrder;
import org.trainset.refine.text.UnionFind;

/**
 * {@code dedup images} as a library call. Exact duplicates: equal SHA-256 of the file bytes.
 * Near duplicates: pHash within {@code distance} bits, found with {@link MultiIndexHash} (no
 * all-pairs scan), and confirmed by dHash within {@code dhashDistance}, two independent hashes
 * agreeing. With {@code perLabel} only images sharing a label (the seed: similar images removed
 * per object class) are compared. Clusters (union-find) keep their lowest id.
 *
 * <p>Heap per image, whatever the count: 32 bytes of fingerprint ({@link FingerprintTable}), 4 of
 * label set ({@link LabelSets}), 8 of union-find, 8 + 4 per substring table of multi-index (3 or 4
 * tables) and 4 for sizing clusters: about 70 bytes, plus the index's offset tables (32 MB at 2M
 * images) and objects only for cluster members. Ids and paths wait in a temporary file
 * ({@link ItemSpill}). The input's reader and the output's writer hold what their formats need.
 */
public final class ImageDedup {
  private ImageDedup() {}

  public record Options(int distance, int dhashDistance, boolean perLabel) {
    public Options {
      if (distance < 0 || distance > 32 || dhashDistance < 0 || dhashDistance > 64) {
        throw new IllegalArgumentException("distances must be 0..32 (pHash) and 0..64 (dHash)");
      }
    }
  }

  public record Outcome(long items, long images, List<ImageCluster> clusters, long removed, LossReport loss) {}

  /** Where the images are hashed: {@link #IN_PROCESS} on this JVM's threads, or in Spark tasks. */
  @FunctionalInterface
  public interface Hasher {
    /** {@link Fingerprint#of} of every file (null where the file is null), in input order. */
    Fingerprint[] fingerprints(List<String> ids, List<Path> files, Progress progress) throws IOException;
  }

  public static final Hasher IN_PROCESS = ImageDedup::fingerprints;

  /**
   * Clusters the images of {@code input}, writes the kept items to {@code out} as {@code to}, the
   * JSON report and (when not null) the HTML page. With {@code out} null only the reports are
   * written: nothing is dropped.
   */
  public static Outcome run(Format from, Path input, Format to, Path out, Path reportJson, Path reportHtml,
                            Options options, ReadOptions readOptions, Progress progress) throws IOException {
    return run(from, input, to, out, reportJson, reportHtml, options, readOptions, progress, IN_PROCESS);
  }

  /** As above, with the images hashed by {@code hasher}. */
  public static Outcome run(Format from, Path input, Format to, Path out, Path reportJson, Path reportHtml,
                            Options options, ReadOptions readOptions, Progress progress, Hasher hasher)
      throws IOException {
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    FingerprintTable table = new FingerprintTable();
    LabelSets labels = new LabelSets();
    List<ImageCluster> clusters;
    try (ItemSpill spill = new ItemSpill()) {
      if (hasher == IN_PROCESS) {
        // Hashed while the items stream in; per item only its label set stays on the heap.
        try (HashPipeline pipe = new HashPipeline(table, progress);
             ItemCursor c = Datasets.cursor(plan, readOptions)) {
          for (Item item = c.next(); item != null; item = c.next()) {
            MediaRef m = MediaFiles.firstImage(item);
            Path file = m == null ? null : MediaFiles.resolve(root, item, m);
            int i = spill.count();
            spill.add(item.id(), file);
            labels.add(labelsOf(item));
            table.ensure(i);
            if (file != null) pipe.submit(i, file, item.id());
          }
          pipe.finish();
        }
      } else {
        List<String> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (ItemCursor c = Datasets.cursor(plan, readOptions)) {
          for (Item item = c.next(); item != null; item = c.next()) {
            MediaRef m = MediaFiles.firstImage(item);
            ids.add(item.id());
            files.add(m == null ? null : MediaFiles.resolve(root, item, m));
            spill.add(ids.get(ids.size() - 1), files.get(files.size() - 1));
            labels.add(labelsOf(item));
          }
        }
        Fingerprint[] prints = hasher.fingerprints(ids, files, progress);
        for (int i = 0; i < prints.length; i++) {
          table.ensure(i);
          if (prints[i] != null) table.set(i, prints[i]);
        }
      }
      clusters = clusters(table, labels, options, spill);
    }
    int n = table.size();
    java.util.BitSet removed = new java.util.BitSet(n);
    long removedCount = 0;
    for (ImageCluster c : clusters) {
      for (ImageCluster.Member mem : c.members().subList(1, c.members().size())) {
        removed.set(mem.index());
        removedCount++;
      }
    }
    long images = table.count(), removedTotal = removedCount;
    if (out == null) {
      // Report only: the clusters for a person to look at before anything is dropped; the dataset
      // is neither read again nor written, which is also the like-for-like side of the peer benchmark.
      Outcome outcome = new Outcome(n, images, clusters, removedCount, new LossReport(false));
      ImageDedupReport.writeJson(reportJson, input, null, options, outcome);
      if (reportHtml != null) {
        AtomicOutput.writeFile(reportHtml, os -> ImageDedupReport.writeHtml(os, options, clusters, removedTotal, images));
      }
      return outcome;
    }
    // The page's thumbnails (decodes and encodes: as much CPU as the copying rewrite) are made on
    // another thread while this one rewrites the dataset, into a temporary file that is published
    // only after the dataset and the JSON report are: a failed rewrite leaves no page behind.
    Path page = reportHtml == null ? null : Files.createTempFile("trainset-dedup-", ".html");
    java.util.concurrent.FutureTask<Void> pageTask = page == null ? null : new java.util.concurrent.FutureTask<>(() -> {
      try (OutputStream os = Files.newOutputStream(page)) {
        ImageDedupReport.writeHtml(os, options, clusters, removedTotal, images);
      }
      return null;
    });
    if (pageTask != null) {
      Thread t = new Thread(pageTask, "dedup-page");
      t.setDaemon(true);
      t.start();
    }
    try {
      LossReport loss = DatasetRewrite.write(from, input, to, out, plan.schema(), new WriteOptions(root, false),
          readOptions, progress, (index, item) -> removed.get((int) index) ? null : item);
      Outcome outcome = new Outcome(n, images, clusters, removedCount, loss);
      ImageDedupReport.writeJson(reportJson, input, out, options, outcome);
      if (pageTask != null) {
        awaitPage(pageTask);
        AtomicOutput.writeFile(reportHtml, os -> Files.copy(page, os));
      }
      return outcome;
    } finally {
      if (pageTask != null) {
        try {
          pageTask.get(); // also on failure: the temporary file is deleted only once written
        } catch (Exception ignored) {
          // the rewrite's own exception is the one reported
        }
        Files.deleteIfExists(page);
      }
    }
  }

  private static void awaitPage(java.util.concurrent.FutureTask<Void> task) throws IOException {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while writing the HTML report");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }

  /**
   * The near-duplicate clusters of {@code files} (null: no image) without reading or writing a
   * dataset: the same hashing, union and cluster order as {@link #run}, for callers (the server's
   * dedup jobs) that already hold the files. Each cluster's first member is the one kept.
   */
  public static List<ImageCluster> cluster(List<String> ids, List<Path> files, Options options, Progress progress)
      throws IOException {
    FingerprintTable table = new FingerprintTable();
    LabelSets labels = new LabelSets();
    try (ItemSpill spill = new ItemSpill()) {
      try (HashPipeline pipe = new HashPipeline(table, progress)) {
        for (int i = 0; i < ids.size(); i++) {
          spill.add(ids.get(i), files.get(i));
          labels.add(List.of());
          table.ensure(i);
          if (files.get(i) != null) pipe.submit(i, files.get(i), ids.get(i));
        }
        pipe.finish();
      }
      return clusters(table, labels, options, spill);
    }
  }

  static List<String> labelsOf(Item item) {
    Set<String> s = new TreeSet<>();
    for (Annotation a : item.annotations()) if (!a.label().isEmpty()) s.add(a.label());
    return List.copyOf(s);
  }

  private static Fingerprint[] fingerprints(List<String> ids, List<Path> files, Progress progress) throws IOException {
    Fingerprint[] prints = new Fingerprint[ids.size()];
    try (HashPipeline pipe = new HashPipeline((i, p) -> prints[i] = p, progress)) {
      for (int i = 0; i < ids.size(); i++) if (files.get(i) != null) pipe.submit(i, files.get(i), ids.get(i));
      pipe.finish();
    }
    return prints; // the workers' writes happen-before their join in finish()
  }

  /**
   * Union-find over the table: exact duplicates through an open-addressing table of SHA prefixes
   * (8 bytes an image, no boxed keys), near ones through {@link MultiIndexHash} on the pHashes.
   * Only what a cluster holds becomes objects: components are sized in an int array first.
   */
  static UnionFind union(FingerprintTable t, LabelSets labels, Options options) {
    int n = t.size();
    UnionFind uf = new UnionFind(n);
    int[] slots = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1];
    java.util.Arrays.fill(slots, -1);
    int mask = slots.length - 1;
    for (int i = 0; i < n; i++) {
      if (!t.has(i)) continue;
      int h = (int) (t.shaPrefix(i) ^ (t.shaPrefix(i) >>> 32)) & mask;
      while (slots[h] >= 0 && !t.sameBytes(slots[h], i)) h = (h + 1) & mask;
      if (slots[h] < 0) slots[h] = i; // the first image with these bytes, as bySha.putIfAbsent kept
      else if (labels.compatible(slots[h], i, options)) uf.union(slots[h], i);
    }
    slots = null;
    long[] codes = t.phashes();
    MultiIndexHash index = new MultiIndexHash(codes);
    Edges edges = new Edges();
    IntStream.range(0, n).parallel().filter(t::has).forEach(k -> index.query(codes[k], options.distance(), j -> {
      if (j <= k || !t.has(j)) return;
      if (PerceptualHash.distance(t.dhash(k), t.dhash(j)) <= options.dhashDistance() && labels.compatible(k, j, options)) {
        edges.add(k, j);
      }
    }));
    edges.forEach(uf::union); // union order does not change the components
    return uf;
  }

  /** Near pairs found by the parallel queries, packed two ints to a long (no object per pair). */
  private static final class Edges {
    private long[] pairs = new long[64];
    private int size;

    synchronized void add(int a, int b) {
      if (size == pairs.length) pairs = Arrays.copyOf(pairs, size * 2);
      pairs[size++] = ((long) a << 32) | (b & 0xffffffffL);
    }

    void forEach(java.util.function.BiConsumer<Integer, Integer> f) {
      for (int i = 0; i < size; i++) f.accept((int) (pairs[i] >>> 32), (int) pairs[i]);
    }
  }

  static List<ImageCluster> clusters(FingerprintTable t, LabelSets labels, Options options, ItemSpill spill)
      throws IOException {
    UnionFind uf = union(t, labels, options);
    int n = t.size();
    int[] size = new int[n];
    for (int i = 0; i < n; i++) if (t.has(i)) size[uf.find(i)]++;
    int members = 0;
    for (int i = 0; i < n; i++) if (t.has(i) && size[uf.find(i)] > 1) members++;
    int[] wanted = new int[members];
    for (int i = 0, k = 0; i < n; i++) if (t.has(i) && size[uf.find(i)] > 1) wanted[k++] = i;
    size = null;
    Map<Integer, String[]> named = spill.read(wanted);
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (int i : wanted) byRoot.computeIfAbsent(uf.find(i), r -> new ArrayList<>()).add(i);
    List<ImageCluster> out = new ArrayList<>();
    for (List<Integer> group : byRoot.values()) {
      group.sort((a, b) -> {
        int c = IdOrder.INSTANCE.compare(named.get(a)[0], named.get(b)[0]);
        return c != 0 ? c : Integer.compare(a, b);
      });
      int keep = group.get(0);
      List<ImageCluster.Member> list = new ArrayList<>();
      for (int i : group) {
        String rule = list.isEmpty() ? "keep" : t.sameBytes(i, keep) ? "exact" : "near";
        list.add(new ImageCluster.Member(i, named.get(i)[0], named.get(i)[1], rule,
            PerceptualHash.distance(t.phash(i), t.phash(keep)), PerceptualHash.distance(t.dhash(i), t.dhash(keep)),
            labels.of(i)));
      }
      out.add(new ImageCluster(list));
    }
    out.sort((a, b) -> IdOrder.INSTANCE.compare(a.members().get(0).id(), b.members().get(0).id()));
    return out;
  }
}
