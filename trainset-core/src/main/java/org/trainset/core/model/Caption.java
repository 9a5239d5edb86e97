package org.trainset.core.model;

/** Free text about the item or a region: an image caption, an OCR transcription, an utterance. */
public record Caption(AnnotationMeta meta, String text) implements Annotation {
  @Override public Caption withMeta(AnnotationMeta m) { return new Caption(m, text); }
  @Override public AnnotationType type() { return AnnotationType.CAPTION; }
}
