package org.trainset.inspect.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * How many items of a lot a review stage inspects, and how many defects it tolerates:
 * everything, a fixed fraction, or an ISO 2859-1 acceptance-sampling plan by lot size and AQL.
 */
public sealed interface SamplingPlan {

  /** The sample to inspect for a lot of {@code lotSize} items. */
  Sample sample(long lotSize);

  /** A sample size and its acceptance/rejection numbers (defects ≤ accept: lot accepted). */
  record Sample(int size, int accept, int reject, String basis) {
    public boolean accepts(int defects) {
      return defects <= accept;
    }
  }

  /** 100% inspection; the lot is rejected when more than {@code maxDefectRate} of it is defective. */
  record All(double maxDefectRate) implements SamplingPlan {
    @Override public Sample sample(long lotSize) {
      int n = (int) Math.min(Integer.MAX_VALUE, lotSize);
      int ac = (int) Math.floor(n * maxDefectRate + 1e-9);
      return new Sample(n, ac, ac + 1, "all");
    }
  }

  /** A fixed fraction of the lot (at least one item). */
  record Fraction(double fraction, double maxDefectRate) implements SamplingPlan {
    public Fraction {
      if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }

    @Override public Sample sample(long lotSize) {
      int n = (int) Math.max(1, Math.min(lotSize, Math.ceil(lotSize * fraction - 1e-9)));
      int ac = (int) Math.floor(n * maxDefectRate + 1e-9);
      return new Sample(n, ac, ac + 1, "fraction " + fraction);
    }
  }

  /** ISO 2859-1 single sampling, normal inspection, general level II, at {@code aql} percent. */
  record Acceptance(double aql) implements SamplingPlan {
    public Acceptance {
      Iso2859.aqlIndex(aql);
    }

    @Override public Sample sample(long lotSize) {
      return sample(lotSize, Iso2859Switching.Mode.NORMAL);
    }

    /** The sample under inspection {@code mode} (Table 2-A, 2-B or 2-C; none when discontinued). */
    public Sample sample(long lotSize, Iso2859Switching.Mode mode) {
      if (lotSize < 2) return new Sample((int) lotSize, 0, 1, "ISO 2859-1 lot of " + lotSize);
      Iso2859.Plan p = Iso2859.plan(lotSize, aql, mode);
      return new Sample(p.sampleSize(), p.accept(), p.reject(), "ISO 2859-1 level II "
          + mode.name().toLowerCase(java.util.Locale.ROOT) + ", code " + p.codeLetter() + ", AQL " + aql);
    }
  }

  /** Picks which items of a lot to inspect: a seeded random sample of the plan's size. */
  default List<String> choose(List<String> lot, long seed) {
    return choose(lot, seed, sample(lot.size()).size());
  }

  /** A seeded random sample of {@code n} items of the lot (all of it when n ≥ its size). */
  default List<String> choose(List<String> lot, long seed, int n) {
    List<String> shuffled = new ArrayList<>(lot);
    Collections.shuffle(shuffled, new Random(seed));
    return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
  }
}
