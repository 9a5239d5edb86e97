package org.trainset.cli.packs;

import java.util.Map;
import java.util.Set;
import org.trainset.cli.packs.PackRun.Found;
import org.trainset.cli.packs.PackRun.Planted;

/** aihub.cctv: one MP4 + XML per clip in category folders, one clip per class for 12 items. */
class CctvPackTest extends FamilyPackContract {
  @Override String family() { return "aihub.cctv"; }

  @Override Map<String, String> ruleForKind() {
    return Map.of(
        "fps-mismatch", "cctv.media-agreement",
        "frames-mismatch", "cctv.media-agreement",
        "event-beyond-clip", "cctv.event-time",
        "action-frames-reversed", "cctv.event-time");
  }

  @Override Map<String, Set<String>> consequences() {
    return Map.of(
        // The reader also records the overrun among the clip's MP4 disagreements, and the
        // 5 s event (others last 1-1.5 s) inflates its class's share of event time, which
        // pushes other classes' shares down: cctv.share may then name any class.
        "event-beyond-clip", Set.of("cctv.media-agreement", "cctv.share"),
        // The reader records the reversed frame range among the clip's disagreements too.
        "action-frames-reversed", Set.of("cctv.media-agreement"));
  }

  /** cctv.share is dataset-level: an overlong event shifts every class's share of the total. */
  @Override boolean consequenceOf(Found f, Planted d) {
    if (f.item() == null) return f.rule().equals("cctv.share") && d.kind().equals("event-beyond-clip");
    return sameItem(f, d.item());
  }

  @Override Set<String> deliveryTargets() { return Set.of("cctv.min-hours"); }

  /** 12 clips, one per class (so each class holds about 1/12 of event time, inside 9% ± 4%). */
  @Override int defectItems() { return 12; }
}
