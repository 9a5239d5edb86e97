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
 * @param auto         where the value comes from when it is filled in automatically, not typed
 *                     ({@code image.width}, {@code image.height}, {@code file.name},
 *                     {@code exif.<Tag>} such as {@code exif.Model}); null for typed attributes.
 *                     See {@link org.trainset.core.media.AutomaticAttributes}.
 */
public record AttributeSpec(String name, String inputType, List<String> values, String defaultValue,
                            boolean mutable, String auto) implements java.io.Serializable {
  public AttributeSpec {
    Objects.requireNonNull(name, "name");
    inputType = inputType == null ? "text" : inputType;
    values = List.copyOf(values == null ? List.of() : values);
    auto = auto == null || auto.isBlank() ? null : auto;
  }

  /** A typed (not automatic) attribute. */
  public AttributeSpec(String name, String inputType, List<String> values, String defaultValue, boolean mutable) {
    this(name, inputType, values, defaultValue, mutable, null);
  }

  /** True when the server fills the value from the item's media ({@link #auto()} names the source). */
  public boolean automatic() {
    return auto != null;
  }

  public static AttributeSpec text(String name) {
    return new AttributeSpec(name, "text", List.of(), null, false);
  }
}
