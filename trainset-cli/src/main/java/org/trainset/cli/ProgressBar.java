package org.trainset.cli;

import java.io.PrintWriter;
import org.trainset.core.progress.Progress;

/**
 * A one-line progress bar on stderr, redrawn at most every 200 ms. Only drawn when stderr is a
 * terminal and the user did not ask for quiet; otherwise {@link Progress#NONE} is used.
 */
public final class ProgressBar implements Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintWriter err;
  private String task = "";
  private long total = -1;
  private long lastDraw;

  private ProgressBar(PrintWriter err) {
    this.err = err;
  }

  /** A bar on {@code err} when interactive, else a no-op. */
  public static Progress forTerminal(PrintWriter err, OutputOptions opts) {
    boolean interactive = System.console() != null && System.getenv("CI") == null;
    return interactive && !opts.quiet ? new ProgressBar(err) : Progress.NONE;
  }

  @Override public void start(String newTask, long newTotal) {
    this.task = newTask;
    this.total = newTotal;
    this.lastDraw = 0;
  }

  @Override public void advance(long done) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) return;
    lastDraw = now;
    if (total > 0) {
      int pct = (int) Math.min(100, done * 100 / total);
      int filled = pct / 4;
      err.print("\r" + task + " [" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + pct + "%");
    } else {
      err.print("\r" + task + " " + done);
    }
    err.flush();
  }

  @Override public void finish() {
    err.print("\r\033[K");
    err.flush();
  }
}
