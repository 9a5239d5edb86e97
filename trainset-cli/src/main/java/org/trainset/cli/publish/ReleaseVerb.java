package org.trainset.cli.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import org.trainset.publish.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

// No standard help mixin: its --version would clash with the release's --version.
@Command(name = "release",
    description = {"Freeze a dataset into an immutable release folder DIR/NAME-vVERSION:",
        "data/<format>/ per export format, sample/ (a seeded sample stratified by subset and label),",
        "manifest.json (files with size and SHA-256, counts, schema, loss reports), SHA256SUMS",
        "(check with `sha256sum -c SHA256SUMS`) and, with --previous, CHANGES.json.",
        "The same input gives the same bytes; an existing release is never replaced.",
        "See docs/publish.md."})
public final class ReleaseVerb implements Verb {
  @Spec CommandSpec spec;
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.") boolean help;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "The dataset to release.") Path data;
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Release name (letters, digits, . _ -).") String name;
  @Option(names = "--version", required = true, paramLabel = "X.Y.Z", description = "Semantic version, e.g. 1.0.0.") String version;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder the release folder is created in.") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Source format id (default: detected).") String from;
  @Option(names = "--formats", split = ",", paramLabel = "ID", description = {"Export formats (default: trainset plus the",
      "dataset's own format when it can be written); trainset is always included."}) List<String> formats;
  @Option(names = "--sample-size", paramLabel = "K", defaultValue = "100", description = "Items in sample/ (default: ${DEFAULT-VALUE}).") int sampleSize;
  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the sample choice (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--sample-tolerance", paramLabel = "T", defaultValue = "0.05", description = {"Largest difference between a label's share in",
      "the sample and in the whole, stated in the manifest (default: ${DEFAULT-VALUE})."}) double tolerance;
  @Option(names = "--previous", paramLabel = "DIR", description = "An earlier release folder: write CHANGES.json against it.") Path previous;

  @Override public Integer call() throws Exception {
    String problem = Release.versionProblem(version);
    if (problem == null) problem = Release.nameProblem(name);
    if (problem == null && sampleSize < 0) problem = "--sample-size must be 0 or more";
    if (problem == null && !(tolerance >= 0 && tolerance <= 1)) problem = "--sample-tolerance must be between 0 and 1";
    if (problem != null) throw new UsageException(problem);
    List<Format> chosen = new ArrayList<>();
    for (String id : formats == null ? List.<String>of() : formats) {
      Format f = DatasetInput.registry().require(id.strip());
      if (f.writer().isEmpty()) throw new UsageException("format '" + f.id() + "' cannot be written");
      chosen.add(f);
    }
    Format source = DatasetInput.formatOf(data, from);
    Release.Result r = Release.freeze(new Release.Request(name, version, source, data, chosen, sampleSize, seed, tolerance,
        previous, limits.readOptions()), out, ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      o.println(Json.write(r.toJson()));
    } else {
      o.printf("released %s v%s in %s: %d items, %d annotations, %d files%n", r.name(), r.version(), r.folder(),
          r.counts().items(), r.counts().annotations(), r.files().size());
      r.exports().forEach((id, e) -> o.printf("  data/%s/: %d items, %d annotations%s%n", id, e.items(), e.annotations(),
          e.loss().isLossless() ? "" : " (losses in manifest.json)"));
      o.printf("  sample/: %d items, label shares within %.4f of the whole (tolerance %.4f)%n", r.sample().items(),
          r.sample().maxShareDeviation(), r.sample().tolerance());
      if (r.changes() != null) {
        o.printf("  changes: %d added, %d removed, %d changed%n", r.changes().added().size(),
            r.changes().removed().size(), r.changes().changed().size());
      }
    }
    return 0;
  }
}
