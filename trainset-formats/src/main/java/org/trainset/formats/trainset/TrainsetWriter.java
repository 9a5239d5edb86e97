package org.trainset.formats.trainset;

import org.trainset.core.spi.StagedSink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.json.ModelJson;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/** Streams items into shards of {@link #SHARD_ITEMS} lines; nothing is visible before commit. */
final class TrainsetWriter implements DatasetWriter {
  /** Items per shard: small enough to split work across Spark tasks, large enough to stay few. */
  static final int SHARD_ITEMS = 100_000;

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  @Override public boolean keepsDocuments() {
    return true;
  }

  private static final class Sink extends StagedSink {
    private final JsonFactory json = new JsonFactory();
    private BufferedWriter shard;
    private int shardIndex = -1;
    private int inShard;

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
      super(out, schema, options, loss);
      Files.createDirectories(out.path().resolve(TrainsetFormat.ITEMS_DIR));
    }

    @Override public void accept(Item item) throws IOException {
      if (shard == null || inShard == SHARD_ITEMS) nextShard();
      if (options.copyMedia() && options.mediaRoot() != null) item = copyMedia(item);
      JsonGenerator g = json.createGenerator(shard);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      ModelJson.writeItem(g, item);
      g.flush();
      shard.write('\n');
      inShard++;
    }

    private Item copyMedia(Item item) throws IOException {
      List<MediaRef> media = new ArrayList<>();
      for (MediaRef m : item.media()) {
        Path src = SafePaths.resolveInside(options.mediaRoot(), m.path());
        String rel = "media/" + m.path();
        Path dst = out.resolve(rel);
        Files.createDirectories(dst.getParent());
        Files.copy(src, dst);
        media.add(m.withPath(rel));
      }
      List<ItemDocument> docs = new ArrayList<>();
      for (ItemDocument d : item.documents()) {
        if (d.path() == null) {
          docs.add(d);
          continue;
        }
        String rel = "media/" + d.path();
        Path dst = out.resolve(rel);
        Files.createDirectories(dst.getParent());
        if (!Files.exists(dst)) Files.copy(SafePaths.resolveInside(options.mediaRoot(), d.path()), dst);
        docs.add(d.withPath(rel));
      }
      return item.withMedia(media).withDocuments(docs);
    }

    private void nextShard() throws IOException {
      if (shard != null) shard.close();
      shardIndex++;
      inShard = 0;
      Path p = out.path().resolve(TrainsetFormat.ITEMS_DIR).resolve(String.format("part-%05d.jsonl", shardIndex));
      shard = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    @Override protected void release() throws IOException {
      if (shard != null) shard.close();
      shard = null;
    }

    @Override protected void finish() throws IOException {
      try (OutputStream os = Files.newOutputStream(out.path().resolve(TrainsetFormat.SCHEMA_FILE));
           JsonGenerator g = json.createGenerator(os).useDefaultPrettyPrinter()) {
        g.writeStartObject();
        g.writeStringField("format", TrainsetFormat.MARKER);
        g.writeNumberField("version", 1);
        if (!options.copyMedia() && options.mediaRoot() != null) {
          // Media stay where they are; record where their relative paths start.
          g.writeStringField("mediaRoot", options.mediaRoot().toAbsolutePath().normalize().toString());
        }
        g.writeFieldName("schema");
        ModelJson.writeSchema(g, schema);
        g.writeEndObject();
      }
    }
  }
}
