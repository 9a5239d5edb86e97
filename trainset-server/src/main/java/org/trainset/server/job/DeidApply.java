package org.trainset.server.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.refine.deid.Method;
import org.trainset.refine.deid.OpenCv;
import org.trainset.refine.deid.Region;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.media.MediaStore;

/**
 * Applies a de-identification job: each image's face and license-plate boxes (the item's
 * annotations: drafts people accepted and regions they drew) are blurred with the refine
 * module's {@link Method#BLUR} into a publishable copy kept in the media store; the original file
 * stays as it is. Each copy is recorded ({@code deid_copies}) and the application is audited.
 */
public final class DeidApply {
  /** Labels blurred, as {@code trainset deid images} names its regions. */
  public static final Set<String> LABELS = Set.of("face", "license_plate");

  private final Database db;
  private final Jobs jobs;
  private final Items items;
  private final MediaStore media;
  private final AuditLog audit;
  private final Clock clock;

  public DeidApply(Database db, Jobs jobs, Items items, MediaStore media, AuditLog audit, Clock clock) {
    this.db = db;
    this.jobs = jobs;
    this.items = items;
    this.media = media;
    this.audit = audit;
    this.clock = clock;
  }

  public ObjectNode apply(Principal p, String jobId) throws IOException {
    Job job = jobs.requireVisible(p, jobId);
    if (!Job.DEID.equals(job.kind())) throw ApiException.conflict("job " + jobId + " is not a de-identification job (kind deid)");
    OpenCv.load();
    int images = 0;
    int regions = 0;
    List<String> itemIds = jobs.itemIds(job);
    for (String itemId : itemIds) {
      StoredItem s = items.find(itemId).orElse(null);
      StoredItem.MediaFile f = s == null ? null : s.firstMedia().orElse(null);
      if (f == null) continue;
      Item item = ItemCodec.item(s.body(), s.annotations());
      List<Region> found = new ArrayList<>();
      for (Annotation a : item.annotations()) {
        if (a instanceof Box b && LABELS.contains(b.label()) && b.width() >= 1 && b.height() >= 1) {
          found.add(new Region((int) Math.floor(b.x()), (int) Math.floor(b.y()), (int) Math.ceil(b.width()), (int) Math.ceil(b.height()),
              b.label(), "job:" + jobId));
        }
      }
      String sha = blur(media.pathOf(f.sha256()), item.primaryMedia().path(), found);
      if (sha == null) continue;
      images++;
      regions += found.size();
      long now = clock.millis();
      int n = found.size();
      db.write(c -> {
        Sql.update(c, "DELETE FROM deid_copies WHERE item_id = ? AND idx = 0", itemId);
        Sql.update(c, "INSERT INTO deid_copies (item_id, idx, sha256, regions, job_id, applied_by, applied_at) VALUES (?, 0, ?, ?, ?, ?, ?)",
            itemId, sha, n, jobId, p.userId(), now);
        return null;
      });
    }
    ObjectNode result = Http.object().put("items", itemIds.size()).put("images", images).put("regions", regions);
    audit.append(p.userId(), "deid.apply", "job", jobId, result.deepCopy());
    return result;
  }

  /** The blurred copy's SHA-256 in the media store, or null when the file is not a readable image. */
  private String blur(Path original, String name, List<Region> regions) throws IOException {
    Mat image = Imgcodecs.imread(original.toAbsolutePath().toString(), Imgcodecs.IMREAD_COLOR);
    try {
      if (image.empty()) return null;
      for (Region r : regions) {
        Region clipped = r.clip(image.cols(), image.rows());
        if (clipped != null) Method.BLUR.apply(image, clipped);
      }
      String lower = name.toLowerCase(Locale.ROOT);
      String ext = lower.endsWith(".png") ? ".png" : ".jpg";
      Path tmp = Files.createTempFile("trainset-deid", ext);
      try {
        boolean ok = ext.equals(".png") ? Imgcodecs.imwrite(tmp.toString(), image)
            : Imgcodecs.imwrite(tmp.toString(), image, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
        if (!ok) throw new IOException("could not write the de-identified copy of " + name);
        return media.put(tmp).sha256();
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      image.release();
    }
  }
}
