package org.trainset.cli.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trainset.cli.Cli;
import org.trainset.cli.packs.PackRun.Found;
import org.trainset.cli.packs.PackRun.Planted;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.InspectionRun;
import org.trainset.inspect.rules.RulePacks;

/**
 * aihub.medical: mammography view sets (DICOM) and fundus images with their CSV. The generator's
 * planted defects are all layout problems the reader reports as errors (a missing view, an image
 * without its row, a row without its image, a bad name): {@code inspect} reports them as findings
 * beside the pack's own (the view grid names the patient missing a view), and {@code validate}
 * lists them.
 */
class MedicalPackTest extends FamilyPackContract {
  private static final Set<String> LAYOUT_KINDS = Set.of("medical.missing-view", "medical.unlisted-image",
      "medical.missing-image", "medical.bad-name");

  @Override String family() { return "aihub.medical"; }

  @Override Map<String, String> ruleForKind() { return Map.of(); }

  /** The sample's patient and fundus counts are far from 1,500 : 1,500 : 4,500 and the fundus plan. */
  @Override Set<String> deliveryTargets() { return Set.of("medical.composition", "medical.fundus-composition"); }

  /** One patient (4 views) and four fundus images per 8 items. */
  @Override int defectItems() { return 16; }

  @Override @Test void everyPlantedDefectIsFoundByItsRuleAndNothingElse() throws Exception {
    Path dir = tmp.resolve("defects");
    List<Planted> planted = PackRun.sample(family(), dir, defectItems(), 1, true);
    assertEquals(LAYOUT_KINDS, Set.copyOf(planted.stream().map(Planted::kind).toList()), planted.toString());

    Cli.Result inspect = Cli.run("inspect", dir.toString(), "--rules", family(), "--json");
    assertEquals(1, inspect.exitCode(), inspect.toString());
    JsonNode shown = new ObjectMapper().readTree(inspect.out()).get("shown");
    for (Planted d : planted) {
      boolean found = false;
      for (JsonNode f : shown) found |= f.get("rule").asText().equals(d.kind()) && f.path("item").asText().equals(d.item());
      assertTrue(found, d + " not reported by inspect: " + shown);
    }

    Cli.Result validate = Cli.run("validate", dir.toString(), "--json");
    assertEquals(1, validate.exitCode(), validate.toString());
    JsonNode problems = new ObjectMapper().readTree(validate.out()).get("findings");
    for (Planted d : planted) {
      boolean found = false;
      for (JsonNode p : problems) found |= p.get("rule").asText().equals(d.kind()) && p.get("item").asText().equals(d.item());
      assertTrue(found, d + " not reported by validate: " + problems);
    }
    assertEquals(planted.size(), problems.size(), "validate reports only what was planted: " + problems);

    // Read past the problems, as validate does: the pack's view grid names the patient with 3 views.
    List<Issue> seen = new ArrayList<>();
    ReadOptions lenient = ReadOptions.defaults().withProblems(seen::add);
    var format = FormatRegistry.load().require(family());
    ReadPlan plan = Datasets.plan(format, dir, lenient);
    InspectionRun run = new Inspector(RulePacks.load(family())).newRun();
    List<Issue> findings = new ArrayList<>();
    for (Item item : Datasets.readAll(plan, lenient)) run.add(item, findings::add);
    run.finish(findings::add);
    Planted missing = planted.stream().filter(d -> d.kind().equals("medical.missing-view")).findFirst().orElseThrow();
    List<Issue> views = findings.stream().filter(f -> f.rule().equals("medical.views")).toList();
    assertEquals(1, views.size(), findings.toString());
    assertTrue(views.get(0).message().contains("patient_id '" + missing.item() + "' misses 1 of 4"), views.toString());
    assertTrue(views.get(0).message().contains("view=LMLO"), views.toString());
    assertEquals(4, seen.size(), "the four planted layout problems: " + seen);
  }
}
