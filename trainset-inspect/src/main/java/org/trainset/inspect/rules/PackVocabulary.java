package org.trainset.inspect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;

/**
 * The labels and attribute names a pack's rules refer to, read from the rule parameters every
 * rule type shares ({@code labels}, {@code allowed}, {@code by-label}; {@code attribute},
 * {@code field}, {@code required}, {@code group-by}, the keys of {@code when}). A pack recognises
 * an item that carries any of them; a pass in which it recognised none is a pack run on data it
 * was not written for (a family pack on a plain media folder), which would otherwise pass silently.
 */
public record PackVocabulary(Set<String> labels, Set<String> attributes) implements Serializable {
  public static final PackVocabulary NONE = new PackVocabulary(Set.of(), Set.of());

  private static final List<String> LABEL_KEYS = List.of("labels", "allowed");
  private static final List<String> ATTRIBUTE_KEYS = List.of("attribute", "field", "required", "group-by");

  public PackVocabulary {
    labels = Set.copyOf(labels);
    attributes = Set.copyOf(attributes);
  }

  public boolean isEmpty() {
    return labels.isEmpty() && attributes.isEmpty();
  }

  /** Whether {@code item} carries a label or attribute the pack names. */
  public boolean recognises(Item item) {
    for (String k : item.attributes().keySet()) if (attributes.contains(k)) return true;
    for (Annotation a : item.annotations()) {
      if (labels.contains(a.label())) return true;
      for (String k : a.meta().attributes().keySet()) if (attributes.contains(k)) return true;
    }
    return false;
  }

  /** What the pack expected, for the error message: a few labels and attributes. */
  public String expected() {
    StringBuilder sb = new StringBuilder();
    if (!labels.isEmpty()) sb.append("labels such as ").append(String.join(", ", labels.stream().sorted().limit(6).toList()));
    if (!attributes.isEmpty()) {
      if (sb.length() > 0) sb.append(" or ");
      sb.append("attributes such as ").append(String.join(", ", attributes.stream().sorted().limit(6).toList()));
    }
    return sb.toString();
  }

  /** Collects the vocabulary of rule parameters and {@code when:} maps as a pack is parsed. */
  static final class Builder {
    private final Set<String> labels = new LinkedHashSet<>();
    private final Set<String> attributes = new LinkedHashSet<>();

    void rule(JsonNode params, JsonNode when) {
      for (String k : LABEL_KEYS) texts(params.get(k), labels);
      JsonNode byLabel = params.get("by-label");
      if (byLabel != null && byLabel.isObject()) byLabel.fieldNames().forEachRemaining(labels::add);
      Set<String> named = new LinkedHashSet<>();
      for (String k : ATTRIBUTE_KEYS) texts(params.get(k), named);
      // "field: attr:patient_id" and plain "field: patient_id" both name the attribute.
      for (String n : named) attributes.add(n.startsWith("attr:") ? n.substring(5) : n);
      if (when != null && when.isObject()) when.fieldNames().forEachRemaining(attributes::add);
    }

    private static void texts(JsonNode n, Set<String> out) {
      if (n == null || n.isNull()) return;
      if (n.isArray()) n.forEach(e -> { if (e.isValueNode()) out.add(e.asText()); });
      else if (n.isValueNode()) out.add(n.asText());
    }

    PackVocabulary build() {
      return new PackVocabulary(labels, attributes);
    }
  }
}
