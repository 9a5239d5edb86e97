package org.trainset.families.objects;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes {@code <item id>.json} per item with its image next to it (copied when the source media
 * are at hand), staged under {@link AtomicOutput}.
 */
final class ObjectsWriter implements DatasetWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        Path doc = out.resolve(item.id() + ".json");
        Files.createDirectories(doc.getParent());
        try (JsonGenerator g = FACTORY.createGenerator(doc.toFile(), JsonEncoding.UTF8)) {
          g.useDefaultPrettyPrinter();
          ObjectsDocument.write(g, item, loss);
        }
        MediaRef m = item.primaryMedia();
        if (m == null) return;
        String folder = item.id().contains("/") ? item.id().substring(0, item.id().lastIndexOf('/') + 1) : "";
        String name = m.path().substring(m.path().lastIndexOf('/') + 1);
        if (!m.path().equals(folder + name)) loss.changed(null, "image path", "moved next to its document");
        copy(options, m.path(), out.resolve(folder + name), loss);
      }
    };
  }

  static void copy(WriteOptions options, String relative, Path dst, LossReport loss) throws IOException {
    if (options.mediaRoot() == null || relative.isEmpty()) return;
    Path src = options.mediaRoot().resolve(relative);
    if (!Files.isRegularFile(src)) {
      loss.dropped(null, "image file", "not found at the source, not copied");
      return;
    }
    if (Files.exists(dst)) return;
    Files.createDirectories(dst.getParent());
    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
  }
}
