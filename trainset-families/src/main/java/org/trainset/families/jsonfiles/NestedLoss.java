package org.trainset.families.jsonfiles;

import org.trainset.core.convert.LossReport;

/**
 * A family writer that writes part of its layout through a generic writer (CVAT, COCO, VOC)
 * gives it its own lenient report: the generic writer's path and id changes are undone when the
 * family moves its files into place, but what it dropped is dropped from the family's output too
 * and is passed on (the outer report throws when it is strict).
 */
public final class NestedLoss {
  private NestedLoss() {}

  public static void forwardDropped(LossReport inner, LossReport outer) {
    for (LossReport.Entry e : inner.entries()) {
      if (e.kind() == LossReport.Kind.DROPPED) outer.record(e);
    }
  }
}
