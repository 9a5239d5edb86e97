package org.trainset.inspect.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a stream of review records against a {@link Workflow}: per-worker quality index and
 * escalation (through {@link QualityTracker}), gold-item accuracy, and per-lot acceptance by each
 * stage's sampling plan. Records are taken in the order they were made.
 */
public final class QaScorer {
  private final Workflow workflow;
  private final GoldSet gold;
  private final QualityTracker tracker;
  private final Map<String, LotState> lots = new TreeMap<>();
  private final Map<String, long[]> stageCounts = new TreeMap<>(); // records, defects
  private final Map<String, long[]> goldByWorker = new TreeMap<>(); // seen, correct
  private long records;

  public QaScorer(Workflow workflow, GoldSet gold) {
    this.workflow = workflow;
    this.gold = gold;
    this.tracker = new QualityTracker(workflow.quality());
  }

  private static final class LotState {
    String stage;
    String lot;
    long lotSize;
    int inspected;
    int defects;
    boolean fullInspection;
  }

  /** Adds one record; an unknown stage is an {@link IllegalArgumentException}. */
  public void add(ReviewRecord r) {
    Workflow.Stage stage = workflow.stage(r.stage()).orElseThrow(() -> new IllegalArgumentException(
        "stage '" + r.stage() + "' is not in workflow '" + workflow.name() + "'"));
    records++;
    boolean defective = r.rejected()
        || r.errors().stream().anyMatch(e -> e.severity().compareTo(workflow.quality().defectSeverity()) >= 0);
    if (gold.isGold(r.item()) && r.answer() != null) {
      boolean ok = gold.correct(r.item(), r.answer());
      long[] g = goldByWorker.computeIfAbsent(r.worker(), k -> new long[2]);
      g[0]++;
      if (ok) g[1]++;
      else defective = true;
    }
    QualityTracker.Mode before = tracker.mode(r.worker());
    tracker.observe(r.worker(), defective ? 0 : 100, defective, r.item());
    long[] sc = stageCounts.computeIfAbsent(stage.name(), k -> new long[2]);
    sc[0]++;
    if (defective) sc[1]++;
    String lotId = r.lot() == null ? "(no lot)" : r.lot();
    LotState lot = lots.computeIfAbsent(stage.name() + "\u0000" + lotId, k -> new LotState());
    lot.stage = stage.name();
    lot.lot = lotId;
    lot.lotSize = Math.max(lot.lotSize, r.lotSize());
    lot.inspected++;
    if (defective) lot.defects++;
    if (before == QualityTracker.Mode.FULL) lot.fullInspection = true;
  }

  /** A lot's outcome at one stage. */
  public record LotResult(String stage, String lot, long lotSize, int inspected, int required, int defects,
                          int accept, int reject, String basis, boolean accepted, boolean underSampled) { }

  /** One worker's standing. */
  public record WorkerResult(String worker, long items, long defects, double qualityIndex, double overallIndex,
                             QualityTracker.Mode mode, long goldSeen, long goldCorrect) { }

  /** Everything {@code qa score} reports. */
  public record Report(long records, List<WorkerResult> workers, List<LotResult> lots,
                       List<QualityTracker.Transition> transitions, Map<String, long[]> stages) {
    public long rejectedLots() {
      return lots.stream().filter(l -> !l.accepted()).count();
    }
  }

  public Report report() {
    List<WorkerResult> ws = new ArrayList<>();
    tracker.workers().forEach((name, w) -> {
      long[] g = goldByWorker.getOrDefault(name, new long[2]);
      ws.add(new WorkerResult(name, w.items(), w.defects(), w.qualityIndex(), w.overallIndex(), w.mode(), g[0], g[1]));
    });
    List<LotResult> ls = new ArrayList<>();
    for (LotState l : lots.values()) {
      SamplingPlan plan = workflow.stage(l.stage).orElseThrow().sampling();
      long size = l.lotSize > 0 ? l.lotSize : l.inspected;
      SamplingPlan.Sample s = plan.sample(size);
      int required = l.fullInspection ? (int) size : s.size();
      ls.add(new LotResult(l.stage, l.lot, size, l.inspected, required, l.defects, s.accept(), s.reject(),
          l.fullInspection ? s.basis() + "; worker under 100% inspection" : s.basis(), s.accepts(l.defects),
          l.inspected < required));
    }
    return new Report(records, ws, ls, tracker.transitions(), stageCounts);
  }
}
