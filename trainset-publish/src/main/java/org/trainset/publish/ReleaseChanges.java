package org.trainset.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trainset.core.Datasets;
import org.trainset.core.DatasetStats;
import org.trainset.core.io.InputException;
import org.trainset.core.json.ModelJson;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;

/**
 * What changed between two releases, compared on their native exports ({@code data/trainset}):
 * items added, removed and changed (by id; an item changed when its native JSON differs) and the
 * annotation counts by label in both. The sample is not compared: it is a view, not the data.
 */
public final class ReleaseChanges {
  /** Lists are sorted by item id; {@code byLabel} maps each label to {previous, current, delta}. */
  public record Result(List<String> added, List<String> removed, List<String> changed, long unchanged,
                       Map<String, Long> previousByLabel, Map<String, Long> currentByLabel) {
    /** {@code {"added", "removed", "changed", "unchanged"}} as counts (the full lists are in CHANGES.json). */
    public ObjectNode summaryJson() {
      ObjectNode o = ResultJson.object();
      o.put("added", added.size()).put("removed", removed.size()).put("changed", changed.size()).put("unchanged", unchanged);
      return o;
    }

    /** The whole of CHANGES.json. */
    public ObjectNode toJson() {
      ObjectNode o = summaryJson();
      o.set("addedItems", strings(added));
      o.set("removedItems", strings(removed));
      o.set("changedItems", strings(changed));
      ObjectNode labels = ResultJson.object();
      TreeSet<String> all = new TreeSet<>(previousByLabel.keySet());
      all.addAll(currentByLabel.keySet());
      for (String l : all) {
        long p = previousByLabel.getOrDefault(l, 0L);
        long c = currentByLabel.getOrDefault(l, 0L);
        labels.putObject(l).put("previous", p).put("current", c).put("delta", c - p);
      }
      o.set("byLabel", labels);
      return o;
    }

    private static ArrayNode strings(List<String> values) {
      ArrayNode a = ResultJson.array();
      values.forEach(a::add);
      return a;
    }
  }

  private ReleaseChanges() {}

  /** The native export inside a release folder. */
  static Path nativeExport(Path release, Format nativeFormat) {
    return release.resolve("data").resolve(nativeFormat.id());
  }

  public static Result compare(Path previousRelease, Path currentRelease, Format nativeFormat, ReadOptions options)
      throws IOException {
    Path prev = nativeExport(previousRelease, nativeFormat);
    if (!Files.isDirectory(prev)) {
      throw new InputException(previousRelease, "not-a-release",
          "not a release: it has no native export data/" + nativeFormat.id() + "/");
    }
    DatasetStats prevStats = new DatasetStats();
    DatasetStats curStats = new DatasetStats();
    Map<String, String> before = digests(nativeFormat, prev, options, prevStats);
    Map<String, String> after = digests(nativeFormat, nativeExport(currentRelease, nativeFormat), options, curStats);
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    long unchanged = 0;
    for (Map.Entry<String, String> e : after.entrySet()) {
      String old = before.get(e.getKey());
      if (old == null) added.add(e.getKey());
      else if (!old.equals(e.getValue())) changed.add(e.getKey());
      else unchanged++;
    }
    List<String> removed = new ArrayList<>();
    for (String id : before.keySet()) if (!after.containsKey(id)) removed.add(id);
    return new Result(added, removed, changed, unchanged, prevStats.byLabel(), curStats.byLabel());
  }

  /** Item id to the SHA-256 of its native JSON; a repeated id gets {@code #2}, {@code #3}… so none hides another. */
  private static Map<String, String> digests(Format format, Path root, ReadOptions options, DatasetStats stats)
      throws IOException {
    Map<String, String> out = new TreeMap<>();
    JsonFactory json = new JsonFactory();
    try (ItemCursor c = Datasets.cursor(format, root, Datasets.plan(format, root, options), options)) {
      for (Item item = c.next(); item != null; item = c.next()) {
        stats.add(item);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(buf)) {
          ModelJson.writeItem(g, item);
        }
        String key = item.id();
        for (int n = 2; out.containsKey(key); n++) key = item.id() + "#" + n;
        out.put(key, Checksums.sha256(buf.toByteArray()));
      }
    }
    return out;
  }
}
