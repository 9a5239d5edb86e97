package org.trainset.families.cctv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/** Writes {@code <item id>.xml} per clip and copies its MP4 beside it when the source is at hand. */
final class CctvWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        Path xml = out.resolve(item.id() + ".xml");
        Files.createDirectories(xml.getParent());
        try (OutputStream os = Files.newOutputStream(xml)) {
          CctvXmlWriter.write(item, os, loss);
        }
        if (item.media().size() > 1) loss.dropped(null, "media", "beyond the clip's MP4");
        if (item.primaryMedia() == null) return;
        Path dst = out.resolve(item.id() + ".mp4");
        Path src = options.mediaRoot() == null ? null : options.mediaRoot().resolve(item.primaryMedia().path());
        if (src != null && Files.isRegularFile(src)) {
          Files.copy(src, dst);
        } else {
          loss.dropped(null, "MP4 file", "not found at the source, not copied");
        }
      }
    };
  }
}
