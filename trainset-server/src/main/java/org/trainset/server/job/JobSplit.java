package org.trainset.server.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.progress.Progress;
import org.trainset.refine.images.ImageCluster;
import org.trainset.refine.images.ImageDedup;
import org.trainset.refine.video.VideoProbe;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.media.MediaStore;
import org.trainset.server.predict.Detections;
import org.trainset.server.predict.Drafts;
import org.trainset.server.project.Project;

/**
 * Plans a split before anything is written: which items go in which job (N per job, per subset,
 * one set per aspect), the frames sampled from video items, for de-identification jobs the
 * regions the refine module's detectors find (stored as drafts with the jobs) and for dedup jobs
 * the near-duplicate clusters of their images. {@link Jobs#create} writes the whole plan in one
 * transaction, so a split that fails part-way leaves no jobs behind.
 */
public final class JobSplit {
  /** One item of a planned job, with its sampled frames (JSON array) or null. */
  public record PlannedItem(String itemId, String framesJson, List<Drafts.NewDraft> drafts) {}

  /** One planned job; {@code clusters} are a dedup job's (empty for other kinds). */
  public record Planned(String subset, String aspect, List<PlannedItem> items, List<ImageCluster> clusters) {}

  /** One job as laid out from the free items, before any item is prepared. */
  private record Layout(String subset, String aspect, List<Row> rows) {}

  private final Database db;
  private final Items items;
  private final MediaStore media;
  private final Detections detections;

  public JobSplit(Database db, Items items, MediaStore media, Detections detections) {
    this.db = db;
    this.items = items;
    this.media = media;
    this.detections = detections;
  }

  private record Row(String id, String name, String subset, String body) {}

  /** True when some current item is in no job of the request's kind and aspect (a database read only). */
  public boolean anythingToSplit(Project project, JobRequest req) {
    return !layout(project, req).isEmpty();
  }

  /**
   * The plan; {@code progress} hears the fraction of items (and dedup jobs) prepared, and a split
   * whose {@code cancelled} turns true stops with a {@link CancellationException} before writing.
   */
  public List<Planned> plan(Project project, JobRequest req, DoubleConsumer progress, BooleanSupplier cancelled) {
    List<Layout> layout = layout(project, req);
    Map<String, PlannedItem> prepared = new LinkedHashMap<>();
    long steps = layout.stream().flatMap(l -> l.rows().stream()).map(Row::id).distinct().count()
        + (Job.DEDUP.equals(req.kind()) ? layout.size() : 0);
    long done = 0;
    List<Planned> out = new ArrayList<>();
    for (Layout l : layout) {
      List<PlannedItem> its = new ArrayList<>();
      for (Row r : l.rows()) {
        if (cancelled.getAsBoolean()) throw new CancellationException("cancelled while preparing the jobs");
        PlannedItem it = prepared.get(r.id());
        if (it == null) {
          prepared.put(r.id(), it = prepare(r, req));
          progress.accept(++done / (double) steps);
        }
        its.add(it);
      }
      List<ImageCluster> clusters = List.of();
      if (Job.DEDUP.equals(req.kind())) {
        clusters = clusters(its);
        progress.accept(++done / (double) steps);
      }
      out.add(new Planned(l.subset(), l.aspect(), its, clusters));
    }
    return out;
  }

