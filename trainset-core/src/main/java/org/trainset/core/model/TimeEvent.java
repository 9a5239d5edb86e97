package org.trainset.core.model;

/** Something that happens between {@code start} and {@code end} seconds of the item's media. */
public record TimeEvent(AnnotationMeta meta, double start, double end) implements Annotation {
  public double duration() { return end - start; }
  @Override public TimeEvent withMeta(AnnotationMeta m) { return new TimeEvent(m, start, end); }
  @Override public AnnotationType type() { return AnnotationType.TIME_EVENT; }
}
