package org.trainset.refine.video;

import java.io.IOException;
import java.util.List;
import org.opencv.core.Mat;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.refine.deid.Region;
import org.trainset.refine.deid.RegionDetector;

/**
 * Finds the regions of one video frame to de-identify. Implementations: {@link TrackRegions}
 * (the item's tracks), {@link VideoRegionList} (a list people made) and {@link #perFrame} (any
 * image detector, e.g. the OpenCV Haar cascades of {@code deid images}, run on every frame).
 */
public interface FrameRegions {
  String name();

  /** Regions on frame {@code frame} (0-based) of {@code video}; {@code image} is BGR, not to be modified. */
  List<Region> detect(Item item, MediaRef video, long frame, Mat image) throws IOException;

  /** An image detector applied to every frame. */
  static FrameRegions perFrame(RegionDetector detector) {
    return new FrameRegions() {
      @Override public String name() {
        return detector.name();
      }

      @Override public List<Region> detect(Item item, MediaRef video, long frame, Mat image) throws IOException {
        return detector.detect(item, video.path() + "#" + frame, null, image);
      }
    };
  }
}
