package org.trainset.refine.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.refine.deid.Region;

/**
 * Regions from the item's box tracks whose label is one of {@code labels} (CVAT for video): on a
 * listed frame the box there; between two listed frames the box linearly interpolated, as CVAT
 * interpolates between keyframes; none from a frame marked {@code outside} until the next listed
 * frame, none before the first or after the last.
 */
public final class TrackRegions implements FrameRegions {
  private final Set<String> labels;

  public TrackRegions(Set<String> labels) {
    this.labels = Set.copyOf(labels);
  }

  @Override public String name() {
    return "annotation";
  }

  @Override public List<Region> detect(Item item, MediaRef video, long frame, Mat image) {
    List<Region> out = new ArrayList<>();
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Track t) || !labels.contains(t.label())) continue;
      Box b = boxAt(t, frame);
      if (b == null) continue;
      Region r = Region.covering(b.x(), b.y(), b.x2(), b.y2(), t.label(), name());
      if (r != null) out.add(r);
    }
    return out;
  }

  /** The track's box on {@code frame}, or null where the object is not in view. */
  static Box boxAt(Track t, long frame) {
    List<TrackFrame> frames = t.frames();
    for (int i = 0; i < frames.size(); i++) {
      TrackFrame f = frames.get(i);
      if (!(f.shape() instanceof Box b)) return null;
      if (f.frame() == frame) return f.outside() ? null : b;
      if (f.frame() > frame) return null;
      TrackFrame n = i + 1 < frames.size() ? frames.get(i + 1) : null;
      if (n != null && n.frame() > frame) {
        if (f.outside() || !(n.shape() instanceof Box nb)) return null;
        double k = (frame - f.frame()) / (double) (n.frame() - f.frame());
        return new Box(b.meta(), lerp(b.x(), nb.x(), k), lerp(b.y(), nb.y(), k), lerp(b.width(), nb.width(), k),
            lerp(b.height(), nb.height(), k));
      }
    }
    return null;
  }

  private static double lerp(double a, double b, double k) {
    return a + (b - a) * k;
  }
}
