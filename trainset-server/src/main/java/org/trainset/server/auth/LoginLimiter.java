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
  private final long windowMillis;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public LoginLimiter(int maxFailures, long windowMillis) {
    this.maxFailures = maxFailures;
    this.windowMillis = windowMillis;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  public long retryAfterSeconds(String username, String address) {
    long now = System.currentTimeMillis();
    long wait = Math.max(waitFor("u:" + username, now), waitFor("a:" + address, now));
    return (wait + 999) / 1000;
  }

  public void failed(String username, String address) {
    long now = System.currentTimeMillis();
    for (String k : new String[] {"u:" + username, "a:" + address}) {
      Deque<Long> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
      synchronized (d) {
        d.addLast(now);
        while (d.size() > maxFailures) d.removeFirst();
      }
    }
  }

  public void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private long waitFor(String key, long now) {
    Deque<Long> d = failures.get(key);
    if (d == null) return 0;
    synchronized (d) {
      while (!d.isEmpty() && d.peekFirst() < now - windowMillis) d.removeFirst();
      return d.size() >= maxFailures ? d.peekFirst() + windowMillis - now : 0;
    }
  }
}
