package org.trainset.server.item;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.media.MediaStore;

/**
 * Documents attached to items (reports), kept like media: by content hash in the {@link MediaStore},
 * never as static files. In an item's stored body each document keeps its name, media type, role
 * and original path, with the hash and size in {@code info} ({@link #SHA256}, {@link #SIZE}); the
 * text of an inline document is in the store, not in the row. Rights are the item's own.
 */
public final class ItemDocuments {
  static final String SHA256 = "sha256";
  static final String SIZE = "storedSize";

  /** One document ready to send. */
  public record Opened(String name, String mediaType, boolean text, Path file, long size, String sha256) {}

  private final Items items;
  private final MediaStore media;

  public ItemDocuments(Items items, MediaStore media) {
    this.items = items;
    this.media = media;
  }

  /** Document {@code docId} (its index) of the item, when {@code p} may open the item; 404 otherwise. */
  public Opened open(Principal p, String itemId, String docId) throws IOException {
    StoredItem s = items.require(p, itemId);
    List<ItemDocument> docs = ItemCodec.item(s.body(), "[]").documents();
    int index;
    try {
      index = Integer.parseInt(docId);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("document " + docId + " of item " + itemId);
    }
    if (index < 0 || index >= docs.size()) throw ApiException.notFound("document " + docId + " of item " + itemId);
    ItemDocument d = docs.get(index);
    Object sha = d.info().get(SHA256);
    if (!(sha instanceof String hex)) throw ApiException.notFound("document " + docId + " of item " + itemId + " (not imported)");
    Path file = media.pathOf(hex);
    if (!Files.isRegularFile(file)) throw ApiException.notFound("document " + docId + " of item " + itemId);
    return new Opened(d.name(), d.mediaType(), d.isText(), file, Files.size(file), hex);
  }

  /** The item's documents for the item JSON: id (index), name, media type, role, size, URL. */
  public static ArrayNode toJson(String itemId, List<ItemDocument> docs) {
    ArrayNode out = Http.MAPPER.createArrayNode();
    for (int i = 0; i < docs.size(); i++) {
      ItemDocument d = docs.get(i);
      ObjectNode n = out.addObject().put("id", String.valueOf(i)).put("name", d.name()).put("mediaType", d.mediaType())
          .put("role", d.role()).put("text", d.isText());
      Object kind = d.info().get("kind");
      if (kind != null) n.put("kind", kind.toString());
      Object size = d.info().get(SIZE);
      if (size instanceof Number num) n.put("size", num.longValue()); else n.putNull("size");
      n.put("url", d.info().get(SHA256) == null ? null : "/api/items/" + itemId + "/documents/" + i);
    }
    return out;
  }

  /** At import: the item with each document's content put in the store (a file under the media root, or inline text). */
  static Item store(MediaStore media, Path mediaRoot, Item item) throws IOException {
    if (item.documents().isEmpty()) return item;
    List<ItemDocument> out = new ArrayList<>();
    for (ItemDocument d : item.documents()) {
      MediaStore.Stored s = null;
      if (d.text() != null) {
        s = media.put(new ByteArrayInputStream(d.text().getBytes(StandardCharsets.UTF_8)));
      } else if (d.path() != null && mediaRoot != null) {
        Path file;
        try {
          file = SafePaths.resolveInside(mediaRoot, d.path());
        } catch (InputException e) {
          throw new InputException(mediaRoot, "document-path", "document path '" + d.path() + "' leaves the dataset folder");
        }
        if (Files.isRegularFile(file)) s = media.put(file);
      }
      Map<String, Object> info = new LinkedHashMap<>(d.info());
      if (s != null) {
        info.put(SHA256, s.sha256());
        info.put(SIZE, s.size());
      }
      out.add(d.withStored(d.path(), info));
    }
    return item.withDocuments(out);
  }

  /**
   * For exports: the documents as the dataset had them — inline text read back from the store,
   * files linked into {@code mediaView} under their paths — without the server's keys.
   */
  static Item restore(MediaStore media, Path mediaView, Item item) throws IOException {
    if (item.documents().isEmpty()) return item;
    List<ItemDocument> out = new ArrayList<>();
    for (ItemDocument d : item.documents()) {
      Map<String, Object> info = new LinkedHashMap<>(d.info());
      Object sha = info.remove(SHA256);
      info.remove(SIZE);
      Path stored = sha instanceof String hex ? media.pathOf(hex) : null;
      if (d.path() == null && stored != null && Files.isRegularFile(stored)) {
        out.add(new ItemDocument(d.name(), d.mediaType(), d.role(), null, Files.readString(stored, StandardCharsets.UTF_8), info));
        continue;
      }
      if (d.path() != null && stored != null && mediaView != null) {
        Path dest = SafePaths.resolveInside(mediaView, d.path());
        if (!Files.exists(dest)) {
          Files.createDirectories(dest.getParent());
          try {
            Files.createLink(dest, stored);
          } catch (FileAlreadyExistsException ignored) {
            // the same report attached to several views
          } catch (UnsupportedOperationException | IOException e) {
            Files.copy(stored, dest);
          }
        }
      }
      out.add(d.withStored(d.path(), info));
    }
    return item.withDocuments(out);
  }
}
