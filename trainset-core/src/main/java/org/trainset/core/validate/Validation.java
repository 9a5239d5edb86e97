package org.trainset.core.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.DatasetSource;
import org.trainset.core.issue.Issue;
import org.trainset.core.json.ResultJson;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;

/**
 * The validate use case: stream a dataset once through {@link DatasetValidator} and collect every
 * problem, the reader's recoverable ones (dangling references) included.
 *
 * <p>Two entry points: {@link #run(Format, Path, ReadOptions, Progress)} for files (plans them
 * with the format's reader, collecting planning problems too), and {@link #run(DatasetSource, Progress)}
 * for an already-opened source, e.g. the server's items from its database
 * ({@link DatasetSource#of(org.trainset.core.model.DatasetSchema, DatasetSource.Cursors)}).
 */
public final class Validation {
  private Validation() {}

  /**
   * What validation found.
   *
   * @param format the format id, or null for a source without files
   * @param items  items read
   * @param issues every problem, in the order found
   * @param media  whether the media files exist, or null when not checked (no media root)
   */
  public record Result(String format, long items, List<Issue> issues, MediaCheck.Summary media) {
    public Result {
      issues = List.copyOf(issues);
    }

    public Result(String format, long items, List<Issue> issues) {
      this(format, items, issues, null);
    }

    public boolean clean() {
      return issues.isEmpty();
    }

    /** {@code {"format", "items", "problems": count, "findings": [issue…]}}. */
    public ObjectNode toJson() {
      ObjectNode root = ResultJson.object();
      if (format != null) root.put("format", format);
      root.put("items", items).put("problems", issues.size());
      ArrayNode arr = root.putArray("findings");
      issues.forEach(i -> arr.add(i.toJson()));
      if (media != null) root.set("media", media.toJson());
      return root;
    }
  }

  /** Validates the dataset at {@code input}; reader problems are collected, not fatal. */
  public static Result run(Format format, Path input, ReadOptions options, Progress progress) throws IOException {
    return run(format, input, options, true, progress);
  }

  /** As above; with {@code checkMedia} false the media files are not looked for. */
  public static Result run(Format format, Path input, ReadOptions options, boolean checkMedia, Progress progress)
      throws IOException {
    List<Issue> planning = new ArrayList<>();
    DatasetSource source = DatasetSource.open(format, input, options.withProblems(planning::add));
    return run(source, planning, checkMedia, progress);
  }

  /** Validates an opened source (files or database items); media are checked when it has a media root. */
  public static Result run(DatasetSource source, Progress progress) throws IOException {
    return run(source, List.of(), true, progress);
  }

  private static Result run(DatasetSource source, List<Issue> earlier, boolean checkMedia, Progress progress)
      throws IOException {
    List<Issue> issues = new ArrayList<>(earlier);
    ProblemSink collect = issues::add;
    DatasetValidator validator = new DatasetValidator(source.schema(), collect);
    MediaCheck media = checkMedia && source.mediaRoot() != null ? new MediaCheck(source.mediaRoot()) : null;
    long total = source.estimatedBytes();
    long items = 0;
    progress.start("validate", total > 0 ? total : -1);
    try (ItemCursor cursor = source.open(collect)) {
      for (Item i = cursor.next(); i != null; i = cursor.next()) {
        validator.check(i);
        if (media != null) media.check(i);
        items++;
        if ((items & 255) == 0) progress.advance(total > 0 ? cursor.bytesRead() : items);
      }
    } finally {
      progress.finish();
    }
    MediaCheck.Summary summary = media == null ? null : media.summary();
    if (summary != null && summary.missing() > 0) {
      // One problem for all of them: a folder of annotations without its images is one fact.
      issues.add(Issue.error("missing-media", summary.message(source.mediaRoot())));
    }
    return new Result(source.formatId(), items, issues, summary);
  }
}
