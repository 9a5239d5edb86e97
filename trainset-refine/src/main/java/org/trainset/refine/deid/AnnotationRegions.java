package org.trainset.refine.deid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;
import org.trainset.core.geometry.Shapes;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;

/**
 * Regions from annotations already on the item whose label is one of {@code labels}: boxes as
 * they are (rotated boxes by their bounding rectangle), polygons by their bounding rectangle.
 */
public final class AnnotationRegions implements RegionDetector {
  private final Set<String> labels;

  public AnnotationRegions(Set<String> labels) {
    this.labels = Set.copyOf(labels);
  }

  @Override public String name() {
    return "annotation";
  }

  @Override public List<Region> detect(Item item, String mediaPath, Path file, Mat image) {
    List<Region> out = new ArrayList<>();
    for (Annotation a : item.annotations()) {
      if (!labels.contains(a.label())) continue;
      double x0, y0, x1, y1;
      if (a instanceof Box b) {
        double r = Math.toRadians(b.rotation());
        double hw = (Math.abs(b.width() * Math.cos(r)) + Math.abs(b.height() * Math.sin(r))) / 2;
        double hh = (Math.abs(b.width() * Math.sin(r)) + Math.abs(b.height() * Math.cos(r))) / 2;
        double cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2;
        x0 = cx - hw; x1 = cx + hw; y0 = cy - hh; y1 = cy + hh;
      } else if (a instanceof Polygon p && p.points().length >= 6) {
        double[] bounds = Shapes.bounds(p.points());
        x0 = bounds[0]; y0 = bounds[1]; x1 = bounds[2]; y1 = bounds[3];
      } else {
        continue;
      }
      Region r = Region.covering(x0, y0, x1, y1, a.label(), name());
      if (r != null) out.add(r);
    }
    return out;
  }
}
