package org.trainset.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.FindingsException;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.eval.split.SplitKey;
import org.trainset.eval.split.SplitManifest;
import org.trainset.eval.split.SplitPlan;
import org.trainset.eval.split.SplitReport;
import org.trainset.eval.split.SplitSample;
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
    SplitPlan plan = plan();
    SplitKey strat = key(stratifyBy, "--stratify-by");
    SplitKey group = key(groupBy, "--group-by");
    Format format = DatasetInput.formatOf(path, formatId);
    ReadOptions options = ReadOptions.defaults();
    ReadPlan readPlan = Datasets.plan(format, path, options);
    Progress progress = ProgressBar.forTerminal(spec.commandLine().getErr(), output);
    List<SplitSample> samples = read(readPlan, options, strat, group, progress);
    int[] splitOf;
    try {
      splitOf = plan.assign(samples, strat != null, group != null);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<String> splitNames = plan.splitNames();
    warnSmallClasses(samples, strat != null);
    SplitReport report = SplitReport.check(samples, splitOf, splitNames);
    if (!report.leaks().isEmpty()) {
      throw new FindingsException(report.leaks().size() + " group(s) cross splits, e.g. " + report.leaks().entrySet().iterator().next()
          + "; nothing written");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("dataset", path.toString());
    settings.put("format", format.id());
    settings.put("algorithm", plan.algorithm(strat != null, group != null));
    settings.put("stratify_by", strat == null ? "" : strat.toString());
    settings.put("group_by", group == null ? "" : group.toString());
    settings.put("seed", seed);
    try (AtomicOutput dir = AtomicOutput.directory(out)) {
      SplitManifest.write(dir.path(), samples, splitOf, report, settings);
      if (writeDataset) writeDataset(dir.path().resolve("dataset"), readPlan, options, samples, splitOf, splitNames);
      dir.commit();
    }
    print(report, settings);
    return 0;
  }

  private SplitPlan plan() {
    if (folds != null && ratios != null) throw new UsageException("use either --ratios or --folds");
    if (folds != null) {
      if (folds < 2) throw new UsageException("--folds must be at least 2");
      return new SplitPlan(folds, null, null, seed, shuffle);
    }
    if (shuffle) throw new UsageException("--shuffle applies to --folds");
    double[] r = ratios != null ? ratios : new double[] {0.8, 0.1, 0.1};
    List<String> n = names != null ? names : defaultNames(r.length);
    if (n.size() != r.length) throw new UsageException("--names gives " + n.size() + " names for " + r.length + " ratios");
    if (new HashSet<>(n).size() != n.size()) throw new UsageException("--names must be distinct");
    return new SplitPlan(0, r, n, seed, false);
  }

  private static List<String> defaultNames(int n) {
    if (n == 3) return List.of("train", "val", "test");
    if (n == 2) return List.of("train", "test");
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) out.add("split-" + i);
    return out;
  }

  private static SplitKey key(String spec, String option) {
    if (spec == null) return null;
    try {
      return SplitKey.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  private List<SplitSample> read(ReadPlan plan, ReadOptions options, SplitKey strat, SplitKey group, Progress progress)
      throws java.io.IOException {
    List<SplitSample> samples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    progress.start("read", -1);
    try (ItemCursor cursor = Datasets.cursor(plan, options)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        if (!ids.add(i.id())) throw InputException.atItem(path, i.id(), "duplicate-item-id", "two items share this id; a split manifest needs unique ids");
        String cls = strat == null ? "" : orNone(strat.valueOf(i));
        samples.add(new SplitSample(i.id(), cls, group == null ? null : group.valueOf(i)));
        progress.advance(samples.size());
      }
    } finally {
      progress.finish();
    }
    if (samples.isEmpty()) throw new InputException(path, "empty-dataset", "the dataset has no items to split");
    return samples;
  }

  private static String orNone(String v) {
    return v == null ? SplitKey.NONE : v;
  }

  private void writeDataset(Path target, ReadPlan plan, ReadOptions options, List<SplitSample> samples, int[] splitOf,
                            List<String> splitNames) throws java.io.IOException {
    Format nativeFormat = DatasetInput.registry().require("trainset");
    Path mediaRoot = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Map<String, String> subsetOf = new java.util.HashMap<>();
    for (int i = 0; i < samples.size(); i++) subsetOf.put(samples.get(i).id(), splitNames.get(splitOf[i]));
    try (ItemSink sink = nativeFormat.writer().orElseThrow().open(target, plan.schema(), new WriteOptions(mediaRoot, false), LossReport.lenient());
         ItemCursor cursor = Datasets.cursor(plan, options)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        String subset = subsetOf.get(i.id());
        if (subset == null) throw InputException.atItem(path, i.id(), "dataset-changed", "item was not there on the first read");
        sink.accept(i.withSubset(subset));
      }
      sink.commit();
    }
  }

  private void print(SplitReport r, Map<String, Object> settings) {
    PrintWriter o = spec.commandLine().getOut();
    List<String> names = r.splitNames();
    java.util.TreeSet<String> classes = new java.util.TreeSet<>();
    r.classCounts().forEach(m -> classes.addAll(m.keySet()));
    if (output.json) {
      ObjectNode root = Json.object();
      settings.forEach((k, v) -> root.put(k, String.valueOf(v)));
      root.put("out", out.toString());
      ArrayNode splits = root.putArray("splits");
      for (int s = 0; s < names.size(); s++) {
        ObjectNode n = splits.addObject();
        n.put("name", names.get(s));
        n.put("items", r.items()[s]);
        n.put("groups", r.groups()[s]);
        n.set("classes", Json.fromMap(r.classCounts().get(s)));
      }
      root.put("leaks", r.leaks().size());
      o.println(Json.write(root));
      return;
    }
    o.println("algorithm  " + settings.get("algorithm"));
    StringBuilder head = new StringBuilder(String.format("%-12s %8s %8s", "split", "items", "groups"));
    boolean showClasses = !(classes.size() == 1 && classes.first().isEmpty());
    if (showClasses) for (String c : classes) head.append(String.format(" %10s", shorten(c)));
    o.println(head);
    for (int s = 0; s < names.size(); s++) {
      StringBuilder row = new StringBuilder(String.format("%-12s %8d %8d", names.get(s), r.items()[s], r.groups()[s]));
      if (showClasses) for (String c : classes) row.append(String.format(" %10d", r.classCounts().get(s).getOrDefault(c, 0L)));
      o.println(row);
    }
    o.println("leaks      none: no group crosses splits");
    o.println("wrote      " + out.resolve(SplitManifest.CSV) + ", " + out.resolve(SplitManifest.JSON)
        + (writeDataset ? ", " + out.resolve("dataset") : ""));
  }

  /** Like scikit-learn's UserWarning: a class with fewer items than folds cannot be in every fold. */
  private void warnSmallClasses(List<SplitSample> samples, boolean stratified) {
    if (folds == null || !stratified) return;
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (SplitSample s : samples) counts.merge(s.cls(), 1, Integer::sum);
    counts.forEach((cls, n) -> {
      if (n < folds) spec.commandLine().getErr().println("note: class '" + cls + "' has only " + n + " item(s), fewer than " + folds + " folds");
    });
  }

  private static String shorten(String s) {
    return s.length() <= 10 ? s : s.substring(0, 9) + "~";
  }

}
