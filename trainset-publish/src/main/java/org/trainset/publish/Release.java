package org.trainset.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.trainset.core.Datasets;
import org.trainset.core.DatasetStats;
import org.trainset.core.convert.Conversion;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.json.ModelJson;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.core.stats.Statistics;
import org.trainset.formats.trainset.TrainsetFormat;

/**
 * The release use case ({@code trainset release}; later the server's releases): freezes a dataset
 * into an immutable folder {@code NAME-vX.Y.Z} holding
 * <ul>
 *   <li>{@code data/<format>/}: the data exported with {@link Conversion} per chosen format,
 *       media copied in so the release stands alone;</li>
 *   <li>{@code sample/}: a seeded, stratified sample in the native format ({@link SampleSubset});</li>
 *   <li>{@code CHANGES.json} against a previous release, when one is given;</li>
 *   <li>{@code manifest.json}: every other file with size and SHA-256, the counts, the schema,
 *       each export's loss report and the sample's label shares;</li>
 *   <li>{@code SHA256SUMS}: every file but itself, as {@code sha256sum -c} checks it.</li>
 * </ul>
 * No file carries a time or an absolute path and every list is sorted, so the same input frozen
 * twice gives the same bytes. The folder appears whole or not at all ({@link AtomicOutput}) and an
 * existing release is never replaced.
 */
public final class Release {
  /** Semantic version {@code X.Y.Z}: three numbers without leading zeros. */
  private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  static final String MANIFEST = "manifest.json";
  static final String SUMS = "SHA256SUMS";
  static final String CHANGES = "CHANGES.json";
  private static final Format NATIVE = new TrainsetFormat();

  private Release() {}

  /**
   * What to freeze.
   *
   * @param formats         export formats, in order; empty means {@link #defaultFormats}
   * @param sampleTolerance the largest allowed difference between a label's annotation share in
   *                        the sample and in the whole (stated in the manifest)
   * @param previous        an earlier release folder to list changes against, or null
   */
  public record Request(String name, String version, Format source, Path input, List<Format> formats, int sampleSize,
                        long seed, double sampleTolerance, Path previous, ReadOptions readOptions, Extras extras) {
    public Request {
      if (extras == null) extras = Extras.NONE;
    }

    /** An offline release: nothing but the data. */
    public Request(String name, String version, Format source, Path input, List<Format> formats, int sampleSize,
                   long seed, double sampleTolerance, Path previous, ReadOptions readOptions) {
      this(name, version, source, input, formats, sampleSize, seed, sampleTolerance, previous, readOptions, Extras.NONE);
    }
  }

  /** Changes the written sample folder in place (e.g. blurs faces) and says what it did. */
  @FunctionalInterface
  public interface SampleTreatment {
    ObjectNode apply(Path sampleDir) throws IOException;
  }

  /**
   * What a caller adds to a release beyond the data (the server: project, rule pack, review and
   * inspection results, rights, quality targets). Everything here must be free of times and
   * absolute paths so the release stays reproducible.
   *
   * @param manifest    fields added at the top of {@code manifest.json} (must not reuse its own keys)
   * @param changeNotes fields added to {@code CHANGES.json} (e.g. fixed error reports); used only with a previous release
   * @param sample      applied to {@code sample/} before the checksums, or null
   */
  public record Extras(ObjectNode manifest, ObjectNode changeNotes, SampleTreatment sample) {
    public static final Extras NONE = new Extras(null, null, null);
  }

  /** The sample: its size and how far its label shares are from the whole's. */
  public record Sample(long items, long annotations, long seed, Map<String, Double> wholeShares,
                       Map<String, Double> sampleShares, double maxShareDeviation, double tolerance) {
    public boolean withinTolerance() {
      return maxShareDeviation <= tolerance + 1e-12;
    }

    public ObjectNode toJson() {
      ObjectNode o = ResultJson.object();
      o.put("path", "sample/").put("format", NATIVE.id()).put("items", items).put("annotations", annotations);
      o.put("seed", seed).put("stratifiedBy", "subset and each item's most frequent label");
      o.set("labelSharesWhole", ResultJson.fromMap(wholeShares));
      o.set("labelSharesSample", ResultJson.fromMap(sampleShares));
      o.put("maxLabelShareDeviation", maxShareDeviation).put("tolerance", tolerance).put("withinTolerance", withinTolerance());
      return o;
    }
  }

