package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.Problem;
import org.trainset.core.spi.ReadOptions;
import org.trainset.inspect.rules.Finding;
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

  /** Items read, dataset-level findings, and the tally of all findings (first {@code keep} kept). */
  public record Result(SparkInput input, long items, List<Finding> datasetFindings, FindingTally tally) { }

  record PartResult(InspectionRun run, FindingTally tally) implements Serializable { }

  /** Turns a reader's recoverable error into a finding (the CLI's rule for it). */
  public interface ReaderFindings extends Function<Problem, Finding>, Serializable { }

  public static Result run(JavaSparkContext jsc, String data, String formatId, RulePack pack, int keep,
                           ReaderFindings readerFinding) throws IOException {
    FindingTally tally = new FindingTally(keep);
    ReadOptions base = ReadOptions.defaults();
    SparkInput input = SparkInput.plan(jsc, data, formatId, base, p -> {
      if ("error".equals(p.severity())) tally.accept(readerFinding.apply(p));
    });
    Inspector inspector = new Inspector(pack);
    List<PartResult> parts = PartJobs.run(jsc, input.plan().parts(), input.options(), "trainset inspect " + data,
        (index, part, opts) -> {
          FindingTally mine = new FindingTally(keep);
          InspectionRun run = inspector.newRun();
          ReadOptions collecting = opts.withProblems(p -> {
            if ("error".equals(p.severity())) mine.accept(readerFinding.apply(p));
          });
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
    List<Finding> datasetFindings = new ArrayList<>();
    total.finish(datasetFindings::add);
    datasetFindings.forEach(tally::accept);
    return new Result(input, total.items(), List.copyOf(datasetFindings), tally);
  }
}
