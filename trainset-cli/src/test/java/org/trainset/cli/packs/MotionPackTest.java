package org.trainset.cli.packs;

import java.util.Map;

/** aihub.motion: Annotation/2D per camera clip, 3D for every tenth take, images. */
class MotionPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.motion"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of("box-too-tight", "motion.keypoints-in-box");
  }

  @Override Map<String, String> outOfReach() {
    return Map.of(
        "keypoint-swap", "swapped wrists are two valid labelled points; only the 3D re-projection or the"
            + " pixels tell left from right",
        "visible-marked-absent", "a point marked 0 (not labelled) is a valid flag; only the pixels show the hand");
  }

  /** Whole takes (12 cameras x 2 frames), so every take has all its cameras; two takes with defects. */
  @Override int defectItems() { return 48; }

  @Override int cleanItems() { return 24; }
}
