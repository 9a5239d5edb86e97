package org.trainset.refine.filter;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.Reports;

/**
 * {@code filter} as a library call: one streaming pass drops items whose text breaks a rule
 * (all broken rules are reported per item), writes the rest through the target format, and
 * checks the average eojeol per group (the item's subset, or the whole input) against a minimum
 * (the seed: the corpus averages ≥ 20 eojeol a sentence). Items without text pass untouched.
 */
public final class TextFilter {
  private TextFilter() {}

  /** @param minAverageEojeol minimum average eojeol of kept sentences per group, or 0 for no check */
  public record Options(List<TextRule> rules, double minAverageEojeol) {}

  public record Removal(String id, List<String> rules, List<String> details) {}

  public record Average(String group, long sentences, double averageEojeol, boolean passes) {}

  public record Outcome(long items, long kept, List<Removal> removals, Map<String, Long> byRule,
                        List<Average> averages, LossReport loss) {
    public boolean averagesPass() {
      return averages.stream().allMatch(Average::passes);
    }
  }

  public static Outcome run(Format from, Path input, Format to, Path out, Path report, Options options,
                            ReadOptions readOptions, Progress progress) throws IOException {
    List<Removal> removals = new ArrayList<>();
    Map<String, Long> byRule = new LinkedHashMap<>();
    for (TextRule r : options.rules()) byRule.put(r.id(), 0L);
    Map<String, long[]> eojeolByGroup = new TreeMap<>();
    long[] items = {0};
    var plan = Datasets.plan(from, input, readOptions);
    LossReport loss = DatasetRewrite.write(from, input, to, out, plan.schema(), DatasetRewrite.referencing(plan, input),
        readOptions, progress, (index, item) -> {
          items[0]++;
          TextRule.Text text = textOf(item);
          if (text == null) return item;
          List<String> broken = new ArrayList<>(), details = new ArrayList<>();
          for (TextRule r : options.rules()) {
            String v = r.violation(text);
            if (v != null) {
              broken.add(r.id());
              details.add(v);
              byRule.merge(r.id(), 1L, Long::sum);
            }
          }
          if (!broken.isEmpty()) {
            removals.add(new Removal(item.id(), broken, details));
            return null;
          }
          long[] acc = eojeolByGroup.computeIfAbsent(item.subset() == null ? "(all)" : item.subset(), k -> new long[2]);
          acc[0]++;
          acc[1] += TextRule.eojeol(text.source());
          return item;
        });
    List<Average> averages = new ArrayList<>();
    for (var e : eojeolByGroup.entrySet()) {
      double avg = (double) e.getValue()[1] / e.getValue()[0];
      averages.add(new Average(e.getKey(), e.getValue()[0], avg, avg >= options.minAverageEojeol()));
    }
    Outcome outcome = new Outcome(items[0], items[0] - removals.size(), removals, byRule, averages, loss);
    Reports.writeJson(report, g -> writeReport(g, from, input, to, out, options, outcome));
    return outcome;
  }

  static TextRule.Text textOf(Item item) {
    for (Annotation a : item.annotations()) {
      if (a instanceof TextPair p) {
        return new TextRule.Text(nz(p.source()), nz(p.target()), p.sourceLanguage(), p.targetLanguage());
      }
    }
    for (Annotation a : item.annotations()) {
      if (a instanceof Caption c) return new TextRule.Text(nz(c.text()), null, null, null);
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void writeReport(JsonGenerator g, Format from, Path input, Format to, Path out, Options o,
                                  Outcome r) throws IOException {
    g.writeStartObject();
    g.writeStringField("report", "trainset filter");
    g.writeStringField("input", input.toString());
    g.writeStringField("inputFormat", from.id());
    g.writeStringField("output", out.toString());
    g.writeStringField("outputFormat", to.id());
    g.writeArrayFieldStart("rules");
    for (TextRule rule : o.rules()) {
      g.writeStartObject();
      g.writeStringField("id", rule.id());
      g.writeStringField("rule", rule.describe());
      g.writeNumberField("removed", r.byRule().get(rule.id()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("counts");
    g.writeNumberField("items", r.items());
    g.writeNumberField("kept", r.kept());
    g.writeNumberField("removed", r.removals().size());
    g.writeEndObject();
    g.writeArrayFieldStart("averages");
    for (Average a : r.averages()) {
      g.writeStartObject();
      g.writeStringField("group", a.group());
      g.writeNumberField("sentences", a.sentences());
      g.writeNumberField("averageEojeol", Math.round(a.averageEojeol() * 1000) / 1000.0);
      g.writeNumberField("minimum", o.minAverageEojeol());
      g.writeBooleanField("passes", a.passes());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("removed");
    for (Removal x : r.removals()) {
      g.writeStartObject();
      g.writeStringField("id", x.id());
      g.writeArrayFieldStart("rules");
      for (String s : x.rules()) g.writeString(s);
      g.writeEndArray();
      g.writeArrayFieldStart("details");
      for (String s : x.details()) g.writeString(s);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
