package org.trainset.core.progress;

/**
 * Progress of long work, reported by library code and drawn by whoever owns the terminal (the
 * CLI draws a bar on stderr; the server will push it to a page). Library code never prints.
 */
public interface Progress {
  Progress NONE = new Progress() {
    @Override public void start(String task, long total) { }
    @Override public void advance(long done) { }
    @Override public void finish() { }
  };

  /** Begins a task of {@code total} units (bytes or items), or -1 when unknown. */
  void start(String task, long total);

  /** Sets how many units are done so far. */
  void advance(long done);

  void finish();
}
