package org.trainset.inspect.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trainset.inspect.rules.Items.ruleIds;
import static org.trainset.inspect.rules.Items.run;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Item;
import org.trainset.core.issue.Issue;
import org.trainset.inspect.rules.RulePacks;

/** Each built-in pack finds nothing on a clean sample and exactly the planted defects on a bad one. */
class FamilyPacksTest {

  private static void check(String pack, Function<Boolean, List<Item>> sample, List<String> expected) throws Exception {
    List<Issue> clean = run(RulePacks.builtin(pack), sample.apply(false));
    assertEquals(List.of(), clean, pack + " flags the clean sample");
    List<Issue> bad = run(RulePacks.builtin(pack), sample.apply(true));
    assertEquals(expected, ruleIds(bad), pack + " findings: " + bad);
  }

  @Test void sidewalk() throws Exception {
    check("aihub.sidewalk", FamilySamples::sidewalk, List.of("sidewalk.depth-confidence", "sidewalk.depth-files",
        "sidewalk.inside-image", "sidewalk.label", "sidewalk.min-size", "sidewalk.surface-overlap",
        "sidewalk.surface.sidewalk"));
    List<Issue> bad = run(RulePacks.builtin("aihub.sidewalk"), FamilySamples.sidewalk(true));
    // person 30x20 (≤ 32) and bench 60x40 (≤ 64) are both too small; the 40x300 'lamp' is not.
    assertEquals(List.of(30.0, 60.0), bad.stream().filter(f -> f.rule().equals("sidewalk.min-size"))
        .map(Issue::value).toList());
    assertEquals(60.0 * 540, bad.stream().filter(f -> f.rule().equals("sidewalk.surface-overlap"))
        .findFirst().orElseThrow().value());
  }

  @Test void ocr() throws Exception {
    check("aihub.ocr", FamilySamples::ocr, List.of("ocr.charset", "ocr.class", "ocr.max-transcribed"));
  }

  @Test void corpus() throws Exception {
    check("aihub.corpus", FamilySamples::corpus, List.of("corpus.domain", "corpus.domain-composition",
        "corpus.eojeol-average", "corpus.target-text"));
  }

  @Test void objects() throws Exception {
    check("aihub.objects", FamilySamples::objects, List.of("objects.box-size", "objects.category",
        "objects.composition", "objects.one-object"));
  }

  @Test void multimodal() throws Exception {
    check("aihub.multimodal", FamilySamples::multimodal, List.of("multimodal.emotion", "multimodal.person-id",
        "multimodal.utterance-time"));
  }

  @Test void motion() throws Exception {
    check("aihub.motion", FamilySamples::motion, List.of("motion.all-cameras", "motion.camera", "motion.visibility"));
  }

  @Test void face() throws Exception {
    check("aihub.face", FamilySamples::face, List.of("face.gender-balance", "face.grid", "face.grid-gaps",
        "face.landmarks", "face.resolution-size"));
  }

  @Test void xray() throws Exception {
    check("aihub.xray", FamilySamples::xray, List.of("xray.composition", "xray.maker-balance"));
  }

  @Test void medical() throws Exception {
    check("aihub.medical", FamilySamples::medical, List.of("medical.composition", "medical.lesions-only-malignant",
        "medical.views"));
  }

  @Test void cctv() throws Exception {
    check("aihub.cctv", FamilySamples::cctv, List.of("cctv.event-class", "cctv.event-time", "cctv.min-hours",
        "cctv.share"));
  }
}
