package org.trainset.refine.deid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;
import org.trainset.core.model.Item;

/**
 * Finds the regions of one image to de-identify. Implementations: {@link AnnotationRegions}
 * (existing annotations with chosen labels), {@link HaarCascadeRegions} (OpenCV cascades) and
 * {@link RegionListRegions} (a file people edited after review). Detectors are combined; a region
 * list can also veto detections it marks as false hits.
 */
public interface RegionDetector {
  /** What the log names as the detector. */
  String name();

  /**
   * @param item      the item the image belongs to
   * @param mediaPath the image's path as the dataset names it
   * @param file      the image file
   * @param image     the decoded image (BGR), not to be modified
   */
  List<Region> detect(Item item, String mediaPath, Path file, Mat image) throws IOException;
}
