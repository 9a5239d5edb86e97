package org.trainset.inspect.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.model.Item;

/**
 * One pass over (part of) a dataset: item findings go out as items arrive; dataset rules fill
 * accumulators, which {@link #merge} combines across partitions and {@link #finish} turns into
 * dataset-level findings.
 */
public final class InspectionRun implements Serializable {
  private final RulePack pack;
  private final List<Accumulator> accumulators = new ArrayList<>();
  private long items;

  InspectionRun(RulePack pack) {
    this.pack = pack;
    for (RulePack.Entry e : pack.rules()) accumulators.add(e.rule().accumulator());
  }

  /** Checks {@code item}, sending its findings to {@code out}, and feeds the accumulators. */
  public void add(Item item, FindingSink out) {
    items++;
    List<RulePack.Entry> rules = pack.rules();
    for (int i = 0; i < rules.size(); i++) {
      RulePack.Entry e = rules.get(i);
      if (!e.when().matches(item)) continue;
      e.rule().check(item, out);
      Accumulator acc = accumulators.get(i);
      if (acc != null) acc.add(item);
    }
  }

  /** Adds another partition's run of the same pack. */
  public void merge(InspectionRun other) {
    if (other.pack.rules().size() != pack.rules().size()) {
      throw new IllegalArgumentException("runs of different packs cannot be merged");
    }
    items += other.items;
    for (int i = 0; i < accumulators.size(); i++) {
      Accumulator mine = accumulators.get(i);
      if (mine != null) mine.merge(other.accumulators.get(i));
    }
  }

  /** Dataset-level findings; call once, after the last item (and merge). */
  public void finish(FindingSink out) {
    for (Accumulator acc : accumulators) {
      if (acc != null) acc.finish(out);
    }
  }

  public long items() {
    return items;
  }
}
