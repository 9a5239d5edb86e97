package org.trainset.formats.media;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Copies each item's media into the output folder and writes item attributes to metadata.csv.
 * Annotations have no place in a media folder and are reported as dropped. Item attributes are
 * buffered (one small map per item) because the CSV header needs every column up front.
 */
final class MediaWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    if (options.mediaRoot() == null) {
      throw new IllegalArgumentException("the media format copies files: WriteOptions.mediaRoot is required");
    }
    return new StagedSink(AtomicOutput.directory(outDir), schema, options, loss) {
      private final List<String> paths = new ArrayList<>();
      private final List<Map<String, Object>> rows = new ArrayList<>();
      private final Set<String> columns = new LinkedHashSet<>();

      @Override public void accept(Item item) throws IOException {
        for (Annotation a : item.annotations()) loss.dropped(a.type(), null, "media folders hold no annotations");
        if (item.media().isEmpty()) {
          loss.dropped(null, "item", "without media");
          return;
        }
        if (item.media().size() > 1) loss.dropped(null, "media", "beyond the first of an item");
        MediaRef m = item.media().get(0);
        Path src = SafePaths.resolveInside(options.mediaRoot(), m.path());
        if (!Files.isRegularFile(src)) {
          throw InputException.atItem(src, item.id(), "missing-media", "media file does not exist");
        }
        Path dst = out.resolve(m.path());
        Files.createDirectories(dst.getParent());
        Files.copy(src, dst);
        paths.add(m.path());
        rows.add(item.attributes());
        columns.addAll(item.attributes().keySet());
      }

      /** {@code metadata.csv}: its header needs every item's columns. */
      @Override protected void finish() throws IOException {
        if (!columns.isEmpty()) {
          try (Writer w = Files.newBufferedWriter(out.path().resolve(MediaFormat.METADATA_CSV), StandardCharsets.UTF_8);
               CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            header.add("file");
            header.addAll(columns);
            csv.printRecord(header);
            for (int i = 0; i < paths.size(); i++) {
              List<Object> record = new ArrayList<>();
              record.add(paths.get(i));
              for (String c : columns) {
                Object v = rows.get(i).get(c);
                record.add(v == null ? "" : v.toString());
              }
              csv.printRecord(record);
            }
          }
        }
      }
    };
  }
}
