package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.trainset.publish.Checksums;
import org.trainset.publish.Release;
import org.trainset.server.ApiException;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;

/**
 * The public catalog: every dataset with at least one release, whatever organisation published it
 * (access modes gate the downloads, not the card). Search and filters, the dataset card, the
 * files of a version and the changes between two versions.
 */
public final class Catalog {
  /** Filters of {@link #search}; null or empty means any. */
  public record Query(String q, String family, String task, String licence, String access) {}

  private final Releases releases;

  public Catalog(Releases releases) {
    this.releases = releases;
  }

  public List<Releases.Dataset> search(Query query) {
    String q = blank(query.q()) ? null : query.q().toLowerCase(Locale.ROOT).trim();
    List<Releases.Dataset> out = new ArrayList<>();
    for (Releases.Dataset d : releases.datasets()) {
      if (q != null && !(d.name() + "\n" + d.title() + "\n" + d.description()).toLowerCase(Locale.ROOT).contains(q)) continue;
      if (!blank(query.family()) && !d.family().equals(query.family())) continue;
      if (!blank(query.task()) && !Arrays.asList(d.tasks().split(",")).contains(query.task())) continue;
      if (!blank(query.licence()) && !d.licence().equalsIgnoreCase(query.licence())) continue;
      if (!blank(query.access()) && !d.accessMode().equals(query.access())) continue;
      out.add(d);
    }
    return out;
  }

  /** The catalog answer: {@code {"datasets": [summary...], "facets": {family, task, licence, access}}}. */
  public ObjectNode searchJson(Query query) {
    ObjectNode o = Http.object();
    ArrayNode arr = o.putArray("datasets");
    for (Releases.Dataset d : search(query)) arr.add(summary(d));
    ObjectNode facets = o.putObject("facets");
    java.util.TreeSet<String> fam = new java.util.TreeSet<>(), task = new java.util.TreeSet<>(),
        lic = new java.util.TreeSet<>(), acc = new java.util.TreeSet<>();
    for (Releases.Dataset d : releases.datasets()) {
      fam.add(d.family());
      if (!d.tasks().isEmpty()) task.addAll(Arrays.asList(d.tasks().split(",")));
      lic.add(d.licence());
      acc.add(d.accessMode());
    }
    facets.set("family", Http.MAPPER.valueToTree(fam));
    facets.set("task", Http.MAPPER.valueToTree(task));
    facets.set("licence", Http.MAPPER.valueToTree(lic));
    facets.set("access", Http.MAPPER.valueToTree(acc));
    return o;
  }

  public ObjectNode summary(Releases.Dataset d) {
    ObjectNode o = Http.object().put("name", d.name()).put("title", d.title()).put("description", d.description())
        .put("family", d.family()).put("licence", d.licence()).put("accessMode", d.accessMode())
        .put("latestVersion", d.latestVersion()).put("updatedAt", d.updatedAt());
    ArrayNode tasks = o.putArray("tasks");
    if (!d.tasks().isEmpty()) Arrays.stream(d.tasks().split(",")).forEach(tasks::add);
    JsonNode stats = card(d).path("statistics");
    o.put("items", stats.path("items").asLong()).put("annotations", stats.path("annotations").asLong());
    o.put("organisation", orgName(d.orgId()));
    return o;
  }

  /** The dataset's card: summary, citation, construction, statistics, sample, quality, rights, versions. */
  public ObjectNode cardJson(String name) {
    Releases.Dataset d = releases.requireDataset(name);
    ObjectNode o = summary(d);
    o.put("citation", d.citation());
    o.set("card", card(d));
    ArrayNode versions = o.putArray("versions");
    for (Releases.ReleaseRow r : releases.versions(name)) {
      versions.addObject().put("version", r.version()).put("createdAt", r.createdAt()).put("items", r.items())
          .put("annotations", r.annotations()).put("bytes", r.bytes()).put("manifestSha256", r.manifestSha256());
    }
    return o;
  }

  /** Every file of a version with size and SHA-256 (manifest.json and SHA256SUMS included). */
  public ObjectNode filesJson(String name, String version) throws IOException {
    releases.requireDataset(name);
    Path dir = releases.releaseDir(name, version).orElseThrow(() -> ApiException.notFound("release " + name + " v" + version));
    JsonNode manifest = Releases.readManifest(dir);
    ObjectNode o = Http.object().put("dataset", name).put("version", version);
    ArrayNode files = o.putArray("files");
    List<Checksums.FileEntry> all = new ArrayList<>();
    for (JsonNode f : manifest.withArray("files")) {
      all.add(new Checksums.FileEntry(f.get("path").asText(), f.get("size").asLong(), f.get("sha256").asText()));
    }
    for (String own : List.of("manifest.json", "SHA256SUMS")) {
      Path p = dir.resolve(own);
      all.add(new Checksums.FileEntry(own, java.nio.file.Files.size(p), Checksums.sha256(p)));
    }
    all.sort((a, b) -> a.path().compareTo(b.path()));
    long bytes = 0;
    for (Checksums.FileEntry f : all) {
      files.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
      bytes += f.size();
    }
    o.put("bytes", bytes);
    return o;
  }

  /**
   * What changed from version {@code from} to {@code version}: items added, removed and changed and
   * the counts by label (the same comparison as the release's CHANGES.json), plus the error reports
   * whose fixes shipped in between.
   */
  public ObjectNode changesJson(String name, String version, String from) throws IOException {
    releases.requireDataset(name);
    if (from == null || from.isBlank()) throw ApiException.badRequest("from: required (the earlier version)");
    if (Release.versionProblem(from) != null) throw ApiException.badRequest("from: " + Release.versionProblem(from));
    Path cur = releases.releaseDir(name, version).orElseThrow(() -> ApiException.notFound("release " + name + " v" + version));
    Path prev = releases.releaseDir(name, from).orElseThrow(() -> ApiException.notFound("release " + name + " v" + from));
    ObjectNode o = Http.object().put("dataset", name).put("from", from).put("to", version);
    o.setAll(Release.changesBetween(prev, cur).toJson());
    ArrayNode fixed = o.putArray("fixedReports");
    List<String[]> shipped = releases.db().read(c -> Sql.list(c, "SELECT id, item_name, text, fix_note, shipped_in "
        + "FROM error_reports WHERE dataset_name = ? AND shipped_in IS NOT NULL ORDER BY created_at, id",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}, name));
    for (String[] s : shipped) {
      if (Releases.compare(s[4], from) > 0 && Releases.compare(s[4], version) <= 0) {
        fixed.addObject().put("id", s[0]).put("item", s[1]).put("text", s[2]).put("fixNote", s[3]).put("shippedIn", s[4]);
      }
    }
    return o;
  }

  private JsonNode card(Releases.Dataset d) {
    try {
      return Http.MAPPER.readTree(d.cardJson());
    } catch (IOException e) {
      throw new IllegalStateException("stored card of dataset " + d.name() + " is not JSON", e);
    }
  }

  private String orgName(String orgId) {
    return releases.db().read(c -> Sql.one(c, "SELECT name FROM orgs WHERE id = ?", rs -> rs.getString(1), orgId)).orElse(null);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