  /** The jobs the free items fall into: per aspect, per subset when asked, {@code size} at a time. */
  private List<Layout> layout(Project project, JobRequest req) {
    List<String> aspects = req.aspects().isEmpty() ? java.util.Collections.singletonList(null) : req.aspects();
    List<Layout> out = new ArrayList<>();
    for (String aspect : aspects) {
      List<Row> free = db.read(c -> Sql.list(c, "SELECT id, name, subset, body FROM items WHERE project_id = ? AND generation = ? "
          + "AND id NOT IN (SELECT ji.item_id FROM job_items ji JOIN jobs j ON j.id = ji.job_id WHERE j.project_id = ? "
          + "AND j.kind = ? AND COALESCE(j.aspect, '') = ?) ORDER BY seq",
          rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
          project.id(), project.generation(), project.id(), req.kind(), aspect == null ? "" : aspect));
      Map<String, List<Row>> groups = new LinkedHashMap<>();
      for (Row r : free) groups.computeIfAbsent(req.bySubset() ? String.valueOf(r.subset()) : "", k -> new ArrayList<>()).add(r);
      for (var g : groups.entrySet()) {
        List<Row> rows = g.getValue();
        int size = req.size() == null ? rows.size() : req.size();
        for (int from = 0; from < rows.size(); from += size) {
          out.add(new Layout(req.bySubset() ? rows.get(0).subset() : null, aspect, rows.subList(from, Math.min(rows.size(), from + size))));
        }
      }
    }
    return out;
  }

  /** A dedup job's near-duplicate clusters among its items' images (what {@code trainset dedup images} finds). */
  private List<ImageCluster> clusters(List<PlannedItem> its) {
    List<String> ids = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (PlannedItem it : its) {
      StoredItem s = items.find(it.itemId()).orElse(null);
      ids.add(it.itemId());
      files.add(s == null ? null : mediaFile(s));
    }
    try {
      return ImageDedup.cluster(ids, files, DedupJobs.OPTIONS, Progress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the planned drafts (deid detections) inside the jobs' transaction. */
  void storeDrafts(Connection c, Project project, List<Planned> planned, Principal p, long now) throws SQLException {
    java.util.Set<String> done = new java.util.HashSet<>();
    for (Planned j : planned) {
      for (PlannedItem it : j.items()) {
        if (!done.add(it.itemId())) continue;
        for (Drafts.NewDraft d : it.drafts()) Drafts.insert(c, it.itemId(), project.id(), d, p.userId(), now);
      }
    }
  }

  private PlannedItem prepare(Row r, JobRequest req) {
    Item item;
    try {
      item = ItemCodec.item(r.body(), "[]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String frames = null;
    List<Drafts.NewDraft> drafts = List.of();
    boolean video = item.primaryMedia() != null && item.primaryMedia().kind() == MediaKind.VIDEO;
    if (req.frameRate() != null && video) frames = frames(r, item, req.frameRate());
    if (Job.DEID.equals(req.kind()) && item.primaryMedia() != null && item.primaryMedia().kind() == MediaKind.IMAGE) {
      StoredItem s = items.find(r.id()).orElseThrow();
      Path file = mediaFile(s);
      if (file != null) drafts = detections.regions(file);
    }
    return new PlannedItem(r.id(), frames, drafts);
  }

  /** Frame indices at {@code rate} per second from the clip's probed frame rate and length (ffprobe). */
  private String frames(Row r, Item item, double rate) {
    StoredItem s = items.find(r.id()).orElseThrow();
    Path file = mediaFile(s);
    if (file == null) throw ApiException.conflict("frameRate: video of item '" + r.name() + "' was not imported; cannot sample frames");
    VideoProbe probe;
    try {
      probe = VideoProbe.of(file);
    } catch (IOException e) {
      throw ApiException.conflict("frameRate: item '" + r.name() + "': " + e.getMessage());
    }
    double fps = (double) probe.rateNum() / probe.rateDen();
    long total = probe.frames() > 0 ? probe.frames() : (long) Math.floor(probe.duration() * fps);
    ArrayNode arr = Http.MAPPER.createArrayNode();
    long last = -1;
    for (long k = 0; ; k++) {
      long f = Math.round(k * fps / rate);
      if (f >= total) break;
      if (f != last) arr.add(f);
      last = f;
    }
    return arr.toString();
  }

  private Path mediaFile(StoredItem s) {
    for (StoredItem.MediaFile f : s.media()) {
      if (f.index() == 0 && f.sha256() != null) return media.pathOf(f.sha256());
    }
    return null;
  }
}
