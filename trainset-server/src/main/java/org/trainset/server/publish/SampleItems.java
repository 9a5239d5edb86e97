package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.trainset.core.Datasets;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.server.ApiException;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;

/**
 * A release's public sample ({@code sample/}, already de-identified at freeze time) read with the
 * native reader: the list of its items, one item in the viewer's JSON, and its media files. Only
 * files the sample's items name are served, and only from inside {@code sample/}.
 */
public final class SampleItems {
  /** A sample media file with its digest from the manifest (the strong ETag). */
  public record MediaFile(Path file, long size, String sha256) {}

  private static final TrainsetFormat NATIVE = new TrainsetFormat();
  private final Releases releases;

  public SampleItems(Releases releases) {
    this.releases = releases;
  }

  private Path sampleDir(String dataset, String version) {
    releases.requireDataset(dataset);
    return releases.releaseDir(dataset, version)
        .orElseThrow(() -> ApiException.notFound("release " + dataset + " v" + version)).resolve("sample");
  }

  /** {@code {"dataset", "version", "items": [{name, subset, labels, annotationCount, media}]}}. */
  public ObjectNode list(String dataset, String version) throws IOException {
    Path dir = sampleDir(dataset, version);
    ObjectNode o = Http.object().put("dataset", dataset).put("version", version);
    ArrayNode items = o.putArray("items");
    ReadPlan plan = Datasets.plan(NATIVE, dir, ReadOptions.defaults());
    try (ItemCursor c = Datasets.cursor(NATIVE, dir, plan, ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) {
        TreeSet<String> labels = new TreeSet<>();
        for (Annotation a : i.annotations()) labels.add(a.label());
        ObjectNode n = items.addObject().put("name", i.id()).put("subset", i.subset())
            .put("annotationCount", i.annotations().size()).put("media", i.media().size());
        labels.forEach(n.putArray("labels")::add);
      }
    }
    return o;
  }

  /** One sample item: the model's JSON with media URLs on the public sample route. */
  public ObjectNode item(String dataset, String version, String name) throws IOException {
    Item item = find(dataset, version, name);
    ObjectNode body = (ObjectNode) Http.MAPPER.readTree(ItemCodec.body(item));
    ObjectNode out = Http.object().put("id", item.id()).put("name", item.id()).put("dataset", dataset).put("version", version);
    out.put("subset", item.subset());
    ArrayNode media = out.putArray("media");
    JsonNode refs = body.path("media");
    for (int i = 0; i < refs.size(); i++) {
      ObjectNode m = ((ObjectNode) refs.get(i)).deepCopy();
      m.put("url", "/api/datasets/" + enc(dataset) + "/versions/" + enc(version) + "/sample/media?item=" + enc(item.id())
          + (i > 0 ? "&index=" + i : ""));
      media.add(m);
    }
    if (body.has("attributes")) out.set("attributes", body.get("attributes"));
    out.set("annotations", ItemCodec.array(ItemCodec.annotations(item.annotations())));
    return out;
  }

  /** The media file {@code index} of sample item {@code name}, with its manifest digest. */
  public MediaFile media(String dataset, String version, String name, int index) throws IOException {
    Item item = find(dataset, version, name);
    if (index < 0 || index >= item.media().size()) throw ApiException.notFound("media " + index + " of sample item " + name);
    Path dir = sampleDir(dataset, version);
    Path root = Datasets.plan(NATIVE, dir, ReadOptions.defaults()).mediaRootFor(dir);
    Path file = SafePaths.resolveInside(root, item.media().get(index).path()).normalize();
    Path release = dir.getParent();
    if (!file.startsWith(dir) || !Files.isRegularFile(file)) throw ApiException.notFound("media " + index + " of sample item " + name);
    String rel = release.relativize(file).toString().replace('\\', '/');
    for (JsonNode f : Releases.readManifest(release).withArray("files")) {
      if (f.get("path").asText().equals(rel)) return new MediaFile(file, f.get("size").asLong(), f.get("sha256").asText());
    }
    throw ApiException.notFound("media " + index + " of sample item " + name); // not a file of the release
  }

  private Item find(String dataset, String version, String name) throws IOException {
    if (name == null || name.isEmpty()) throw ApiException.badRequest("name: required (the item's id in the dataset)");
    Path dir = sampleDir(dataset, version);
    ReadPlan plan = Datasets.plan(NATIVE, dir, ReadOptions.defaults());
    try (ItemCursor c = Datasets.cursor(NATIVE, dir, plan, ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) if (i.id().equals(name)) return i;
    }
    throw ApiException.notFound("sample item " + name);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
