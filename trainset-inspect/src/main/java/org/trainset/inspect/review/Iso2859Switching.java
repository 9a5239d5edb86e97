package org.trainset.inspect.review;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The switching rules of ISO 2859-1 (clause 9) between normal, tightened and reduced inspection,
 * as an immutable state replayed lot by lot (so it can be persisted and rebuilt from history).
 *
 * <ul>
 *   <li>normal → tightened: 2 lots not accepted among 5 or fewer consecutive lots;</li>
 *   <li>tightened → normal: 5 consecutive lots accepted;</li>
 *   <li>tightened → discontinued: the lots not accepted during one spell of tightened inspection
 *       reach 5;</li>
 *   <li>normal → reduced: the switching score reaches 30, production is steady and the responsible
 *       authority approves (both given by the caller);</li>
 *   <li>reduced → normal: a lot not accepted, or accepted with Ac &lt; d &lt; Re (MIL-STD-105E 8.3.4 b);</li>
 *   <li>discontinued → tightened: when the supplier has improved, inspection resumes on tightened
 *       ({@link #resumed()}; MIL-STD-105E 8.4, ISO 2859-1 9.4).</li>
 * </ul>
 *
 * <p>Switching score (clause 9.3.3.2, single sampling), kept on normal inspection only: with
 * Ac ≥ 2, +3 if the lot would also have been accepted at the next tighter AQL, else reset to 0;
 * with Ac 0 or 1, +2 if the lot is accepted, else reset to 0.
 *
 * <p>This class decides the inspection mode only; the plans per mode are the tables' business.
 */
public final class Iso2859Switching {
  /** Inspection severity. */
  public enum Mode { NORMAL, TIGHTENED, REDUCED, DISCONTINUED }

  /**
   * The outcome of one lot on original inspection. {@code reinstateNormal}: a lot on reduced inspection
   * accepted with more nonconforming items than Ac (Ac &lt; d &lt; Re), which ends reduced inspection
   * (MIL-STD-105E 10.1.4 and 8.3.4 b, identical to ISO 2859-1 / ANSI/ASQ Z1.4).
   */
  public record Lot(int acceptanceNumber, boolean accepted, boolean acceptedAtTighterAql, boolean reinstateNormal) {
    public Lot(int acceptanceNumber, boolean accepted, boolean acceptedAtTighterAql) {
      this(acceptanceNumber, accepted, acceptedAtTighterAql, false);
    }

    /** A lot inspected with a normal plan: accepted when {@code nonconforming ≤ Ac}; the tighter-AQL check uses Table 2-A. */
    public static Lot normal(long lotSize, double aql, int nonconforming) {
      Iso2859.Plan p = Iso2859.plan(lotSize, aql);
      int i = Iso2859.aqlIndex(aql);
      boolean tighter = i > 0 && nonconforming <= Iso2859.plan(lotSize, Iso2859.AQLS.get(i - 1)).accept();
      return new Lot(p.accept(), nonconforming <= p.accept(), tighter);
    }

    /**
     * A lot inspected with the plan of {@code mode} ({@link Iso2859#plan(long, double, Mode)}): on normal
     * and tightened inspection accepted when d ≤ Ac; on reduced inspection accepted when d &lt; Re, with
     * normal inspection reinstated when d &gt; Ac.
     */
    public static Lot inspected(long lotSize, double aql, Mode mode, int nonconforming) {
      if (mode == Mode.NORMAL) return normal(lotSize, aql, nonconforming);
      Iso2859.Plan p = Iso2859.plan(lotSize, aql, mode);
      if (mode == Mode.REDUCED) {
        return new Lot(p.accept(), nonconforming < p.reject(), false, nonconforming > p.accept());
      }
      return new Lot(p.accept(), nonconforming <= p.accept(), false);
    }
  }

  private final Mode mode;
  private final int score;
  /** Acceptance of the lots since the last switch, newest last, at most 5 (normal: window; tightened: streak). */
  private final Deque<Boolean> recent;
  private final int rejectedOnTightened;

  private Iso2859Switching(Mode mode, int score, Deque<Boolean> recent, int rejectedOnTightened) {
    this.mode = mode;
    this.score = score;
    this.recent = recent;
    this.rejectedOnTightened = rejectedOnTightened;
  }

  /** Inspection starts on normal with score 0 (clause 9.2). */
  public static Iso2859Switching start() {
    return new Iso2859Switching(Mode.NORMAL, 0, new ArrayDeque<>(), 0);
  }

  public Mode mode() { return mode; }

  public int score() { return score; }

  /**
   * The state after one more lot. {@code steadyAndApproved}: production is at a steady rate and the
   * responsible authority approves reduced inspection (only consulted on normal inspection).
   */
  public Iso2859Switching next(Lot lot, boolean steadyAndApproved) {
    return switch (mode) {
      case DISCONTINUED -> throw new IllegalStateException("inspection is discontinued: no lot may be inspected until"
          + " the supplier has improved quality (ISO 2859-1, 9.4)");
      case REDUCED -> lot.accepted() && !lot.reinstateNormal() ? this : start();
      case TIGHTENED -> {
        int rejected = rejectedOnTightened + (lot.accepted() ? 0 : 1);
        if (rejected >= 5) yield new Iso2859Switching(Mode.DISCONTINUED, 0, new ArrayDeque<>(), rejected);
        Deque<Boolean> streak = new ArrayDeque<>();
        if (lot.accepted()) {
          streak.addAll(recent);
          streak.addLast(true);
        }
        if (streak.size() >= 5) yield start();
        yield new Iso2859Switching(Mode.TIGHTENED, 0, streak, rejected);
      }
      case NORMAL -> {
        Deque<Boolean> window = new ArrayDeque<>(recent);
        window.addLast(lot.accepted());
        if (window.size() > 5) window.removeFirst();
        if (window.stream().filter(a -> !a).count() >= 2) {
          yield new Iso2859Switching(Mode.TIGHTENED, 0, new ArrayDeque<>(), 0);
        }
        boolean credit = lot.acceptanceNumber() >= 2 ? lot.acceptedAtTighterAql() : lot.accepted();
        int s = credit ? score + (lot.acceptanceNumber() >= 2 ? 3 : 2) : 0;
        if (s >= 30 && steadyAndApproved) yield new Iso2859Switching(Mode.REDUCED, 0, new ArrayDeque<>(), 0);
        yield new Iso2859Switching(Mode.NORMAL, s, window, 0);
      }
    };
  }

  /** Inspection resumed after discontinuation: tightened, as if just switched to it. */
  public Iso2859Switching resumed() {
    if (mode != Mode.DISCONTINUED) throw new IllegalStateException("inspection is " + mode + ", not discontinued");
    return new Iso2859Switching(Mode.TIGHTENED, 0, new ArrayDeque<>(), 0);
  }

  /** Lots not accepted during the current spell of tightened inspection (5 discontinue it). */
  public int rejectedOnTightened() { return rejectedOnTightened; }

  @Override public String toString() {
    return mode + " score " + score + " recent " + recent + " rejected on tightened " + rejectedOnTightened;
  }
}
