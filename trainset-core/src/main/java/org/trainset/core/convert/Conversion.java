package org.trainset.core.convert;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.Datasets;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;

/** Streams a dataset from one format to another; the output appears only if all went well. */
public final class Conversion {
  private Conversion() {}

  /**
   * Counts of what was converted and what was lost.
   *
   * @param items           items in the output, as the target format's reader reads them back
   * @param annotations     annotations in the output, read back the same way
   * @param itemsRead       items read from the input
   * @param annotationsRead annotations read from the input
   * @param loss            what the target could not hold: it explains any difference
   */
  public record Result(long items, long annotations, long itemsRead, long annotationsRead, LossReport loss) {
    /** {@code {"items", "annotations", "itemsRead", "annotationsRead", "dropped": {what: count}, "changed": {what: count}, "losses": [entry…]}}. */
    public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
      var root = org.trainset.core.json.ResultJson.object();
      root.put("items", items).put("annotations", annotations);
      root.put("itemsRead", itemsRead).put("annotationsRead", annotationsRead);
      root.set("dropped", org.trainset.core.json.ResultJson.fromMap(new java.util.TreeMap<>(loss.droppedCounts())));
      root.set("changed", org.trainset.core.json.ResultJson.fromMap(new java.util.TreeMap<>(loss.changedCounts())));
      root.set("losses", loss.toJson());
      return root;
    }
  }

  public static Result run(Format from, Path input, Format to, Path output, ReadOptions readOptions,
                           boolean strict, Progress progress) throws IOException {
    return run(from, input, to, output, readOptions, strict, false, progress);
  }

  /** As above; with {@code copyMedia} the media files are copied into the output's own layout. */
  public static Result run(Format from, Path input, Format to, Path output, ReadOptions readOptions,
                           boolean strict, boolean copyMedia, Progress progress) throws IOException {
    return run(from, input, to, output, readOptions, new Options(strict, copyMedia, false), progress);
  }

  /**
   * How to convert.
   *
   * @param strict         fail on the first loss, writing nothing
   * @param copyMedia      copy media files into the output's own layout
   * @param tracksAsFrames write each video track's visible shapes as annotations of per-frame
   *                       image items ({@link TracksAsFrames}) instead of the video item
   */
  public record Options(boolean strict, boolean copyMedia, boolean tracksAsFrames) {}

  public static Result run(Format from, Path input, Format to, Path output, ReadOptions readOptions,
                           Options options, Progress progress) throws IOException {
    boolean strict = options.strict();
    boolean copyMedia = options.copyMedia();
    DatasetWriter writer = to.writer().orElseThrow(() ->
        new IllegalArgumentException("format '" + to.id() + "' cannot be written"));
    ReadPlan plan = Datasets.plan(from, input, readOptions);
    LossReport loss = new LossReport(strict);
    long total = plan.parts().stream().mapToLong(p -> p.estimatedBytes()).sum();
    long items = 0;
    long annotations = 0;
    Path mediaRoot = plan.mediaRootFor(input);
    progress.start("convert " + from.id() + " -> " + to.id(), total > 0 ? total : -1);
    try (ItemSink sink = writer.open(output, plan.schema(), new WriteOptions(mediaRoot, copyMedia), loss);
         ItemCursor cursor = Datasets.cursor(from, input, plan, readOptions)) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        loss.atItem(item.id());
        if (!writer.keepsDocuments()) {
          for (var d : item.documents()) loss.dropped(null, "document (" + d.role() + ")", "'" + to.id() + "' has no place for attached documents");
        }
        if (options.tracksAsFrames()) {
          for (Item frame : TracksAsFrames.split(item, mediaRoot, loss)) sink.accept(frame);
        } else {
          sink.accept(item);
        }
        items++;
        annotations += item.annotations().size();
        progress.advance(total > 0 ? cursor.bytesRead() : items);
      }
      loss.atItem(null); // what the end of the dataset loses belongs to no one item
      sink.commit();
    } finally {
      progress.finish();
    }
    if (to.reader().isEmpty()) return new Result(items, annotations, items, annotations, loss);
    // What a user of the output gets is what the target's reader finds there, not what went in:
    // a YOLO label file without its image, or a mask YOLO cannot hold, is no item or annotation.
    long[] written = readBack(to, output, readOptions, progress);
    return new Result(written[0], written[1], items, annotations, loss);
  }

  private static long[] readBack(Format to, Path output, ReadOptions readOptions, Progress progress) throws IOException {
    ReadPlan plan = Datasets.plan(to, output, readOptions);
    long items = 0;
    long annotations = 0;
    progress.start("count what was written", -1);
    try (ItemCursor cursor = Datasets.cursor(plan, readOptions)) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        items++;
        annotations += item.annotations().size();
        progress.advance(items);
      }
    } finally {
      progress.finish();
    }
    return new long[] {items, annotations};
  }
}
