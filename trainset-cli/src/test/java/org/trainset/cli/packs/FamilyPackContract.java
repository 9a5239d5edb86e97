package org.trainset.cli.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.packs.PackRun.Found;
import org.trainset.cli.packs.PackRun.Inspection;
import org.trainset.cli.packs.PackRun.Planted;

/**
 * The proof issue 6 asks of each family pack: {@code trainset inspect --rules <family>} finds
 * every defect {@code trainset sample <family> --defects} planted, with the rule meant for it, on
 * the item it was planted in, and reports nothing else; on clean samples (several seeds) it
 * reports nothing at all but the family's delivery targets, which are warnings a sample cannot
 * meet by design. A subclass gives the family's table.
 */
abstract class FamilyPackContract {
  @TempDir Path tmp;

  /** The family's format id, which is also its pack's id. */
  abstract String family();

  /** Defect kind → the rule id that must report it. */
  abstract Map<String, String> ruleForKind();

  /**
   * Defect kind → further rules that genuinely follow from that defect on the same item (each
   * explained where the table is written). Empty by default.
   */
  Map<String, Set<String>> consequences() { return Map.of(); }

  /**
   * Planted kinds no rule over the reader's model can see (they need the pixels, a second
   * reader, or another stage), each with the reason; they are left out of the checks.
   */
  Map<String, String> outOfReach() { return Map.of(); }

  /**
   * Rules the family's generator does not yet satisfy on clean data, each with the change the
   * generator's owner must make (listed in the helper report); their findings are ignored
   * until then. Empty when reader, generator and pack agree.
   */
  Map<String, String> generatorGaps() { return Map.of(); }

  /**
   * Whether {@code f} is one of the {@link #generatorGaps}; a family narrows this when only some
   * findings of a rule are the generator's (one label, say) and the rule must still find the rest.
   */
  boolean isGeneratorGap(Found f) {
    return generatorGaps().containsKey(f.rule());
  }

  /**
   * Dataset-level delivery targets (hours per class, a full condition grid, release
   * proportions): warnings on any sample, by design; ignored, but must stay warnings.
   */
  Set<String> deliveryTargets() { return Set.of(); }

  /** Items of the defective sample (enough for every kind in the table to be planted). */
  abstract int defectItems();

  /** Items of each clean sample. */
  int cleanItems() { return defectItems(); }

  /** Seeds of the clean samples. */
  long[] cleanSeeds() { return new long[] {1, 2, 3, 4, 5}; }

  /** Seeds of the defective samples. */
  long[] defectSeeds() { return new long[] {1, 2}; }

  /**
   * Whether {@code f} reports the defect planted at {@code item}: the same item, or for a
   * dataset-level finding (a gap in a grid, a share) a message naming the item's last path part.
   */
  boolean sameItem(Found f, String item) {
    if (f.item() != null) return f.item().equals(item);
    String last = item.substring(item.lastIndexOf('/') + 1);
    return f.message().contains("'" + last + "'");
  }

  /** Whether {@code f}, one of the kind's {@link #consequences}, follows from {@code d}. */
  boolean consequenceOf(Found f, Planted d) {
    return sameItem(f, d.item());
  }

  @Test void cleanSamplesPassWithNothingToReport() throws Exception {
    for (long seed : cleanSeeds()) {
      Path dir = tmp.resolve("clean-" + seed);
      List<Planted> planted = PackRun.sample(family(), dir, cleanItems(), seed, false);
      assertTrue(planted.isEmpty(), "a clean sample plants nothing: " + planted);
      Inspection r = PackRun.inspect(family(), dir);
      List<Found> unexpected = r.findings().stream().filter(f -> !isExempt(f)).toList();
      assertTrue(unexpected.isEmpty(), family() + " seed " + seed + ": clean sample has findings " + unexpected);
      boolean gapErrors = r.findings().stream()
          .anyMatch(f -> isGeneratorGap(f) && f.severity().equals("error"));
      assertEquals(gapErrors ? 1 : 0, r.exitCode(), r.raw());
      assertTrue(r.items() > 0);
    }
  }

  @Test void everyPlantedDefectIsFoundByItsRuleAndNothingElse() throws Exception {
    Set<String> kindsSeen = new LinkedHashSet<>();
    for (long seed : defectSeeds()) {
      Path dir = tmp.resolve("defects-" + seed);
      List<Planted> planted = PackRun.sample(family(), dir, defectItems(), seed, true);
      assertFalse(planted.isEmpty(), "--defects plants something");
      Inspection r = PackRun.inspect(family(), dir);
      assertEquals(1, r.exitCode(), "error findings exit 1: " + r.raw());
      List<Planted> checked = new ArrayList<>();
      for (Planted d : planted) {
        if (outOfReach().containsKey(d.kind())) continue;
        String rule = ruleForKind().get(d.kind());
        if (rule == null) fail(family() + ": planted kind '" + d.kind() + "' is in neither table: " + d);
        kindsSeen.add(d.kind());
        checked.add(d);
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals(rule) && sameItem(f, d.item())),
            family() + " seed " + seed + ": " + d + " not found by " + rule + "; findings: " + r.findings());
      }
      for (Found f : r.findings()) {
        if (isExempt(f)) continue;
        boolean explained = checked.stream().anyMatch(d ->
            (f.rule().equals(ruleForKind().get(d.kind())) && sameItem(f, d.item()))
                || (consequences().getOrDefault(d.kind(), Set.of()).contains(f.rule()) && consequenceOf(f, d)));
        assertTrue(explained, family() + " seed " + seed + ": finding not planted: " + f + "\nplanted: " + planted);
      }
    }
    assertEquals(ruleForKind().keySet(), kindsSeen, "every kind in the table was planted and checked");
  }

  /** A generator gap, or a delivery target (which must then be a warning). */
  private boolean isExempt(Found f) {
    if (isGeneratorGap(f)) return true;
    if (!deliveryTargets().contains(f.rule())) return false;
    assertEquals("warning", f.severity(), "delivery targets are warnings: " + f);
    return true;
  }
}
