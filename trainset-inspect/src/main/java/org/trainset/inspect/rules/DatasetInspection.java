package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemCursor;

/**
 * One streaming pass of an {@link Inspector} over a cursor: each item's findings go to the
 * listener as the item is read (for reports), dataset findings come back at the end. Memory is
 * one item plus the dataset rules' accumulators.
 */
public final class DatasetInspection {
  private DatasetInspection() {}

  /** Receives each item with its findings (possibly none). */
  @FunctionalInterface
  public interface ItemListener {
    void item(Item item, List<Issue> findings) throws IOException;
  }

  /** What a pass found at dataset level, and how many items it read. */
  public record Result(long items, List<Issue> datasetFindings) { }

  public static Result run(Inspector inspector, ItemCursor cursor, ItemListener listener, Progress progress,
                           long totalBytes) throws IOException {
    InspectionRun run = inspector.newRun();
    progress.start("inspect", totalBytes);
    List<Issue> itemFindings = new ArrayList<>();
    for (Item item = cursor.next(); item != null; item = cursor.next()) {
      itemFindings.clear();
      run.add(item, itemFindings::add);
      listener.item(item, itemFindings);
      if ((run.items() & 1023) == 0) progress.advance(cursor.bytesRead());
    }
    List<Issue> datasetFindings = new ArrayList<>();
    run.finish(datasetFindings::add);
    progress.finish();
    return new Result(run.items(), List.copyOf(datasetFindings));
  }
}
