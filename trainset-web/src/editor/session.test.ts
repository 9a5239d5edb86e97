import { describe, expect, it } from 'vitest';
import type { BoxAnn } from '../app/model';
import { EditSession, type Change } from './session';

const box = (x: number): BoxAnn => ({ type: 'box', label: 'car', x, y: 0, w: 10, h: 10 });

describe('EditSession', () => {
  it('undoes and redoes adds, updates and removes in order', () => {
    const s = new EditSession('i', [box(0)], 3);
    s.add(box(5));
    s.update(0, box(1));
    s.remove(1);
    expect(s.annotations.map(a => (a as BoxAnn).x)).toEqual([1]);
    expect(s.undo()).toBe(true);
    expect(s.annotations.map(a => (a as BoxAnn).x)).toEqual([1, 5]);
    s.undo();
    s.undo();
    expect(s.annotations.map(a => (a as BoxAnn).x)).toEqual([0]);
    expect(s.undo()).toBe(false);
    s.redo();
    s.redo();
    expect(s.annotations.map(a => (a as BoxAnn).x)).toEqual([1, 5]);
  });

  it('groups a batch into one undo step and clears redo on a new edit', () => {
    const s = new EditSession('i', [], 1);
    s.batch('paste', () => { s.add(box(1)); s.add(box(2)); s.add(box(3)); });
    expect(s.annotations).toHaveLength(3);
    s.undo();
    expect(s.annotations).toHaveLength(0);
    expect(s.canRedo).toBe(true);
    s.add(box(9));
    expect(s.canRedo).toBe(false);
  });

  it('keeps its own copies and reports every change to listeners', () => {
    const original = box(0);
    const s = new EditSession('i', [original], 1);
    const seen: Change[] = [];
    s.onChange(c => seen.push(...c));
    original.x = 99;
    expect((s.annotations[0] as BoxAnn).x).toBe(0);
    s.update(0, box(2));
    s.undo();
    expect(seen.map(c => c.kind)).toEqual(['update', 'update']);
    expect(() => s.remove(7)).toThrow(/no annotation at index 7/);
  });

  it('counts unsaved edits across a save that raced with a new edit', () => {
    const s = new EditSession('i', [], 4);
    s.add(box(1));
    const included = s.editCount;
    s.add(box(2)); // made while the save was in flight
    s.markSaved(5, included);
    expect(s.version).toBe(5);
    expect(s.dirty).toBe(true);
  });
});
