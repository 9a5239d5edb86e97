// The one shape being edited, as real Konva nodes on the interaction layer: a box with a
// transformer (resize and rotate), polygon and polyline vertices to drag, edge midpoints that
// insert a vertex when clicked, keypoint joints, and a mask's bitmap. Every other shape stays in
// the cached tiles. Changes are committed to the edit session when a drag ends.
import Konva from 'konva';
import type { BoxAnn, PointsAnn, PolygonAnn, PolylineAnn, SpatialAnnotation } from '../app/model';
import { maskBitmap } from './painter';

export interface ShapeEditorHost {
  color(label: string): string;
  /** Screen pixels per media pixel (handles keep their size on screen). */
  scale(): number;
  skeleton(label: string): number[][];
  commit(after: SpatialAnnotation): void;
  /** A vertex or joint became the active one (Delete removes it, O cycles a joint's visibility). */
  activeChanged(vertex: number | null): void;
}

export class ShapeEditor {
  readonly group = new Konva.Group();
  private active: number | null = null;
  private transformer: Konva.Transformer | null = null;

  constructor(private readonly layer: Konva.Layer, private shape: SpatialAnnotation, private readonly host: ShapeEditorHost,
              private readonly editable: boolean) {
    layer.add(this.group);
    this.build();
  }

  get activeVertex(): number | null { return this.active; }

  /** Shows the shape moved by (dx, dy) while the body is dragged (committed by the caller). */
  translatePreview(dx: number, dy: number): void {
    this.group.position({ x: dx, y: dy });
    this.layer.batchDraw();
  }

  /** Rebuilds the nodes (the shape changed elsewhere, or the zoom changed handle sizes). */
  refresh(shape: SpatialAnnotation = this.shape): void {
    this.shape = shape;
    this.transformer?.destroy();
    this.transformer = null;
    this.group.destroyChildren();
    this.group.position({ x: 0, y: 0 });
    this.build();
    this.layer.batchDraw();
  }

  /** Deletes the active vertex of a polygon/polyline (keeping a valid shape) or unlabels a joint. */
  deleteActiveVertex(): boolean {
    const k = this.active;
    if (k === null) return false;
    const a = this.shape;
    if (a.type === 'polygon' || a.type === 'polyline') {
      const min = a.type === 'polygon' ? 3 : 2;
      if (a.points.length / 2 <= min) return false;
      const points = a.points.slice();
      points.splice(2 * k, 2);
      this.setActive(null);
      this.host.commit({ ...a, points });
      return true;
    }
    if (a.type === 'points') {
      const visibility = a.visibility.slice();
      visibility[k] = 0;
      this.setActive(null);
      this.host.commit({ ...a, visibility });
      return true;
    }
    return false;
  }

  /** Visibility of the active joint: visible (2) → occluded (1) → not labelled (0) → visible. */
  cycleVisibility(): boolean {
    const k = this.active;
    const a = this.shape;
    if (k === null || a.type !== 'points') return false;
    const visibility = a.visibility.slice();
    visibility[k] = ((visibility[k] ?? 0) + 2) % 3;
    this.host.commit({ ...a, visibility });
    return true;
  }

  destroy(): void {
    this.transformer?.destroy();
    this.group.destroy();
    this.layer.batchDraw();
  }

  private setActive(k: number | null): void {
    this.active = k;
    this.host.activeChanged(k);
  }

  private build(): void {
    const a = this.shape;
    const color = this.host.color(a.label);
    const s = this.host.scale();
    const line = { stroke: color, strokeWidth: 3, strokeScaleEnabled: false, shadowColor: '#000', shadowBlur: 4, shadowOpacity: 0.9 };
    switch (a.type) {
      case 'box': return this.buildBox(a, color, line);
      case 'polygon':
      case 'polyline': return this.buildPoly(a, color, line, s);
      case 'points': return this.buildPoints(a, color, s);
      case 'mask': {
        this.group.add(new Konva.Image({ image: maskBitmap(a, color) as CanvasImageSource, x: a.left, y: a.top, listening: true, name: 'body' }));
        this.group.add(new Konva.Rect({ x: a.left, y: a.top, width: a.width, height: a.height, stroke: '#fff', strokeWidth: 1,
          strokeScaleEnabled: false, dash: [6, 4], listening: false }));
      }
    }
  }

  private buildBox(a: BoxAnn, color: string, line: Konva.ShapeConfig): void {
    const rect = new Konva.Rect({ x: a.x + a.w / 2, y: a.y + a.h / 2, width: a.w, height: a.h, offsetX: a.w / 2, offsetY: a.h / 2,
      rotation: a.rotation ?? 0, fill: color, opacity: 1, ...line, name: 'body' });
    rect.fill(hexAlpha(color, 0.15));
    this.group.add(rect);
    if (!this.editable) return;
    this.transformer = new Konva.Transformer({ nodes: [rect], rotateEnabled: true, flipEnabled: false, ignoreStroke: true,
      anchorSize: 9, borderStroke: '#fff', anchorStroke: '#fff', anchorFill: color, keepRatio: false, name: 'transformer' });
    this.transformer.on('transformend', () => {
      const w = rect.width() * rect.scaleX(), h = rect.height() * rect.scaleY();
      const rotation = ((rect.rotation() % 360) + 360) % 360;
      const next: BoxAnn = { ...a, x: rect.x() - w / 2, y: rect.y() - h / 2, w, h };
      if (Math.abs(rotation) > 1e-6 && Math.abs(rotation - 360) > 1e-6) next.rotation = round(rotation);
      else delete next.rotation;
      this.host.commit(roundBox(next));
    });
    this.group.add(this.transformer);
  }

