// Video tracks on the editor's canvas: a track is drawn, picked and edited as its shape at the
// presented frame (video-math.ts interpolates between keyframes). Keyframes are drawn solid and
// interpolated positions dashed; editing the shape on the canvas stores a keyframe at that frame.
import { isSpatial, type Annotation, type SpatialAnnotation, type TrackAnn } from '../app/model';
import { trackShapeAt, withKeyframe } from '../editor/panels/video-math';

/** The track's shape at `frame` with the track's label, or null when nothing is shown there. */
export function trackShape(track: TrackAnn, frame: number): SpatialAnnotation | null {
  const s = trackShapeAt(track, frame);
  return s && isSpatial(s) ? { ...s, label: track.label } : null;
}

/** Whether the track has a keyframe (a shape of its own, not interpolated) at `frame`. */
export function isKeyframeAt(track: TrackAnn, frame: number): boolean {
  return track.frames.some(f => f.frame === frame && f.keyframe && !f.outside);
}

/** What the canvas draws for `a` at `frame`: spatial annotations as they are, tracks at the frame. */
export function canvasShape(a: Annotation, frame: number): SpatialAnnotation | null {
  if (a.type === 'track') return trackShape(a, frame);
  return isSpatial(a) ? a : null;
}

/** `a` after its canvas shape became `shape` at `frame`: a track gets (or replaces) the keyframe there. */
export function withCanvasShape(a: Annotation, shape: SpatialAnnotation, frame: number): Annotation {
  return a.type === 'track' ? withKeyframe(a, frame, shape) : shape;
}
