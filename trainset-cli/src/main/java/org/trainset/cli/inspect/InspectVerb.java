package org.trainset.cli.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.Datasets;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.Problem;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.inspect.report.HtmlReport;
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.FindingTally;
import org.trainset.inspect.rules.DatasetInspection;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.RulePack;
import org.trainset.inspect.rules.RulePacks;
import org.trainset.inspect.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Check a dataset against guideline rules (a built-in family pack or a YAML/JSON pack file).",
        "Built-in packs: aihub.corpus, aihub.objects, aihub.ocr, aihub.sidewalk, aihub.multimodal, aihub.motion,",
        "aihub.face, aihub.xray, aihub.medical, aihub.cctv (see docs/rules.md).",
        "Reader errors it can recover from (dangling references, missing views) are findings too.",
        "Exit 1 when findings at or above --fail-on exist, 3 when the dataset or pack cannot be read."})
public final class InspectVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "PATH", description = "A dataset file or folder.") Path path;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;
  @Option(names = "--rules", paramLabel = "PACK|FILE",
      description = "Rule pack id or file (default: the built-in pack named like the dataset's format).")
  String rules;
  @Option(names = "--html", paramLabel = "REPORT", description = "Write an HTML report with each finding drawn on its image.")
  Path html;
  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when findings of this severity or worse exist: info, warning, error (default ${DEFAULT-VALUE}).")
  String failOn;
  @Option(names = "--media-root", paramLabel = "DIR",
      description = "Where the items' media paths start, for the HTML report (default: the dataset folder).")
  Path mediaRootOption;
  @Option(names = "--max-shown", defaultValue = "100", description = "Findings listed in text/JSON output (default ${DEFAULT-VALUE}).")
  int maxShown;
  @Option(names = "--max-report-items", defaultValue = "500",
      description = "Items drawn in the HTML report (default ${DEFAULT-VALUE}).")
  int maxReportItems;

  @Override public Integer call() throws Exception {
    Severity threshold;
    try {
      threshold = Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on: " + e.getMessage());
    }
    Format format = DatasetInput.formatOf(path, formatId);
    RulePack pack = RulePacks.load(packName(format));
    FindingTally tally = new FindingTally(maxShown);
    // Reader errors the reader can recover from (a missing view, a dangling reference) are
    // findings here rather than ending the run; reader warnings are validate's business (the
    // packs check the same things as guideline rules).
    ReadOptions options = ReadOptions.defaults().withProblems(p -> {
      if ("error".equals(p.severity())) tally.accept(readerFinding(p));
    });
    ReadPlan plan = Datasets.plan(format, path, options);
    Path mediaRoot = mediaRootOption != null ? mediaRootOption
        : Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Progress progress = ProgressBar.forTerminal(spec.commandLine().getErr(), output);
    long totalBytes = plan.parts().stream().mapToLong(p -> p.estimatedBytes()).sum();
    DatasetInspection.Result result;
    try (HtmlReport report = html == null ? null : HtmlReport.open(html, mediaRoot, maxReportItems);
         ItemCursor cursor = Datasets.cursor(plan, options)) {
      result = DatasetInspection.run(new Inspector(pack), cursor, (item, findings) -> {
        findings.forEach(tally::accept);
        if (report != null) report.addItem(item, findings);
      }, progress, totalBytes);
      result.datasetFindings().forEach(tally::accept);
      if (report != null) {
        report.finish("trainset inspect: " + path.getFileName() + " (" + pack.id() + ")", result.items(),
            tally.bySeverity(), tally.byRule(), result.datasetFindings());
      }
    }
    print(format, pack, result.items(), tally);
    return tally.atLeast(threshold) > 0 ? 1 : 0;
  }

  /** A reader error as a finding (also used by {@code trainset spark inspect}). */
  public static Finding readerFinding(Problem p) {
    String where = p.file() == null ? "" : " (" + p.file() + (p.line() >= 0 ? ":" + p.line() : "") + ")";
    return new Finding(p.rule(), Severity.parse(p.severity()), p.item(), p.annotation(), p.message() + where, null);
  }

  private String packName(Format format) throws java.io.IOException {
    if (rules != null) return rules;
    if (RulePacks.builtinIds().contains(format.id())) return format.id();
    throw new UsageException("no built-in rule pack for format '" + format.id() + "'; give --rules PACK|FILE");
  }

  private void print(Format format, RulePack pack, long items, FindingTally tally) {
    var out = spec.commandLine().getOut();
    if (output.json) {
      ObjectNode root = Json.object();
      root.put("format", format.id()).put("pack", pack.id()).put("items", items).put("findings", tally.total());
      root.set("bySeverity", Json.fromMap(tally.bySeverity()));
      root.set("byRule", Json.fromMap(tally.byRule()));
      if (html != null) root.put("html", html.toString());
      var arr = root.putArray("shown");
      for (Finding f : tally.kept()) {
        ObjectNode n = arr.addObject().put("rule", f.ruleId()).put("severity", f.severity().key());
        if (f.itemId() != null) n.put("item", f.itemId());
        if (f.annotationId() != null) n.put("annotation", f.annotationId());
        if (f.relatedId() != null) n.put("related", f.relatedId());
        n.put("message", f.message());
        n.set("value", Json.fromMap(java.util.Collections.singletonMap("v", f.value())).get("v"));
      }
      out.println(Json.write(root));
    } else {
      tally.kept().forEach(out::println);
      if (tally.total() > tally.kept().size()) out.println("... and " + (tally.total() - tally.kept().size()) + " more");
      out.printf("%s: %d items, %d findings %s (pack %s, format %s)%n", path, items, tally.total(),
          tally.bySeverity(), pack.id(), format.id());
    }
  }
}
