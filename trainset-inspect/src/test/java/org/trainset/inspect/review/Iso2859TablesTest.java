package org.trainset.inspect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.trainset.inspect.review.Iso2859Switching.Lot;
import org.trainset.inspect.review.Iso2859Switching.Mode;

/**
 * Tables 2-B (tightened) and 2-C (reduced), level II single sampling, against the printed
 * MIL-STD-105E Tables II-B and II-C. The grids below are every cell (code letters A–R, AQL 0.010–10,
 * arrows already followed) as "n/Ac/Re", written out from the CRAN package AQLSchemes 1.7-2
 * ({@code R/AAZ14Single.R}); the interior cells of AQL 0.65–10 were also read against NIBS FMOC
 * "AC-TABLE" Table 1-B (tightened, from MIL-STD-105E Table II-B).
 */
class Iso2859TablesTest {
  private static final String TIGHTENED = """
      A 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 8/1/2
      B 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 8/1/2
      C 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 13/1/2 8/1/2
      D 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 20/1/2 13/1/2 8/1/2
      E 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 32/1/2 20/1/2 13/1/2 13/2/3
      F 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 50/1/2 32/1/2 20/1/2 20/2/3 20/3/4
      G 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 80/1/2 50/1/2 32/1/2 32/2/3 32/3/4 32/5/6
      H 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 125/1/2 80/1/2 50/1/2 50/2/3 50/3/4 50/5/6 50/8/9
      J 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 200/1/2 125/1/2 80/1/2 80/2/3 80/3/4 80/5/6 80/8/9 80/12/13
      K 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 125/0/1 315/1/2 200/1/2 125/1/2 125/2/3 125/3/4 125/5/6 125/8/9 125/12/13 125/18/19
      L 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 200/0/1 500/1/2 315/1/2 200/1/2 200/2/3 200/3/4 200/5/6 200/8/9 200/12/13 200/18/19 125/18/19
      M 2000/0/1 1250/0/1 800/0/1 500/0/1 315/0/1 800/1/2 500/1/2 315/1/2 315/2/3 315/3/4 315/5/6 315/8/9 315/12/13 315/18/19 200/18/19 125/18/19
      N 2000/0/1 1250/0/1 800/0/1 500/0/1 1250/1/2 800/1/2 500/1/2 500/2/3 500/3/4 500/5/6 500/8/9 500/12/13 500/18/19 315/18/19 200/18/19 125/18/19
      P 2000/0/1 1250/0/1 800/0/1 2000/1/2 1250/1/2 800/1/2 800/2/3 800/3/4 800/5/6 800/8/9 800/12/13 800/18/19 500/18/19 315/18/19 200/18/19 125/18/19
      Q 2000/0/1 1250/0/1 3150/1/2 2000/1/2 1250/1/2 1250/2/3 1250/3/4 1250/5/6 1250/8/9 1250/12/13 1250/18/19 800/18/19 500/18/19 315/18/19 200/18/19 125/18/19
      R 2000/0/1 1250/0/1 3150/1/2 2000/1/2 2000/2/3 2000/3/4 2000/5/6 2000/8/9 2000/12/13 2000/18/19 1250/18/19 800/18/19 500/18/19 315/18/19 200/18/19 125/18/19
      """;
  private static final String REDUCED = """
      A 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 2/0/1 2/0/1 2/0/1 2/0/2
      B 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 2/0/1 2/0/1 2/0/1 2/0/2
      C 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 2/0/1 2/0/1 3/0/2 2/0/2
      D 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 2/0/1 5/0/2 3/0/2 3/1/3
      E 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 3/0/1 8/0/2 5/0/2 5/1/3 5/1/4
      F 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 5/0/1 13/0/2 8/0/2 8/1/3 8/1/4 8/2/5
      G 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 8/0/1 20/0/2 13/0/2 13/1/3 13/1/4 13/2/5 13/3/6
      H 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 13/0/1 32/0/2 20/0/2 20/1/3 20/1/4 20/2/5 20/3/6 20/5/8
      J 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 20/0/1 50/0/2 32/0/2 32/1/3 32/1/4 32/2/5 32/3/6 32/5/8 32/7/10
      K 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 32/0/1 80/0/2 50/0/2 50/1/3 50/1/4 50/2/5 50/3/6 50/5/8 50/7/10 50/10/13
      L 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 50/0/1 125/0/2 80/0/2 80/1/3 80/1/4 80/2/5 80/3/6 80/5/8 80/7/10 80/10/13 50/10/13
      M 500/0/1 315/0/1 200/0/1 125/0/1 80/0/1 200/0/2 125/0/2 125/1/3 125/1/4 125/2/5 125/3/6 125/5/8 125/7/10 125/10/13 80/10/13 50/10/13
      N 500/0/1 315/0/1 200/0/1 125/0/1 315/0/2 200/0/2 200/1/3 200/1/4 200/2/5 200/3/6 200/5/8 200/7/10 200/10/13 125/10/13 80/10/13 50/10/13
      P 500/0/1 315/0/1 200/0/1 500/0/2 315/0/2 315/1/3 315/1/4 315/2/5 315/3/6 315/5/8 315/7/10 315/10/13 200/10/13 125/10/13 80/10/13 50/10/13
      Q 500/0/1 315/0/1 800/0/2 500/0/2 500/1/3 500/1/4 500/2/5 500/3/6 500/5/8 500/7/10 500/10/13 315/10/13 200/10/13 125/10/13 80/10/13 50/10/13
      R 500/0/1 315/0/1 800/0/2 800/1/3 800/1/4 800/2/5 800/3/6 800/5/8 800/7/10 800/10/13 500/10/13 315/10/13 200/10/13 125/10/13 80/10/13 50/10/13
      """;

