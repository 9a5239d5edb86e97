// An R-tree (rbush) over the spatial annotations of one media: the viewer asks it for the shapes
// inside the viewport (culling) and under the pointer (hit test) instead of walking every shape.
import RBush from 'rbush';
import type { SpatialAnnotation } from '../app/model';
import { boundsOf, hits, type Bounds } from './geometry';

export interface IndexedShape extends Bounds {
  /** Position in the item's annotation list (stable key for draw state and selection). */
  index: number;
  shape: SpatialAnnotation;
}

export class SceneIndex {
  private readonly tree = new RBush<IndexedShape>();
  readonly size: number;

  constructor(shapes: { index: number; shape: SpatialAnnotation }[]) {
    const entries: IndexedShape[] = [];
    for (const s of shapes) {
      const b = boundsOf(s.shape);
      if (b) entries.push({ ...b, index: s.index, shape: s.shape });
    }
    this.tree.load(entries);
    this.size = entries.length;
  }

  /** Shapes whose bounds meet the rectangle, in annotation order (z then list order). */
  visible(view: Bounds): IndexedShape[] {
    return this.tree.search(view).sort(drawOrder);
  }

  /** The topmost shape at (x, y), or undefined. */
  hitTest(x: number, y: number, tolerance: number): IndexedShape | undefined {
    const candidates = this.tree.search({ minX: x - tolerance, minY: y - tolerance, maxX: x + tolerance, maxY: y + tolerance });
    candidates.sort(drawOrder);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (hits(c.shape, x, y, tolerance)) return c;
    }
    return undefined;
  }
}

function drawOrder(a: IndexedShape, b: IndexedShape): number {
  return (a.shape.z ?? 0) - (b.shape.z ?? 0) || a.index - b.index;
}
