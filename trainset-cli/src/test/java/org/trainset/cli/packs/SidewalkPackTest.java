package org.trainset.cli.packs;

import java.util.Map;
import org.trainset.cli.packs.PackRun.Found;

/** aihub.sidewalk: Bbox_/Polygon_/Surface_ CVAT folders with environment CSVs, Depth_ sets. */
class SidewalkPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.sidewalk"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of(
        "too-small", "sidewalk.min-size",
        "surface-overlap", "sidewalk.surface-overlap",
        "mask-colour-unknown", "sidewalk.mask-colours",
        "low-confidence", "sidewalk.depth-confidence",
        "missing-environment", "sidewalk.environment");
  }

  @Override Map<String, String> outOfReach() {
    // Each leaves a well-formed annotation with a guideline label: only the pixels (or a reviewer) tell.
    return Map.of(
        "box-off-object", "a shifted box is still a valid box inside the image",
        "polygon-off-object", "a shifted polygon is still a valid polygon inside the image",
        "missing-object", "an obstacle drawn but not annotated leaves no annotation to check",
        "wrong-label", "pole and bollard are both guideline labels");
  }

  /** 24 items: four rounds of the six-folder cycle, so every defect kind is planted. */
  @Override int defectItems() { return 24; }

  @Override int cleanItems() { return 12; }
}
