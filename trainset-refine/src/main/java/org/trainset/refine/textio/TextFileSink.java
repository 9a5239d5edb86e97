package org.trainset.refine.textio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.core.spi.ItemSink;

/**
 * Writes text items as TSV or JSON Lines into a staged file published on commit. The shape
 * (pairs or monolingual text) is fixed by the first item; items of the other shape, media,
 * attributes and extra annotations are declared on the {@link LossReport}.
 */
final class TextFileSink implements ItemSink {
  enum Style { TSV, JSONL }

  private final AtomicOutput out;
  private final Style style;
  private final LossReport loss;
  private final BufferedWriter w;
  private final JsonFactory json = new JsonFactory();
  private Boolean pairs;

  TextFileSink(Path file, Style style, LossReport loss) throws IOException {
    this.out = AtomicOutput.file(file);
    this.style = style;
    this.loss = loss;
    this.w = Files.newBufferedWriter(out.path(), StandardCharsets.UTF_8);
  }

  @Override public void accept(Item item) throws IOException {
    TextPair p = TextItems.firstPair(item);
    Caption c = p == null ? TextItems.firstCaption(item) : null;
    if (p == null && c == null) {
      loss.dropped(null, "item", "without text");
      return;
    }
    if (pairs == null) {
      pairs = p != null;
      if (style == Style.TSV) w.write(pairs ? "id\tsource\ttarget\tsource_lang\ttarget_lang\n" : "id\ttext\n");
    }
    if (pairs != (p != null)) {
      loss.dropped(null, "item", pairs ? "monolingual item in a pair file" : "pair item in a monolingual file");
      return;
    }
    if (item.annotations().size() > 1) loss.dropped(null, "annotation", "beyond the first text");
    if (!item.media().isEmpty()) loss.dropped(null, "media reference", null);
    if (!item.attributes().isEmpty()) loss.dropped(null, "item attribute", null);
    if (style == Style.TSV) writeTsv(item.id(), p, c); else writeJson(item.id(), p, c);
  }

  private void writeTsv(String id, TextPair p, Caption c) throws IOException {
    w.write(Tsv.escape(id));
    if (p != null) {
      w.write('\t'); w.write(Tsv.escape(p.source()));
      w.write('\t'); w.write(Tsv.escape(p.target()));
      w.write('\t'); w.write(Tsv.escape(p.sourceLanguage()));
      w.write('\t'); w.write(Tsv.escape(p.targetLanguage()));
    } else {
      w.write('\t'); w.write(Tsv.escape(c.text()));
    }
    w.write('\n');
  }

  private void writeJson(String id, TextPair p, Caption c) throws IOException {
    JsonGenerator g = json.createGenerator(w);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("id", id);
    if (p != null && "ko".equals(p.sourceLanguage()) && "en".equals(p.targetLanguage())) {
      g.writeStringField("ko", p.source());
      g.writeStringField("en", p.target());
    } else if (p != null) {
      g.writeStringField("source", p.source());
      g.writeStringField("target", p.target());
      g.writeStringField("source_lang", p.sourceLanguage());
      g.writeStringField("target_lang", p.targetLanguage());
    } else {
      g.writeStringField("text", c.text());
    }
    g.writeEndObject();
    g.flush();
    w.write('\n');
  }

  @Override public void commit() throws IOException {
    w.close();
    out.commit();
  }

  @Override public void close() throws IOException {
    w.close();
    out.close();
  }
}
