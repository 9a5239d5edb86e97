package org.trainset.server.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: at most {@code maxFailures} failed logins per username and per client
 * address within a sliding window; further attempts are refused until the window moves on.
 */
public final class LoginLimiter {
  private final int maxFailures;
  private final int maxFailuresPerAddress;
  private final long windowMillis;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  /** {@code maxFailures} per username; an address (shared by many users behind one proxy) gets six times that. */
  public LoginLimiter(int maxFailures, long windowMillis) {
    this.maxFailures = maxFailures;
    this.maxFailuresPerAddress = maxFailures * 6;
    this.windowMillis = windowMillis;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  public long retryAfterSeconds(String username, String address) {
    long now = System.currentTimeMillis();
    long wait = Math.max(waitFor("u:" + username, now, maxFailures), waitFor("a:" + address, now, maxFailuresPerAddress));
    return (wait + 999) / 1000;
  }

  public void failed(String username, String address) {
    long now = System.currentTimeMillis();
    record(("u:" + username), now, maxFailures);
    record(("a:" + address), now, maxFailuresPerAddress);
  }

  public void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private void record(String key, long now, int max) {
    Deque<Long> d = failures.computeIfAbsent(key, x -> new ArrayDeque<>());
    synchronized (d) {
      d.addLast(now);
      while (d.size() > max) d.removeFirst();
    }
  }

  private long waitFor(String key, long now, int max) {
    Deque<Long> d = failures.get(key);
    if (d == null) return 0;
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst() < now - windowMillis) d.removeFirst();
      return d.size() >= max ? d.peekFirst() + windowMillis - now : 0;
    }
  }
}
