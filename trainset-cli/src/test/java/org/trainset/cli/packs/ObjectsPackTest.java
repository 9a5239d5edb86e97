package org.trainset.cli.packs;

import java.util.Map;
import java.util.Set;

/** aihub.objects: one JSON per image in collection/sub-category folders. */
class ObjectsPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.objects"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of(
        "missing-attribute", "objects.environment.weather",
        "unmapped-ontology", "objects.ontology",
        "box-outside-image", "objects.inside-image");
  }

  @Override Map<String, String> outOfReach() {
    return Map.of("box-off-object", "a shifted box is still a valid box inside the image (needs the pixels)");
  }

  /** The sample cycles the three collections equally; the release is 2.6M : 0.8M : 0.2M. */
  @Override Set<String> deliveryTargets() { return Set.of("objects.composition"); }

  /** Items 1, 3, 5, 7 carry the four planted kinds. */
  @Override int defectItems() { return 8; }
}
