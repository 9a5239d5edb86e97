package org.trainset.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of a dataset: an image, a video clip, a DICOM study view set, a sentence pair, a depth
 * set of eight files.
 *
 * @param id          unique within the dataset
 * @param subset      subset name (train, val, ...) or null when the dataset has none
 * @param media       the files this item is made of (may be empty for text-only items)
 * @param attributes  item-level facts (environment, scenario, capture conditions)
 * @param annotations what people or tools said about it
 * @param documents   documents shown beside it (reports), not annotated; empty for most items
 */
public record Item(String id, String subset, List<MediaRef> media, Map<String, Object> attributes,
                   List<Annotation> annotations, List<ItemDocument> documents) {
  public Item {
    Objects.requireNonNull(id, "id");
    media = List.copyOf(media);
    attributes = Attributes.copyOf(attributes);
    annotations = List.copyOf(annotations);
    documents = documents == null ? List.of() : List.copyOf(documents);
  }

  /** An item without attached documents. */
  public Item(String id, String subset, List<MediaRef> media, Map<String, Object> attributes, List<Annotation> annotations) {
    this(id, subset, media, attributes, annotations, List.of());
  }

  /** The first media file, or null. */
  public MediaRef primaryMedia() {
    return media.isEmpty() ? null : media.get(0);
  }

  /** Width of the primary media, or null when unknown. */
  public Integer width() {
    MediaRef m = primaryMedia();
    return m == null ? null : m.width();
  }

  /** Height of the primary media, or null when unknown. */
  public Integer height() {
    MediaRef m = primaryMedia();
    return m == null ? null : m.height();
  }

  public Item withSubset(String newSubset) {
    return new Item(id, newSubset, media, attributes, annotations, documents);
  }

  public Item withAnnotations(List<Annotation> newAnnotations) {
    return new Item(id, subset, media, attributes, newAnnotations, documents);
  }

  public Item withMedia(List<MediaRef> newMedia) {
    return new Item(id, subset, newMedia, attributes, annotations, documents);
  }

  public Item withAttributes(Map<String, Object> newAttributes) {
    return new Item(id, subset, media, newAttributes, annotations, documents);
  }

  public Item withDocuments(List<ItemDocument> newDocuments) {
    return new Item(id, subset, media, attributes, annotations, newDocuments);
  }
}
