package org.trainset.spark;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress from Spark's listener bus: tasks finished out of the tasks submitted, redrawn at most
 * every 500 ms on stderr, one line per job at its end.
 */
public final class SparkProgress extends SparkListener {
  private static final long REDRAW_NANOS = 500_000_000L;
  private final PrintWriter err;
  private final String task;
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile long lastDraw;

  public SparkProgress(PrintWriter err, String task) {
    this.err = err;
    this.task = task;
  }

  @Override public void onStageSubmitted(SparkListenerStageSubmitted stage) {
    submitted.addAndGet(stage.stageInfo().numTasks());
  }

  @Override public void onTaskEnd(SparkListenerTaskEnd end) {
    done.incrementAndGet();
    if (!end.taskInfo().successful()) failed.incrementAndGet();
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) return;
    lastDraw = now;
    draw("\r");
  }

  @Override public void onJobEnd(SparkListenerJobEnd job) {
    draw("\r");
    synchronized (err) {
      err.println();
      err.flush();
    }
  }

  private void draw(String prefix) {
    synchronized (err) {
      err.print(prefix + task + ": " + done.get() + "/" + submitted.get() + " tasks"
          + (failed.get() > 0 ? ", " + failed.get() + " failed" : ""));
      err.flush();
    }
  }

  /** Tasks that ended so far (for tests). */
  public int tasksDone() {
    return done.get();
  }
}
