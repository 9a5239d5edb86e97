package org.trainset.server.access;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's reminder timer: one daemon thread that runs {@link Reminders#run} every
 * interval while the server runs. Started by the server (not by the CLI verbs that open the
 * platform for a moment), stopped when the platform closes.
 */
public final class ReminderScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReminderScheduler.class);
  /** The first pass soon after start (requests may have come due while the server was down), not a full interval later. */
  private static final Duration FIRST_DELAY = Duration.ofMinutes(1);

  private final Reminders reminders;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public ReminderScheduler(Reminders reminders, Duration interval) {
    this.reminders = reminders;
    this.interval = interval;
  }

  public Duration interval() { return interval; }

  public synchronized boolean running() {
    return executor != null;
  }

  /** Starts the timer; a second start does nothing. */
  public synchronized void start() {
    if (executor != null) return;
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "trainset-reminders");
      t.setDaemon(true);
      return t;
    });
    long first = Math.min(FIRST_DELAY.toMillis(), interval.toMillis());
    executor.scheduleWithFixedDelay(this::safeTick, first, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass now, on the caller's thread (tests drive the timer with it and a moved clock). */
  Reminders.Tick tick() {
    return reminders.run();
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      // a failed pass (database briefly unavailable, ...) must not cancel the timer
      LOG.error("access reminder pass failed", e);
    }
  }

  @Override public synchronized void close() {
    if (executor == null) return;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("access reminder pass still running at shutdown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }
}
