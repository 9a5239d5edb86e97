// Frame arithmetic and track interpolation for the video panel. Frames are indices from the probed
// fps (media info `fps`), never derived from currentTime alone: a seek goes to the middle of the
// frame, (n + 0.5) / fps, so rounding cannot land on a neighbour, and the presented frame is read
// back from requestVideoFrameCallback's mediaTime.
import type { Annotation, TrackAnn, TrackFrame } from '../../app/model';

/** The frame presented at media time `seconds` (a presentation time a hair below n / fps is n). */
export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor(seconds * fps + 0.01));
}

/** Where to seek to present frame `n`. */
export function seekTimeOf(frame: number, fps: number): number {
  return (Math.max(0, frame) + 0.5) / fps;
}

/** `seconds` moved to the nearest frame boundary. */
export function snapToFrame(seconds: number, fps: number): number {
  return Math.round(seconds * fps) / fps;
}

/** Rounds seconds to the microsecond so that saved times do not carry float noise (0.30000000000000004). */
export function tidy(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

function lerp(a: number, b: number, f: number): number {
  return a + (b - a) * f;
}

/** Linear interpolation between two shapes of the same type (and point count); null when they differ. */
export function interpolateShape(a: Annotation, b: Annotation, f: number): Annotation | null {
  if (a.type === 'box' && b.type === 'box') {
    return { ...a, x: lerp(a.x, b.x, f), y: lerp(a.y, b.y, f), w: lerp(a.w, b.w, f), h: lerp(a.h, b.h, f),
      rotation: a.rotation === undefined && b.rotation === undefined ? undefined : lerp(a.rotation ?? 0, b.rotation ?? 0, f) };
  }
  if ((a.type === 'polygon' || a.type === 'polyline' || a.type === 'points') && a.type === b.type && a.points.length === b.points.length) {
    return { ...a, points: a.points.map((v, i) => lerp(v, b.points[i]!, f)) } as Annotation;
  }
  return null;
}

/**
 * A track's shape at `frame`: a keyframe's own shape on it; between two keyframes the linear
 * interpolation of their shapes (unless the earlier one is "outside", i.e. the object left the
 * view); after the last keyframe its shape, unless it is outside. Null when nothing is shown.
 */
export function trackShapeAt(track: TrackAnn, frame: number): Annotation | null {
  const frames = [...track.frames].sort((p, q) => p.frame - q.frame);
  let before: TrackFrame | undefined, after: TrackFrame | undefined;
  for (const f of frames) {
    if (f.frame <= frame) before = f;
    else { after = f; break; }
  }
  if (!before || before.outside) return null;
  if (before.frame === frame || !after || after.outside || !after.keyframe) return before.shape;
  const t = (frame - before.frame) / (after.frame - before.frame);
  return interpolateShape(before.shape, after.shape, t) ?? before.shape;
}

/** The track with a keyframe at `frame` holding `shape` (replacing one there), frames kept in order. */
export function withKeyframe(track: TrackAnn, frame: number, shape: Annotation): TrackAnn {
  const rest = track.frames.filter(f => f.frame !== frame);
  const frames = [...rest, { frame, outside: false, keyframe: true, shape }].sort((p, q) => p.frame - q.frame);
  return { ...track, frames };
}

/** The track without its frame entry at `frame`. */
export function withoutKeyframe(track: TrackAnn, frame: number): TrackAnn {
  return { ...track, frames: track.frames.filter(f => f.frame !== frame) };
}
