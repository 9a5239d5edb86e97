package org.trainset.inspect.review;

import java.util.Map;

/**
 * ISO 2859-1 single sampling at general inspection level II for tightened (Table 2-B) and reduced
 * (Table 2-C) inspection; normal inspection (Table 2-A) is {@link Iso2859}. The code letter of a lot
 * comes from Table 1 ({@link Iso2859#codeLetter}) in every mode.
 *
 * <p>Sources: MIL-STD-105E (US DoD, 10 May 1989, public domain; identical in these tables to ISO
 * 2859-1 and ANSI/ASQ Z1.4), Tables II-B and II-C. Every cell of the AQL range 0.010–10 for code
 * letters A–R was checked against the tables as encoded in the CRAN package AQLSchemes 1.7-2
 * (J. Lawson, {@code R/AAZ14Single.R}, "from the published tables", archive.org MIL-STD-105E_1),
 * and the interior cells of AQL 0.65–15 against NIBS FMOC "AC-TABLE" Table 1-B (developed from
 * MIL-STD-105E Table I and II-B). See {@code Iso2859TablesTest}.
 *
 * <p>Both tables are diagonal like Table 2-A: a cell depends on position p = letter index + AQL
 * index (letters A…R, S = 16; AQLs 0.010 … 10 as in {@link Iso2859#AQLS}).
 * <ul>
 *   <li>Tightened: extra code letter S (n = 3150) reached only through arrows. p 15 "0 1" (none in
 *       row A: its cell is an arrow down), 16–17 arrows down, then 1 2, 2 3, 3 4, 5 6, 8 9, 12 13,
 *       18 19 for p 18–24, arrows up beyond.</li>
 *   <li>Reduced: smaller samples (A–C 2, D 3, E 5, …, R 800); p 14 "0 1", 15 up, 16 down, then
 *       0 2, 1 3, 1 4, 2 5, 3 6, 5 8, 7 10, 10 13 for p 17–24, up beyond. Here Re may exceed Ac + 1:
 *       a lot with Ac &lt; d &lt; Re nonconforming items is accepted, but normal inspection is
 *       reinstated (MIL-STD-105E 10.1.4 and 8.3.4 b; {@link Iso2859Switching}).</li>
 * </ul>
 * An arrow that would leave the table (down past the last letter, up past A) is followed the other
 * way from the lot's own letter, as the printed tables' edge cells do.
 */
final class Iso2859Tables {
  private Iso2859Tables() {}

  /** One table: letters, sample sizes per letter and the plans by diagonal position. */
  private record Table(String letters, int[] sampleSizes, Map<Integer, int[]> plans, int firstPlan, int lastPlan,
      int upBetween, boolean rowAHasNoPlan) {
    private static final int DOWN = 1;
    private static final int UP = -1;

    /** A plan {Ac, Re}, or null with the arrow's direction in {@code arrow[0]}. */
    int[] cell(int letter, int aql, int[] arrow) {
      int p = letter + aql;
      int[] plan = plans.get(p);
      if (plan != null && !(rowAHasNoPlan && letter == 0 && p == firstPlan)) return plan;
      arrow[0] = p > lastPlan || p == upBetween ? UP : DOWN;
      return null;
    }

    Iso2859.Plan resolve(int start, int aql) {
      int[] arrow = new int[1];
      int letter = start;
      int direction = 0;
      while (true) {
        int[] plan = cell(letter, aql, arrow);
        if (plan != null) return new Iso2859.Plan(letters.charAt(letter), sampleSizes[letter], plan[0], plan[1]);
        boolean leaves = letter + arrow[0] < 0 || letter + arrow[0] >= letters.length();
        if (leaves || (direction != 0 && arrow[0] != direction)) return walk(start, aql, leaves ? -arrow[0] : arrow[0]);
        direction = arrow[0];
        letter += direction;
      }
    }

    /** The first plan from {@code start} in one direction, whatever the arrows on the way say. */
    private Iso2859.Plan walk(int start, int aql, int direction) {
      int[] arrow = new int[1];
      for (int letter = start; letter >= 0 && letter < letters.length(); letter += direction) {
        int[] plan = cell(letter, aql, arrow);
        if (plan != null) return new Iso2859.Plan(letters.charAt(letter), sampleSizes[letter], plan[0], plan[1]);
      }
      throw new IllegalStateException("no plan in column " + aql + " from letter " + letters.charAt(start));
    }
  }

  private static final Table TIGHTENED = new Table("ABCDEFGHJKLMNPQRS",
      new int[] {2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150},
      Map.of(15, new int[] {0, 1}, 18, new int[] {1, 2}, 19, new int[] {2, 3}, 20, new int[] {3, 4},
          21, new int[] {5, 6}, 22, new int[] {8, 9}, 23, new int[] {12, 13}, 24, new int[] {18, 19}),
      15, 24, -1, true);

  private static final Table REDUCED = new Table(Iso2859.LETTERS,
      new int[] {2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800},
      Map.of(14, new int[] {0, 1}, 17, new int[] {0, 2}, 18, new int[] {1, 3}, 19, new int[] {1, 4},
          20, new int[] {2, 5}, 21, new int[] {3, 6}, 22, new int[] {5, 8}, 23, new int[] {7, 10},
          24, new int[] {10, 13}),
      14, 24, 15, false);

  /** Table 2-B cell for the lot's code letter (index into A…R) and AQL index, arrows followed. */
  static Iso2859.Plan tightened(int letter, int aql) {
    return TIGHTENED.resolve(letter, aql);
  }

  /** Table 2-C cell for the lot's code letter (index into A…R) and AQL index, arrows followed. */
  static Iso2859.Plan reduced(int letter, int aql) {
    return REDUCED.resolve(letter, aql);
  }
}
