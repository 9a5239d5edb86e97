package org.trainset.cli.packs;

import java.util.Map;
import java.util.Set;

/** aihub.xray: maker/item/sample folders with COCO polygons (read by the coco format) and VOC boxes. */
class XrayPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.xray"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of("box-polygon-mismatch", "xray.box-matches-polygon");
  }

  @Override Map<String, String> outOfReach() {
    return Map.of(
        "wrong-category", "a battery labelled Hammer is still one of the 38 categories (needs the pixels)",
        "missing-annotation", "an object drawn but not annotated leaves no annotation to check");
  }

  /** Makers cycle 1:1:1 but the sample folders cannot hit 15/15/40/30 at a dozen images. */
  @Override Set<String> deliveryTargets() { return Set.of("xray.composition", "xray.maker-balance"); }

  /** Items 1..11: the three kinds twice. */
  @Override int defectItems() { return 12; }
}
