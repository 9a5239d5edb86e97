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
 *   <li>reduced → normal: a lot not accepted.</li>
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

  /** The outcome of one lot on original inspection. */
  public record Lot(int acceptanceNumber, boolean accepted, boolean acceptedAtTighterAql) {
    /** A lot inspected with a normal plan: accepted when {@code nonconforming ≤ Ac}; the tighter-AQL check uses Table 2-A. */
    public static Lot normal(long lotSize, double aql, int nonconforming) {
      Iso2859.Plan p = Iso2859.plan(lotSize, aql);
      int i = Iso2859.aqlIndex(aql);
      boolean tighter = i > 0 && nonconforming <= Iso2859.plan(lotSize, Iso2859.AQLS.get(i - 1)).accept();
      return new Lot(p.accept(), nonconforming <= p.accept(), tighter);
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
      case REDUCED -> lot.accepted() ? this : start();
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

  @Override public String toString() {
    return mode + " score " + score + " recent " + recent + " rejected on tightened " + rejectedOnTightened;
  }
}
