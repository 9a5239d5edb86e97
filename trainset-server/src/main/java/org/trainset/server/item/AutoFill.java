package org.trainset.server.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trainset.core.json.ModelJson;
import org.trainset.core.media.AutomaticAttributes;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.server.http.Http;
import org.trainset.server.media.MediaStore;
import org.trainset.server.project.Project;

/**
 * The server's side of automatic attributes: on every save (and before a live check) the
 * attributes the project's schema marks automatic are set from the item's stored media, whatever
 * the client sent ({@link AutomaticAttributes} does the reading). Also the one place the
 * project's stored schema is parsed (cached per project generation).
 */
public final class AutoFill {
  private final MediaStore media;
  private final Map<String, DatasetSchema> schemas = new ConcurrentHashMap<>();

  public AutoFill(MediaStore media) {
    this.media = media;
  }

  /** The project's schema (empty when it has none yet). */
  public DatasetSchema schema(Project p) {
    if (p.schemaJson() == null) return DatasetSchema.empty();
    return schemas.computeIfAbsent(p.id() + "@" + p.generation() + "#" + p.schemaJson().hashCode(), k -> {
      try {
        return ModelJson.readSchema(Http.MAPPER.readTree(p.schemaJson()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** {@code annotations} with the automatic attributes filled from the item's first media file. */
  public List<Annotation> apply(Project p, StoredItem item, List<Annotation> annotations) {
    DatasetSchema schema = schema(p);
    if (!AutomaticAttributes.any(schema)) return annotations;
    try {
      JsonNode refs = Http.MAPPER.readTree(item.body()).path("media");
      String name = refs.size() > 0 ? refs.get(0).path("path").asText(null) : null;
      Path file = item.firstMedia().map(m -> media.pathOf(m.sha256())).filter(Files::isRegularFile).orElse(null);
      return AutomaticAttributes.fill(schema, annotations, AutomaticAttributes.facts(file, name));
    } catch (IOException e) {
      throw new UncheckedIOException("media of item " + item.id() + " unreadable", e);
    }
  }
}
