package org.trainset.formats.cvat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Points;

/**
 * The labels a CVAT file will declare: the schema's, plus every label the written shapes use,
 * with skeletons (labels whose points carry names or visibility) given their point labels.
 */
final class CvatLabelPlan {
  private final Map<String, LabelDef> declared = new LinkedHashMap<>();
  private final Set<String> used = new LinkedHashSet<>();
  private final Map<String, Integer> skeletonSizes = new LinkedHashMap<>();

  CvatLabelPlan(DatasetSchema schema) {
    for (LabelDef l : schema.labels()) declared.put(l.name(), l);
  }

  void use(String label) {
    used.add(label);
  }

  /** A points shape is written as a skeleton when its label is one or its points carry visibility. */
  boolean isSkeleton(Points p) {
    LabelDef l = declared.get(p.label());
    boolean skeleton = l != null && ("skeleton".equals(l.type()) || !l.keypoints().isEmpty());
    if (!skeleton) {
      for (int v : p.visibility()) {
        if (v != 2) {
          skeleton = true;
          break;
        }
      }
    }
    if (skeleton) skeletonSizes.merge(p.label(), p.count(), Math::max);
    return skeleton;
  }

  /** Point label names: the declared keypoints, then 1-based numbers for any beyond them. */
  List<String> keypointNames(Points p) {
    LabelDef l = declared.get(p.label());
    List<String> names = new ArrayList<>(l == null ? List.of() : l.keypoints());
    for (int i = names.size(); i < p.count(); i++) names.add(Integer.toString(i + 1));
    return names;
  }

  /** Labels to declare, in order: the schema's, then those only the shapes used. */
  List<LabelDef> labels() {
    Map<String, LabelDef> out = new LinkedHashMap<>(declared);
    for (String u : used) out.putIfAbsent(u, LabelDef.named(u));
    for (var e : skeletonSizes.entrySet()) {
      LabelDef l = out.get(e.getKey());
      List<String> names = new ArrayList<>(l.keypoints());
      for (int i = names.size(); i < e.getValue(); i++) names.add(Integer.toString(i + 1));
      if (!"skeleton".equals(l.type()) || !names.equals(l.keypoints())) {
        out.put(l.name(), new LabelDef(l.name(), l.id(), l.parent(), l.color(), "skeleton", l.attributes(), names,
            l.skeleton()));
      }
      for (String n : names) {
        LabelDef child = out.get(n);
        if (child == null || !l.name().equals(child.parent())) {
          // CVAT names each skeleton point by a label whose parent is the skeleton.
          out.put(n, new LabelDef(n, null, l.name(), null, "points", List.of(), List.of(), List.of()));
        }
      }
    }
    return new ArrayList<>(out.values());
  }
}
