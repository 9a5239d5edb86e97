// Draws spatial annotations onto a 2D context whose transform already maps media pixels to the
// screen (`scale` screen pixels per media pixel keeps line widths and handles constant on screen).
// Used by the viewer's single non-listening Konva shape and by the browser's thumbnails.
import type { LabelDef, MaskAnn, PointsAnn, SpatialAnnotation } from '../app/model';
import { boxCorners } from './geometry';

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45',
  '#fabed4', '#469990', '#9a6324', '#800000', '#aaffc3', '#808000', '#000075', '#ffe119'];

export class LabelColors {
  private readonly byName = new Map<string, LabelDef>();
  constructor(labels: LabelDef[] = []) {
    for (const l of labels) this.byName.set(l.name, l);
  }
  def(label: string): LabelDef | undefined {
    return this.byName.get(label);
  }
  color(label: string): string {
    const declared = this.byName.get(label)?.color;
    if (declared && /^#[0-9a-fA-F]{6}$/.test(declared)) return declared;
    let hash = 0;
    for (let i = 0; i < label.length; i++) hash = (hash * 31 + label.charCodeAt(i)) | 0;
    return PALETTE[Math.abs(hash) % PALETTE.length]!;
  }
}

export interface PaintOptions {
  scale: number;
  colors: LabelColors;
  /** Draw label names next to shapes (the viewer does; thumbnails are too small). */
  labels: boolean;
  lineWidth?: number;
}

const maskCache = new WeakMap<MaskAnn, HTMLCanvasElement | OffscreenCanvas>();

/** The mask as an image the size of its rectangle, foreground in `color` at 45 % opacity. */
export function maskBitmap(m: MaskAnn, color: string): HTMLCanvasElement | OffscreenCanvas {
  const cached = maskCache.get(m);
  if (cached) return cached;
  const w = Math.max(1, m.width), h = Math.max(1, m.height);
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  const img = ctx.createImageData(w, h);
  const [r, g, b] = [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  let pos = 0;
  for (let i = 0; i < m.runs.length; i++) {
    const run = m.runs[i]!;
    if (i % 2 === 1) {
      for (let p = pos; p < pos + run && p < w * h; p++) {
        img.data[4 * p] = r; img.data[4 * p + 1] = g; img.data[4 * p + 2] = b; img.data[4 * p + 3] = 115;
      }
    }
    pos += run;
  }
  ctx.putImageData(img, 0, 0);
  maskCache.set(m, canvas);
  return canvas;
}

function path(ctx: CanvasRenderingContext2D, pts: number[], close: boolean): void {
  ctx.beginPath();
  for (let i = 0; i + 1 < pts.length; i += 2) {
    if (i === 0) ctx.moveTo(pts[0]!, pts[1]!);
    else ctx.lineTo(pts[i]!, pts[i + 1]!);
  }
  if (close) ctx.closePath();
}

function drawKeypoints(ctx: CanvasRenderingContext2D, a: PointsAnn, o: PaintOptions, color: string): void {
  const r = (o.labels ? 4 : 2) / o.scale;
  const skeleton = o.colors.def(a.label)?.skeleton ?? [];
  ctx.beginPath();
  for (const edge of skeleton) {
    const i = (edge[0] ?? 0) - 1, j = (edge[1] ?? 0) - 1;
    if (i < 0 || j < 0 || !a.visibility[i] || !a.visibility[j]) continue;
    ctx.moveTo(a.points[2 * i]!, a.points[2 * i + 1]!);
    ctx.lineTo(a.points[2 * j]!, a.points[2 * j + 1]!);
  }
  ctx.stroke();
  for (let k = 0; k < a.visibility.length; k++) {
    const v = a.visibility[k];
    if (!v) continue; // not labelled: nothing to draw
    ctx.beginPath();
    ctx.arc(a.points[2 * k]!, a.points[2 * k + 1]!, r, 0, 2 * Math.PI);
    if (v === 2) ctx.fill(); // visible: filled; occluded (1): hollow ring
    else ctx.stroke();
  }
}

/** Draws one shape. Returns the anchor (top-left) where its label text goes. */
export function paintShape(ctx: CanvasRenderingContext2D, a: SpatialAnnotation, o: PaintOptions): [number, number] {
  const color = o.colors.color(a.label);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = (o.lineWidth ?? 2) / o.scale;
  ctx.setLineDash(a.occluded ? [6 / o.scale, 4 / o.scale] : []);
  switch (a.type) {
    case 'box': {
      const c = boxCorners(a);
      path(ctx, c, true);
      ctx.globalAlpha = 0.12; ctx.fill(); ctx.globalAlpha = 1;
      ctx.stroke();
      return [Math.min(c[0]!, c[2]!, c[4]!, c[6]!), Math.min(c[1]!, c[3]!, c[5]!, c[7]!)];
    }
    case 'polygon':
      path(ctx, a.points, true);
      ctx.globalAlpha = 0.2; ctx.fill(); ctx.globalAlpha = 1;
      ctx.stroke();
      return [a.points[0] ?? 0, a.points[1] ?? 0];
    case 'polyline':
      path(ctx, a.points, false);
      ctx.stroke();
      return [a.points[0] ?? 0, a.points[1] ?? 0];
    case 'points':
      drawKeypoints(ctx, a, o, color);
      return [a.points[0] ?? 0, a.points[1] ?? 0];
    case 'mask': {
      const smoothing = ctx.imageSmoothingEnabled;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(maskBitmap(a, color) as CanvasImageSource, a.left, a.top);
      ctx.imageSmoothingEnabled = smoothing;
      return [a.left, a.top];
    }
  }
}

/** Draws shapes in order, then their label names on top (canvas text: never parsed as HTML). */
export function paintShapes(ctx: CanvasRenderingContext2D, shapes: SpatialAnnotation[], o: PaintOptions): void {
  const anchors: [number, number, string][] = [];
  for (const s of shapes) {
    const [x, y] = paintShape(ctx, s, o);
    if (o.labels) anchors.push([x, y, s.label]);
  }
  if (!o.labels) return;
  ctx.setLineDash([]);
  ctx.font = `${12 / o.scale}px sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const [x, y, label] of anchors) {
    const w = ctx.measureText(label).width;
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(x, y - 15 / o.scale, w + 6 / o.scale, 15 / o.scale);
    ctx.fillStyle = '#fff';
    ctx.fillText(label, x + 3 / o.scale, y - 1 / o.scale);
  }
}
