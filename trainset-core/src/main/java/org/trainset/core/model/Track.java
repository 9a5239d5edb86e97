package org.trainset.core.model;

import java.util.List;

/** An object followed through video frames (CVAT for video); frames in ascending order. */
public record Track(AnnotationMeta meta, List<TrackFrame> frames) implements Annotation {
  public Track {
    frames = List.copyOf(frames);
  }

  /** The shape kind this track holds ({@code box}, {@code polygon}, ...), or null when empty. */
  public AnnotationType shapeType() {
    return frames.isEmpty() ? null : frames.get(0).shape().type();
  }

  @Override public Track withMeta(AnnotationMeta m) { return new Track(m, frames); }
  @Override public AnnotationType type() { return AnnotationType.TRACK; }
}
