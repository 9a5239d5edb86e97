package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes one file per domain ({@code 3_문어체_뉴스.xlsx}, {@code .tsv} or {@code .jsonl}) with the
 * domain's release columns, then any further item attributes of the domain's first item, then
 * 원문 and 번역문. {@code domain}, {@code dialogue} and {@code turn} are derived on reading and
 * not written.
 */
public final class CorpusWriter implements DatasetWriter {
  private static final Set<String> DERIVED = Set.of(CorpusCursor.ATTR_DOMAIN, CorpusCursor.ATTR_DIALOGUE,
      CorpusCursor.ATTR_TURN);
  private final CorpusFlavor flavor;
  private final int rowsPerSheet;

  public CorpusWriter(CorpusFlavor flavor) {
    this(flavor, XlsxRowWriter.EXCEL_MAX_ROWS);
  }

  /** For xlsx, a smaller sheet size than Excel's limit (tests, tools that choke on huge sheets). */
  public CorpusWriter(CorpusFlavor flavor, int rowsPerSheet) {
    this.flavor = flavor;
    this.rowsPerSheet = rowsPerSheet;
  }

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  private final class Sink extends StagedSink {
    private final Map<CorpusDomain, RowWriter> writers = new EnumMap<>(CorpusDomain.class);
    private final Map<CorpusDomain, List<String>> headers = new EnumMap<>(CorpusDomain.class);

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) {
      super(out, schema, options, loss);
    }

    @Override public void accept(Item item) throws IOException {
      TextPair pair = null;
      for (Annotation a : item.annotations()) {
        if (a instanceof TextPair tp && pair == null) {
          pair = tp;
        } else {
          loss.dropped(a.type(), null, "a corpus row holds one sentence pair");
        }
      }
      if (pair == null) {
        loss.dropped(null, "item", "without a sentence pair");
        return;
      }
      if (!item.media().isEmpty()) loss.dropped(null, "media reference", null);
      if (!pair.label().isEmpty() || !pair.meta().attributes().isEmpty()) loss.dropped(AnnotationType.TEXT_PAIR, "label/attributes", null);
      if (!"ko".equals(pair.sourceLanguage()) || !"en".equals(pair.targetLanguage())) {
        loss.changed(AnnotationType.TEXT_PAIR, "languages", pair.sourceLanguage() + "→" + pair.targetLanguage() + " written as ko→en columns");
      }
      Object d = item.attributes().get(CorpusCursor.ATTR_DOMAIN);
      CorpusDomain domain = d == null ? null : CorpusDomain.fromKey(d.toString());
      if (domain == null) domain = CorpusDomain.OTHER;
      RowWriter w = writers.get(domain);
      if (w == null) w = start(domain, item);
      write(w, headers.get(domain), domain, item, pair);
    }

    private RowWriter start(CorpusDomain domain, Item first) throws IOException {
      List<String> header = new ArrayList<>(domain.columns());
      for (String k : first.attributes().keySet()) {
        if (!DERIVED.contains(k) && !header.contains(k) && !k.equals(CorpusDomain.SOURCE) && !k.equals(CorpusDomain.TARGET)) {
          header.add(k);
        }
      }
      header.add(CorpusDomain.SOURCE);
      header.add(CorpusDomain.TARGET);
      Path file = out.resolve(domain.fileStem() + flavor.extension());
      RowWriter w = switch (flavor) {
        case XLSX -> new XlsxRowWriter(file, header, rowsPerSheet);
        case TSV -> new TsvRowWriter(file, header);
        case JSONL -> new JsonlRowWriter(file, header);
      };
      writers.put(domain, w);
      headers.put(domain, header);
      return w;
    }

    private void write(RowWriter w, List<String> header, CorpusDomain domain, Item item, TextPair pair)
        throws IOException {
      List<Object> row = new ArrayList<>(header.size());
      for (String col : header) {
        if (col.equals(CorpusDomain.SOURCE)) row.add(pair.source());
        else if (col.equals(CorpusDomain.TARGET)) row.add(pair.target());
        else row.add(cell(item.attributes().get(col)));
      }
      String idCol = domain.idColumn();
      if (idCol != null && item.attributes().get(idCol) == null) {
        String id = item.id();
        int slash = id.indexOf('/');
        row.set(header.indexOf(idCol), slash >= 0 ? id.substring(slash + 1) : id);
      }
      for (String k : item.attributes().keySet()) {
        if (!DERIVED.contains(k) && !header.contains(k)) loss.dropped(null, "attribute '" + k + "'", "not a column of the " + domain.key() + " file");
      }
      w.write(row);
    }

    private Object cell(Object v) {
      if (v instanceof java.util.List || v instanceof java.util.Map) {
        loss.changed(null, "structured attribute", "written as text");
        return String.valueOf(v);
      }
      return v;
    }

    /**
     * Completes every domain file (an xlsx needs its sheet and workbook ends; finishing is also what
     * closes it), once. Runs before publishing and on an aborted run, whose staging is discarded.
     */
    @Override protected void release() throws IOException {
      IOException first = null;
      for (RowWriter w : writers.values()) {
        try {
          w.finish();
        } catch (IOException e) {
          if (first == null) first = e;
          try {
            w.close();
          } catch (IOException again) {
            e.addSuppressed(again);
          }
        }
      }
      writers.clear();
      if (first != null) throw first;
    }
  }
}
