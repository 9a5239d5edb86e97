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

  @Override Map<String, String> generatorGaps() {
    return Map.of("sidewalk.min-size", "SidewalkScene draws a fire_hydrant of HEIGHTS 72 x s (s 1.0-1.4) with an"
        + " outline whose longer side is 54-64 px, and the clean sample annotates it; the guideline forbids"
        + " annotating objects <= 64 px: draw hydrants so that the outline exceeds 64 px (e.g. HEIGHTS 95)");
  }

  /** Only the hydrants are the generator's: the rule must still find the planted tiny potted_plant. */
  @Override boolean isGeneratorGap(Found f) {
    return f.rule().equals("sidewalk.min-size") && f.message().startsWith("'fire_hydrant'");
  }

  /** 24 items: four rounds of the six-folder cycle, so every defect kind is planted. */
  @Override int defectItems() { return 24; }

  @Override int cleanItems() { return 12; }
}
