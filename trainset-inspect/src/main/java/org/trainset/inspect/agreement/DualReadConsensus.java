package org.trainset.inspect.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Tag;
import org.trainset.core.geometry.Shapes;

/**
 * Two specialists read the same item; only what they agree on is kept (the seed's fundus and
 * mammography rule). Item-level tags agree when both readers gave the label; shapes agree when
 * they match by IoU ≥ {@code minIou} with the same label (reader A's geometry is kept). The rest
 * becomes a {@link Disagreement} for adjudication or exclusion.
 */
public final class DualReadConsensus {
  private final double minIou;

  public DualReadConsensus(double minIou) {
    this.minIou = minIou;
  }

  /** Something the readers did not agree on. */
  public record Disagreement(String itemId, String kind, String labelA, String labelB, double iou) { }

  /** The agreed item (annotations both readers share) and what was left out. */
  public record Outcome(Item consensus, List<Disagreement> disagreements) { }

  public Outcome combine(Item readerA, Item readerB) {
    if (!Objects.equals(readerA.id(), readerB.id())) {
      throw new IllegalArgumentException("readers judged different items: " + readerA.id() + " / " + readerB.id());
    }
    List<Annotation> kept = new ArrayList<>();
    List<Disagreement> out = new ArrayList<>();
    List<String> tagsA = tags(readerA);
    List<String> tagsB = tags(readerB);
    for (Annotation a : readerA.annotations()) {
      if (a instanceof Tag t) {
        if (tagsB.contains(t.label())) kept.add(t);
        else out.add(new Disagreement(readerA.id(), "tag-only-a", t.label(), null, 0));
      }
    }
    for (String t : tagsB) {
      if (!tagsA.contains(t)) out.add(new Disagreement(readerA.id(), "tag-only-b", null, t, 0));
    }
    List<Annotation> shapesA = shapes(readerA);
    List<Annotation> shapesB = shapes(readerB);
    ShapeMatching.Result r = ShapeMatching.match(shapesA, shapesB, minIou);
    for (ShapeMatching.Pair p : r.pairs()) {
      Annotation a = shapesA.get(p.a());
      if (p.sameLabel()) {
        kept.add(a);
      } else {
        out.add(new Disagreement(readerA.id(), "label", a.label(), shapesB.get(p.b()).label(), p.iou()));
      }
    }
    for (int i : r.onlyA()) out.add(new Disagreement(readerA.id(), "only-a", shapesA.get(i).label(), null, 0));
    for (int j : r.onlyB()) out.add(new Disagreement(readerA.id(), "only-b", null, shapesB.get(j).label(), 0));
    return new Outcome(readerA.withAnnotations(kept), out);
  }

  private static List<String> tags(Item item) {
    return item.annotations().stream().filter(a -> a instanceof Tag).map(Annotation::label).toList();
  }

  private static List<Annotation> shapes(Item item) {
    return item.annotations().stream().filter(a -> Shapes.outline(a) != null).toList();
  }
}
