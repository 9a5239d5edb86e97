package org.trainset.refine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.trainset.refine.images.Fingerprint;
import org.trainset.testkit.images.SyntheticImages;

/**
 * Benchmark (not a test): images/s of trainset's fingerprinting (read bytes, SHA-256, ImageIO
 * decode, pHash + dHash) against plain ImageIO decode of the same files, both on all cores.
 * Args: [images] [width] [height] [workdir].
 */
public final class ImageHashBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int w = args.length > 1 ? Integer.parseInt(args[1]) : 640, h = args.length > 2 ? Integer.parseInt(args[2]) : 480;
    Path dir = Files.createDirectories(Path.of(args.length > 3 ? args[3] : "/tmp/trainset-bench-images"));
    List<Path> files = IntStream.range(0, n).mapToObj(i -> dir.resolve(String.format("img%05d.jpg", i))).toList();
    IntStream.range(0, n).parallel().forEach(i -> {
      try {
        if (!Files.exists(files.get(i))) SyntheticImages.writeJpeg(SyntheticImages.scene(i, w, h), files.get(i), 0.9f);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    for (int round = 0; round < 3; round++) { // round 0 warms the JIT and the page cache
      AtomicLong sink = new AtomicLong();
      double c0 = Cpu.seconds();
      long t0 = System.nanoTime();
      files.parallelStream().forEach(f -> {
        try {
          sink.addAndGet(ImageIO.read(f.toFile()).getWidth());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      double decode = n / ((System.nanoTime() - t0) / 1e9);
      double decodeCpu = Cpu.seconds() - c0;
      double c1 = Cpu.seconds();
      long t1 = System.nanoTime();
      files.parallelStream().forEach(f -> {
        try {
          sink.addAndGet(Fingerprint.of(f, f.toString()).phash());
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      double hash = n / ((System.nanoTime() - t1) / 1e9);
      double hashCpu = Cpu.seconds() - c1;
      if (round > 0) {
        System.out.printf("round %d CPU: decode %.2f ms/image, fingerprint %.2f ms/image (%.0f%% of decode throughput by CPU time)%n",
            round, 1e3 * decodeCpu / n, 1e3 * hashCpu / n, 100 * decodeCpu / hashCpu);
        System.out.printf("round %d: %d JPEGs %dx%d on %d cores: ImageIO decode %.0f images/s; SHA-256 + decode + pHash + dHash %.0f images/s (%.0f%% of decode)%n",
            round, n, w, h, Runtime.getRuntime().availableProcessors(), decode, hash, 100 * hash / decode);
      }
    }
  }
}
