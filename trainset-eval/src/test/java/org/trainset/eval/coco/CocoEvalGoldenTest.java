package org.trainset.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainset.core.progress.Progress;
import org.trainset.testkit.SharedFixtures;

/** Every golden case produced by pycocotools: all summary stats and per-category AP/AR. */
class CocoEvalGoldenTest {
  private static final double TOL = 1e-9;

  @ParameterizedTest
  @ValueSource(strings = {"bbox_simple", "bbox_crowd", "bbox_empty_and_missing", "bbox_ties", "bbox_areas",
      "bbox_maxdets", "bbox_random_large", "segm_poly_rle", "keypoints"})
  void matchesPycocotools(String name) throws Exception {
    Path dir = SharedFixtures.golden("coco-eval/" + name);
    JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    IouType type = IouType.of(expected.get("iouType").asText());
    CocoEvalResult r = CocoEval.evaluate(dir.resolve("gt.json"), dir.resolve("dt.json"), type, Progress.NONE);
    double[] stats = r.stats();
    JsonNode want = expected.get("stats");
    assertEquals(want.size(), stats.length);
    for (int i = 0; i < stats.length; i++) {
      assertEquals(want.get(i).asDouble(), stats[i], TOL, name + " stats[" + i + "]");
    }
    List<CocoEvalResult.CategoryResult> cats = r.perCategory();
    JsonNode perCat = expected.get("per_category_ap");
    assertEquals(perCat.size(), cats.size());
    for (int k = 0; k < cats.size(); k++) {
      JsonNode c = perCat.get(k);
      CocoEvalResult.CategoryResult got = cats.get(k);
      assertEquals(c.get("category_id").asLong(), got.categoryId());
      assertEquals(c.get("ap").asDouble(), got.ap(), TOL, name + " cat " + got.categoryId() + " ap");
      assertEquals(c.get("ap50").asDouble(), got.ap50(), TOL, name + " cat " + got.categoryId() + " ap50");
      assertEquals(c.get("ap75").asDouble(), got.ap75(), TOL, name + " cat " + got.categoryId() + " ap75");
      assertEquals(c.get("ar").asDouble(), got.ar(), TOL, name + " cat " + got.categoryId() + " ar");
    }
  }

  @org.junit.jupiter.api.Test
  void thresholdsAreNumpyLinspace() {
    CocoParams p = new CocoParams(IouType.BBOX);
    assertEquals(0.8999999999999999, p.iouThrs[8], 0);
    assertEquals(0.35000000000000003, p.recThrs[35], 0);
    assertEquals(1.0, p.recThrs[100], 0);
  }
}
