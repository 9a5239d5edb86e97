import { describe, expect, it } from 'vitest';
import type { Annotation } from '../app/model';
import { EditableIndex } from './editable-index';

const box = (x: number, y: number, z = 0): Annotation => ({ type: 'box', label: 'b', x, y, w: 10, h: 10, z });

describe('EditableIndex', () => {
  it('follows updates and skips non-spatial annotations', () => {
    const idx = new EditableIndex();
    idx.rebuild([box(0, 0), { type: 'tag', label: 't' }, box(100, 100)]);
    expect(idx.size).toBe(2);
    expect(idx.hitAll(5, 5, 0).map(e => e.index)).toEqual([0]);
    idx.set(0, box(200, 200));
    expect(idx.hitAll(5, 5, 0)).toEqual([]);
    expect(idx.hitAll(205, 205, 0).map(e => e.index)).toEqual([0]);
    idx.set(2, undefined);
    expect(idx.visible({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }).map(e => e.index)).toEqual([0]);
  });

  it('lists every shape under the pointer topmost first and skips hidden or locked ones', () => {
    const idx = new EditableIndex();
    idx.rebuild([box(0, 0, 2), box(2, 2), box(4, 4)]);
    expect(idx.hitAll(6, 6, 0).map(e => e.index)).toEqual([0, 2, 1]); // z first, then list order
    expect(idx.hitAll(6, 6, 0, i => i === 0).map(e => e.index)).toEqual([2, 1]);
  });
});
