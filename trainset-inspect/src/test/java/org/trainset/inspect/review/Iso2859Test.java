package org.trainset.inspect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** ISO 2859-1 / ANSI Z1.4 level II normal single sampling against cells of the printed tables. */
class Iso2859Test {

  private static String plan(long lot, double aql) {
    Iso2859.Plan p = Iso2859.plan(lot, aql);
    return p.codeLetter() + " n=" + p.sampleSize() + " Ac=" + p.accept() + " Re=" + p.reject();
  }

  @Test void codeLettersOfTable1LevelII() {
    assertEquals('A', Iso2859.codeLetter(2));
    assertEquals('A', Iso2859.codeLetter(8));
    assertEquals('B', Iso2859.codeLetter(9));
    assertEquals('E', Iso2859.codeLetter(51));
    assertEquals('H', Iso2859.codeLetter(500));
    assertEquals('J', Iso2859.codeLetter(501));
    assertEquals('K', Iso2859.codeLetter(3200));
    assertEquals('L', Iso2859.codeLetter(10_000));
    assertEquals('N', Iso2859.codeLetter(150_000));
    assertEquals('Q', Iso2859.codeLetter(500_001));
  }

  @Test void table2ACells() {
    // The textbook case: lot 501-1200 -> J, n = 80; AQL 0.65 -> 1/2, 1.0 -> 2/3, 2.5 -> 5/6, 4.0 -> 7/8, 6.5 -> 10/11.
    assertEquals("J n=80 Ac=1 Re=2", plan(1000, 0.65));
    assertEquals("J n=80 Ac=2 Re=3", plan(1000, 1.0));
    assertEquals("J n=80 Ac=3 Re=4", plan(1000, 1.5));
    assertEquals("J n=80 Ac=5 Re=6", plan(1000, 2.5));
    assertEquals("J n=80 Ac=7 Re=8", plan(1000, 4.0));
    assertEquals("J n=80 Ac=10 Re=11", plan(1000, 6.5));
    assertEquals("J n=80 Ac=14 Re=15", plan(1000, 10));
    // Lot 3201-10000 -> L, n = 200: AQL 0.65 -> 3/4, 1.0 -> 5/6, 2.5 -> 10/11.
    assertEquals("L n=200 Ac=3 Re=4", plan(5000, 0.65));
    assertEquals("L n=200 Ac=5 Re=6", plan(5000, 1.0));
    assertEquals("L n=200 Ac=10 Re=11", plan(5000, 2.5));
    // Row E (n = 13): 1.0 -> 0/1; 1.5 -> arrow up to D (n = 8, 0/1); 2.5 -> arrow down to F (n = 20, 1/2).
    assertEquals("E n=13 Ac=0 Re=1", plan(60, 1.0));
    assertEquals("D n=8 Ac=0 Re=1", plan(60, 1.5));
    assertEquals("F n=20 Ac=1 Re=2", plan(60, 2.5));
    // Small AQL on a small lot: arrows down to the first zero-acceptance plan (AQL 0.10 -> K, n = 125),
    // and the sample is capped at the lot size (inspect everything).
    assertEquals("K n=100 Ac=0 Re=1", plan(100, 0.10));
    assertEquals("K n=125 Ac=0 Re=1", plan(2000, 0.10));
  }

  @Test void onlyPreferredAqls() {
    assertThrows(IllegalArgumentException.class, () -> Iso2859.plan(100, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Iso2859.codeLetter(1));
  }

  @Test void samplingPlansChooseSampleSizes() {
    assertEquals(500, new SamplingPlan.All(0).sample(500).size());
    assertEquals(100, new SamplingPlan.Fraction(0.2, 0).sample(500).size());
    assertEquals(1, new SamplingPlan.Fraction(0.01, 0).sample(20).size());
    SamplingPlan.Sample s = new SamplingPlan.Acceptance(1.0).sample(1000);
    assertEquals(80, s.size());
    assertEquals(true, s.accepts(2));
    assertEquals(false, s.accepts(3));
    java.util.List<String> lot = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "item" + i).toList();
    java.util.List<String> chosen = new SamplingPlan.Acceptance(1.0).choose(lot, 42);
    assertEquals(80, chosen.size());
    assertEquals(80, new java.util.HashSet<>(chosen).size());
    assertEquals(chosen, new SamplingPlan.Acceptance(1.0).choose(lot, 42), "seeded: same sample");
  }
}
