package org.trainset.refine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Dedup's heap per image, proved where it matters: 2,000,000 fingerprints clustered (exact and
 * near duplicates planted) in a forked JVM with a 192 MB heap. What is measured is everything
 * after hashing, on the real classes: the table, label sets, ids and paths (spilled), the exact
 * duplicate table, the multi-index and the union-find. The same data as {@code Fingerprint}
 * objects and strings (about 450 bytes an image) would need 900 MB. pHash distance 0 keeps the
 * index's probing to one bucket a table (seconds, not minutes, for 2M queries); the memory it
 * needs does not depend on the distance.
 */
class ImageDedupMemoryTest {
  static final int N = 2_000_000;

  @Test
  void twoMillionImagesClusterIn192Megabytes() throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), ImageDedupMemoryTest.class.getName(),
        Integer.toString(N)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
    assertEquals(0, p.exitValue(), out);
    // every 1000th image has a near copy (next index), every 5000th also an exact copy (index + 2)
    assertTrue(out.contains("clusters " + N / 1000 + " removed " + (N / 1000 + N / 5000)), out);
  }

  /** The forked side: builds the table and prints the clusters found. */
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Random r = new Random(17);
    FingerprintTable table = new FingerprintTable();
    LabelSets labels = new LabelSets();
    HexFormat hex = HexFormat.of();
    byte[] sha = new byte[32];
    try (ItemSpill spill = new ItemSpill()) {
      long p = 0, d = 0, p0 = 0, d0 = 0;
      String s = null, s0 = null;
      for (int i = 0; i < n; i++) {
        r.nextBytes(sha);
        if (i % 1000 == 1) { // a near copy of image i - 1: other bytes, same pHash, 1 dHash bit off
          p = p0;
          d = d0 ^ (1L << 40);
          s = hex.formatHex(sha);
        } else if (i % 5000 == 2) { // image i - 2 byte for byte
          p = p0;
          d = d0;
          s = s0;
        } else {
          p = r.nextLong();
          d = r.nextLong();
          s = hex.formatHex(sha);
        }
        if (i % 1000 == 0) {
          p0 = p;
          d0 = d;
          s0 = s;
        }
        table.ensure(i);
        table.set(i, new Fingerprint(s, p, d, 640, 480));
        labels.add(List.of());
        spill.add("img" + i, Path.of("/data/images/img" + i + ".jpg"));
      }
      List<ImageCluster> clusters = ImageDedup.clusters(table, labels, new ImageDedup.Options(0, 12, false), spill);
      long removed = clusters.stream().mapToLong(c -> c.members().size() - 1).sum();
      System.out.println("clusters " + clusters.size() + " removed " + removed + " heap used "
          + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MB");
    }
  }
}
