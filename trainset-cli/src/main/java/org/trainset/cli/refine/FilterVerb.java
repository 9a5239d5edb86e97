package org.trainset.cli.refine;

import org.trainset.cli.LimitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.spi.Format;
import org.trainset.refine.Reports;
import org.trainset.refine.filter.Rules;
import org.trainset.refine.filter.TextFilter;
import org.trainset.refine.filter.TextRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "filter", mixinStandardHelpOptions = true,
    description = {"Drop sentences that break refinement rules (eojeol, OCR charset, untranslated, ratio).",
        "Each removal is reported with its rule(s).",
        "Rules run only when asked for. The per-group average eojeol check (--min-avg-eojeol) does not",
        "drop anything; when a group's average is below it the output is still written and the exit code is 1."})
public final class FilterVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "The dataset to filter.") Path in;
  @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output dataset.") Path out;
  @Option(names = "--from", paramLabel = "ID", description = "Input format id (default: detected).") String from;
  @Option(names = "--to", paramLabel = "ID", description = "Output format id (default: the input's).") String to;
  @Option(names = "--report", paramLabel = "FILE", description = "JSON report (default: OUT/filter.json).") Path report;
  @Option(names = "--min-eojeol", paramLabel = "N", description = "Drop sentences with fewer eojeol (source side).") Integer minEojeol;
  @Option(names = "--max-eojeol", paramLabel = "N", description = "Drop sentences with more eojeol (source side).") Integer maxEojeol;
  @Option(names = "--min-avg-eojeol", paramLabel = "N", description = "Required average eojeol of kept sentences per subset (seed: 20).") Double minAvg;
  @Option(names = "--charset", paramLabel = "SET", description = "Allowed characters: 'ocr' (Hangul syllables, A-Z a-z 0-9, . , ! ? ' \" ( ) and space).") String charset;
  @Option(names = "--drop-empty", description = "Drop items with an empty side.") boolean dropEmpty;
  @Option(names = "--drop-untranslated", description = "Drop pairs whose target equals the source or is still Hangul.") boolean dropUntranslated;
  @Option(names = "--length-ratio", paramLabel = "MIN:MAX", description = "Target/source length bounds, e.g. 0.5:4.") String ratio;

  @Override public Integer call() throws Exception {
    List<TextRule> rules = new ArrayList<>();
    if (dropEmpty) rules.add(Rules.empty());
    if (minEojeol != null || maxEojeol != null) {
      rules.add(Rules.eojeol(minEojeol == null ? 0 : minEojeol, maxEojeol == null ? Integer.MAX_VALUE : maxEojeol));
    }
    if (charset != null) {
      if (!charset.equals("ocr")) throw new UsageException("unknown --charset '" + charset + "'; known: ocr");
      rules.add(Rules.ocrCharset());
    }
    if (dropUntranslated) rules.add(Rules.untranslated());
    if (ratio != null) {
      String[] p = ratio.split(":");
      if (p.length != 2) throw new UsageException("--length-ratio wants MIN:MAX, got '" + ratio + "'");
      rules.add(RefineCli.settings(() -> Rules.lengthRatio(Double.parseDouble(p[0]), Double.parseDouble(p[1]))));
    }
    if (rules.isEmpty() && minAvg == null) throw new UsageException("choose at least one rule (see --help)");
    Format source = DatasetInput.formatOf(in, from);
    Format target = RefineCli.outputFormat(source, to);
    RefineCli.refuseSame(in, out);
    Path reportPath = report != null ? report : Reports.inside(out, "filter.json");
    TextFilter.Outcome r = TextFilter.run(source, in, target, out, reportPath,
        new TextFilter.Options(rules, minAvg == null ? 0 : minAvg), limits.readOptions(),
        ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("input", in.toString()).put("out", out.toString()).put("report", reportPath.toString());
      root.put("items", r.items()).put("kept", r.kept()).put("removed", r.removals().size());
      root.set("removedByRule", Json.fromMap(r.byRule()));
      var avgs = root.putArray("averages");
      for (var a : r.averages()) {
        avgs.addObject().put("group", a.group()).put("sentences", a.sentences())
            .put("averageEojeol", a.averageEojeol()).put("passes", a.passes());
      }
      o.println(Json.write(root));
    } else {
      o.printf("%d items: kept %d, removed %d %s%n", r.items(), r.kept(), r.removals().size(), r.byRule());
      for (var a : r.averages()) {
        o.printf("average eojeol in %s: %.2f over %d sentences%s%n", a.group(), a.averageEojeol(), a.sentences(),
            minAvg == null ? "" : a.passes() ? " (ok)" : " (below " + minAvg + ")");
      }
      o.printf("wrote %s (%s) and report %s%n", out, target.id(), reportPath);
    }
    return r.averagesPass() ? 0 : 1;
  }
}