  private static void checkGrid(String grid, BiFunction<Integer, Integer, Iso2859.Plan> table) {
    int rows = 0;
    for (String line : grid.strip().split("\\n")) {
      String[] cells = line.strip().split(" ");
      int letter = Iso2859.LETTERS.indexOf(cells[0].charAt(0));
      for (int a = 0; a < Iso2859.AQLS.size(); a++) {
        Iso2859.Plan p = table.apply(letter, a);
        assertEquals(cells[a + 1], p.sampleSize() + "/" + p.accept() + "/" + p.reject(),
            "letter " + cells[0] + " AQL " + Iso2859.AQLS.get(a));
      }
      rows++;
    }
    assertEquals(16, rows);
  }

  private static String plan(long lot, double aql, Mode mode) {
    Iso2859.Plan p = Iso2859.plan(lot, aql, mode);
    return p.codeLetter() + " n=" + p.sampleSize() + " Ac=" + p.accept() + " Re=" + p.reject();
  }

  @Test void everyCellOfTable2B() {
    checkGrid(TIGHTENED, Iso2859Tables::tightened);
  }

  @Test void everyCellOfTable2C() {
    checkGrid(REDUCED, Iso2859Tables::reduced);
  }

  @Test void tightenedCellsArrowsAndEdges() {
    // Lot 501-1200 -> J: n 80 as on normal, Ac one diagonal step lower (normal 1.0 -> 2/3, tightened 1/2).
    assertEquals("J n=80 Ac=1 Re=2", plan(1000, 1.0, Mode.TIGHTENED));
    assertEquals("J n=80 Ac=5 Re=6", plan(1000, 4.0, Mode.TIGHTENED));
    assertEquals("J n=80 Ac=8 Re=9", plan(1000, 6.5, Mode.TIGHTENED));
    assertEquals("J n=80 Ac=12 Re=13", plan(1000, 10, Mode.TIGHTENED));
    // K (lot 2000) at AQL 1.0: normal 125 3/4, tightened 125 2/3.
    assertEquals("K n=125 Ac=3 Re=4", plan(2000, 1.0, Mode.NORMAL));
    assertEquals("K n=125 Ac=2 Re=3", plan(2000, 1.0, Mode.TIGHTENED));
    // The zero-acceptance plan moves one letter down: AQL 1.0 normal E 13 0/1, tightened F 20 0/1.
    assertEquals("E n=13 Ac=0 Re=1", plan(60, 1.0, Mode.NORMAL));
    assertEquals("F n=20 Ac=0 Re=1", plan(100, 1.0, Mode.TIGHTENED));
    // Two arrow cells down between 0/1 and 1/2 (no arrow up as on normal): E at 2.5 -> G 32 1/2.
    assertEquals("G 32 1/2", cell(Iso2859Tables.tightened(4, Iso2859.aqlIndex(2.5))));
    // Row A has no tightened plan: 6.5 -> B 3 0/1, 10 -> D 8 1/2.
    assertEquals("B 3 0/1", cell(Iso2859Tables.tightened(0, Iso2859.aqlIndex(6.5))));
    assertEquals("D 8 1/2", cell(Iso2859Tables.tightened(0, Iso2859.aqlIndex(10))));
    // Code letter S (3150) exists on tightened only, reached by the arrows of Q and R at 0.025.
    assertEquals("S 3150 1/2", cell(Iso2859Tables.tightened(15, Iso2859.aqlIndex(0.025))));
    assertEquals("S n=3150 Ac=1 Re=2", plan(600_000, 0.025, Mode.TIGHTENED));
    // Up arrows past the top-right of the diagonal: Q at AQL 10 -> K 125 18/19.
    assertEquals("K n=125 Ac=18 Re=19", plan(600_000, 10, Mode.TIGHTENED));
    // Edge: R at 0.015 cannot point down past S; the plan above (Q 1250 0/1) applies.
    assertEquals("Q 1250 0/1", cell(Iso2859Tables.tightened(15, Iso2859.aqlIndex(0.015))));
    // The sample never exceeds the lot.
    assertEquals("D n=5 Ac=1 Re=2", plan(5, 10, Mode.TIGHTENED));
  }

