package org.trainset.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.Conversion;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.http.Http;
import org.trainset.server.item.ProjectDataset;
import org.trainset.server.media.MediaStore;
import org.trainset.server.project.Project;

/**
 * Exports a project to any writable format with the library's {@link Conversion}: the project's
 * items are the source, the format's writer the target; the output folder and its loss report
 * are zipped into the operation's folder for download.
 */
public final class Exports {
  private final Operations operations;
  private final Database db;
  private final MediaStore media;
  private final FormatRegistry formats;
  /** Files other stages add to a project's export (the review history); each writes into the export's folder. */
  private final java.util.List<Extra> extras = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Something written next to the exported data. */
  @FunctionalInterface
  public interface Extra {
    void write(Project project, Path folder) throws java.io.IOException;
  }

  public void addExtra(Extra extra) {
    extras.add(extra);
  }

  public Exports(Operations operations, Database db, MediaStore media, FormatRegistry formats) {
    this.operations = operations;
    this.db = db;
    this.media = media;
    this.formats = formats;
  }

  public String start(Principal p, Project project, String formatId) {
    Format to = formats.find(formatId).orElseThrow(() -> ApiException.badRequest("format: unknown format '" + formatId + "'"));
    if (to.writer().isEmpty()) throw ApiException.badRequest("format: '" + formatId + "' cannot be written");
    return operations.start(p, project.id(), "export", ctx -> {
      Path dir = ctx.dir();
      Path view = dir.resolve("media-view");
      Path out = dir.resolve("out").resolve(project.name().replaceAll("[^\\p{L}\\p{N}._-]", "_") + "-" + to.id());
      ReadPlan plan = ProjectDataset.plan(db, media, project, view);
      long total = Math.max(1, project.items());
      Conversion.Result r = Conversion.run(new ProjectFormat(plan), view, to, out, ReadOptions.defaults(), false, new Progress() {
        @Override public void start(String task, long t) {}
        @Override public void advance(long done) {
          if (ctx.cancelled()) throw new java.util.concurrent.CancellationException("cancelled");
          ctx.progress(0.95 * done / total);
        }
        @Override public void finish() {}
      });
      Files.writeString(out.resolve("LOSS.txt"), r.loss().describe() + "\n");
      for (Extra extra : extras) extra.write(project, out);
      Path zip = dir.resolve("export.zip");
      Archives.zip(out.getParent(), zip);
      Imports.deleteTree(view);
      Imports.deleteTree(out.getParent());
      ObjectNode result = Http.object().put("items", r.items()).put("annotations", r.annotations()).put("format", to.id())
          .put("loss", r.loss().describe()).put("lossless", r.loss().isLossless())
          .put("download", "/api/operations/" + dirName(dir) + "/download").put("bytes", Files.size(zip))
          .put("sha256", sha256(zip));
      result.set("lossCounts", Http.MAPPER.valueToTree(r.loss().droppedCounts()));
      result.set("losses", r.loss().toJson()); // structured: kind, annotationType, field, detail, count, exampleItem, message
      return result;
    });
  }

  private static String sha256(Path file) throws java.io.IOException {
    var sha = org.trainset.server.Ids.sha256();
    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  private static String dirName(Path dir) {
    return dir.getFileName().toString();
  }

  /**
   * The project's items seen through the format SPI, so {@link Conversion} (and the release's
   * {@code Release.freeze}) read them like files.
   */
  public record ProjectFormat(ReadPlan plan) implements Format {
    @Override public String id() { return "project"; }
    @Override public String description() { return "a project's items in the platform database"; }
    @Override public FormatDetector detector() { return (DetectionContext c) -> 0; }
    @Override public Optional<DatasetReader> reader() { return Optional.of((root, options) -> plan); }
    @Override public Optional<DatasetWriter> writer() { return Optional.empty(); }
  }

}
