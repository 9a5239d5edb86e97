package org.trainset.server.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Events between the platform's stages, so the annotate stage (jobs) and the review stage
 * (workflows) do not call each other's classes: a submitted job's items enter review; a
 * reviewer's reject returns an item to its author. Listeners run synchronously on the caller's
 * thread after the caller's transaction committed; a listener that throws fails the request.
 */
public final class WorkEvents {
  /** A job was submitted: its items enter the project's first review stage. */
  public record Submitted(String projectId, String jobId, List<String> itemIds, String authorId, long at) {
    public Submitted {
      itemIds = List.copyOf(itemIds);
    }
  }

  /** A reviewer rejected an item: it goes back to its author (the job reopens for it). */
  public record Returned(String projectId, String itemId, String reviewerId, String reason, long at) {}

  private final List<Consumer<Submitted>> submitted = new CopyOnWriteArrayList<>();
  private final List<Consumer<Returned>> returned = new CopyOnWriteArrayList<>();

  public void onSubmitted(Consumer<Submitted> listener) {
    submitted.add(listener);
  }

  public void onReturned(Consumer<Returned> listener) {
    returned.add(listener);
  }

  public void submitted(Submitted e) {
    for (Consumer<Submitted> l : submitted) l.accept(e);
  }

  public void returned(Returned e) {
    for (Consumer<Returned> l : returned) l.accept(e);
  }
}
