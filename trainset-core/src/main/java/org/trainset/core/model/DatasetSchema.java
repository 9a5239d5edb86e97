package org.trainset.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a dataset declares before its items: name, free metadata (licence, source, CVAT task
 * meta, ...), labels with their attributes and keypoints, and subset names. Items stream
 * separately so the schema stays small however large the dataset is.
 */
public record DatasetSchema(String name, Map<String, Object> metadata, List<LabelDef> labels,
                            List<String> subsets) implements java.io.Serializable {
  public DatasetSchema {
    name = name == null ? "" : name;
    metadata = Attributes.copyOf(metadata);
    labels = List.copyOf(labels == null ? List.of() : labels);
    subsets = List.copyOf(subsets == null ? List.of() : subsets);
  }

  public static DatasetSchema empty() {
    return new DatasetSchema("", Map.of(), List.of(), List.of());
  }

  public Optional<LabelDef> label(String labelName) {
    return labels.stream().filter(l -> l.name().equals(labelName)).findFirst();
  }

  public boolean declares(String labelName) {
    return label(labelName).isPresent();
  }

  public DatasetSchema withLabels(List<LabelDef> newLabels) {
    return new DatasetSchema(name, metadata, newLabels, subsets);
  }

  public DatasetSchema withSubsets(List<String> newSubsets) {
    return new DatasetSchema(name, metadata, labels, newSubsets);
  }

  public DatasetSchema withMetadata(Map<String, Object> newMetadata) {
    return new DatasetSchema(name, newMetadata, labels, subsets);
  }

  /** This schema plus any of {@code names} it does not declare yet, in the order given. */
  public DatasetSchema withLabelsAdded(Iterable<String> names) {
    List<LabelDef> merged = new ArrayList<>(labels);
    for (String n : names) {
      if (merged.stream().noneMatch(l -> l.name().equals(n))) {
        merged.add(LabelDef.named(n));
      }
    }
    return withLabels(merged);
  }
}
