package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.convert.ItemNames;
import org.trainset.core.convert.LossReport;
import org.trainset.core.convert.UniqueIds;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.WriteOptions;

/** The writer's state: staged images and annotation objects per subset and task. */
final class CocoStaging {
  private static final List<String> WRITTEN_TASKS = List.of("instances", "person_keypoints", "labels", "captions");
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicOutput out;
  private final DatasetSchema schema;
  private final WriteOptions options;
  private final LossReport loss;
  private final CocoCategories categories;
  private final Path work;
  private final Map<String, Subset> subsets = new LinkedHashMap<>();

  CocoStaging(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
    this.out = out;
    this.schema = schema;
    this.options = options;
    this.loss = loss;
    this.categories = new CocoCategories(schema, loss);
    this.work = Files.createDirectories(out.path().resolve(".work"));
    Files.createDirectories(out.path().resolve("annotations"));
  }

  /** A staged JSON array body: values separated by commas, ids unique within it. */
  private final class Staged implements AutoCloseable {
    final Path file;
    final JsonGenerator g;
    final UniqueIds ids;
    long count;

    Staged(String name, String what) throws IOException {
      file = work.resolve(name);
      ids = new UniqueIds(1, loss, what);
      g = mapper.getFactory().createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      g.setRootValueSeparator(new SerializedString(","));
    }

    void write(ObjectNode node) throws IOException {
      mapper.writeTree(g, node);
      count++;
    }

    @Override public void close() throws IOException {
      g.close();
    }
  }

  private final class Subset {
    final String name;
    final Staged images;
    final Map<String, Staged> tasks = new LinkedHashMap<>();

    Subset(String name) throws IOException {
      this.name = name;
      this.images = new Staged(name + ".images", "image");
    }

    Staged task(String task) throws IOException {
      Staged s = tasks.get(task);
      if (s == null) tasks.put(task, s = new Staged(name + "." + task, "annotation"));
      return s;
    }
  }

  void add(Item item) throws IOException {
    String subsetName = item.subset() == null ? CocoLayout.DEFAULT_SUBSET : item.subset();
    Subset subset = subsets.get(subsetName);
    if (subset == null) {
      subsets.put(subsetName, subset = new Subset(subsetName));
      subset.task("instances");
    }
    long imageId = subset.images.ids.assign(item.attributes().get("id"));
    subset.images.write(image(item, imageId, subset.name));
    for (CocoObjects.Obj o : CocoObjects.of(item, categories, loss)) {
      Staged task = subset.task(o.task());
      long id = task.ids.assign(o.meta().id());
      ObjectNode n = o.node();
      n.put("id", id);
      n.put("image_id", imageId);
      Integer g = o.meta().group();
      if (o.merged() && (g == null || g != id)) {
        if (g == null) CocoObjects.attributes(n).putNull("group"); else CocoObjects.attributes(n).put("group", g);
      }
      task.write(n);
    }
  }

  private ObjectNode image(Item item, long imageId, String subsetName) throws IOException {
    ObjectNode n = mapper.createObjectNode();
    n.put("id", imageId);
    MediaRef m = item.primaryMedia();
    if (item.media().size() > 1) loss.dropped(null, "media file", "beyond the first of an item");
    String prefix = "images/" + subsetName + "/";
    String fileName;
    if (m == null) {
      fileName = ItemNames.mediaFileName(item, "jpg");
      loss.changed(null, "file name", "item without media: made from the item id");
    } else {
      if (m.path().startsWith(prefix)) {
        fileName = m.path().substring(prefix.length());
      } else {
        // COCO names items by file name: keep the item id, with the media file's extension (once)
        fileName = ItemNames.stem(item) + (ItemNames.extension(m) != null ? "." + ItemNames.extension(m) : "");
        loss.changed(null, "image path", "re-rooted under images/<subset>/");
      }
      if (!m.info().isEmpty()) loss.dropped(null, "media info", null);
      if (m.kind() != org.trainset.core.model.MediaKind.IMAGE) loss.changed(null, "media kind", "non-image media listed as an image");
      if (options.copyMedia() && options.mediaRoot() != null) copy(m.path(), prefix + fileName);
    }
    if (item.width() != null) n.put("width", item.width());
    if (item.height() != null) n.put("height", item.height());
    n.put("file_name", fileName);
    if (!CocoCursor.itemId(fileName).equals(item.id())) loss.changed(null, "item id", "COCO names items by file name");
    for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
      String k = e.getKey();
      if (k.equals("id")) continue;
      if (k.equals("width") || k.equals("height") || k.equals("file_name")) {
        loss.dropped(null, "item attribute", "named like a COCO image key");
        continue;
      }
      n.set(k, mapper.valueToTree(JsonValues.normalise(e.getValue())));
    }
    return n;
  }

  private void copy(String from, String to) throws IOException {
    Path src = SafePaths.resolveInside(options.mediaRoot(), from);
    Path dst = out.resolve(to);
    Files.createDirectories(dst.getParent());
    Files.copy(src, dst);
  }

  /** Writes every task file from the (released) staged arrays, then drops the work folder. */
  void assemble() throws IOException {
    byte[] head = header();
    for (Subset s : subsets.values()) {
      for (String task : WRITTEN_TASKS) {
        Staged t = s.tasks.get(task);
        if (t == null) continue;
        Path file = out.path().resolve("annotations").resolve(task + "_" + s.name + ".json");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
          os.write(head);
          os.write(",\"images\":[".getBytes(StandardCharsets.UTF_8));
          Files.copy(s.images.file, os);
          os.write("],\"annotations\":[".getBytes(StandardCharsets.UTF_8));
          Files.copy(t.file, os);
          os.write("]}\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    AtomicOutput.deleteRecursively(work);
  }

  /** {@code {"licenses":…,"info":…,"categories":…} } without its closing brace. */
  private byte[] header() throws IOException {
    ObjectNode h = mapper.createObjectNode();
    Object licenses = schema.metadata().get("licenses");
    Object info = schema.metadata().get("info");
    h.set("licenses", licenses instanceof List<?> ? mapper.valueToTree(licenses) : mapper.createArrayNode());
    h.set("info", info instanceof Map<?, ?> ? mapper.valueToTree(info) : mapper.createObjectNode());
    for (String k : schema.metadata().keySet()) {
      if (!k.equals("licenses") && !k.equals("info")) loss.dropped(null, "dataset metadata '" + k + "'", null);
    }
    h.set("categories", categories.toJson());
    String text = mapper.writeValueAsString(h);
    return text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8);
  }

  /** Closes the staged arrays; safe to call twice (Jackson's generators ignore a second close). */
  void release() throws IOException {
    for (Subset s : subsets.values()) {
      s.images.close();
      for (Staged t : s.tasks.values()) t.close();
    }
  }
}
