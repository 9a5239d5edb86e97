package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.inspect.Inspection;
import org.trainset.core.issue.Issue;
import org.trainset.inspect.rules.FindingTally;
import org.trainset.inspect.rules.InspectionRun;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.RulePack;

/**
 * {@code inspect} on Spark: every part runs the pack's item rules and fills its own dataset-rule
 * accumulators ({@link InspectionRun}); the driver merges tallies and runs in part order and
 * finishes the dataset rules once, so findings, counts and the findings shown equal one pass.
 */
public final class SparkInspection {
  private SparkInspection() {}

  record PartResult(InspectionRun run, FindingTally tally) implements Serializable { }

  /** The same result record as {@link Inspection#run} (no HTML report on Spark). */
  public static Inspection.Result run(JavaSparkContext jsc, String data, String formatId, ReadOptions base,
                                      RulePack pack, int keep) throws IOException {
    FindingTally tally = new FindingTally(keep);
    SparkInput input = SparkInput.plan(jsc, data, formatId, base, Inspection.readerErrors(tally));
    Inspector inspector = new Inspector(pack);
    List<PartResult> parts = PartJobs.run(jsc, input.plan().parts(), input.options(), "trainset inspect " + data,
        (index, part, opts) -> {
          FindingTally mine = new FindingTally(keep);
          InspectionRun run = inspector.newRun();
          ReadOptions collecting = opts.withProblems(Inspection.readerErrors(mine));
          try (ItemCursor c = part.open(collecting)) {
            for (Item i = c.next(); i != null; i = c.next()) run.add(i, mine);
          }
          return new PartResult(run, mine);
        });
    InspectionRun total = inspector.newRun();
    for (PartResult p : parts) {
      total.merge(p.run());
      tally.merge(p.tally());
    }
    List<Issue> datasetFindings = new ArrayList<>();
    total.finish(datasetFindings::add);
    datasetFindings.forEach(tally::accept);
    return new Inspection.Result(input.format().id(), pack.id(), total.items(), tally.total(), tally.bySeverity(),
        tally.byRule(), tally.kept(), null);
  }
}
