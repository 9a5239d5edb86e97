package org.trainset.refine.images;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  public static Outcome run(Format from, Path input, Format to, Path out, Path reportJson, Path reportHtml,
                            Options options, ReadOptions readOptions, Progress progress) throws IOException {
    return run(from, input, to, out, reportJson, reportHtml, options, readOptions, progress, IN_PROCESS);
  }

  /** As above, with the images hashed by {@code hasher}. */
  public static Outcome run(Format from, Path input, Format to, Path out, Path reportJson, Path reportHtml,
                            Options options, ReadOptions readOptions, Progress progress, Hasher hasher)
      throws IOException {
    List<String> ids = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<List<String>> labels = new ArrayList<>();
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    Path root = plan.mediaRootFor(input);
    try (ItemCursor c = Datasets.cursor(plan, readOptions)) {
      for (Item item = c.next(); item != null; item = c.next()) {
        MediaRef m = MediaFiles.firstImage(item);
        ids.add(item.id());
        files.add(m == null ? null : MediaFiles.resolve(root, item, m));
        labels.add(labelsOf(item));
      }
    }
    int n = ids.size();
    Fingerprint[] prints = hasher.fingerprints(ids, files, progress);
    long images = Arrays.stream(prints).filter(p -> p != null).count();
    UnionFind uf = new UnionFind(n);
    union(prints, labels, options, uf);
    List<ImageCluster> clusters = clusters(ids, files, labels, prints, uf);
    boolean[] removed = new boolean[n];
    long removedCount = 0;
    for (ImageCluster c : clusters) {
      for (ImageCluster.Member mem : c.members().subList(1, c.members().size())) {
        removed[mem.index()] = true;
        removedCount++;
      }
    }
    LossReport loss = DatasetRewrite.write(from, input, to, out, plan.schema(), new WriteOptions(root, false),
        readOptions, progress, (index, item) -> removed[(int) index] ? null : item);
    Outcome outcome = new Outcome(n, images, clusters, removedCount, loss);
    ImageDedupReport.writeJson(reportJson, input, out, options, outcome);
    if (reportHtml != null) ImageDedupReport.writeHtml(reportHtml, options, outcome);
    return outcome;
  }

  /**
   * The near-duplicate clusters of {@code files} (null: no image) without reading or writing a
   * dataset: the same hashing, union and cluster order as {@link #run}, for callers (the server's
   * dedup jobs) that already hold the files. Each cluster's first member is the one kept.
   */
  public static List<ImageCluster> cluster(List<String> ids, List<Path> files, Options options, Progress progress)
      throws IOException {
    List<List<String>> labels = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) labels.add(List.of());
    Fingerprint[] prints = IN_PROCESS.fingerprints(ids, files, progress);
    UnionFind uf = new UnionFind(ids.size());
    union(prints, labels, options, uf);
    return clusters(ids, files, labels, prints, uf);
  }

  static List<String> labelsOf(Item item) {
    Set<String> s = new TreeSet<>();
    for (Annotation a : item.annotations()) if (!a.label().isEmpty()) s.add(a.label());
    return List.copyOf(s);
  }

  private static Fingerprint[] fingerprints(List<String> ids, List<Path> files, Progress progress) throws IOException {
    Fingerprint[] prints = new Fingerprint[ids.size()];
    progress.start("hash images", ids.size());
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    try {
      IntStream.range(0, ids.size()).parallel().forEach(i -> {
        if (files.get(i) == null) return;
        try {
          prints[i] = Fingerprint.of(files.get(i), ids.get(i));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        long d = done.incrementAndGet();
        if ((d & 63) == 0) synchronized (progress) { progress.advance(d); }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      progress.finish();
    }
    return prints;
  }

  private static void union(Fingerprint[] prints, List<List<String>> labels, Options options, UnionFind uf) {
    int n = prints.length;
    Map<String, Integer> bySha = new HashMap<>();
    int[] present = IntStream.range(0, n).filter(i -> prints[i] != null).toArray();
    for (int i : present) {
      Integer first = bySha.putIfAbsent(prints[i].sha256(), i);
      if (first != null && compatible(labels, first, i, options)) uf.union(first, i);
    }
    long[] codes = new long[present.length];
    for (int k = 0; k < present.length; k++) codes[k] = prints[present[k]].phash();
    MultiIndexHash index = new MultiIndexHash(codes);
    List<int[]> edges = java.util.Collections.synchronizedList(new ArrayList<>());
    IntStream.range(0, present.length).parallel().forEach(k -> index.query(codes[k], options.distance(), j -> {
      if (j <= k) return;
      int a = present[k], b = present[j];
      if (PerceptualHash.distance(prints[a].dhash(), prints[b].dhash()) <= options.dhashDistance()
          && compatible(labels, a, b, options)) {
        edges.add(new int[] {a, b});
      }
    }));
    for (int[] e : edges) uf.union(e[0], e[1]); // union order does not change the components
  }

  private static boolean compatible(List<List<String>> labels, int a, int b, Options options) {
    if (!options.perLabel()) return true;
    List<String> x = labels.get(a), y = labels.get(b);
    if (x.isEmpty() && y.isEmpty()) return true;
    for (String l : x) if (y.contains(l)) return true;
    return false;
  }

  private static List<ImageCluster> clusters(List<String> ids, List<Path> files, List<List<String>> labels,
                                             Fingerprint[] prints, UnionFind uf) {
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) if (prints[i] != null) byRoot.computeIfAbsent(uf.find(i), r -> new ArrayList<>()).add(i);
    List<ImageCluster> out = new ArrayList<>();
    for (List<Integer> members : byRoot.values()) {
      if (members.size() < 2) continue;
      members.sort((a, b) -> {
        int c = IdOrder.INSTANCE.compare(ids.get(a), ids.get(b));
        return c != 0 ? c : Integer.compare(a, b);
      });
      Fingerprint keep = prints[members.get(0)];
      List<ImageCluster.Member> list = new ArrayList<>();
      for (int i : members) {
        Fingerprint p = prints[i];
        String rule = list.isEmpty() ? "keep" : p.sha256().equals(keep.sha256()) ? "exact" : "near";
        list.add(new ImageCluster.Member(i, ids.get(i), files.get(i).toString(), rule,
            PerceptualHash.distance(p.phash(), keep.phash()), PerceptualHash.distance(p.dhash(), keep.dhash()), labels.get(i)));
      }
      out.add(new ImageCluster(list));
    }
    out.sort((a, b) -> IdOrder.INSTANCE.compare(a.members().get(0).id(), b.members().get(0).id()));
    return out;
  }
}
