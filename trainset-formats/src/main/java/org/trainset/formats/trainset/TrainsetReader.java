package org.trainset.formats.trainset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.json.ModelJson;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** Plans one part per shard; each part reads its shard line by line. */
final class TrainsetReader implements DatasetReader {
  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    Path schemaFile = dir.resolve(TrainsetFormat.SCHEMA_FILE);
    if (!Files.isRegularFile(schemaFile)) {
      throw new InputException(dir, "missing-file", "no " + TrainsetFormat.SCHEMA_FILE + " here");
    }
    options.limits().checkFileSize(schemaFile);
    ObjectMapper mapper = Json.mapper(options.limits());
    JsonNode root0;
    try {
      root0 = mapper.readTree(schemaFile.toFile());
    } catch (JsonProcessingException e) {
      throw Json.inputError(schemaFile, e);
    }
    if (root0 == null || !TrainsetFormat.MARKER.equals(root0.path("format").asText())) {
      throw new InputException(schemaFile, "not-trainset", "missing \"format\": \"" + TrainsetFormat.MARKER + "\"");
    }
    DatasetSchema schema;
    try {
      schema = ModelJson.readSchema(root0.path("schema"));
    } catch (IllegalArgumentException e) {
      throw new InputException(schemaFile, "schema", e.getMessage());
    }
    List<ReadPart> parts = new ArrayList<>();
    Path items = dir.resolve(TrainsetFormat.ITEMS_DIR);
    if (Files.isDirectory(items)) {
      for (Path shard : DatasetFolder.files(items, 1, p -> p.getFileName().toString().endsWith(".jsonl"), options.problems())) {
        parts.add(new ShardPart(shard.toAbsolutePath().toString(), Files.size(shard)));
      }
    }
    // Media stayed where the source had them (recorded at write time) or were copied in here.
    String mediaRoot = root0.hasNonNull("mediaRoot") ? root0.get("mediaRoot").asText() : dir.toAbsolutePath().toString();
    return new ReadPlan(schema, parts, mediaRoot);
  }

  /** One JSON Lines shard. Holds only the path so it serialises to other machines. */
  record ShardPart(String path, long size) implements ReadPart {
    @Override public String describe() { return path; }
    @Override public long estimatedBytes() { return size; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      Path file = options.storage().local(path);
      options.limits().checkFileSize(file);
      return new ShardCursor(file, org.trainset.core.io.TextFiles.newReader(file), Json.mapper(options.limits()));
    }
  }

  private static final class ShardCursor implements ItemCursor {
    private final Path file;
    private final BufferedReader in;
    private final ObjectMapper mapper;
    private long line;
    private long bytes;

    ShardCursor(Path file, BufferedReader in, ObjectMapper mapper) {
      this.file = file;
      this.in = in;
      this.mapper = mapper;
    }

    @Override public Item next() throws IOException {
      String text;
      do {
        text = in.readLine();
        if (text == null) return null;
        line++;
        bytes += text.length() + 1;
      } while (text.isBlank());
      JsonNode node;
      try {
        node = mapper.readTree(text);
      } catch (JsonProcessingException e) {
        var loc = e.getLocation();
        throw new InputException(file, line, loc == null ? -1 : loc.getColumnNr(), null, "json-syntax",
            e.getOriginalMessage(), e);
      }
      try {
        return ModelJson.readItem(node);
      } catch (IllegalArgumentException e) {
        throw new InputException(file, line, -1, node.path("id").asText(null), "item", e.getMessage(), e);
      }
    }

    @Override public long bytesRead() { return bytes; }
    @Override public void close() throws IOException { in.close(); }
  }
}
