package org.trainset.refine.images;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.trainset.core.progress.Progress;

/**
 * Hashes images on one thread per core while the caller is still reading the dataset: the caller
 * {@link #submit}s each image as its item streams past, a bounded queue ({@value #PER_THREAD}
 * images a thread) holds the backlog, and {@link Fingerprint}s land in a {@link FingerprintTable}.
 * Listing and decoding overlap (the listing alone was 10% of {@code dedup images}' CPU time),
 * and memory does not grow with the number of images waiting.
 */
final class HashPipeline implements AutoCloseable {
  static final int PER_THREAD = 32;
  private record Job(int index, Path file, String id) {}
  private static final Job END = new Job(-1, null, null);

  /** Where a fingerprint goes: a {@link FingerprintTable}, or an array. Called from worker threads. */
  @FunctionalInterface
  interface Sink {
    void set(int index, Fingerprint print);
  }

  private final Sink table;
  private final Progress progress;
  private final BlockingQueue<Job> queue;
  private final Thread[] workers;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicLong done = new AtomicLong();
  private boolean ended;

  HashPipeline(Sink table, Progress progress) {
    this.table = table;
    this.progress = progress;
    int threads = Runtime.getRuntime().availableProcessors();
    queue = new ArrayBlockingQueue<>(threads * PER_THREAD);
    workers = new Thread[threads];
    progress.start("hash images", -1);
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(this::work, "dedup-hash-" + t);
      workers[t].setDaemon(true);
      workers[t].start();
    }
  }

  private void work() {
    try {
      for (Job j = queue.take(); j != END; j = queue.take()) {
        if (failure.get() != null) continue; // drain, so the producer never blocks on a full queue
        try {
          table.set(j.index(), Fingerprint.of(j.file(), j.id()));
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
          continue;
        }
        long d = done.incrementAndGet();
        if ((d & 63) == 0) synchronized (progress) { progress.advance(d); }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Queues image {@code index} (its table slot already {@link FingerprintTable#ensure ensured}). */
  void submit(int index, Path file, String id) throws IOException {
    rethrow();
    put(new Job(index, file, id));
  }

  /** Waits for every queued image; throws the first hashing failure. */
  void finish() throws IOException {
    end();
    rethrow();
  }

  private void end() throws IOException {
    if (ended) return;
    ended = true;
    try {
      for (int t = 0; t < workers.length; t++) put(END);
      for (Thread w : workers) w.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing images");
    } finally {
      progress.finish();
    }
  }

  private void put(Job j) throws IOException {
    try {
      queue.put(j);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hashing images");
    }
  }

  private void rethrow() throws IOException {
    Throwable e = failure.get();
    if (e instanceof IOException io) throw io;
    if (e instanceof RuntimeException r) throw r;
    if (e instanceof Error err) throw err;
  }

  /** Stops the workers when the caller failed before {@link #finish} (they drain the queue). */
  @Override public void close() throws IOException {
    failure.compareAndSet(null, new IllegalStateException("hashing cancelled"));
    end();
  }
}