  /** What was frozen; {@code changes} is null without a previous release. */
  public record Result(String name, String version, Path folder, Statistics.Result counts,
                       Map<String, Conversion.Result> exports, Sample sample, List<Checksums.FileEntry> files,
                       String manifestSha256, ReleaseChanges.Result changes) {
    /** {@code {"name", "version", "folder", "items", "annotations", "formats", "files", "bytes", "manifestSha256", "sample", "changes"?}}. */
    public ObjectNode toJson() {
      ObjectNode o = ResultJson.object();
      o.put("name", name).put("version", version).put("folder", folder.toString());
      o.put("items", counts.items()).put("annotations", counts.annotations());
      ObjectNode ex = o.putObject("exports");
      exports.forEach((id, r) -> ex.put(id, r.items()));
      o.put("files", files.size()).put("bytes", files.stream().mapToLong(Checksums.FileEntry::size).sum());
      o.put("manifestSha256", manifestSha256);
      o.set("sample", sample.toJson());
      if (changes != null) o.set("changes", changes.summaryJson());
      return o;
    }
  }

  /** Null when {@code version} is a semantic version {@code X.Y.Z}, else what is wrong with it. */
  public static String versionProblem(String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      return "version '" + version + "' is not a semantic version X.Y.Z (e.g. 1.0.0; no 'v', no leading zeros)";
    }
    return null;
  }

  /** Null when {@code name} can name a release folder, else what is wrong with it. */
  public static String nameProblem(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return "name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit";
    }
    return null;
  }

  /** The native format, plus the dataset's own format when it can be written. */
  public static List<Format> defaultFormats(Format source) {
    List<Format> out = new ArrayList<>(List.of(NATIVE));
    if (!source.id().equals(NATIVE.id()) && source.writer().isPresent()) out.add(source);
    return out;
  }

  /** The folder a release gets under {@code outDir}. */
  public static Path folderOf(Path outDir, String name, String version) {
    return outDir.resolve(name + "-v" + version);
  }

  public static Result freeze(Request r, Path outDir, Progress progress) throws IOException {
    String problem = versionProblem(r.version());
    if (problem == null) problem = nameProblem(r.name());
    if (problem != null) throw new IllegalArgumentException(problem);
    return freezeInto(r, folderOf(outDir, r.name(), r.version()), progress);
  }

  /** What changed from the release folder {@code previous} to {@code current} (their native exports). */
  public static ReleaseChanges.Result changesBetween(Path previous, Path current) throws IOException {
    return ReleaseChanges.compare(previous, current, NATIVE, ReadOptions.defaults());
  }

  /** Freezes into {@code folder} itself (the server lays releases out as {@code releases/NAME/VERSION/}). */
  public static Result freezeInto(Request r, Path folder, Progress progress) throws IOException {
    String problem = versionProblem(r.version());
    if (problem == null) problem = nameProblem(r.name());
    if (problem != null) throw new IllegalArgumentException(problem);
    if (Files.exists(folder)) {
      throw new FileAlreadyExistsException(folder.toString(), null,
          "release " + r.name() + " v" + r.version() + " exists; a release never changes: freeze a new version");
    }
    List<Format> formats = r.formats().isEmpty() ? defaultFormats(r.source()) : dedupe(r.formats());
    if (formats.stream().noneMatch(f -> f.id().equals(NATIVE.id()))) formats.add(0, NATIVE); // the baseline CHANGES compares
    for (Format f : formats) {
      if (f.writer().isEmpty()) throw new IllegalArgumentException("format '" + f.id() + "' cannot be written");
    }
    Statistics.Result counts = Statistics.run(r.source(), r.input(), r.readOptions(), progress);
    try (AtomicOutput out = AtomicOutput.directory(folder)) {
      Path root = out.path();
      Map<String, Conversion.Result> exports = new TreeMap<>();
      for (Format f : formats) {
        exports.put(f.id(), Conversion.run(r.source(), r.input(), f, root.resolve("data").resolve(f.id()), r.readOptions(),
            new Conversion.Options(false, true, false), progress));
      }
      Sample sample = writeSample(r, root.resolve("sample"), counts);
      ObjectNode treatment = r.extras().sample() == null ? null : r.extras().sample().apply(root.resolve("sample"));
      ReleaseChanges.Result changes = null;
      if (r.previous() != null) {
        changes = ReleaseChanges.compare(r.previous(), root, NATIVE, r.readOptions());
        ObjectNode notes = changes.toJson();
        if (r.extras().changeNotes() != null) notes.setAll(r.extras().changeNotes());
        Files.write(root.resolve(CHANGES), pretty(notes));
      }
      List<Checksums.FileEntry> files = Checksums.list(root, List.of(MANIFEST, SUMS));
      ObjectNode m = manifest(r, formats, counts, exports, sample, changes, files);
      if (treatment != null) ((ObjectNode) m.get("sample")).set("treatment", treatment);
      byte[] manifest = pretty(m);
      Files.write(root.resolve(MANIFEST), manifest);
      List<Checksums.FileEntry> all = Checksums.list(root, List.of(SUMS));
      Files.write(root.resolve(SUMS), Checksums.sumsFile(all));
      out.commit();
      return new Result(r.name(), r.version(), folder, counts, exports, sample, all, Checksums.sha256(manifest), changes);
    }
  }

  private static List<Format> dedupe(List<Format> formats) {
    List<Format> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (Format f : formats) if (seen.add(f.id())) out.add(f);
    return out;
  }

  /** Two passes: choose by stratum, then write the chosen items (media copied) with the native writer. */
  private static Sample writeSample(Request r, Path dir, Statistics.Result whole) throws IOException {
    ReadPlan plan = Datasets.plan(r.source(), r.input(), r.readOptions());
    SampleSubset subset = new SampleSubset(r.seed());
    try (ItemCursor c = Datasets.cursor(r.source(), r.input(), plan, r.readOptions())) {
      for (Item i = c.next(); i != null; i = c.next()) subset.add(i);
    }
    BitSet chosen = subset.choose(r.sampleSize());
    DatasetStats stats = new DatasetStats();
    var writer = NATIVE.writer().orElseThrow();
    var loss = org.trainset.core.convert.LossReport.lenient();
    try (ItemSink sink = writer.open(dir, plan.schema(), new WriteOptions(plan.mediaRootFor(r.input()), true), loss);
         ItemCursor c = Datasets.cursor(plan, r.readOptions())) {
      long ordinal = 0;
      for (Item i = c.next(); i != null; i = c.next(), ordinal++) {
        if (!chosen.get((int) ordinal)) continue;
        sink.accept(i);
        stats.add(i);
      }
      sink.commit();
    }
    Map<String, Double> wholeShares = shares(whole.byLabel(), whole.annotations());
    Map<String, Double> sampleShares = shares(stats.byLabel(), stats.annotations());
    double max = 0;
    for (String label : wholeShares.keySet()) {
      max = Math.max(max, Math.abs(wholeShares.get(label) - sampleShares.getOrDefault(label, 0.0)));
    }
    return new Sample(stats.items(), stats.annotations(), r.seed(), wholeShares, sampleShares, round(max), r.sampleTolerance());
  }

  private static Map<String, Double> shares(Map<String, Long> byLabel, long total) {
    Map<String, Double> out = new TreeMap<>();
    byLabel.forEach((label, n) -> out.put(label, total == 0 ? 0.0 : round((double) n / total)));
    return out;
  }

  /** Six decimals: enough to compare, and the same text on every JVM. */
  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }

  private static ObjectNode manifest(Request r, List<Format> formats, Statistics.Result counts,
                                     Map<String, Conversion.Result> exports, Sample sample,
                                     ReleaseChanges.Result changes, List<Checksums.FileEntry> files) throws IOException {
    ObjectNode m = ResultJson.object();
    if (r.extras().manifest() != null) m.setAll(r.extras().manifest());
    m.put("manifestVersion", 1).put("name", r.name()).put("version", r.version());
    m.put("sourceFormat", r.source().id());
    ArrayNode fs = m.putArray("formats");
    formats.forEach(f -> fs.add(f.id()));
    m.set("counts", counts.toJson());
    m.set("schema", schemaJson(Datasets.plan(r.source(), r.input(), r.readOptions())));
    ObjectNode ex = m.putObject("exports");
    exports.forEach((id, res) -> {
      ObjectNode e = res.toJson();
      e.put("path", "data/" + id + "/");
      ex.set(id, e);
    });
    m.set("sample", sample.toJson());
    if (changes != null) m.set("changes", changes.summaryJson());
    ArrayNode list = m.putArray("files");
    for (Checksums.FileEntry f : files) list.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
    return m;
  }

  private static ObjectNode schemaJson(ReadPlan plan) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      ModelJson.writeSchema(g, plan.schema());
    }
    return (ObjectNode) new ObjectMapper().readTree(text.toString());
  }

  private static byte[] pretty(ObjectNode node) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    return (mapper.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
