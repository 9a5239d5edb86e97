package org.trainset.cli.packs;

import java.util.Map;
import java.util.Set;

/** aihub.face: per-person condition grids (S001 / L1 / E01-E03 / C1-C4 in the sample). */
class FacePackTest extends FamilyPackContract {
  @Override String family() { return "aihub.face"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of("missing-shot", "face.grid-gaps");
  }

  @Override Map<String, String> outOfReach() {
    return Map.of("swapped-landmarks", "7 points with valid flags; telling right from left eye needs a landmark"
        + " geometry rule (point 1 right of point 2 on frontal angles), which the engine does not have");
  }

  /** The full 32,400-shot grid per person is what the release delivers, not what a sample shoots. */
  @Override Set<String> deliveryTargets() { return Set.of("face.grid"); }

  /** Two people with 12 shots each: person 0 loses a shot, person 1 gets swapped eyes. */
  @Override int defectItems() { return 24; }
}
