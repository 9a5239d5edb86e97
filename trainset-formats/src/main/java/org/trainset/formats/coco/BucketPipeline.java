package org.trainset.formats.coco;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trainset.core.model.Annotation;

/**
 * Hands out buckets of model annotations in order while the next buckets are read and built on
 * background threads, so decoding overlaps with whatever consumes the items (a writer, a
 * validator) and, on a machine with cores to spare, with each other: building is most of the
 * emitting work, and one thread for it left a second core idle. At most {@link #AHEAD} + 1
 * buckets are in memory.
 */
final class BucketPipeline implements AutoCloseable {
  /** Turns a bucket's spilled records into model annotations per image. */
  interface Builder {
    List<List<Annotation>> build(List<List<SpillCodec.Record>> records) throws IOException;
  }

  /** Buckets built ahead of the one being consumed (and threads building them). */
  static final int AHEAD = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private final Buckets buckets;
  private final Builder builder;
  private ExecutorService pool;
  /** Buckets submitted and not yet handed out, in ascending order. */
  private final ArrayDeque<Map.Entry<Integer, Future<List<List<Annotation>>>>> pending = new ArrayDeque<>();
  private int nextToSubmit;

  BucketPipeline(Buckets buckets, Builder builder) {
    this.buckets = buckets;
    this.builder = builder;
  }

  /** Bucket {@code b}; buckets must be asked for in ascending order. */
  List<List<Annotation>> get(int b) throws IOException {
    Future<List<List<Annotation>>> mine = null;
    while (!pending.isEmpty() && pending.peek().getKey() <= b) {
      Map.Entry<Integer, Future<List<List<Annotation>>>> e = pending.poll();
      if (e.getKey() == b) {
        mine = e.getValue();
      } else {
        join(e.getValue()); // a bucket skipped (none are, in practice): still wait for its files
      }
    }
    if (nextToSubmit <= b) nextToSubmit = b + 1;
    while (nextToSubmit < buckets.bucketCount() && nextToSubmit <= b + AHEAD) {
      if (pool == null) {
        pool = Executors.newFixedThreadPool(AHEAD, r -> {
          Thread t = new Thread(r, "coco-buckets");
          t.setDaemon(true);
          return t;
        });
      }
      int next = nextToSubmit++;
      pending.add(Map.entry(next, pool.submit(() -> builder.build(buckets.read(next)))));
    }
    return mine != null ? join(mine) : builder.build(buckets.read(b));
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

  /** Waits for the background reads (they use the bucket files) and stops the threads. */
  @Override public void close() {
    for (Map.Entry<Integer, Future<List<List<Annotation>>>> e : pending) {
      try {
        e.getValue().get();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException ignored) {
        // the item stream is being abandoned; its error no longer matters
      }
    }
    pending.clear();
    if (pool != null) pool.shutdownNow();
  }
}
