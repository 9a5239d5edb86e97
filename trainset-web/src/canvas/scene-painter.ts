// What the editor's tiles contain: the shapes of the item with a level of detail that depends on
// their size on screen, then draft annotations (pre-annotation) dashed with their scores. The
// context's transform already maps media pixels to the tile's pixels.
import type { SpatialAnnotation } from '../app/model';
import type { Bounds } from './geometry';
import { paintShape, type LabelColors } from './painter';

export interface PaintEntry extends Bounds { shape: SpatialAnnotation }
export interface DraftEntry extends Bounds { shape: SpatialAnnotation; score: number | null }

export interface SceneOptions {
  /** Screen pixels per media pixel. */
  scale: number;
  colors: LabelColors;
  /** Label names beside shapes (off at small zoom: they would cover everything). */
  labels: boolean;
}

/** Shapes smaller than this many screen pixels are drawn as a filled dot of their bounds. */
export const LOD_PIXELS = 4;

export function paintScene(ctx: CanvasRenderingContext2D, shapes: PaintEntry[], drafts: DraftEntry[], o: SceneOptions): void {
  const anchors: [number, number, string][] = [];
  const paint = { scale: o.scale, colors: o.colors, labels: o.labels };
  for (const e of shapes) {
    const size = Math.max(e.maxX - e.minX, e.maxY - e.minY) * o.scale;
    if (size < LOD_PIXELS && e.shape.type !== 'mask') {
      // Level of detail: at this size outlines and vertices are invisible; a dot keeps density.
      ctx.fillStyle = o.colors.color(e.shape.label);
      ctx.fillRect(e.minX, e.minY, Math.max(e.maxX - e.minX, 1.5 / o.scale), Math.max(e.maxY - e.minY, 1.5 / o.scale));
      continue;
    }
    const [x, y] = paintShape(ctx, e.shape, paint);
    if (o.labels) anchors.push([x, y, e.shape.label]);
  }
  for (const d of drafts) {
    ctx.save();
    ctx.globalAlpha = 0.85;
    paintShape(ctx, { ...d.shape, occluded: true }, { ...paint, lineWidth: 2 }); // occluded = dashed outline
    ctx.restore();
    if (o.labels) anchors.push([d.minX, d.maxY + 16 / o.scale, d.score === null ? d.shape.label : `${d.shape.label} ${d.score.toFixed(2)}`]);
  }
  if (anchors.length === 0) return;
  ctx.setLineDash([]);
  ctx.font = `${12 / o.scale}px sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const [x, y, text] of anchors) {
    const w = Math.min(ctx.measureText(text).width, (LABEL_WIDTH - 6) / o.scale);
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(x, y - 15 / o.scale, w + 6 / o.scale, 15 / o.scale);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, x + 3 / o.scale, y - 1 / o.scale, (LABEL_WIDTH - 6) / o.scale);
  }
}

/** Screen pixels a shape's drawing reaches past each side of its bounds. */
export interface Reach { left: number; right: number; up: number; down: number }

/**
 * Strokes reach a few pixels every way; a label starts at the shape's top-left corner and runs
 * right (at most LABEL_WIDTH) and up; a draft's label hangs below it.
 */
export function paintReach(labels: boolean): Reach {
  return labels ? { left: 8, right: LABEL_WIDTH + 8, up: 18, down: 26 } : { left: 8, right: 8, up: 8, down: 8 };
}

/** The widest label box, in screen pixels (longer names are squeezed by fillText's maxWidth). */
export const LABEL_WIDTH = 160;

/** The media area whose shapes can draw into `area` (shapes left of it reach in with their labels, ...). */
export function reachingInto(area: Bounds, r: Reach, scale: number): Bounds {
  return { minX: area.minX - r.right / scale, maxX: area.maxX + r.left / scale, minY: area.minY - r.down / scale, maxY: area.maxY + r.up / scale };
}

/** The media area a shape with bounds `b` draws into. */
export function drawnArea(b: Bounds, r: Reach, scale: number): Bounds {
  return { minX: b.minX - r.left / scale, maxX: b.maxX + r.right / scale, minY: b.minY - r.up / scale, maxY: b.maxY + r.down / scale };
}
