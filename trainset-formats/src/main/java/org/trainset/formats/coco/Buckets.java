package org.trainset.formats.coco;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.AtomicOutput;

/**
 * Groups annotations by image without holding them all: images are numbered in file order and
 * split into consecutive ranges; each annotation is spilled (in {@link SpillCodec} form) to its
 * range's bucket, and buckets are read back one at a time in order. Memory is one
 * bucket's annotations; a small input uses a single in-memory bucket and touches no disk.
 */
final class Buckets implements AutoCloseable {
  /** Source bytes per bucket: one bucket's annotations stay well under 100 MB of heap. */
  static final long BYTES_PER_BUCKET = 16L << 20;
  private static final int MAX_BUCKETS = 512;

  private final SpillCodec codec;
  private final SpillCodec.Out encoded = new SpillCodec.Out();
  private final int imagesPerBucket;
  private final DataOutputStream[] outs;
  private final ByteArrayOutputStream memory;
  private final Path dir;

  Buckets(int images, long sourceBytes, SpillCodec codec) throws IOException {
    this.codec = codec;
    int count = (int) Math.max(1, Math.min(MAX_BUCKETS, sourceBytes / BYTES_PER_BUCKET));
    count = Math.max(1, Math.min(count, images));
    this.imagesPerBucket = Math.max(1, (images + count - 1) / count);
    this.outs = new DataOutputStream[count];
    if (count == 1) {
      memory = new ByteArrayOutputStream();
      outs[0] = new DataOutputStream(memory);
      dir = null;
    } else {
      memory = null;
      dir = Files.createTempDirectory("trainset-coco-buckets-");
    }
  }

  int bucketCount() {
    return outs.length;
  }

  /** Adds one checked COCO annotation to image {@code index}. */
  void add(int index, RawAnnotation annotation, String label, int file, long line) throws IOException {
    int b = index / imagesPerBucket;
    DataOutputStream out = outs[b];
    if (out == null) {
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(b + ".bin")), 1 << 15));
      outs[b] = out;
    }
    encoded.reset();
    encoded.putInt(index);
    codec.write(encoded, annotation, label, file, line);
    out.write(encoded.array(), 0, encoded.size());
  }

  /** The first image number of bucket {@code b}. */
  int firstImage(int b) {
    return b * imagesPerBucket;
  }

  /** The bucket holding image number {@code index}. */
  int bucketOf(int index) {
    return index / imagesPerBucket;
  }

  /** The annotations of bucket {@code b}, per image relative to its first; the bucket file is then deleted. */
  List<List<SpillCodec.Record>> read(int b) throws IOException {
    List<List<SpillCodec.Record>> byImage = new ArrayList<>(imagesPerBucket);
    for (int i = 0; i < imagesPerBucket; i++) byImage.add(null);
    DataOutputStream out = outs[b];
    if (out == null) return byImage;
    out.close();
    outs[b] = null;
    Path file = dir == null ? null : dir.resolve(b + ".bin");
    ByteBuffer in = ByteBuffer.wrap(memory != null ? memory.toByteArray() : Files.readAllBytes(file));
    if (memory != null) memory.reset();
    while (in.hasRemaining()) {
      int local = in.getInt() - firstImage(b);
      List<SpillCodec.Record> list = byImage.get(local);
      if (list == null) byImage.set(local, list = new ArrayList<>(4));
      list.add(codec.read(in));
    }
    if (file != null) Files.deleteIfExists(file);
    return byImage;
  }

  @Override public void close() throws IOException {
    for (DataOutputStream o : outs) if (o != null) o.close();
    if (dir != null) AtomicOutput.deleteRecursively(dir);
  }
}