  @Test void reducedCellsArrowsAndEdges() {
    // J (lot 1000): n 32 instead of 80; AQL 1.0 -> 1/3, 2.5 -> 2/5, 4.0 -> 3/6, 10 -> 7/10.
    assertEquals("J n=32 Ac=1 Re=3", plan(1000, 1.0, Mode.REDUCED));
    assertEquals("J n=32 Ac=2 Re=5", plan(1000, 2.5, Mode.REDUCED));
    assertEquals("J n=32 Ac=3 Re=6", plan(1000, 4.0, Mode.REDUCED));
    assertEquals("J n=32 Ac=7 Re=10", plan(1000, 10, Mode.REDUCED));
    assertEquals("K n=50 Ac=1 Re=4", plan(2000, 1.0, Mode.REDUCED));
    // Zero-acceptance plans: 0/1 on the normal diagonal, an arrow up, an arrow down, then 0/2.
    assertEquals("H n=20 Ac=0 Re=1", plan(400, 0.25, Mode.REDUCED));
    assertEquals("G n=13 Ac=0 Re=1", plan(400, 0.40, Mode.REDUCED));
    assertEquals("J n=32 Ac=0 Re=2", plan(400, 0.65, Mode.REDUCED));
    assertEquals("H n=20 Ac=0 Re=2", plan(400, 1.0, Mode.REDUCED));
    // Rows A-C share n = 2; row A at 10 (arrow up off the table) -> C 2 0/2.
    assertEquals("C 2 0/2", cell(Iso2859Tables.reduced(0, Iso2859.aqlIndex(10))));
    assertEquals("A 2 0/1", cell(Iso2859Tables.reduced(0, Iso2859.aqlIndex(6.5))));
    // Bottom edge: R at 0.015 cannot point down; the first plan above is P 315 0/1.
    assertEquals("P 315 0/1", cell(Iso2859Tables.reduced(15, Iso2859.aqlIndex(0.015))));
    assertEquals("K n=50 Ac=10 Re=13", plan(600_000, 10, Mode.REDUCED));
  }

  @Test void discontinuedHasNoPlanAndNormalIsUnchanged() {
    assertThrows(IllegalStateException.class, () -> Iso2859.plan(1000, 1.0, Mode.DISCONTINUED));
    for (long lot : new long[] {2, 9, 60, 1000, 5000, 600_000}) {
      for (double aql : Iso2859.AQLS) assertEquals(Iso2859.plan(lot, aql), Iso2859.plan(lot, aql, Mode.NORMAL));
    }
  }

  @Test void reducedLotBetweenAcAndReIsAcceptedButReinstatesNormal() {
    // lot 1000 at AQL 2.5 reduced: J n 32, Ac 2, Re 5.
    Lot two = Lot.inspected(1000, 2.5, Mode.REDUCED, 2);
    Lot three = Lot.inspected(1000, 2.5, Mode.REDUCED, 3);
    Lot four = Lot.inspected(1000, 2.5, Mode.REDUCED, 4);
    Lot five = Lot.inspected(1000, 2.5, Mode.REDUCED, 5);
    assertTrue(two.accepted());
    assertFalse(two.reinstateNormal());
    assertTrue(three.accepted());
    assertTrue(three.reinstateNormal());
    assertTrue(four.accepted());
    assertFalse(five.accepted());
    Iso2859Switching s = Iso2859Switching.start();
    Lot clean = new Lot(1, true, true);
    for (int i = 0; i < 15; i++) s = s.next(clean, true);
    assertEquals(Mode.REDUCED, s.mode());
    assertEquals(Mode.REDUCED, s.next(two, true).mode());
    Iso2859Switching back = s.next(three, true);
    assertEquals(Mode.NORMAL, back.mode(), "accepted with Ac < d < Re: normal reinstated");
    assertEquals(0, back.score());
    assertEquals(Mode.NORMAL, s.next(five, true).mode());
  }

  @Test void tightenedLotsUseTable2BAndDiscontinuedResumesOnTightened() {
    // lot 1000 at AQL 1.0 tightened: J 80 Ac 1; two nonconforming items are a reject (normal would accept).
    assertTrue(Lot.inspected(1000, 1.0, Mode.NORMAL, 2).accepted());
    assertFalse(Lot.inspected(1000, 1.0, Mode.TIGHTENED, 2).accepted());
    Lot rejected = Lot.inspected(1000, 1.0, Mode.TIGHTENED, 2);
    Iso2859Switching s = Iso2859Switching.start().next(new Lot(2, false, false), false).next(new Lot(2, false, false), false);
    assertEquals(Mode.TIGHTENED, s.mode());
    for (int i = 0; i < 5; i++) s = s.next(rejected, false);
    assertEquals(Mode.DISCONTINUED, s.mode());
    Iso2859Switching resumed = s.resumed();
    assertEquals(Mode.TIGHTENED, resumed.mode());
    assertEquals(0, resumed.rejectedOnTightened());
    assertThrows(IllegalStateException.class, resumed::resumed);
  }

  private static String cell(Iso2859.Plan p) {
    return p.codeLetter() + " " + p.sampleSize() + " " + p.accept() + "/" + p.reject();
  }
}
