package org.trainset.server.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.trainset.core.DatasetSource;
import org.trainset.core.progress.Progress;
import org.trainset.core.stats.Statistics;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.rules.RulePack;
import org.trainset.server.ApiException;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.item.ProjectDataset;
import org.trainset.server.media.MediaStore;

/**
 * A project's statistics and findings: the library's {@link Statistics} and {@link Inspection}
 * run over the project's items (a database-backed {@link DatasetSource}), so the numbers are
 * the ones {@code trainset stats} and {@code trainset inspect} print for the same data.
 */
public final class ProjectAnalysis {
  private final Database db;
  private final MediaStore media;

  public ProjectAnalysis(Database db, MediaStore media) {
    this.db = db;
    this.media = media;
  }

  public ObjectNode stats(Project p) throws IOException {
    return withFormat(p, Statistics.run(ProjectDataset.source(db, media, p, null), Progress.NONE).toJson());
  }

  /**
   * The project's rule pack over its items: the pack set on the project, else the built-in pack
   * of its family, else of the format it was imported from.
   */
  public ObjectNode findings(Project p, int keep) throws IOException {
    RulePack pack = pack(p);
    Inspection.Result r = Inspection.run(ProjectDataset.source(db, media, p, null), pack,
        new Inspection.Options(keep, null, null, 0), Progress.NONE);
    ObjectNode json = withFormat(p, r.toJson());
    for (JsonNode f : json.withArray("shown")) {
      if (f.hasNonNull("item")) {
        String name = f.get("item").asText();
        db.read(c -> Sql.one(c, "SELECT id FROM items WHERE project_id = ? AND generation = ? AND name = ?",
            rs -> rs.getString(1), p.id(), p.generation(), name)).ifPresent(id -> ((ObjectNode) f).put("itemRef", id));
      }
    }
    return json;
  }

  /** The result with the project's import format first, where the CLI prints the detected one. */
  private static ObjectNode withFormat(Project p, ObjectNode result) {
    ObjectNode out = result.objectNode();
    if (p.format() != null) out.put("format", p.format());
    result.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("format")) out.set(e.getKey(), e.getValue());
    });
    return out;
  }

  private static RulePack pack(Project p) throws IOException {
    return packOf(p).orElseThrow(() -> ApiException.conflict("rulePack: the project has no rule pack (family '" + p.family()
        + "', format '" + p.format() + "'); create it with a rulePack"));
  }

  /**
   * The one pack-choice rule of the server (findings, live checks, job submits): the pack set on
   * the project, else the built-in pack of its family, else of the format it was imported from.
   */
  public static java.util.Optional<RulePack> packOf(Project p) throws IOException {
    try {
      if (p.rulePack() != null) return java.util.Optional.of(Inspection.packFor(p.rulePack(), null));
      if (!p.family().equals("generic")) {
        try {
          return java.util.Optional.of(Inspection.packFor(null, p.family()));
        } catch (Inspection.NoPackException e) {
          // fall through to the format's pack
        }
      }
      return java.util.Optional.of(Inspection.packFor(null, p.format()));
    } catch (Inspection.NoPackException e) {
      return java.util.Optional.empty();
    }
  }
}
