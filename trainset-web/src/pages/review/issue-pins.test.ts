import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../app/model';
import { pinPosition } from './issue-pins';
import type { ReviewIssue } from './review-api';

const issue = (anchor: ReviewIssue['anchor']): ReviewIssue => ({
  id: 'i', itemId: 'x', category: 'wrong label', anchor, auto: false, state: 'open', createdAt: 0, updatedAt: 0, comments: [],
});
const annotations = [
  { type: 'box', label: 'car', x: 10, y: 20, w: 5, h: 5 },
  { type: 'polygon', label: 'road', points: [30, 40, 50, 40, 50, 60] },
  { type: 'tag', label: 'day' },
] as unknown as Annotation[];

describe('pinPosition', () => {
  it('puts a point or area issue at its point and an annotation issue on the shape', () => {
    expect(pinPosition(issue({ kind: 'point', x: 3, y: 4 }), annotations)).toEqual([3, 4]);
    expect(pinPosition(issue({ kind: 'area', x: 1, y: 2, w: 9, h: 9 }), annotations)).toEqual([1, 2]);
    expect(pinPosition(issue({ kind: 'annotation', annotationIndex: 0 }), annotations)).toEqual([10, 20]);
    expect(pinPosition(issue({ kind: 'annotation', annotationIndex: 1 }), annotations)).toEqual([30, 40]);
  });

  it('has no pin for whole-item issues, tags or indexes past the end', () => {
    expect(pinPosition(issue({ kind: 'item' }), annotations)).toBeNull();
    expect(pinPosition(issue({ kind: 'annotation', annotationIndex: 2 }), annotations)).toBeNull();
    expect(pinPosition(issue({ kind: 'annotation', annotationIndex: 7 }), annotations)).toBeNull();
  });
});
