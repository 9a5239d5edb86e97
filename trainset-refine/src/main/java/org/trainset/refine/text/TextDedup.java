package org.trainset.refine.text;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.refine.DatasetRewrite;
import org.trainset.refine.Reports;

/**
 * {@code dedup text} as a library call: read any dataset whose items carry text (TextPair or
 * Caption), find exact and near duplicates ({@link TextDeduplicator}), write the kept items
 * through the target format's writer and a JSON report listing every removed item with its match,
 * cluster representative, similarity and rule. Memory: ids and texts (about 200 bytes a sentence).
 */
public final class TextDedup {
  private TextDedup() {}

  public record Options(DedupConfig config, Side side) {}

  public record Outcome(long items, long withText, DedupResult result, LossReport loss) {}

  /** How the texts are gathered and where the parallel steps run: {@link #IN_PROCESS}, or a Spark job. */
  public interface Engine {
    /** Appends every item's id and {@link TextOf#sides} to {@code ids} and {@code texts}, in reading order. */
    void read(ReadPlan plan, ReadOptions readOptions, List<String> ids, List<String[]> texts, Progress progress)
        throws IOException;

    TextDeduplicator.Steps steps();
  }

  /** One cursor over the plan, the deduplicator's steps on this JVM's threads. */
  public static final Engine IN_PROCESS = new Engine() {
    @Override public void read(ReadPlan plan, ReadOptions readOptions, List<String> ids, List<String[]> texts,
                               Progress progress) throws IOException {
      progress.start("read", -1);
      try (ItemCursor c = Datasets.cursor(plan, readOptions)) {
        for (Item item = c.next(); item != null; item = c.next()) {
          ids.add(item.id());
          texts.add(TextOf.sides(item));
          if ((ids.size() & 4095) == 0) progress.advance(ids.size());
        }
      } finally {
        progress.finish();
      }
    }

    @Override public TextDeduplicator.Steps steps() {
      return TextDeduplicator.IN_PROCESS;
    }
  };

  public static Outcome run(Format from, Path input, Format to, Path out, Path report, Options options,
                            ReadOptions readOptions, Progress progress) throws IOException {
    return run(from, input, to, out, report, options, readOptions, progress, IN_PROCESS);
  }

  /** As above, with reading and the deduplicator's parallel steps run by {@code engine}. */
  public static Outcome run(Format from, Path input, Format to, Path out, Path report, Options options,
                            ReadOptions readOptions, Progress progress, Engine engine) throws IOException {
    List<String> ids = new ArrayList<>();
    List<String[]> texts = new ArrayList<>();
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    engine.read(plan, readOptions, ids, texts, progress);
    int n = ids.size();
    boolean pairAware = options.side() == Side.BOTH;
    String[] primary = new String[n];
    String[] second = pairAware ? new String[n] : null;
    IntStream.range(0, n).parallel().forEach(i -> {
      String[] t = texts.get(i);
      String p = t == null ? "" : (options.side() == Side.TARGET && t[1] != null ? t[1] : t[0]);
      primary[i] = TextNormalizer.normalize(p);
      if (pairAware) second[i] = t == null || t[1] == null ? "" : TextNormalizer.normalize(t[1]);
    });
    long withText = IntStream.range(0, n).filter(i -> !primary[i].isEmpty()).count();
    String[] idArray = ids.toArray(new String[0]);
    DedupResult result = new TextDeduplicator(options.config()).run(idArray, primary, second, progress, engine.steps());

    LossReport loss = DatasetRewrite.write(from, input, to, out, plan.schema(), DatasetRewrite.referencing(plan, input),
        readOptions, progress, (index, item) -> result.removed()[(int) index] ? null : item);
    Reports.writeJson(report, g -> writeReport(g, from, input, to, out, options, n, withText, result, idArray, texts));
    return new Outcome(n, withText, result, loss);
  }

  private static void writeReport(JsonGenerator g, Format from, Path input, Format to, Path out, Options o, int n,
                                  long withText, DedupResult r, String[] ids, List<String[]> texts) throws IOException {
    DedupConfig c = o.config();
    g.writeStartObject();
    g.writeStringField("report", "trainset dedup text");
    g.writeStringField("input", input.toString());
    g.writeStringField("inputFormat", from.id());
    g.writeStringField("output", out.toString());
    g.writeStringField("outputFormat", to.id());
    g.writeObjectFieldStart("settings");
    g.writeStringField("side", o.side().name().toLowerCase(java.util.Locale.ROOT));
    g.writeNumberField("threshold", c.threshold());
    g.writeNumberField("ngram", c.ngram());
    g.writeNumberField("permutations", c.permutations());
    g.writeNumberField("bands", r.lsh().bands());
    g.writeNumberField("rows", r.lsh().rows());
    g.writeNumberField("candidateProbabilityAtThreshold", round(r.lsh().probability(c.threshold())));
    g.writeNumberField("seed", c.seed());
    g.writeStringField("normalization", "NFKC, lower case (ROOT), punctuation (P*) removed, whitespace collapsed");
    g.writeEndObject();
    g.writeObjectFieldStart("counts");
    g.writeNumberField("items", n);
    g.writeNumberField("withText", withText);
    g.writeNumberField("kept", n - r.removedCount());
    g.writeNumberField("removed", r.removedCount());
    g.writeNumberField("removedExact", r.removedExact());
    g.writeNumberField("removedNear", r.removedCount() - r.removedExact());
    g.writeNumberField("candidatePairs", r.candidatePairs());
    g.writeNumberField("verifiedPairs", r.pairs().size());
    g.writeEndObject();
    g.writeArrayFieldStart("removed");
    int side = o.side() == Side.TARGET ? 1 : 0;
    for (DedupResult.Removal x : r.removals()) {
      g.writeStartObject();
      g.writeStringField("id", ids[x.index()]);
      g.writeStringField("match", ids[x.match()]);
      g.writeStringField("representative", ids[x.representative()]);
      g.writeNumberField("similarity", round(x.similarity()));
      g.writeStringField("rule", x.rule());
      g.writeStringField("text", sideText(texts.get(x.index()), side));
      g.writeStringField("matchText", sideText(texts.get(x.match()), side));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String sideText(String[] t, int side) {
    if (t == null) return "";
    return side == 1 && t[1] != null ? t[1] : t[0];
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
