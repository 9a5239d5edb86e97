package org.trainset.eval.split;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trainset.core.DatasetSource;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * The split use case: read a dataset once into (id, class, group) samples, assign each to a split
 * (seeded ratios or scikit-learn-equal k folds, stratified and grouped as asked), check that no
 * group crosses splits, and write the manifest ({@link SplitManifest}) — plus, when asked, the
 * dataset again with each item's subset set to its split (a second streaming pass). Everything
 * goes into {@code out} atomically; a leak writes nothing.
 *
 * <p>It takes an already-opened {@link DatasetSource}: files read by a format
 * ({@code DatasetSource.open(format, path, options)}) or items from the server's database
 * ({@link DatasetSource#of(org.trainset.core.model.DatasetSchema, DatasetSource.Cursors)}); the
 * source is read twice when the dataset is written too. Bad requests throw
 * {@link SplitRequestException} naming the {@link Options} field.
 */
public final class Split {
  private Split() {}

  /**
   * What to do.
   *
   * @param folds         k folds when &gt; 0, else {@code ratios}
   * @param ratios        split shares adding up to 1 (null: 0.8, 0.1, 0.1)
   * @param names         split names for the ratios (null: train,val,test / train,test / split-1..n)
   * @param stratifyBy    keep class shares even by this key, or null
   * @param groupBy       keep items with the same value together, or null
   * @param seed          random seed for ratios and shuffled folds
   * @param shuffle       with folds, stratification and groups: shuffle groups first
   * @param datasetFormat also write {@code out/dataset} in this format, subsets set to splits; or null
   */
  public record Options(int folds, double[] ratios, List<String> names, SplitKey stratifyBy, SplitKey groupBy,
                        long seed, boolean shuffle, Format datasetFormat) {

    /** The plan these options ask for, checked. */
    public SplitPlan plan() {
      if (folds > 0 && ratios != null) throw new SplitRequestException("ratios", "give either ratios or folds, not both");
      if (folds > 0) {
        if (folds < 2) throw new SplitRequestException("folds", "at least 2 folds are needed");
        return new SplitPlan(folds, null, null, seed, shuffle);
      }
      if (folds < 0) throw new SplitRequestException("folds", "at least 2 folds are needed");
      if (shuffle) throw new SplitRequestException("shuffle", "shuffling applies to folds only");
      double[] r = ratios != null ? ratios : new double[] {0.8, 0.1, 0.1};
      List<String> n = names != null ? names : defaultNames(r.length);
      if (n.size() != r.length) throw new SplitRequestException("names", n.size() + " names given for " + r.length + " ratios");
      if (new HashSet<>(n).size() != n.size()) throw new SplitRequestException("names", "split names must be distinct");
      return new SplitPlan(0, r, n, seed, false);
    }

    private static List<String> defaultNames(int n) {
      if (n == 3) return List.of("train", "val", "test");
      if (n == 2) return List.of("train", "test");
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= n; i++) out.add("split-" + i);
      return out;
    }
  }

  /**
   * What the split did.
   *
   * @param settings     dataset, format, algorithm, stratifyBy, groupBy, seed (as in {@code split.json})
   * @param out          the output folder, or null when nothing was written (a leak)
   * @param report       per-split counts and leaks
   * @param smallClasses classes with fewer items than folds (they cannot be in every fold), by count
   * @param datasetWritten whether {@code out/dataset} was written
   */
  public record Result(Map<String, Object> settings, Path out, SplitReport report, Map<String, Integer> smallClasses,
                       boolean datasetWritten) {

    public boolean leaked() {
      return !report.leaks().isEmpty();
    }

    /** {@code {settings…, "out", "splits": [{"name", "items", "groups", "classes"}], "leaks"}}. */
    public ObjectNode toJson() {
      ObjectNode root = ResultJson.object();
      settings.forEach((k, v) -> root.set(k, ResultJson.value(v)));
      if (out != null) root.put("out", out.toString());
      ArrayNode splits = root.putArray("splits");
      List<String> names = report.splitNames();
      for (int s = 0; s < names.size(); s++) {
        ObjectNode n = splits.addObject();
        n.put("name", names.get(s));
        n.put("items", report.items()[s]);
        n.put("groups", report.groups()[s]);
        n.set("classes", ResultJson.fromMap(report.classCounts().get(s)));
      }
      root.put("leaks", report.leaks().size());
      if (!smallClasses.isEmpty()) root.set("smallClasses", ResultJson.fromMap(smallClasses));
      return root;
    }
  }

  public static Result run(DatasetSource source, Options options, Path out, Progress progress) throws IOException {
    SplitPlan plan = options.plan();
    SplitKey strat = options.stratifyBy();
    SplitKey group = options.groupBy();
    List<SplitSample> samples = read(source, strat, group, progress);
    int[] splitOf = plan.assign(samples, strat != null, group != null);
    List<String> splitNames = plan.splitNames();
    SplitReport report = SplitReport.check(samples, splitOf, splitNames);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("dataset", source.location() == null ? "" : source.location().toString());
    settings.put("format", source.formatId() == null ? "" : source.formatId());
    settings.put("algorithm", plan.algorithm(strat != null, group != null));
    settings.put("stratifyBy", strat == null ? "" : strat.toString());
    settings.put("groupBy", group == null ? "" : group.toString());
    settings.put("seed", options.seed());
    Map<String, Integer> small = smallClasses(samples, options.folds(), strat != null);
    if (!report.leaks().isEmpty()) return new Result(settings, null, report, small, false);
    try (AtomicOutput dir = AtomicOutput.directory(out)) {
      SplitManifest.write(dir.path(), samples, splitOf, report, settings);
      if (options.datasetFormat() != null) {
        writeDataset(source, options.datasetFormat(), dir.path().resolve("dataset"), samples, splitOf, splitNames);
      }
      dir.commit();
    }
    return new Result(settings, out, report, small, options.datasetFormat() != null);
  }

  private static List<SplitSample> read(DatasetSource source, SplitKey strat, SplitKey group, Progress progress)
      throws IOException {
    List<SplitSample> samples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    progress.start("read", -1);
    try (ItemCursor cursor = source.open(null)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        if (!ids.add(i.id())) {
          throw InputException.atItem(source.location(), i.id(), "duplicate-item-id",
              "two items share this id; a split manifest needs unique ids");
        }
        String cls = strat == null ? "" : orNone(strat.valueOf(i));
        samples.add(new SplitSample(i.id(), cls, group == null ? null : group.valueOf(i)));
        progress.advance(samples.size());
      }
    } finally {
      progress.finish();
    }
    if (samples.isEmpty()) throw new InputException(source.location(), "empty-dataset", "the dataset has no items to split");
    return samples;
  }

  private static String orNone(String v) {
    return v == null ? SplitKey.NONE : v;
  }

  /** Like scikit-learn's UserWarning: a class with fewer items than folds cannot be in every fold. */
  private static Map<String, Integer> smallClasses(List<SplitSample> samples, int folds, boolean stratified) {
    Map<String, Integer> small = new TreeMap<>();
    if (folds <= 0 || !stratified) return small;
    Map<String, Integer> counts = new TreeMap<>();
    for (SplitSample s : samples) counts.merge(s.cls(), 1, Integer::sum);
    counts.forEach((cls, n) -> {
      if (n < folds) small.put(cls, n);
    });
    return small;
  }

  private static void writeDataset(DatasetSource source, Format format, Path target, List<SplitSample> samples,
                                   int[] splitOf, List<String> splitNames) throws IOException {
    DatasetWriter writer = format.writer().orElseThrow(() ->
        new IllegalArgumentException("format '" + format.id() + "' cannot be written"));
    Map<String, String> subsetOf = new HashMap<>();
    for (int i = 0; i < samples.size(); i++) subsetOf.put(samples.get(i).id(), splitNames.get(splitOf[i]));
    try (ItemSink sink = writer.open(target, source.schema(), new WriteOptions(source.mediaRoot(), false), LossReport.lenient());
         ItemCursor cursor = source.open(null)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        String subset = subsetOf.get(i.id());
        if (subset == null) throw InputException.atItem(source.location(), i.id(), "dataset-changed", "item was not there on the first read");
        sink.accept(i.withSubset(subset));
      }
      sink.commit();
    }
  }
}
