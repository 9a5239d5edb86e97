package org.trainset.inspect.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trainset.inspect.rules.Items.box;
import static org.trainset.inspect.rules.Items.image;
import static org.trainset.inspect.rules.Items.rect;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.*;

/** Two readers' shapes: optimal IoU matching, per-label agreement, dual-read consensus. */
class MatchingAndConsensusTest {

  @Test void optimalAssignmentBeatsGreedy() {
    // Greedy by best IoU would pair a0 with b0 (IoU 0.6) and leave a1 without a match above 0.5;
    // the optimal assignment pairs a0-b1 and a1-b0.
    List<Box> a = List.of(box("a0", "car", 0, 0, 10, 10), box("a1", "car", 4, 0, 10, 10));
    List<Box> b = List.of(box("b0", "car", 2.5, 0, 10, 10), box("b1", "car", -2, 0, 10, 10));
    ShapeMatching.Result r = ShapeMatching.match(a, b, 0.5);
    assertEquals(2, r.pairs().size(), r.toString());
    assertEquals(1, r.pairs().get(0).b());
    assertEquals(0, r.pairs().get(1).b());
    assertEquals(8.0 / 12, r.pairs().get(0).iou(), 1e-12);
  }

  @Test void polygonIouAndPerLabelAgreement() {
    List<Annotation> a = List.of(rect("p", "lesion", 0, 0, 10, 10), box("c", "cyst", 50, 50, 10, 10),
        box("x", "mass", 100, 100, 5, 5));
    List<Annotation> b = List.of(rect("q", "lesion", 5, 0, 10, 10), box("d", "mass", 50, 50, 10, 10));
    ShapeMatching.Result r = ShapeMatching.match(a, b, 0.3);
    assertEquals(1.0 / 3, r.pairs().get(0).iou(), 1e-9);
    ShapeMatching.LabelAgreement agreement = new ShapeMatching.LabelAgreement();
    agreement.add(a, b, r);
    assertEquals(1.0, agreement.agreement("lesion"));
    assertEquals(0.0, agreement.agreement("cyst"));
    // mass: reader B's one box was the cyst's place; reader A's mass box is unmatched.
    assertEquals(List.of(0L, 1L, 1L), java.util.Arrays.stream(agreement.counts().get("mass")).boxed().toList());
  }

  @Test void dualReadKeepsOnlyAgreement() {
    Item a = new Item("fundus-1", null, List.of(MediaRef.image("f.jpg", 100, 100)), Map.of(), List.of(
        new Tag(AnnotationMeta.of("glaucoma")), new Tag(AnnotationMeta.of("left")),
        rect("1", "lesion", 0, 0, 20, 20), box("2", "drusen", 40, 40, 10, 10), box("3", "drusen", 80, 80, 5, 5)));
    Item b = new Item("fundus-1", null, List.of(MediaRef.image("f.jpg", 100, 100)), Map.of(), List.of(
        new Tag(AnnotationMeta.of("glaucoma")), new Tag(AnnotationMeta.of("right")),
        rect("9", "lesion", 1, 1, 20, 20), box("8", "hemorrhage", 40, 40, 10, 10)));
    DualReadConsensus.Outcome o = new DualReadConsensus(0.5).combine(a, b);
    assertEquals(List.of("glaucoma", "lesion"), o.consensus().annotations().stream().map(Annotation::label).toList());
    assertEquals(List.of("tag-only-a", "tag-only-b", "label", "only-a"),
        o.disagreements().stream().map(DualReadConsensus.Disagreement::kind).toList());
    assertEquals("hemorrhage", o.disagreements().get(2).labelB());
  }

  @Test void matchingAnEmptyReader() {
    ShapeMatching.Result r = ShapeMatching.match(List.of(box("a", "x", 0, 0, 1, 1)), List.<Box>of(), 0.5);
    assertEquals(List.of(0), r.onlyA());
    assertEquals(0, image("i", 1, 1, List.of()).annotations().size());
  }
}
