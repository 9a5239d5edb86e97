package org.trainset.families.motion;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub human motion (families doc §6): {@code Annotation/2D|3D}, {@code image}, {@code video}
 * folders with scenario folders ({@code 28-8}) and camera folders ({@code 28-8-001-C1}); 2D
 * keypoints with visibility 0/1/2, 3D {@code 3d_pos} (24 joints) and camera parameters. Read and
 * written in the release layout; also published as COCO keypoints. See docs/formats/aihub.motion.md.
 */
public final class MotionFormat implements Format {
  public static final String ID = "aihub.motion";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub human motion: Annotation/2D|3D keypoint JSON per camera frame, scenario-take-camera folders";
  }
  @Override public FormatDetector detector() { return new MotionDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new MotionReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new MotionWriter()); }
}
