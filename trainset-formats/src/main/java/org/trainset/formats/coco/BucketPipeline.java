package org.trainset.formats.coco;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trainset.core.model.Annotation;

/**
 * Hands out buckets of model annotations in order while the next bucket is read and built on a
 * background thread, so decoding overlaps with whatever consumes the items (a writer, a
 * validator). At most two buckets are in memory.
 */
final class BucketPipeline implements AutoCloseable {
  /** Turns a bucket's spilled records into model annotations per image. */
  interface Builder {
    List<List<Annotation>> build(List<List<SpillCodec.Record>> records) throws IOException;
  }

  private final Buckets buckets;
  private final Builder builder;
  private ExecutorService pool;
  private Future<List<List<Annotation>>> pending;
  private int pendingBucket = -1;

  BucketPipeline(Buckets buckets, Builder builder) {
    this.buckets = buckets;
    this.builder = builder;
  }

  /** Bucket {@code b}; buckets must be asked for in ascending order. */
  List<List<Annotation>> get(int b) throws IOException {
    List<List<Annotation>> out = pending != null && pendingBucket == b ? join(pending) : builder.build(buckets.read(b));
    pending = null;
    if (b + 1 < buckets.bucketCount()) {
      if (pool == null) {
        pool = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "coco-buckets");
          t.setDaemon(true);
          return t;
        });
      }
      int next = b + 1;
      pending = pool.submit(() -> builder.build(buckets.read(next)));
      pendingBucket = next;
    }
    return out;
  }

  /** The task's result, with its I/O failure rethrown as it was (shared by the parallel passes). */
  static <T> T join(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      throw new IOException(c);
    }
  }

  /** Waits for the background read (it uses the bucket files) and stops the thread. */
  @Override public void close() {
    if (pending != null) {
      try {
        pending.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException ignored) {
        // the item stream is being abandoned; its error no longer matters
      }
    }
    if (pool != null) pool.shutdownNow();
  }
}
