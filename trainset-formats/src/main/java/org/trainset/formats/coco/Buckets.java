package org.trainset.formats.coco;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.AtomicOutput;

/**
 * Groups annotations by image without holding them all: images are numbered in file order and
 * split into consecutive ranges; each annotation is spilled (in {@link SpillCodec} form) to its
 * range's bucket, and buckets are read back one at a time in order. Memory is one bucket's
 * annotations; a small input uses a single in-memory bucket and touches no disk.
 *
 * <p>Several threads may spill at once, each through its own {@link Lane} (its own files) and
 * each over a consecutive stretch of the file; a bucket is read lane by lane, so annotations
 * come back in file order.
 */
final class Buckets implements AutoCloseable {
  /** Source bytes per bucket: one bucket's annotations stay well under 100 MB of heap. */
  static final long BYTES_PER_BUCKET = 4L << 20;
  private static final int MAX_BUCKETS = 512;

  private final SpillCodec codec;
  private final int imagesPerBucket;
  private final int count;
  private final Path dir;
  private final List<Lane> lanes = new ArrayList<>();

  Buckets(int images, long sourceBytes, SpillCodec codec) throws IOException {
    this.codec = codec;
    int n = (int) Math.max(1, Math.min(MAX_BUCKETS, sourceBytes / BYTES_PER_BUCKET));
    this.count = Math.max(1, Math.min(n, images));
    this.imagesPerBucket = Math.max(1, (images + count - 1) / count);
    this.dir = count == 1 ? null : Files.createTempDirectory("trainset-coco-buckets-");
  }

  /** A new lane; lanes are read back in the order they were made. */
  synchronized Lane lane() {
    Lane l = new Lane(lanes.size());
    lanes.add(l);
    return l;
  }

  /** One writer's share of the buckets. Not thread-safe: one thread per lane. */
  final class Lane {
    private final int number;
    private final OutputStream[] outs = new OutputStream[count];
    private final ByteArrayOutputStream[] memory = new ByteArrayOutputStream[count];
    private final SpillCodec.Out encoded = new SpillCodec.Out();

    private Lane(int number) {
      this.number = number;
    }

    /** Adds one checked COCO annotation to image {@code index}. */
    void add(int index, RawAnnotation annotation, String label, int file, long line) throws IOException {
      int b = index / imagesPerBucket;
      OutputStream out = outs[b];
      if (out == null) {
        if (dir == null) {
          out = memory[b] = new ByteArrayOutputStream();
        } else {
          out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(b + "." + number + ".bin")), 1 << 15);
        }
        outs[b] = out;
      }
      encoded.reset();
      encoded.putInt(index);
      codec.write(encoded, annotation, label, file, line);
      out.write(encoded.array(), 0, encoded.size());
    }

    private byte[] take(int b) throws IOException {
      OutputStream out = outs[b];
      if (out == null) return null;
      out.close();
      outs[b] = null;
      if (dir == null) {
        byte[] bytes = memory[b].toByteArray();
        memory[b] = null;
        return bytes;
      }
      Path file = dir.resolve(b + "." + number + ".bin");
      byte[] bytes = Files.readAllBytes(file);
      Files.delete(file);
      return bytes;
    }

    private void close() throws IOException {
      for (OutputStream o : outs) if (o != null) o.close();
    }
  }

  int bucketCount() {
    return count;
  }

  /** The first image number of bucket {@code b}. */
  int firstImage(int b) {
    return b * imagesPerBucket;
  }

  /** The bucket holding image number {@code index}. */
  int bucketOf(int index) {
    return index / imagesPerBucket;
  }

  /** The annotations of bucket {@code b}, per image relative to its first; its files are then deleted. */
  List<List<SpillCodec.Record>> read(int b) throws IOException {
    List<List<SpillCodec.Record>> byImage = new ArrayList<>(imagesPerBucket);
    for (int i = 0; i < imagesPerBucket; i++) byImage.add(null);
    for (Lane lane : lanes) {
      byte[] bytes = lane.take(b);
      if (bytes == null) continue;
      ByteBuffer in = ByteBuffer.wrap(bytes).order(SpillCodec.ORDER);
      while (in.hasRemaining()) {
        int local = in.getInt() - firstImage(b);
        List<SpillCodec.Record> list = byImage.get(local);
        if (list == null) byImage.set(local, list = new ArrayList<>(4));
        list.add(codec.read(in));
      }
    }
    return byImage;
  }

  @Override public void close() throws IOException {
    for (Lane l : lanes) l.close();
    if (dir != null) AtomicOutput.deleteRecursively(dir);
  }
}
