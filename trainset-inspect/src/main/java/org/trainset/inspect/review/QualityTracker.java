package org.trainset.inspect.review;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-worker quality index and inspection mode. Every judged item gives a score 0–100 (a review:
 * 100 when defect-free, else 0; a translation segment: its MQM score); the quality index is the
 * mean over the last {@code window} items. Below the threshold (after {@code minItems}) the
 * worker is moved to 100% inspection; after {@code cleanStreak} defect-free items in a row the
 * (counted from the escalation on) the worker returns to sampling with a fresh window, so old mistakes do not re-trigger at once.
 */
public final class QualityTracker {
  public enum Mode { SAMPLED, FULL }

  /** A worker moving between sampling and full inspection. */
  public record Transition(String worker, Mode from, Mode to, double qualityIndex, long observation, String item) { }

  /** What is known about one worker. */
  public static final class Worker {
    final ArrayDeque<Double> window = new ArrayDeque<>();
    double windowSum;
    int cleanStreak;
    Mode mode = Mode.SAMPLED;
    long items;
    long defects;
    double scoreSum;

    public Mode mode() { return mode; }
    public long items() { return items; }
    public long defects() { return defects; }
    /** Mean score over the current window (NaN before any item). */
    public double qualityIndex() { return window.isEmpty() ? Double.NaN : windowSum / window.size(); }
    /** Mean score over every item the worker was judged on. */
    public double overallIndex() { return items == 0 ? Double.NaN : scoreSum / items; }
    public int cleanStreak() { return cleanStreak; }
  }

  private final QualityPolicy policy;
  private final Map<String, Worker> workers = new TreeMap<>();
  private final List<Transition> transitions = new ArrayList<>();
  private long observations;

  public QualityTracker(QualityPolicy policy) {
    this.policy = policy;
  }

  public QualityPolicy policy() {
    return policy;
  }

  /** Records one judged item of {@code worker}; returns the mode the worker is in afterwards. */
  public Mode observe(String worker, double score, boolean defective, String item) {
    observations++;
    Worker w = workers.computeIfAbsent(worker, k -> new Worker());
    double s = Math.max(0, Math.min(100, score));
    w.items++;
    w.scoreSum += s;
    if (defective) w.defects++;
    w.window.addLast(s);
    w.windowSum += s;
    if (w.window.size() > policy.window()) w.windowSum -= w.window.removeFirst();
    w.cleanStreak = defective ? 0 : w.cleanStreak + 1;
    if (w.mode == Mode.SAMPLED && w.window.size() >= policy.minItems() && w.qualityIndex() < policy.threshold()) {
      move(worker, w, Mode.FULL, item);
      w.cleanStreak = 0; // the streak that counts is the one shown under full inspection
    } else if (w.mode == Mode.FULL && w.cleanStreak >= policy.cleanStreak()) {
      move(worker, w, Mode.SAMPLED, item);
      w.window.clear();
      w.windowSum = 0;
    }
    return w.mode;
  }

  private void move(String name, Worker w, Mode to, String item) {
    transitions.add(new Transition(name, w.mode, to, w.qualityIndex(), observations, item));
    w.mode = to;
  }

  public Mode mode(String worker) {
    Worker w = workers.get(worker);
    return w == null ? Mode.SAMPLED : w.mode;
  }

  public Map<String, Worker> workers() {
    return Collections.unmodifiableMap(workers);
  }

  public List<Transition> transitions() {
    return List.copyOf(transitions);
  }
}
