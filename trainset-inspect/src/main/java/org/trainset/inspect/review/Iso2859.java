package org.trainset.inspect.review;

import java.util.List;

/**
 * ISO 2859-1 (identical in content to ANSI/ASQ Z1.4 and MIL-STD-105E) single sampling for normal
 * inspection at general inspection level II.
 *
 * <p>Table 1 maps the lot size to a sample-size code letter; Table 2-A gives, per code letter and
 * AQL, the sample size n, the acceptance number Ac and the rejection number Re (= Ac + 1). Table
 * 2-A is diagonal: moving one code letter down and one AQL step left keeps Ac, so it is encoded
 * here by the diagonal position (letter index + AQL index) with the standard's arrows: "↓" use
 * the first plan below (larger n), "↑" the first plan above. Where an arrow would leave the
 * table (letter A with "↑", letter R with "↓") the plan of the same letter along the arrow's
 * other direction is used, as the printed table does. AQLs are the preferred series
 * 0.010 … 10 (percent nonconforming).
 */
public final class Iso2859 {
  /** Code letters A–R (I and O are not used) and their sample sizes. */
  static final String LETTERS = "ABCDEFGHJKLMNPQR";
  static final int[] SAMPLE_SIZES = {2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000};
  /** Upper lot-size bounds of Table 1, level II (A: 2–8, B: 9–15, …, Q: 500 001 and over). */
  static final long[] LOT_UPPER = {8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10_000, 35_000, 150_000,
      500_000, Long.MAX_VALUE};
  /** Preferred AQL series of Table 2-A used here. */
  public static final List<Double> AQLS = List.of(0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40,
      0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10.0);
  /**
   * Ac along the diagonals: position p = letter index + AQL index; p 14 is the first "0 1" cell
   * (A at 6.5, B at 4.0, …), 15 is "↑", 16 is "↓", then 1, 2, 3, 5, 7, 10, 14, 21.
   */
  private static final int UP = -1;
  private static final int DOWN = -2;

  private Iso2859() {}

  /** One single-sampling plan. */
  public record Plan(char codeLetter, int sampleSize, int accept, int reject) { }

  /** The code letter for {@code lotSize} at general inspection level II (Table 1). */
  public static char codeLetter(long lotSize) {
    if (lotSize < 2) throw new IllegalArgumentException("lot size must be at least 2, got " + lotSize);
    for (int i = 0; i < LOT_UPPER.length; i++) {
      if (lotSize <= LOT_UPPER[i]) return LETTERS.charAt(i);
    }
    throw new IllegalStateException("unreachable");
  }

  /** The normal-inspection single sampling plan for a lot (Table 1 then Table 2-A). */
  public static Plan plan(long lotSize, double aql) {
    int a = aqlIndex(aql);
    int letter = LETTERS.indexOf(codeLetter(lotSize));
    Plan p = resolve(letter, a);
    // The sample can never exceed the lot: inspect everything (Ac stays as tabled).
    if (p.sampleSize() >= lotSize) return new Plan(p.codeLetter(), (int) lotSize, p.accept(), p.reject());
    return p;
  }

  /**
   * The single sampling plan of inspection {@code mode} for a lot: Table 2-A (normal), 2-B (tightened)
   * or 2-C (reduced) through {@link Iso2859Tables}. Discontinued inspection has no plan.
   */
  public static Plan plan(long lotSize, double aql, Iso2859Switching.Mode mode) {
    int a = aqlIndex(aql);
    int letter = LETTERS.indexOf(codeLetter(lotSize));
    Plan p = switch (mode) {
      case NORMAL -> resolve(letter, a);
      case TIGHTENED -> Iso2859Tables.tightened(letter, a);
      case REDUCED -> Iso2859Tables.reduced(letter, a);
      case DISCONTINUED -> throw new IllegalStateException("inspection is discontinued: no sampling plan applies"
          + " until inspection is resumed (ISO 2859-1, 9.4)");
    };
    if (p.sampleSize() >= lotSize) return new Plan(p.codeLetter(), (int) lotSize, p.accept(), p.reject());
    return p;
  }

  /** The Table 2-A cell for code letter index {@code letter} and AQL index {@code a}, arrows followed. */
  static Plan resolve(int letter, int a) {
    int last = LETTERS.length() - 1;
    while (true) {
      int ac = cell(letter + a);
      if (ac >= 0) return new Plan(LETTERS.charAt(letter), SAMPLE_SIZES[letter], ac, ac + 1);
      if (ac == DOWN && letter == last) {
        // No plan below R: the table prints the next acceptance number at R itself.
        int next = cell(letter + a + 1);
        return new Plan(LETTERS.charAt(letter), SAMPLE_SIZES[letter], next, next + 1);
      }
      // No plan above A: the table's arrow points down instead.
      letter += ac == DOWN || letter == 0 ? 1 : -1;
    }
  }

  private static int cell(int p) {
    if (p < 14) return DOWN;
    return switch (p) {
      case 14 -> 0;
      case 15 -> UP;
      case 16 -> DOWN;
      case 17 -> 1;
      case 18 -> 2;
      case 19 -> 3;
      case 20 -> 5;
      case 21 -> 7;
      case 22 -> 10;
      case 23 -> 14;
      case 24 -> 21;
      default -> UP; // beyond the table's top-right corner the standard points up to Ac 21
    };
  }

  static int aqlIndex(double aql) {
    for (int i = 0; i < AQLS.size(); i++) {
      if (Math.abs(AQLS.get(i) - aql) < 1e-9) return i;
    }
    throw new IllegalArgumentException("AQL " + aql + " is not in the preferred series " + AQLS);
  }
}
