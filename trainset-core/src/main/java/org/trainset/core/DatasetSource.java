package org.trainset.core;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;

/**
 * An already-opened dataset, as the use-case services ({@code Validation}, {@code Statistics},
 * {@code Inspection}, {@code Split}) take it: a schema and a way to stream the items from the
 * start, any number of times. Two kinds exist:
 * <ul>
 *   <li>{@link #of(Format, Path, ReadPlan, ReadOptions)}: files read by a format's
 *       {@code DatasetReader} (what the CLI gives, via {@link #open(Format, Path, ReadOptions)});</li>
 *   <li>{@link #of(DatasetSchema, Cursors)}: items from anywhere else, e.g. the server's
 *       database. Such a source has no files: {@link #location()} and {@link #mediaRoot()} are null
 *       unless given with {@link #withMediaRoot}.</li>
 * </ul>
 */
public interface DatasetSource {
  /** Opens a cursor over all items from the start; recoverable reading problems go to {@code problems}. */
  @FunctionalInterface
  interface Cursors {
    ItemCursor open(ProblemSink problems) throws IOException;
  }

  DatasetSchema schema();

  /**
   * A new cursor over all items. A file-backed source sends recoverable reader problems
   * (dangling references) to {@code problems}; null keeps the read options' own sink.
   */
  ItemCursor open(ProblemSink problems) throws IOException;

  /** Rough size in bytes for progress, 0 when unknown. */
  default long estimatedBytes() {
    return 0;
  }

  /** The format's id, or null when the items do not come from files. */
  default String formatId() {
    return null;
  }

  /** The file or folder the items come from (for messages), or null. */
  default Path location() {
    return null;
  }

  /** Where the items' relative media paths start ({@link ReadPlan#mediaRootFor}), or null. */
  default Path mediaRoot() {
    return null;
  }

  /** This source with another media root (e.g. given by the user). */
  default DatasetSource withMediaRoot(Path root) {
    DatasetSource self = this;
    return new DatasetSource() {
      @Override public DatasetSchema schema() { return self.schema(); }
      @Override public ItemCursor open(ProblemSink problems) throws IOException { return self.open(problems); }
      @Override public long estimatedBytes() { return self.estimatedBytes(); }
      @Override public String formatId() { return self.formatId(); }
      @Override public Path location() { return self.location(); }
      @Override public Path mediaRoot() { return root; }
    };
  }

  /** Plans {@code input} with {@code format}'s reader; planning problems go to {@code options}' sink. */
  static DatasetSource open(Format format, Path input, ReadOptions options) throws IOException {
    return of(format, input, Datasets.plan(format, input, options), options);
  }

  /** A planned file dataset; its media root is {@link ReadPlan#mediaRootFor}{@code (input)}. */
  static DatasetSource of(Format format, Path input, ReadPlan plan, ReadOptions options) {
    Path root = plan.mediaRootFor(input);
    long bytes = plan.parts().stream().mapToLong(p -> p.estimatedBytes()).sum();
    return new DatasetSource() {
      @Override public DatasetSchema schema() { return plan.schema(); }
      @Override public ItemCursor open(ProblemSink problems) {
        return Datasets.cursor(format, input, plan, problems == null ? options : options.withProblems(problems));
      }
      @Override public long estimatedBytes() { return bytes; }
      @Override public String formatId() { return format.id(); }
      @Override public Path location() { return input; }
      @Override public Path mediaRoot() { return root; }
    };
  }

  /** Items from elsewhere (a database): the schema and a way to open a cursor over them. */
  static DatasetSource of(DatasetSchema schema, Cursors cursors) {
    return new DatasetSource() {
      @Override public DatasetSchema schema() { return schema; }
      @Override public ItemCursor open(ProblemSink problems) throws IOException { return cursors.open(problems); }
    };
  }
}
