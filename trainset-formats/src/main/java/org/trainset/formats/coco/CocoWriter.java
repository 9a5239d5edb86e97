package org.trainset.formats.coco;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes Datumaro's COCO layout: {@code annotations/instances_<subset>.json} (always; it lists
 * every image) plus {@code person_keypoints_}, {@code labels_} and {@code captions_<subset>.json}
 * when there are keypoints, tags or captions. Items stream: images and each task's annotation
 * objects are staged to temporary files and assembled into the final JSON at commit, so memory
 * stays bounded; the folder appears only on commit ({@link AtomicOutput}).
 */
final class CocoWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    try {
      return new Sink(out, schema, options, loss);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static final class Sink extends StagedSink {
    private final CocoStaging staging;

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
      super(out, schema, options, loss);
      this.staging = new CocoStaging(out, schema, options, loss);
    }

    @Override public void accept(Item item) throws IOException {
      staging.add(item);
    }

    /** The staged image and annotation arrays are closed (on commit and on a failed run alike). */
    @Override protected void release() throws IOException {
      staging.release();
    }

    /** Each task file is assembled from the staged arrays: only the end knows every category. */
    @Override protected void finish() throws IOException {
      staging.assemble();
    }
  }
}
