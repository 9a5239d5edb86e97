package org.trainset.core.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.trainset.core.DatasetSource;
import org.trainset.core.DatasetStats;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;

/**
 * The stats use case ({@code trainset stats}, the server's project statistics): one streaming
 * pass counting items and annotations by type, label and subset, and media by kind.
 *
 * <p>Entry points: {@link #run(Format, Path, ReadOptions, Progress)} for files, and
 * {@link #run(DatasetSource, Progress)} for an already-opened source such as the server's items
 * ({@link DatasetSource#of(org.trainset.core.model.DatasetSchema, DatasetSource.Cursors)}).
 */
public final class Statistics {
  private Statistics() {}

  /**
   * The counts; maps are sorted by key.
   *
   * @param format         the format id, or null for a source without files
   * @param labelsDeclared labels the schema declares
   */
  public record Result(String format, long items, long annotations, Map<String, Long> byType,
                       Map<String, Long> byLabel, Map<String, Long> bySubset, Map<String, Long> media,
                       int labelsDeclared) {
    public Result {
      byType = sorted(byType);
      byLabel = sorted(byLabel);
      bySubset = sorted(bySubset);
      media = sorted(media);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
      return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counts));
    }

    static Result of(String format, DatasetStats s, int labelsDeclared) {
      return new Result(format, s.items(), s.annotations(), s.byType(), s.byLabel(), s.bySubset(), s.mediaByKind(),
          labelsDeclared);
    }

    /** {@code {"format", "items", "annotations", "byType", "byLabel", "bySubset", "media", "labelsDeclared"}}. */
    public ObjectNode toJson() {
      ObjectNode root = ResultJson.object();
      if (format != null) root.put("format", format);
      root.put("items", items).put("annotations", annotations);
      root.set("byType", ResultJson.fromMap(byType));
      root.set("byLabel", ResultJson.fromMap(byLabel));
      root.set("bySubset", ResultJson.fromMap(bySubset));
      root.set("media", ResultJson.fromMap(media));
      root.put("labelsDeclared", labelsDeclared);
      return root;
    }
  }

  public static Result run(Format format, Path input, ReadOptions options, Progress progress) throws IOException {
    return run(DatasetSource.open(format, input, options), progress);
  }

  public static Result run(DatasetSource source, Progress progress) throws IOException {
    DatasetStats stats = new DatasetStats();
    long total = source.estimatedBytes();
    progress.start("stats", total > 0 ? total : -1);
    try (ItemCursor cursor = source.open(null)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        stats.add(i);
        if ((stats.items() & 255) == 0) progress.advance(total > 0 ? cursor.bytesRead() : stats.items());
      }
    } finally {
      progress.finish();
    }
    return Result.of(source.formatId(), stats, source.schema().labels().size());
  }
}
