package org.trainset.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.FindingsException;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.DatasetSource;
import org.trainset.core.spi.Format;
import org.trainset.eval.split.Split;
import org.trainset.eval.split.SplitKey;
import org.trainset.eval.split.SplitManifest;
import org.trainset.eval.split.SplitReport;
import org.trainset.eval.split.SplitRequestException;
import org.trainset.formats.trainset.TrainsetFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


@Command(name = "split", mixinStandardHelpOptions = true,
    description = {"Split a dataset into train/val/test or k folds: seeded, stratified, groups kept whole.",
        "",
        "Writes DIR/split.csv and DIR/split.json (and DIR/dataset with",
        "--write-dataset), reports class counts per split and checks that no group",
        "crosses splits (a leak exits 1). KEY: label | subset | dir | attr:NAME |",
        "media:NAME (see docs/eval.md). --folds K with --stratify-by and --group-by",
        "equals scikit-learn's StratifiedGroupKFold(shuffle=False) fold for fold."})
public final class SplitVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "PATH", description = "The dataset to split.") Path path;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced atomically).") Path out;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.") String formatId;
  @Option(names = "--ratios", split = ",", paramLabel = "R", description = "Split ratios, e.g. 0.8,0.1,0.1 (default when --folds is not given).")
  double[] ratios;
  @Option(names = "--names", split = ",", paramLabel = "NAME", description = "Split names (default train,val,test / train,test / split-1..n).")
  List<String> names;
  @Option(names = "--folds", paramLabel = "K", description = "K-fold assignment instead of ratios.") Integer folds;
  @Option(names = "--stratify-by", paramLabel = "KEY", description = "Keep class shares even by this key.") String stratifyBy;
  @Option(names = "--group-by", paramLabel = "KEY", description = "Keep items with the same value of this key together.") String groupBy;
  @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Random seed for ratio splits and --shuffle (default ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--shuffle", description = "With --folds, --stratify-by and --group-by: shuffle groups (seeded) before assigning.") boolean shuffle;
  @Option(names = "--write-dataset", description = "Also write DIR/dataset in the native trainset format with each item's subset set to its split.")
  boolean writeDataset;

  @Override public Integer call() throws Exception {
    Split.Options request = new Split.Options(folds == null ? 0 : folds, ratios, names, key(stratifyBy, "--stratify-by"),
        key(groupBy, "--group-by"), seed, shuffle, writeDataset ? DatasetInput.registry().require(TrainsetFormat.ID) : null);
    if (folds != null && folds < 2) throw new UsageException("--folds must be at least 2");
    try {
      request.plan();
    } catch (SplitRequestException e) {
      throw usage(e);
    }
    Format format = DatasetInput.formatOf(path, formatId);
    DatasetSource source = DatasetSource.open(format, path, limits.readOptions());
    Split.Result result;
    try {
      result = Split.run(source, request, out, ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    } catch (SplitRequestException e) {
      throw usage(e);
    }
    result.smallClasses().forEach((cls, n) -> spec.commandLine().getErr().println(
        "note: class '" + cls + "' has only " + n + " item(s), fewer than " + folds + " folds"));
    if (result.leaked()) {
      var leaks = result.report().leaks();
      throw new FindingsException(leaks.size() + " group(s) cross splits, e.g. " + leaks.entrySet().iterator().next()
          + "; nothing written");
    }
    print(result);
    return 0;
  }

  /** The domain names the request field at fault; the CLI names the option. */
  private static UsageException usage(SplitRequestException e) {
    String option = "--" + e.field().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    return new UsageException(option + ": " + e.getMessage());
  }

  private static SplitKey key(String spec, String option) {
    if (spec == null) return null;
    try {
      return SplitKey.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private void print(Split.Result r) {
    PrintWriter o = spec.commandLine().getOut();
    if (output.json) {
      o.println(Json.write(r.toJson()));
      return;
    }
    SplitReport report = r.report();
    List<String> splitNames = report.splitNames();
    java.util.TreeSet<String> classes = new java.util.TreeSet<>();
    report.classCounts().forEach(m -> classes.addAll(m.keySet()));
    o.println("algorithm  " + r.settings().get("algorithm"));
    StringBuilder head = new StringBuilder(String.format("%-12s %8s %8s", "split", "items", "groups"));
    boolean showClasses = !(classes.size() == 1 && classes.first().isEmpty());
    if (showClasses) for (String c : classes) head.append(String.format(" %10s", shorten(c)));
    o.println(head);
    for (int s = 0; s < splitNames.size(); s++) {
      StringBuilder row = new StringBuilder(String.format("%-12s %8d %8d", splitNames.get(s), report.items()[s], report.groups()[s]));
      if (showClasses) for (String c : classes) row.append(String.format(" %10d", report.classCounts().get(s).getOrDefault(c, 0L)));
      o.println(row);
    }
    o.println("leaks      none: no group crosses splits");
    o.println("wrote      " + out.resolve(SplitManifest.CSV) + ", " + out.resolve(SplitManifest.JSON)
        + (r.datasetWritten() ? ", " + out.resolve("dataset") : ""));
  }

  private static String shorten(String s) {
    return s.length() <= 10 ? s : s.substring(0, 9) + "~";
  }
}
