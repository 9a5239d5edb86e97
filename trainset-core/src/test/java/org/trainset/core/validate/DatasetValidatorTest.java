package org.trainset.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.*;
import org.trainset.core.issue.Issue;

class DatasetValidatorTest {
  private static List<String> rules(DatasetSchema schema, Item... items) throws Exception {
    List<Issue> problems = new ArrayList<>();
    DatasetValidator v = new DatasetValidator(schema, problems::add);
    for (Item i : items) v.check(i);
    return problems.stream().map(Issue::rule).toList();
  }

  private static Item image(String id, Annotation... anns) {
    return new Item(id, null, List.of(MediaRef.image(id + ".jpg", 100, 50)), Map.of(), List.of(anns));
  }

  @Test
  void cleanItemHasNoProblems() throws Exception {
    DatasetSchema s = DatasetSchema.empty().withLabelsAdded(List.of("car"));
    assertEquals(List.of(), rules(s, image("a", new Box(AnnotationMeta.of("car"), 0, 0, 100, 50),
        new Polygon(AnnotationMeta.of("car"), new double[] {0, 0, 10, 0, 0, 10}))));
  }

  @Test
  void eachFormatRuleFires() throws Exception {
    DatasetSchema s = DatasetSchema.empty().withLabelsAdded(List.of("car"));
    AnnotationMeta car = AnnotationMeta.of("car");
    assertEquals(List.of("box-outside-image"), rules(s, image("a", new Box(car, 90, 0, 20, 10))));
    assertEquals(List.of("degenerate-box"), rules(s, image("a", new Box(car, 1, 1, 0, 10))));
    assertEquals(List.of("non-finite-coordinate"), rules(s, image("a", new Box(car, Double.NaN, 1, 2, 2))));
    assertEquals(List.of("degenerate-polygon"), rules(s, image("a", new Polygon(car, new double[] {0, 0, 1, 1}))));
    assertEquals(List.of("degenerate-polygon"), rules(s, image("a", new Polygon(car, new double[] {0, 0, 1, 1, 2, 2}))));
    // A bow-tie: its lobes cancel in the shoelace sum; the shared check names the crossing.
    assertEquals(List.of("self-intersecting-polygon"), rules(s, image("a", new Polygon(car, new double[] {0, 0, 10, 10, 10, 0, 0, 10}))));
    assertEquals(List.of("undeclared-label"), rules(s, image("a", new Tag(AnnotationMeta.of("bus")))));
    assertEquals(List.of(), rules(s, image("a", new Caption(AnnotationMeta.of(""), "a caption"))));
    assertEquals(List.of("duplicate-item-id"), rules(s, image("a"), image("a")));
    assertEquals(List.of("visibility-domain"), rules(s, image("a",
        new Points(car, new double[] {1, 1}, new int[] {3}))));
  }
}
