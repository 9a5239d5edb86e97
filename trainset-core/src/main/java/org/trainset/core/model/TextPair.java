package org.trainset.core.model;

/** A source sentence and its translation (parallel corpora); languages as BCP-47 tags. */
public record TextPair(AnnotationMeta meta, String source, String target, String sourceLanguage,
                       String targetLanguage) implements Annotation {
  @Override public TextPair withMeta(AnnotationMeta m) {
    return new TextPair(m, source, target, sourceLanguage, targetLanguage);
  }
  @Override public AnnotationType type() { return AnnotationType.TEXT_PAIR; }
}
