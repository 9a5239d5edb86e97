package org.trainset.inspect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.Iso2859Switching.Lot;
import org.trainset.inspect.review.Iso2859Switching.Mode;

/** Hand-checked lot sequences through the ISO 2859-1 switching rules. */
class Iso2859SwitchingTest {
  private static final Lot ACCEPTED = new Lot(1, true, true);
  private static final Lot REJECTED = new Lot(1, false, false);

  /** Replays "A"/"R" letters (accepted / not accepted) without approval for reduced inspection. */
  private static Iso2859Switching replay(Iso2859Switching s, String lots) {
    for (char c : lots.toCharArray()) s = s.next(c == 'A' ? ACCEPTED : REJECTED, false);
    return s;
  }

  @Test void twoRejectsWithinFiveLotsTighten() {
    assertEquals(Mode.NORMAL, replay(Iso2859Switching.start(), "ARAA").mode());
    assertEquals(Mode.TIGHTENED, replay(Iso2859Switching.start(), "ARAAR").mode()); // lots 1–5 hold 2 rejects
    assertEquals(Mode.TIGHTENED, replay(Iso2859Switching.start(), "RR").mode());
    // lots 3–7 (the last five) hold only one reject: lot 2's is six lots back
    assertEquals(Mode.NORMAL, replay(Iso2859Switching.start(), "ARAAAAR").mode());
  }

  @Test void fiveConsecutiveAcceptsOnTightenedReturnToNormal() {
    Iso2859Switching t = replay(Iso2859Switching.start(), "RR");
    assertEquals(Mode.TIGHTENED, replay(t, "AAAA").mode());
    assertEquals(Mode.NORMAL, replay(t, "AAAAA").mode());
    // a reject restarts the count of consecutive accepts
    assertEquals(Mode.TIGHTENED, replay(t, "AAAARAAAA").mode());
    Iso2859Switching back = replay(t, "AAAARAAAAA");
    assertEquals(Mode.NORMAL, back.mode());
    assertEquals(0, back.score());
  }

  @Test void fiveRejectsDuringTightenedDiscontinue() {
    Iso2859Switching t = replay(Iso2859Switching.start(), "RR");
    assertEquals(Mode.TIGHTENED, replay(t, "RAARARA").mode()); // 3 rejects on tightened so far
    Iso2859Switching stopped = replay(t, "RAARARAR" + "R");
    assertEquals(Mode.DISCONTINUED, stopped.mode());
    assertThrows(IllegalStateException.class, () -> stopped.next(ACCEPTED, false));
  }

  @Test void switchingScoreWithSmallAcceptanceNumbersCountsTwoPerAcceptedLot() {
    Iso2859Switching s = replay(Iso2859Switching.start(), "AAAA");
    assertEquals(8, s.score());
    assertEquals(0, replay(s, "R").score()); // reset by a reject, still normal (one reject in five)
    Iso2859Switching fifteen = replay(Iso2859Switching.start(), "AAAAAAAAAAAAAAA");
    assertEquals(30, fifteen.score());
    assertEquals(Mode.NORMAL, fifteen.mode(), "no approval: stays normal");
    Iso2859Switching s14 = replay(Iso2859Switching.start(), "AAAAAAAAAAAAAA");
    assertEquals(Mode.NORMAL, s14.next(ACCEPTED, true).next(REJECTED, true).mode(), "a reject on reduced: back to normal");
    assertEquals(Mode.REDUCED, s14.next(ACCEPTED, true).mode());
    assertEquals(Mode.NORMAL, replay(Iso2859Switching.start(), "AAAAAAAAAAAAA").next(ACCEPTED, true).mode(),
        "score 28 is not enough");
  }

  @Test void switchingScoreWithLargerAcceptanceNumbersNeedsTheTighterAql() {
    // lot of 2 000 at AQL 1.0: code K, n 125, Ac 3; one step tighter (0.65) K has Ac 2
    Lot twoDefects = Lot.normal(2000, 1.0, 2);
    Lot threeDefects = Lot.normal(2000, 1.0, 3);
    assertEquals(new Lot(3, true, true), twoDefects);
    assertEquals(new Lot(3, true, false), threeDefects);
    assertEquals(new Lot(3, false, false), Lot.normal(2000, 1.0, 4));
    Iso2859Switching s = Iso2859Switching.start();
    for (int i = 0; i < 9; i++) s = s.next(twoDefects, true);
    assertEquals(27, s.score());
    assertEquals(0, s.next(threeDefects, true).score(), "accepted, but not at the tighter AQL: reset");
    Iso2859Switching reduced = s.next(twoDefects, true);
    assertEquals(Mode.REDUCED, reduced.mode());
    assertEquals(Mode.REDUCED, reduced.next(ACCEPTED, true).mode());
    Iso2859Switching normalAgain = reduced.next(REJECTED, true);
    assertEquals(Mode.NORMAL, normalAgain.mode());
    assertEquals(0, normalAgain.score());
    assertFalse(normalAgain.mode() == Mode.TIGHTENED);
    assertTrue(Lot.normal(2000, 0.010, 0).accepted(), "no tighter AQL than 0.010: only acceptance counts");
  }
}
