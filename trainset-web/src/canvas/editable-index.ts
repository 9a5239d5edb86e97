// The editor's R-tree over the item's spatial annotations. Unlike the viewer's SceneIndex it
// changes with the edit session: an update moves one entry; an add or remove in the middle of the
// list shifts every later list position, so the caller rebuilds (a bulk load of 12,000 entries
// takes a few milliseconds). A non-spatial annotation can still be indexed through `shapeOf`: a
// video track is indexed as its shape at the presented frame.
import RBush from 'rbush';
import { isSpatial, type Annotation, type SpatialAnnotation } from '../app/model';
import { boundsOf, hits, type Bounds } from './geometry';
import type { IndexedShape } from './scene-index';

/** The shape an annotation is drawn and picked as (null: not on the canvas). */
export type ShapeOf = (a: Annotation) => SpatialAnnotation | null;

export const spatialOnly: ShapeOf = a => (isSpatial(a) ? a : null);

export class EditableIndex {
  private tree = new RBush<IndexedShape>();
  private byIndex = new Map<number, IndexedShape>();

  constructor(private readonly shapeOf: ShapeOf = spatialOnly) {}

  /** Indexes every spatial annotation of the list (by list position). */
  rebuild(list: readonly Annotation[]): void {
    const entries: IndexedShape[] = [];
    this.byIndex = new Map();
    list.forEach((a, index) => {
      const shape = this.shapeOf(a);
      const b = shape && boundsOf(shape);
      if (!shape || !b) return;
      const e = { ...b, index, shape };
      entries.push(e);
      this.byIndex.set(index, e);
    });
    this.tree = new RBush<IndexedShape>();
    this.tree.load(entries);
  }

  get size(): number { return this.byIndex.size; }

  entry(index: number): IndexedShape | undefined { return this.byIndex.get(index); }

  /** Replaces the entry at `index` (the annotation changed, or stopped being spatial). */
  set(index: number, a: Annotation | undefined): void {
    const old = this.byIndex.get(index);
    if (old) {
      this.tree.remove(old);
      this.byIndex.delete(index);
    }
    const shape = a ? this.shapeOf(a) : null;
    const b = shape && boundsOf(shape);
    if (!shape || !b) return;
    const e = { ...b, index, shape };
    this.tree.insert(e);
    this.byIndex.set(index, e);
  }

  /** Shapes whose bounds meet the rectangle, in draw order (z, then list position). */
  visible(view: Bounds): IndexedShape[] {
    return this.tree.search(view).sort(drawOrder);
  }

  /** Every shape under (x, y), topmost first, skipping those `skip` rejects (hidden, locked). */
  hitAll(x: number, y: number, tolerance: number, skip: (index: number) => boolean = () => false): IndexedShape[] {
    const candidates = this.tree.search({ minX: x - tolerance, minY: y - tolerance, maxX: x + tolerance, maxY: y + tolerance });
    candidates.sort(drawOrder);
    const out: IndexedShape[] = [];
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (!skip(c.index) && hits(c.shape, x, y, tolerance)) out.push(c);
    }
    return out;
  }
}

export function drawOrder(a: IndexedShape, b: IndexedShape): number {
  return (a.shape.z ?? 0) - (b.shape.z ?? 0) || a.index - b.index;
}
