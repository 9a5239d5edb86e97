package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainset.inspect.rules.Items.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.*;

/** Every item-level rule type: one passing and one failing case, with the offending value. */
class ItemRuleTypesTest {

  private static List<Issue> check(String ruleYaml, Item item) throws Exception {
    return new Inspector(pack("pack: t\nrules:\n" + ruleYaml)).checkItem(item);
  }

  @Test void labelWhitelist() throws Exception {
    String r = "  - {id: r, type: label-whitelist, allowed: [car, person]}\n";
    assertTrue(check(r, image("a", 100, 100, List.of(box("1", "car", 0, 0, 10, 10)))).isEmpty());
    List<Issue> f = check(r, image("b", 100, 100, List.of(box("1", "car", 0, 0, 10, 10), box("2", "cow", 0, 0, 5, 5))));
    assertEquals(1, f.size());
    assertEquals("cow", f.get(0).value());
    assertEquals("2", f.get(0).annotation());
    assertEquals("b", f.get(0).item());
    assertEquals(Severity.ERROR, f.get(0).severity());
  }

  @Test void attributeDomain() throws Exception {
    String r = "  - {id: r, type: attribute-domain, labels: [roadway], attribute: surface, values: [crosswalk, normal]}\n";
    assertTrue(check(r, image("a", 9, 9, List.of(rect("1", "roadway", 0, 0, 5, 5, "surface", "normal")))).isEmpty());
    List<Issue> f = check(r, image("a", 9, 9, List.of(rect("1", "roadway", 0, 0, 5, 5, "surface", "blocks"),
        rect("2", "roadway", 0, 0, 5, 5))));
    assertEquals(2, f.size());
    assertEquals("blocks", f.get(0).value());
    assertTrue(f.get(1).message().contains("lacks attribute 'surface'"));
  }

  @Test void minSizeExclusiveWithPerLabelOverride() throws Exception {
    String r = "  - {id: r, type: min-size, min: 64, exclusive: true, by-label: {car: 32}}\n";
    assertTrue(check(r, image("a", 500, 500, List.of(box("1", "bench", 0, 0, 65, 10), box("2", "car", 0, 0, 33, 5)))).isEmpty());
    List<Issue> f = check(r, image("a", 500, 500, List.of(box("1", "bench", 0, 0, 64, 10), box("2", "car", 0, 0, 20, 32))));
    assertEquals(2, f.size());
    assertEquals(64.0, f.get(0).value());
    assertEquals(32.0, f.get(1).value());
  }

  @Test void insideImage() throws Exception {
    String r = "  - {id: r, type: inside-image, tolerance: 1}\n";
    assertTrue(check(r, image("a", 100, 50, List.of(box("1", "x", 0, 0, 100.5, 50)))).isEmpty());
    List<Issue> f = check(r, image("a", 100, 50, List.of(box("1", "x", 90, 10, 20, 10))));
    assertEquals(10.0, f.get(0).value());
  }

  @Test void polygonValidity() throws Exception {
    String r = "  - {id: r, type: polygon-valid}\n";
    assertTrue(check(r, image("a", 100, 100, List.of(rect("1", "x", 0, 0, 10, 10)))).isEmpty());
    List<Issue> f = check(r, image("a", 100, 100, List.of(
        poly("two", "x", new double[] {0, 0, 5, 5}),
        poly("flat", "x", new double[] {0, 0, 5, 5, 10, 10}),
        poly("bowtie", "x", new double[] {0, 0, 10, 10, 10, 0, 0, 10}))));
    assertEquals(List.of("two", "flat", "bowtie"), f.stream().map(Issue::annotation).toList());
    assertEquals(2, f.get(0).value());
    assertEquals("self-intersection", f.get(2).value());
  }

  @Test void noOverlapWithExceptions() throws Exception {
    String r = """
          - id: r
            type: no-overlap
            labels: [sidewalk, roadway, caution_zone, braille_guide_blocks]
            exceptions:
              - {labels: [caution_zone], where: {surface: [manhole]}}
              - {labels: [braille_guide_blocks], max-width: 30}
        """;
    // Adjacent surfaces sharing an edge, a manhole on the sidewalk, a 20 px braille strip: fine.
    Item ok = image("a", 1000, 1000, List.of(
        rect("1", "sidewalk", 0, 0, 500, 500, "surface", "blocks"),
        rect("2", "roadway", 500, 0, 500, 500, "surface", "normal"),
        rect("3", "caution_zone", 100, 100, 50, 50, "surface", "manhole"),
        rect("4", "braille_guide_blocks", 200, 0, 20, 400, "surface", "normal")));
    assertTrue(check(r, ok).isEmpty(), () -> check0(r, ok));
    Item bad = image("b", 1000, 1000, List.of(
        rect("1", "sidewalk", 0, 0, 500, 500, "surface", "blocks"),
        rect("2", "roadway", 400, 0, 500, 500, "surface", "normal"),
        rect("3", "caution_zone", 100, 100, 50, 50, "surface", "grating"),
        rect("4", "braille_guide_blocks", 200, 0, 60, 400, "surface", "normal")));
    List<Issue> f = check(r, bad);
    assertEquals(List.of("2", "3", "4"), f.stream().map(Issue::annotation).toList());
    assertEquals(50_000.0, f.get(0).value());
    assertEquals(2_500.0, f.get(1).value());
  }

