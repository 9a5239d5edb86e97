import { describe, expect, it } from 'vitest';
import type { BoxAnn, TrackAnn } from '../../app/model';
import { frameAt, seekTimeOf, snapToFrame, tidy, trackShapeAt, withKeyframe, withoutKeyframe } from './video-math';

const box = (x: number, w = 10): BoxAnn => ({ type: 'box', label: 'walker', x, y: 0, w, h: 20 });
const track = (...frames: [number, number, boolean?][]): TrackAnn => ({
  type: 'track', label: 'walker',
  frames: frames.map(([frame, x, outside]) => ({ frame, outside: outside ?? false, keyframe: true, shape: box(x) })),
});

describe('frame arithmetic', () => {
  it('seeks to the middle of a frame and reads the frame back from that time', () => {
    for (const fps of [10, 25, 29.97, 30]) {
      for (const n of [0, 1, 7, 15, 299]) expect(frameAt(seekTimeOf(n, fps), fps)).toBe(n);
    }
    // A presentation time a hair below n / fps (container timescale rounding) is frame n.
    expect(frameAt(1.4999, 10)).toBe(15);
    expect(snapToFrame(1.234, 10)).toBeCloseTo(1.2);
    expect(tidy(0.1 + 0.2)).toBe(0.3);
  });
});

describe('tracks', () => {
  it('interpolates linearly between keyframes and holds after the last one', () => {
    const t = track([0, 0], [10, 100]);
    expect((trackShapeAt(t, 0) as BoxAnn).x).toBe(0);
    expect((trackShapeAt(t, 5) as BoxAnn).x).toBe(50);
    expect((trackShapeAt(t, 7) as BoxAnn).x).toBeCloseTo(70);
    expect((trackShapeAt(t, 10) as BoxAnn).x).toBe(100);
    expect((trackShapeAt(t, 30) as BoxAnn).x).toBe(100);
  });

  it('shows nothing before the first keyframe or after the object went outside', () => {
    const t = track([5, 0], [10, 100], [20, 100, true]);
    expect(trackShapeAt(t, 2)).toBeNull();
    expect((trackShapeAt(t, 15) as BoxAnn).x).toBe(100); // no interpolation towards an outside frame
    expect(trackShapeAt(t, 20)).toBeNull();
    expect(trackShapeAt(t, 25)).toBeNull();
  });

  it('adds, replaces and removes keyframes in frame order', () => {
    let t = track([0, 0], [10, 100]);
    t = withKeyframe(t, 5, box(20));
    expect(t.frames.map(f => f.frame)).toEqual([0, 5, 10]);
    expect((trackShapeAt(t, 3) as BoxAnn).x).toBeCloseTo(12);
    t = withKeyframe(t, 5, box(30));
    expect(t.frames).toHaveLength(3);
    expect((trackShapeAt(t, 5) as BoxAnn).x).toBe(30);
    expect(withoutKeyframe(t, 5).frames.map(f => f.frame)).toEqual([0, 10]);
  });
});
