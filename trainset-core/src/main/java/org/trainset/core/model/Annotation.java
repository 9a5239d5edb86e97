package org.trainset.core.model;

/**
 * One annotation on an item. The family is closed: every stage (writers, rules, metrics) handles
 * a known set of kinds, and a switch over {@link #type()} is checked for exhaustiveness.
 */
public sealed interface Annotation
    permits Tag, Box, Polygon, Polyline, Points, Mask, Caption, TextPair, TimeEvent, Track {

  AnnotationMeta meta();

  /** A copy of this annotation with other common fields (same geometry). */
  Annotation withMeta(AnnotationMeta meta);

  /** The kind's short name as used in reports and {@code stats --json} ({@code box}, ...). */
  AnnotationType type();

  default String label() {
    return meta().label();
  }
}
