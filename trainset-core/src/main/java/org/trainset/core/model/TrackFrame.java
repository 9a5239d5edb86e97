package org.trainset.core.model;

/**
 * One frame of a video track: the shape there (its meta carries per-frame attributes and
 * occlusion), whether the object is outside the view from this frame on, and whether the frame
 * was drawn by a person (keyframe) or interpolated.
 */
public record TrackFrame(int frame, Annotation shape, boolean outside, boolean keyframe) {
  public TrackFrame {
    if (shape instanceof Track || shape instanceof TextPair || shape instanceof TimeEvent) {
      throw new IllegalArgumentException("a track frame holds a shape, not " + shape.type().key());
    }
  }
}
