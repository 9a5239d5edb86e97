import { describe, expect, it } from 'vitest';
import type { SpatialAnnotation } from '../app/model';
import { boundsOf, maskHas } from './geometry';
import { SceneIndex } from './scene-index';

function box(x: number, y: number, w: number, h: number, rotation = 0): SpatialAnnotation {
  return { type: 'box', label: 'b', x, y, w, h, rotation };
}

describe('SceneIndex', () => {
  // A 100 x 100 grid of 10-pixel boxes on a 1000 x 1000 image, 10 000 shapes.
  const shapes = [] as { index: number; shape: SpatialAnnotation }[];
  for (let r = 0; r < 100; r++) for (let c = 0; c < 100; c++) shapes.push({ index: r * 100 + c, shape: box(c * 10 + 1, r * 10 + 1, 8, 8) });
  const index = new SceneIndex(shapes);

  it('returns only the shapes that meet the viewport', () => {
    const visible = index.visible({ minX: 0, minY: 0, maxX: 29.5, maxY: 19.5 });
    expect(visible.map(v => v.index)).toEqual([0, 1, 2, 100, 101, 102]);
  });

  it('culls everything outside the media', () => {
    expect(index.visible({ minX: 2000, minY: 2000, maxX: 3000, maxY: 3000 })).toHaveLength(0);
  });

  it('hit-tests the topmost shape and misses gaps', () => {
    expect(index.hitTest(55, 55, 0)?.index).toBe(505);
    expect(index.hitTest(50, 50, 0)).toBeUndefined();
    const overlapping = new SceneIndex([
      { index: 0, shape: { ...box(0, 0, 50, 50), z: 1 } },
      { index: 1, shape: box(0, 0, 50, 50) },
    ]);
    expect(overlapping.hitTest(10, 10, 0)?.index).toBe(0); // higher z wins over later list position
  });

  it('hit-tests a rotated box by its rotated outline, not its bounds', () => {
    const rotated = new SceneIndex([{ index: 0, shape: box(0, 0, 100, 10, 45) }]);
    // The centre is inside; a corner of the axis-aligned bounds is not.
    expect(rotated.hitTest(50, 5, 0)?.index).toBe(0);
    const b = boundsOf(box(0, 0, 100, 10, 45))!;
    expect(rotated.hitTest(b.minX + 1, b.minY + 1, 0)).toBeUndefined();
  });

  it('skips unlabelled keypoints in bounds', () => {
    const b = boundsOf({ type: 'points', label: 'p', points: [10, 10, 500, 500, 20, 30], visibility: [2, 0, 1] })!;
    expect(b).toEqual({ minX: 10, minY: 10, maxX: 20, maxY: 30 });
  });
});

describe('mask runs', () => {
  it('reads row-major runs starting with zeros', () => {
    // 4 x 2 mask at (10, 20): row 0 = 0 1 1 0, row 1 = 0 0 0 1
    const runs = [1, 2, 4, 1];
    const on: string[] = [];
    for (let y = 20; y < 22; y++) for (let x = 10; x < 14; x++) if (maskHas(runs, 10, 20, 4, x, y)) on.push(`${x},${y}`);
    expect(on).toEqual(['11,20', '12,20', '13,21']);
  });
});
