package org.trainset.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * What every annotation carries besides its geometry. Fields a format does not have stay at their
 * defaults (null id, empty attributes, null group, z-order 0, not occluded, null source).
 *
 * @param id         the annotation's id in its source format, as text (COCO ints, CVAT none), or null
 * @param label      the label name; may be empty (CVAT allows {@code label=""}), never null
 * @param attributes format-specific and user attributes; values are String, Long, Double, Boolean,
 *                   List or Map (the JSON value types), iteration order preserved
 * @param group      group id: shapes sharing a group are one object (CVAT {@code group_id})
 * @param zOrder     paint order; later (higher) paints over lower
 * @param occluded   the object is partly hidden
 * @param source     who made it: annotator id, {@code manual}, {@code auto}, a model name
 */
public record AnnotationMeta(String id, String label, Map<String, Object> attributes, Integer group,
                             int zOrder, boolean occluded, String source) {
  public AnnotationMeta {
    Objects.requireNonNull(label, "label");
    attributes = Attributes.copyOf(attributes);
  }

  public static AnnotationMeta of(String label) {
    return new AnnotationMeta(null, label, Map.of(), null, 0, false, null);
  }

  public AnnotationMeta withId(String newId) {
    return new AnnotationMeta(newId, label, attributes, group, zOrder, occluded, source);
  }

  public AnnotationMeta withLabel(String newLabel) {
    return new AnnotationMeta(id, newLabel, attributes, group, zOrder, occluded, source);
  }

  public AnnotationMeta withAttributes(Map<String, Object> newAttributes) {
    return new AnnotationMeta(id, label, newAttributes, group, zOrder, occluded, source);
  }

  public AnnotationMeta withGroup(Integer newGroup) {
    return new AnnotationMeta(id, label, attributes, newGroup, zOrder, occluded, source);
  }

  public AnnotationMeta withZOrder(int newZOrder) {
    return new AnnotationMeta(id, label, attributes, group, newZOrder, occluded, source);
  }

  public AnnotationMeta withOccluded(boolean newOccluded) {
    return new AnnotationMeta(id, label, attributes, group, zOrder, newOccluded, source);
  }

  public AnnotationMeta withSource(String newSource) {
    return new AnnotationMeta(id, label, attributes, group, zOrder, occluded, newSource);
  }
}