  private static String check0(String r, Item i) {
    try {
      return check(r, i).toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  @Test void maxCountWithWhere() throws Exception {
    String r = "  - {id: r, type: max-count, where: {class: [word]}, max: 2}\n";
    assertTrue(check(r, image("a", 9, 9, List.of(box("1", "t", 0, 0, 1, 1, "class", "word"),
        box("2", "t", 0, 0, 1, 1, "class", "ignored"), box("3", "t", 0, 0, 1, 1, "class", "ignored")))).isEmpty());
    List<Issue> f = check(r, image("a", 9, 9, List.of(box("1", "t", 0, 0, 1, 1, "class", "word"),
        box("2", "t", 0, 0, 1, 1, "class", "word"), box("3", "t", 0, 0, 1, 1, "class", "word"))));
    assertEquals(3, f.get(0).value());
  }

  @Test void charset() throws Exception {
    String r = "  - {id: r, type: charset, field: text, allowed: \"가-힣A-Za-z0-9.,!?'\\\"() \"}\n";
    assertTrue(check(r, image("a", 9, 9, List.of(box("1", "t", 0, 0, 1, 1, "text", "안녕 Hello(1)!")))).isEmpty());
    List<Issue> f = check(r, image("a", 9, 9, List.of(box("1", "t", 0, 0, 1, 1, "text", "값: 50%ㄱ"))));
    assertEquals(":%ㄱ", f.get(0).value());
  }

  @Test void keypoints() throws Exception {
    String r = "  - {id: r, type: keypoints, count: 3, visibility: [0, 1, 2], min-labelled: 2}\n";
    Points good = new Points(meta("k", "face"), new double[] {1, 1, 2, 2, 3, 3}, new int[] {2, 1, 0});
    assertTrue(check(r, image("a", 9, 9, List.of(good))).isEmpty());
    Points wrongCount = new Points(meta("k1", "face"), new double[] {1, 1, 2, 2}, new int[] {2, 2});
    Points badFlag = new Points(meta("k2", "face"), new double[] {1, 1, 2, 2, 3, 3}, new int[] {2, 3, 2});
    Points fewLabelled = new Points(meta("k3", "face"), new double[] {1, 1, 2, 2, 3, 3}, new int[] {2, 0, 0});
    List<Issue> f = check(r, image("a", 9, 9, List.of(wrongCount, badFlag, fewLabelled)));
    assertEquals(List.of(2, 3, 1), f.stream().map(Issue::value).toList());
  }

  @Test void companionFiles() throws Exception {
    String r = "  - {id: r, type: companion-files, require: [RCC, LCC, RMLO, LMLO]}\n";
    Item full = new Item("p1", null, List.of(dcm("RCC"), dcm("LCC"), dcm("RMLO"), dcm("LMLO")), Map.of(), List.of());
    assertTrue(check(r, full).isEmpty());
    Item partial = new Item("p2", null, List.of(dcm("RCC"), dcm("LCC"), dcm("RMLO")), Map.of(), List.of());
    List<Issue> f = check(r, partial);
    assertEquals(List.of("LMLO"), f.get(0).value());
  }

  private static MediaRef dcm(String view) {
    return new MediaRef(MediaKind.DICOM, "p/" + view + ".dcm", null, null, Map.of());
  }

  @Test void timeWithinMedia() throws Exception {
    String r = "  - {id: r, type: time-within-media, tolerance: 0.1}\n";
    assertTrue(check(r, video("v", 60, List.of(new TimeEvent(meta("e", "fight"), 1, 60.05)))).isEmpty());
    List<Issue> f = check(r, video("v", 60, List.of(new TimeEvent(meta("e1", "fight"), 10, 75),
        new TimeEvent(meta("e2", "fight"), 30, 20))));
    assertEquals(2, f.size());
    assertEquals(75.0, f.get(0).value());
  }

  @Test void itemAttributeRange() throws Exception {
    String r = "  - {id: r, type: item-attribute, attribute: confidence_ratio, min: 0.2, max: 1}\n";
    assertTrue(check(r, attrs("d", "confidence_ratio", 0.35)).isEmpty());
    assertEquals(0.12, check(r, attrs("d", "confidence_ratio", 0.12)).get(0).value());
    assertTrue(check(r, attrs("d")).get(0).message().contains("missing"));
  }

  @Test void numbersMatchBetweenSourceAndTarget() throws Exception {
    String r = "  - {id: r, type: numbers-match, types: [text_pair]}\n";
    Item same = new Item("1", null, List.of(), Map.of(), List.of(new TextPair(meta(null, ""),
        "예산 1,500억 원 중 12%를", "12% of the 1500 hundred-million-won budget", "ko", "en")));
    assertTrue(check(r, same).isEmpty());
    Item omitted = new Item("2", null, List.of(), Map.of(), List.of(new TextPair(meta(null, ""), "3시에 만나요", "", "ko", "en")));
    assertTrue(check(r, omitted).isEmpty(), "an empty side is for the text rules");
    Item changed = new Item("3", null, List.of(), Map.of(), List.of(new TextPair(meta(null, ""),
        "회의가 15분 늦게 시작한다", "The meeting starts 1000 minutes late.", "ko", "en")));
    List<Issue> f = check(r, changed);
    assertEquals(1, f.size());
    assertEquals("1000", f.get(0).value());
    assertTrue(f.get(0).message().contains("[15]"), f.get(0).message());
  }

  @Test void keypointsInTheirPersonsBox() throws Exception {
    String r = "  - {id: r, type: keypoints-in-box, types: [points], tolerance: 2}\n";
    AnnotationMeta p1 = new AnnotationMeta("1", "person", Map.of(), 1, 0, false, null);
    AnnotationMeta p2 = new AnnotationMeta("2", "person", Map.of(), 2, 0, false, null);
    // Person 1: head at y=10, box from y=9; person 2's point at x=300 is marked 0 (not labelled).
    Points k1 = new Points(p1, new double[] {50, 10, 50, 60}, new int[] {2, 1});
    Points k2 = new Points(p2, new double[] {300, 10, 210, 60}, new int[] {0, 2});
    Box b1 = new Box(p1, 40, 9, 20, 60);
    Box b2 = new Box(p2, 200, 50, 20, 30);
    assertTrue(check(r, image("i", 640, 480, List.of(k1, b1, k2, b2))).isEmpty());
    Box neck = new Box(p1, 40, 40, 20, 30);
    List<Issue> f = check(r, image("i", 640, 480, List.of(k1, neck, k2, b2)));
    assertEquals(1, f.size());
    assertEquals(30.0, f.get(0).value());
    assertTrue(f.get(0).message().contains("[0]"), f.get(0).message());
  }

  @Test void itemAttributePatternAndNestedNames() throws Exception {
    String r = "  - {id: r, type: item-attribute, attribute: env.weather, pattern: '.*\\S.*'}\n";
    assertTrue(check(r, attrs("o", "env", Map.of("weather", "맑음"))).isEmpty());
    assertEquals("", check(r, attrs("o", "env", Map.of("weather", ""))).get(0).value());
    assertTrue(check(r, attrs("o", "env", Map.of())).get(0).message().contains("missing"));
  }

  @Test void boxesMatchTheirPolygonsBounds() throws Exception {
    String r = "  - {id: r, type: box-matches-polygon, types: [box], tolerance: 2}\n";
    AnnotationMeta g1 = new AnnotationMeta("1", "Knife", Map.of(), 1, 0, false, null);
    Polygon knife = new Polygon(g1, new double[] {10, 10, 50, 12, 30, 40});
    assertTrue(check(r, image("x", 640, 480, List.of(knife, new Box(g1, 10, 10, 41, 30)))).isEmpty());
    List<Issue> shifted = check(r, image("x", 640, 480, List.of(knife, new Box(g1, 40, 10, 40, 30))));
    assertEquals(30.0, shifted.get(0).value());
    AnnotationMeta lone = new AnnotationMeta("2", "Knife", Map.of(), null, 0, false, null);
    assertTrue(check(r, image("x", 640, 480, List.of(knife, new Box(lone, 10, 10, 40, 30)))).get(0).message()
        .contains("no polygon"));
  }

  @Test void forbiddenItemAttribute() throws Exception {
    String r = "  - {id: r, type: item-attribute, attribute: mp4Disagreements, forbidden: true}\n";
    assertTrue(check(r, attrs("clip")).isEmpty());
    List<Issue> f = check(r, attrs("clip", "mp4Disagreements", List.of("cctv-fps-mismatch: header fps 30")));
    assertEquals(1, f.size());
    assertEquals(List.of("cctv-fps-mismatch: header fps 30"), f.get(0).value());
  }

  @Test void whenFilterLimitsARuleToMatchingItems() throws Exception {
    String r = "  - {id: r, type: max-count, when: {pathology: [normal]}, types: [polygon], max: 0}\n";
    Item malignant = image("m", 9, 9, List.of(rect("1", "lesion", 0, 0, 2, 2)), "pathology", "malignant");
    Item normal = image("n", 9, 9, List.of(rect("1", "lesion", 0, 0, 2, 2)), "pathology", "normal");
    assertTrue(check(r, malignant).isEmpty());
    assertEquals(1, check(r, normal).size());
  }
}
