package org.trainset.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A declared attribute of a label and its domain.
 *
 * @param name         attribute name
 * @param inputType    {@code select}, {@code radio}, {@code checkbox}, {@code text}, {@code number}
 *                     (CVAT's input types; other formats use {@code text})
 * @param values       allowed values (for number: min, max, step), empty when free
 * @param defaultValue default value or null
 * @param mutable      may change between video frames
 */
public record AttributeSpec(String name, String inputType, List<String> values, String defaultValue,
                            boolean mutable) implements java.io.Serializable {
  public AttributeSpec {
    Objects.requireNonNull(name, "name");
    inputType = inputType == null ? "text" : inputType;
    values = List.copyOf(values == null ? List.of() : values);
  }

  public static AttributeSpec text(String name) {
    return new AttributeSpec(name, "text", List.of(), null, false);
  }
}
