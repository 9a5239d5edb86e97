package org.trainset.core.model;

/** A label on the whole item (image class, CVAT tag). */
public record Tag(AnnotationMeta meta) implements Annotation {
  @Override public Tag withMeta(AnnotationMeta m) { return new Tag(m); }
  @Override public AnnotationType type() { return AnnotationType.TAG; }
}
