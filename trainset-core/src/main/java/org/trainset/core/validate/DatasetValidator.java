package org.trainset.core.validate;

import java.util.HashSet;
import java.util.Set;
import org.trainset.core.geometry.ShapeChecks;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.TextPair;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ProblemSink;

/**
 * Format-level checks every dataset must pass whatever its guidelines: unique item ids, declared
 * labels, finite coordinates, boxes inside their image, polygons with at least three vertices, no
 * crossing edges and a non-zero area ({@link ShapeChecks}, shared with the guideline rules),
 * visibility flags in 0..2. Guideline rules (minimum sizes, overlaps, shares)
 * belong to the inspection stage. Stateful (remembers item ids): one instance per dataset.
 */
public final class DatasetValidator {
  /** Coordinates may exceed the image by this much (pixels) before a box counts as outside. */
  private static final double EDGE_TOLERANCE = 1e-6;

  /** Rule of a repeated item id; a partitioned run finds these across partitions itself. */
  public static final String DUPLICATE_ITEM_ID = "duplicate-item-id";
  /** Rule of a label missing from the schema, reported once per label and dataset. */
  public static final String UNDECLARED_LABEL = "undeclared-label";

  private final DatasetSchema schema;
  private final ProblemSink sink;
  private final Set<String> seenIds = new HashSet<>();
  private final Set<String> reportedLabels = new HashSet<>();
  private long problems;

  public DatasetValidator(DatasetSchema schema, ProblemSink sink) {
    this.schema = schema;
    this.sink = sink;
  }

  public long problems() {
    return problems;
  }

  public void check(Item item) throws InputException {
    if (!seenIds.add(item.id())) {
      problems++;
      sink.report(duplicateItemId(item.id()));
    }
    int index = 0;
    for (Annotation a : item.annotations()) {
      String ann = a.meta().id() != null ? a.meta().id() : "#" + index;
      checkAnnotation(item, a, ann);
      index++;
    }
  }

  private void checkAnnotation(Item item, Annotation a, String ann) throws InputException {
    // Captions and sentence pairs need no label: an empty one means "unlabelled", not undeclared.
    boolean unlabelledText = a.label().isEmpty() && (a instanceof Caption || a instanceof TextPair);
    if (!unlabelledText && !schema.labels().isEmpty() && !schema.declares(a.label()) && reportedLabels.add(a.label())) {
      report(UNDECLARED_LABEL, item, ann, "label '" + a.label() + "' is not declared in the dataset's labels");
    }
    if (a instanceof Box b) {
      checkBox(item, b, ann);
    } else if (a instanceof Polygon p) {
      checkPolygon(item, p, ann);
    } else if (a instanceof Points p) {
      for (int i = 0; i < p.count(); i++) {
        if (!Double.isFinite(p.x(i)) || !Double.isFinite(p.y(i))) {
          report("non-finite-coordinate", item, ann, "point " + i + " is not a finite number");
        }
        if (p.visibility(i) < 0 || p.visibility(i) > 2) {
          report("visibility-domain", item, ann, "point " + i + " has visibility " + p.visibility(i) + ", not 0, 1 or 2");
        }
      }
    } else if (a instanceof Track t) {
      int last = Integer.MIN_VALUE;
      for (TrackFrame f : t.frames()) {
        if (f.frame() <= last) report("track-order", item, ann, "frame " + f.frame() + " follows frame " + last);
        last = f.frame();
        checkAnnotation(item, f.shape().withMeta(f.shape().meta().withLabel(t.label())), ann + "@" + f.frame());
      }
    }
  }

  private void checkBox(Item item, Box b, String ann) throws InputException {
    if (!Double.isFinite(b.x()) || !Double.isFinite(b.y()) || !Double.isFinite(b.width()) || !Double.isFinite(b.height())) {
      report("non-finite-coordinate", item, ann, "box has a coordinate that is not a finite number");
      return;
    }
    if (b.width() <= 0 || b.height() <= 0) {
      report("degenerate-box", item, ann, "box is " + b.width() + "x" + b.height());
    }
    Integer w = item.width();
    Integer h = item.height();
    if (w != null && h != null && b.rotation() == 0 && ShapeChecks.outsideBy(b, w, h) > EDGE_TOLERANCE) {
      report("box-outside-image", item, ann, String.format(java.util.Locale.ROOT,
          "box [%.2f, %.2f, %.2f, %.2f] leaves the %dx%d image", b.x(), b.y(), b.x2(), b.y2(), w, h));
    }
  }

  private void checkPolygon(Item item, Polygon p, String ann) throws InputException {
    double[] pts = p.points();
    for (double d : pts) {
      if (!Double.isFinite(d)) {
        report("non-finite-coordinate", item, ann, "polygon has a coordinate that is not a finite number");
        return;
      }
    }
    ShapeChecks.PolygonFault fault = ShapeChecks.polygonFault(p, 3, 0);
    if (fault == null) return;
    switch (fault) {
      case TOO_FEW_POINTS -> report("degenerate-polygon", item, ann, "polygon has " + p.vertexCount() + " vertices, needs at least 3");
      case SELF_INTERSECTION -> report("self-intersecting-polygon", item, ann, "polygon edges cross each other");
      case TOO_SMALL -> report("degenerate-polygon", item, ann, "polygon has zero area");
    }
  }

  /** The problem reported for the second and later items with id {@code itemId}. */
  public static Issue duplicateItemId(String itemId) {
    return Issue.at(Severity.ERROR, DUPLICATE_ITEM_ID, null, -1, itemId, null, "item id '" + itemId + "' appears twice");
  }

  private void report(String rule, Item item, String ann, String message) throws InputException {
    problems++;
    sink.report(Issue.at(Severity.ERROR, rule, null, -1, item.id(), ann, message));
  }
}
