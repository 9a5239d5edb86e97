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
import org.trainset.core.spi.Problem;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.Inspector;
import org.trainset.inspect.rules.InspectionRun;
import org.trainset.inspect.rules.RulePacks;

/**
 * aihub.medical: mammography view sets (DICOM) and fundus images with their CSV. The generator's
 * planted defects are all layout problems the reader reports as errors (a missing view, an image
 * without its row, a row without its image, a bad name): {@code inspect} stops on them with exit 3
 * and {@code validate} lists them; the pack's medical.views grid finds the missing view when the
 * items are read past the problem.
 */
class MedicalPackTest extends FamilyPackContract {
  private static final Set<String> LAYOUT_KINDS = Set.of("medical.missing-view", "medical.unlisted-image",
      "medical.missing-image", "medical.bad-name");

  @Override String family() { return "aihub.medical"; }

  @Override Map<String, String> ruleForKind() { return Map.of(); }

  @Override Map<String, String> generatorGaps() {
    return Map.of("medical.fundus-code-wide", "MedicalSampleGenerator gives wide-angle images any of CODES, Glaucoma"
        + " included; the release's wide-angle set is Normal, DMR, AMD and RVO (glaucoma is general-camera only):"
        + " draw wide codes from {Normal, AMD, DMR, RVO}");
  }

  @Override boolean isGeneratorGap(Found f) {
    return f.rule().equals("medical.fundus-code-wide") && f.message().contains("'Glaucoma'");
  }

  /** The sample's patient and fundus counts are far from 1,500 : 1,500 : 4,500 and the fundus plan. */
  @Override Set<String> deliveryTargets() { return Set.of("medical.composition", "medical.fundus-composition"); }

  /** One patient (4 views) and four fundus images per 8 items. */
  @Override int defectItems() { return 16; }

  @Override @Test void everyPlantedDefectIsFoundByItsRuleAndNothingElse() throws Exception {
    Path dir = tmp.resolve("defects");
    List<Planted> planted = PackRun.sample(family(), dir, defectItems(), 1, true);
    assertEquals(LAYOUT_KINDS, Set.copyOf(planted.stream().map(Planted::kind).toList()), planted.toString());

    Cli.Result inspect = Cli.run("inspect", dir.toString(), "--rules", family(), "--json");
    // Readers' error problems are input errors for inspect (ProblemSink.FAIL). Should inspect learn
    // to report reader problems as findings, map these kinds to their problem codes here instead.
    assertEquals(3, inspect.exitCode(), "inspect stops on the reader's layout errors: " + inspect);
    assertTrue(inspect.err().contains("medical.missing-view"), inspect.err());

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
    List<Problem> seen = new ArrayList<>();
    ReadOptions lenient = ReadOptions.defaults().withProblems(seen::add);
    var format = FormatRegistry.load().require(family());
    ReadPlan plan = Datasets.plan(format, dir, lenient);
    InspectionRun run = new Inspector(RulePacks.load(family())).newRun();
    List<Finding> findings = new ArrayList<>();
    for (Item item : Datasets.readAll(plan, lenient)) run.add(item, findings::add);
    run.finish(findings::add);
    Planted missing = planted.stream().filter(d -> d.kind().equals("medical.missing-view")).findFirst().orElseThrow();
    List<Finding> views = findings.stream().filter(f -> f.ruleId().equals("medical.views")).toList();
    assertEquals(1, views.size(), findings.toString());
    assertTrue(views.get(0).message().contains("patient_id '" + missing.item() + "' misses 1 of 4"), views.toString());
    assertTrue(views.get(0).message().contains("view=LMLO"), views.toString());
    assertEquals(4, seen.size(), "the four planted layout problems: " + seen);
  }
}
