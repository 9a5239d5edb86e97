package org.trainset.server.item;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.trainset.core.json.ModelJson;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.server.http.Http;

/**
 * How an item is kept in a row: the model's JSON of the item without its annotations
 * ({@code body}) and the annotations as a JSON array, both written by {@link ModelJson}, so what
 * comes back is the model item that went in.
 */
public final class ItemCodec {
  private ItemCodec() {}

  public static String body(Item item) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = Http.MAPPER.getFactory().createGenerator(w)) {
      ModelJson.writeItem(g, item.withAnnotations(List.of()));
    }
    return w.toString();
  }

  public static String annotations(List<Annotation> annotations) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = Http.MAPPER.getFactory().createGenerator(w)) {
      g.writeStartArray();
      for (Annotation a : annotations) ModelJson.writeAnnotation(g, a);
      g.writeEndArray();
    }
    return w.toString();
  }

  /** The annotations of a JSON array (a save's body); errors name the annotation's index and field. */
  public static List<Annotation> readAnnotations(JsonNode array) {
    if (!array.isArray()) throw new IllegalArgumentException("body: expected a JSON array of annotations");
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode a = array.get(i);
      if (!a.isObject()) throw new IllegalArgumentException("[" + i + "]: expected an object");
      try {
        out.add(ModelJson.readAnnotation(a));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The model item from a row's two columns. */
  public static Item item(String body, String annotations) throws IOException {
    ObjectNode n = (ObjectNode) Http.MAPPER.readTree(body);
    n.set("annotations", Http.MAPPER.readTree(annotations));
    return ModelJson.readItem(n);
  }

  /** {@code |a|b|}: the distinct labels of the annotations, for the label filter. */
  public static String labels(List<Annotation> annotations) {
    TreeSet<String> labels = new TreeSet<>();
    for (Annotation a : annotations) labels.add(a.label());
    return labels.isEmpty() ? "|" : "|" + String.join("|", labels) + "|";
  }

  public static List<String> labelList(String labels) {
    List<String> out = new ArrayList<>();
    for (String s : labels.split("\\|")) if (!s.isEmpty()) out.add(s);
    return out;
  }

  public static ArrayNode array(String json) throws IOException {
    return (ArrayNode) Http.MAPPER.readTree(json);
  }
}