  private buildPoly(a: PolygonAnn | PolylineAnn, color: string, line: Konva.ShapeConfig, s: number): void {
    const pts = a.points.slice();
    const closed = a.type === 'polygon';
    const body = new Konva.Line({ points: pts, closed, ...line, name: 'body' });
    if (closed) body.fill(hexAlpha(color, 0.2));
    this.group.add(body);
    if (!this.editable) return;
    const n = pts.length / 2;
    const mids: Konva.Circle[] = [];
    const midOf = (k: number): [number, number] => {
      const k2 = (k + 1) % n;
      return [(pts[2 * k]! + pts[2 * k2]!) / 2, (pts[2 * k + 1]! + pts[2 * k2 + 1]!) / 2];
    };
    const edges = closed ? n : n - 1;
    for (let k = 0; k < edges; k++) {
      const [mx, my] = midOf(k);
      const mid = new Konva.Circle({ x: mx, y: my, radius: 4 / s, fill: '#fff', opacity: 0.55, stroke: color, strokeWidth: 1,
        strokeScaleEnabled: false, name: 'handle midpoint' });
      mid.on('click', e => {
        e.cancelBubble = true;
        const next = pts.slice();
        next.splice(2 * (k + 1), 0, round(mid.x()), round(mid.y()));
        this.active = k + 1;
        this.host.commit({ ...a, points: next });
      });
      mids.push(mid);
      this.group.add(mid);
    }
    for (let k = 0; k < n; k++) {
      const v = new Konva.Circle({ x: pts[2 * k], y: pts[2 * k + 1], radius: 5 / s, fill: k === this.active ? '#fff' : color,
        stroke: '#fff', strokeWidth: 1.5, strokeScaleEnabled: false, draggable: true, name: 'handle vertex' });
      v.on('dragmove', () => {
        pts[2 * k] = v.x();
        pts[2 * k + 1] = v.y();
        body.points(pts);
        for (const e of [k - 1, k]) {
          const idx = (e + n) % n;
          if (mids[idx]) mids[idx].position({ x: midOf(idx)[0], y: midOf(idx)[1] });
        }
      });
      v.on('dragend', () => {
        this.active = k;
        this.host.commit({ ...a, points: pts.map(round) });
      });
      v.on('click', e => {
        e.cancelBubble = true;
        if (e.evt.altKey) {
          this.active = k;
          this.deleteActiveVertex();
          return;
        }
        this.setActive(k);
        this.refresh();
      });
      this.group.add(v);
    }
  }

  private buildPoints(a: PointsAnn, color: string, s: number): void {
    const pts = a.points.slice();
    const edges: Konva.Line[] = [];
    const skeleton = this.host.skeleton(a.label);
    const edgeEnds: [number, number][] = [];
    for (const e of skeleton) {
      const i = (e[0] ?? 0) - 1, j = (e[1] ?? 0) - 1;
      if (i < 0 || j < 0 || !a.visibility[i] || !a.visibility[j]) continue;
      const l = new Konva.Line({ points: [pts[2 * i]!, pts[2 * i + 1]!, pts[2 * j]!, pts[2 * j + 1]!], stroke: color, strokeWidth: 2,
        strokeScaleEnabled: false, listening: false });
      edges.push(l);
      edgeEnds.push([i, j]);
      this.group.add(l);
    }
    a.visibility.forEach((vis, k) => {
      if (!vis) return;
      const c = new Konva.Circle({ x: pts[2 * k], y: pts[2 * k + 1], radius: 6 / s, stroke: k === this.active ? '#fff' : color,
        strokeWidth: 2.5, strokeScaleEnabled: false, fill: vis === 2 ? color : 'rgba(0,0,0,0.2)', draggable: this.editable,
        name: this.editable ? 'handle joint' : 'body' });
      c.on('dragmove', () => {
        pts[2 * k] = c.x();
        pts[2 * k + 1] = c.y();
        edges.forEach((l, e) => {
          const [i, j] = edgeEnds[e]!;
          l.points([pts[2 * i]!, pts[2 * i + 1]!, pts[2 * j]!, pts[2 * j + 1]!]);
        });
      });
      c.on('dragend', () => {
        this.active = k;
        this.host.commit({ ...a, points: pts.map(round) });
      });
      c.on('click', e => {
        e.cancelBubble = true;
        this.setActive(k);
        this.refresh();
      });
      this.group.add(c);
    });
  }
}

/** The shape moved by (dx, dy) media pixels. */
export function translated(a: SpatialAnnotation, dx: number, dy: number): SpatialAnnotation {
  switch (a.type) {
    case 'box': return { ...a, x: round(a.x + dx), y: round(a.y + dy) };
    case 'polygon':
    case 'polyline': return { ...a, points: a.points.map((v, i) => round(v + (i % 2 === 0 ? dx : dy))) };
    case 'points': return { ...a, points: a.points.map((v, i) => a.visibility[Math.floor(i / 2)] ? round(v + (i % 2 === 0 ? dx : dy)) : v) };
    case 'mask': return { ...a, left: Math.round(a.left + dx), top: Math.round(a.top + dy) };
  }
}

/** Coordinates are kept to 1/100 pixel: drags should not write 15 meaningless decimals. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function roundBox(b: BoxAnn): BoxAnn {
  return { ...b, x: round(b.x), y: round(b.y), w: round(b.w), h: round(b.h) };
}

export function hexAlpha(color: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}
