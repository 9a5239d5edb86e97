package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;

import java.util.ArrayList;
import java.util.List;
import org.trainset.core.model.Item;

/**
 * Runs a {@link RulePack}. Immutable and serialisable: the web editor calls
 * {@link #checkItem} on every save; a batch run (CLI, Spark partition) opens an
 * {@link InspectionRun} per stream or partition and merges them.
 */
public final class Inspector implements java.io.Serializable {
  private final RulePack pack;

  public Inspector(RulePack pack) {
    this.pack = pack;
  }

  public RulePack pack() {
    return pack;
  }

  /** Item-level findings for one item (what a live check shows while someone annotates). */
  public List<Issue> checkItem(Item item) {
    List<Issue> out = new ArrayList<>();
    for (RulePack.Entry e : pack.rules()) {
      if (e.when().matches(item)) e.rule().check(item, out::add);
    }
    return out;
  }

  /** A fresh batch run with empty dataset-level accumulators. */
  public InspectionRun newRun() {
    return new InspectionRun(pack);
  }
}
