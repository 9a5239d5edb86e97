package org.trainset.cli.refine;

import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import org.trainset.refine.Reports;
import org.trainset.refine.text.DedupConfig;
import org.trainset.refine.text.Side;
import org.trainset.refine.text.TextDedup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "text", mixinStandardHelpOptions = true,
    description = {"Drop exact and near-duplicate sentences.",
        "Texts are NFKC-normalised; MinHash + banded LSH, every candidate verified by exact Jaccard",
        "on character n-grams. Each cluster keeps its lowest id.",
        "Reads any dataset whose items carry text pairs or captions (text-tsv, text-jsonl, corpus family).",
        "Writes the kept items to --out and a JSON report of every removed item (default OUT/dedup.json)."})
public class DedupTextVerb implements Verb {
  @Spec protected CommandSpec spec;
  @Mixin protected OutputOptions output;
  @Mixin protected LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset to deduplicate.") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset (file or folder, per format).") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's).") String to;
  @Option(names = "--report", paramLabel = "FILE", description = "JSON report path (default: OUT/dedup.json; beside a single-file OUT).") Path report;
  @Option(names = "--threshold", defaultValue = "0.85", description = "Jaccard similarity that makes a duplicate (default ${DEFAULT-VALUE}).") double threshold;
  @Option(names = "--ngram", defaultValue = "3", description = "Character n-gram length (default ${DEFAULT-VALUE}).") int ngram;
  @Option(names = "--permutations", defaultValue = "128", description = "MinHash permutations (default ${DEFAULT-VALUE}).") int permutations;
  @Option(names = "--seed", defaultValue = "42", description = "MinHash seed (default ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--side", defaultValue = "source", description = "For sentence pairs: source, target or both (default ${DEFAULT-VALUE}).") Side side;

  @Override public Class<?> group() { return DedupGroup.class; }

  /** Where reading and the parallel steps run; {@code trainset spark dedup text} runs them on Spark. */
  protected TextDedup.Engine engine() throws Exception {
    return TextDedup.IN_PROCESS;
  }

  @Override public Integer call() throws Exception {
    DedupConfig config = RefineCli.settings(() -> new DedupConfig(threshold, ngram, permutations, DedupConfig.DEFAULT.targetProbability(), seed));
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    RefineCli.refuseSame(in, out);
    Path reportPath = report != null ? report : Reports.inside(out, "dedup.json");
    TextDedup.Outcome r = TextDedup.run(source, in, target, out, reportPath, new TextDedup.Options(config, side),
        limits.readOptions(), ProgressBar.forTerminal(spec.commandLine().getErr(), output), engine());
    var o = spec.commandLine().getOut();
    long removed = r.result().removedCount();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("from", source.id()).put("out", out.toString()).put("to", target.id());
      root.put("report", reportPath.toString()).put("items", r.items()).put("withText", r.withText());
      root.put("kept", r.items() - removed).put("removed", removed).put("removedExact", r.result().removedExact());
      root.put("removedNear", removed - r.result().removedExact()).put("candidatePairs", r.result().candidatePairs());
      root.put("bands", r.result().lsh().bands()).put("rows", r.result().lsh().rows());
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d with text: kept %d, removed %d (%d exact, %d near; %d LSH candidates, bands %d x rows %d)%n",
          r.items(), r.withText(), r.items() - removed, removed, r.result().removedExact(), removed - r.result().removedExact(),
          r.result().candidatePairs(), r.result().lsh().bands(), r.result().lsh().rows());
      o.printf("wrote %s (%s) and report %s%n", out, target.id(), reportPath);
    }
    return 0;
  }
}
