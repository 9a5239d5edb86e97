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

  @Override Map<String, String> generatorGaps() {
    return Map.of("motion.all-cameras", "MotionSampleGenerator.CAMERAS is 4; the release films every take with"
        + " 12 synchronised cameras (C1-C12), so each sample take lacks C5-C12: write 12 cameras per take");
  }

  /** Two takes of 4 cameras x 2 frames: items 1..15 carry the three kinds five times. */
  @Override int defectItems() { return 16; }

  @Override int cleanItems() { return 8; }
}
