package org.trainset.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trainset.core.DatasetSource;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.json.ResultJson;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.inspect.report.HtmlReport;
import org.trainset.inspect.rules.DatasetInspection;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.FindingTally;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.RulePack;
import org.trainset.inspect.rules.RulePacks;

/**
 * The inspect use case: run a guideline rule pack over a dataset in one streaming pass. Reader
 * errors the reader can recover from (a missing view, a dangling reference) become findings
 * rather than ending the run; reader warnings are validation's business (the packs check the same
 * things as guideline rules).
 *
 * <p>Entry points: {@link #run(Format, Path, ReadOptions, RulePack, Options, Progress)} for files, and
 * {@link #run(DatasetSource, RulePack, Options, Progress)} for an already-opened source, e.g. the
 * server's items ({@link DatasetSource#of(org.trainset.core.model.DatasetSchema, DatasetSource.Cursors)});
 * the HTML report draws media only when the source has a {@link DatasetSource#mediaRoot()}.
 * {@link #packFor} is the one rule for choosing a pack.
 */
public final class Inspection {
  private Inspection() {}

  /** No pack was named and the format has no built-in one. */
  public static final class NoPackException extends IllegalArgumentException {
    public NoPackException(String formatId) {
      super("no built-in rule pack for format '" + formatId + "'; name a pack id or a pack file");
    }
  }

  /**
   * How to inspect.
   *
   * @param keep           findings kept in the result (all are counted)
   * @param html           where to write an HTML report with findings drawn on images, or null
   * @param mediaRoot      where the items' media paths start for the report; null: the source's
   * @param maxReportItems items drawn in the HTML report
   */
  public record Options(int keep, Path html, Path mediaRoot, int maxReportItems) {
    public static Options defaults() {
      return new Options(100, null, null, 500);
    }
  }

  /**
   * What a pass found.
   *
   * @param format     format id, or null for a source without files
   * @param pack       the rule pack's id
   * @param total      findings in all
   * @param bySeverity counts by severity key
   * @param byRule     counts by rule id
   * @param shown      the first {@code keep} findings
   * @param html       the report written, or null
   */
  public record Result(String format, String pack, long items, long total, Map<String, Long> bySeverity,
                       Map<String, Long> byRule, List<Issue> shown, Path html) {
    public Result {
      bySeverity = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(bySeverity));
      byRule = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byRule));
      shown = List.copyOf(shown);
    }

    /** Findings at {@code severity} or worse. */
    public long atLeast(Severity severity) {
      long n = 0;
      for (Severity s : Severity.values()) {
        if (s.atLeast(severity)) n += bySeverity.getOrDefault(s.key(), 0L);
      }
      return n;
    }

    /** {@code {"format", "pack", "items", "findings": total, "bySeverity", "byRule", "html"?, "shown": [issue…]}}. */
    public ObjectNode toJson() {
      ObjectNode root = ResultJson.object();
      if (format != null) root.put("format", format);
      root.put("pack", pack).put("items", items).put("findings", total);
      root.set("bySeverity", ResultJson.fromMap(bySeverity));
      root.set("byRule", ResultJson.fromMap(byRule));
      if (html != null) root.put("html", html.toString());
      ArrayNode arr = root.putArray("shown");
      shown.forEach(i -> arr.add(i.toJson()));
      return root;
    }
  }

  /**
   * The pack to use: {@code nameOrFile} when given (a built-in id or a pack file), else the
   * built-in pack named like the format.
   *
   * @throws NoPackException when neither exists
   */
  public static RulePack packFor(String nameOrFile, String formatId) throws IOException {
    if (nameOrFile != null) return RulePacks.load(nameOrFile);
    if (formatId != null && RulePacks.builtinIds().contains(formatId)) return RulePacks.builtin(formatId);
    throw new NoPackException(formatId);
  }

  /** Inspects the dataset at {@code input}; recoverable reader errors (while planning too) become findings. */
  public static Result run(Format format, Path input, ReadOptions options, RulePack pack, Options opts,
                           Progress progress) throws IOException {
    FindingTally tally = new FindingTally(opts.keep());
    DatasetSource source = DatasetSource.open(format, input, options.withProblems(readerErrors(tally)));
    return run(source, pack, opts, progress, tally);
  }

  /** Inspects an opened source (files or database items). */
  public static Result run(DatasetSource source, RulePack pack, Options opts, Progress progress) throws IOException {
    return run(source, pack, opts, progress, new FindingTally(opts.keep()));
  }

  private static Result run(DatasetSource source, RulePack pack, Options opts, Progress progress, FindingTally tally)
      throws IOException {
    DatasetInspection.Result result;
    long[] recognised = {0};
    try (HtmlReport report = opts.html() == null ? null : HtmlReport.open(opts.html(),
        opts.mediaRoot() != null ? opts.mediaRoot() : source.mediaRoot(), opts.maxReportItems());
         ItemCursor cursor = source.open(readerErrors(tally))) {
      result = DatasetInspection.run(new Inspector(pack), cursor, (item, findings) -> {
        if (recognised[0] == 0 && pack.vocabulary().recognises(item)) recognised[0]++;
        findings.forEach(tally::accept);
        if (report != null) report.addItem(item, findings);
      }, progress, source.estimatedBytes());
      result.datasetFindings().forEach(tally::accept);
      if (report != null) {
        String name = source.location() == null ? "dataset" : String.valueOf(source.location().getFileName());
        report.finish("trainset inspect: " + name + " (" + pack.id() + ")", result.items(),
            tally.bySeverity(), tally.byRule(), result.datasetFindings());
      }
    }
    if (recognised[0] == 0 && !pack.vocabulary().isEmpty()) {
      // A family pack on data that is not that family finds nothing to check and would pass.
      throw new org.trainset.core.io.InputException(source.location(), "pack-not-applicable",
          "rule pack '" + pack.id() + "' recognised nothing in " + result.items() + " items"
              + (source.formatId() == null ? "" : " read as '" + source.formatId() + "'")
              + ": it expects " + pack.vocabulary().expected());
    }
    return new Result(source.formatId(), pack.id(), result.items(), tally.total(), tally.bySeverity(), tally.byRule(),
        tally.kept(), opts.html());
  }

  /**
   * The one rule for reader problems during inspection: errors the reader recovered from (a
   * missing view, a dangling reference) are findings; warnings are validation's business. For
   * partitioned runs (Spark) that read parts themselves.
   */
  public static ProblemSink readerErrors(FindingSink findings) {
    return issue -> {
      if (issue.severity() == Severity.ERROR) findings.accept(issue);
    };
  }
}
