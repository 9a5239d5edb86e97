package org.trainset.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A declared label.
 *
 * @param name       label name (may be empty when a source format allows it)
 * @param id         the label's numeric id in its source format (COCO category id), or null;
 *                   kept so that id gaps survive a round trip
 * @param parent     parent label (CVAT skeleton points, COCO supercategory), or null
 * @param color      display colour {@code #rrggbb}, or null
 * @param type       shape kind the label is meant for ({@code any}, {@code rectangle},
 *                   {@code skeleton}, ...), or null
 * @param attributes declared attributes and their domains
 * @param keypoints  keypoint names for keypoint/skeleton labels, in point order; empty otherwise
 * @param skeleton   edges between keypoints as 1-based index pairs (COCO's convention)
 */
public record LabelDef(String name, Integer id, String parent, String color, String type,
                       List<AttributeSpec> attributes, List<String> keypoints, List<int[]> skeleton) implements java.io.Serializable {
  public LabelDef {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes == null ? List.of() : attributes);
    keypoints = List.copyOf(keypoints == null ? List.of() : keypoints);
    skeleton = skeleton == null ? List.of() : skeleton.stream().map(int[]::clone).toList();
  }

  public static LabelDef named(String name) {
    return new LabelDef(name, null, null, null, null, List.of(), List.of(), List.of());
  }

  public static LabelDef withId(String name, int id) {
    return new LabelDef(name, id, null, null, null, List.of(), List.of(), List.of());
  }

  @Override public List<int[]> skeleton() {
    return skeleton.stream().map(int[]::clone).toList();
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof LabelDef l)) return false;
    if (skeleton.size() != l.skeleton.size()) return false;
    for (int i = 0; i < skeleton.size(); i++) {
      if (!java.util.Arrays.equals(skeleton.get(i), l.skeleton.get(i))) return false;
    }
    return name.equals(l.name) && Objects.equals(id, l.id) && Objects.equals(parent, l.parent)
        && Objects.equals(color, l.color) && Objects.equals(type, l.type)
        && attributes.equals(l.attributes) && keypoints.equals(l.keypoints);
  }

  @Override public int hashCode() {
    return Objects.hash(name, id, parent, color, type, attributes, keypoints, skeleton.size());
  }
}
