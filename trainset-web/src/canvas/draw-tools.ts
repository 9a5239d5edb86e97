// The drawing tools: box, polygon, polyline, keypoints (joints of the label's skeleton placed in
// order) and the mask brush and eraser. Each shows what is being drawn on the interaction layer
// and hands the finished annotation to the host, which adds it through the edit session.
import Konva from 'konva';
import type { Annotation, LabelDef, MaskAnn, PointsAnn } from '../app/model';
import { t } from '../i18n/i18n';
import { decodeInto, emptyBitmap, encode, paintStroke, type Bitmap } from './mask-rle';
import { hexAlpha, round } from './shape-editor';

export type ToolId = 'select' | 'box' | 'polygon' | 'polyline' | 'points' | 'brush' | 'eraser';

export interface ToolHost {
  readonly layer: Konva.Layer;
  scale(): number;
  label(): string;
  labelDef(name: string): LabelDef | undefined;
  color(label: string): string;
  mediaSize(): [number, number];
  /** Adds a finished annotation (with the label's attribute defaults) and selects it. */
  create(a: Annotation): void;
  /** The selected annotation when it is a mask (the brush paints into it). */
  selectedMask(): { index: number; mask: MaskAnn } | null;
  /** Replaces (or, with null, removes) the annotation at `index`. */
  replace(index: number, a: Annotation | null): void;
  brushRadius(): number;
  hint(text: string): void;
}

export interface DrawTool {
  readonly id: ToolId;
  down(x: number, y: number, e: PointerEvent): void;
  move(x: number, y: number, e: PointerEvent): void;
  up(x: number, y: number, e: PointerEvent): void;
  dblclick(): void;
  /** Returns true when the key was the tool's (Enter, Escape, Backspace, N). */
  key(e: KeyboardEvent): boolean;
  cancel(): void;
}

abstract class BaseTool implements DrawTool {
  abstract readonly id: ToolId;
  protected readonly preview = new Konva.Group({ listening: false });
  constructor(protected readonly host: ToolHost) { host.layer.add(this.preview); }
  down(_x: number, _y: number, _e: PointerEvent): void {}
  move(_x: number, _y: number, _e: PointerEvent): void {}
  up(_x: number, _y: number, _e: PointerEvent): void {}
  dblclick(): void {}
  key(_e: KeyboardEvent): boolean { return false; }
  cancel(): void {
    this.preview.destroyChildren();
    this.host.layer.batchDraw();
  }
  protected stroke(): Konva.ShapeConfig {
    return { stroke: this.host.color(this.host.label()), strokeWidth: 2, strokeScaleEnabled: false, listening: false };
  }
}

class BoxTool extends BaseTool {
  readonly id = 'box';
  private start: [number, number] | null = null;
  private rect: Konva.Rect | null = null;
  override down(x: number, y: number): void {
    this.start = [x, y];
    this.rect = new Konva.Rect({ x, y, width: 0, height: 0, ...this.stroke(), dash: [6, 3] });
    this.preview.add(this.rect);
  }
  override move(x: number, y: number): void {
    if (!this.start || !this.rect) return;
    this.rect.setAttrs({ x: Math.min(x, this.start[0]), y: Math.min(y, this.start[1]), width: Math.abs(x - this.start[0]), height: Math.abs(y - this.start[1]) });
    this.host.layer.batchDraw();
  }
  override up(x: number, y: number): void {
    const s = this.start;
    this.cancel();
    this.start = null;
    if (!s) return;
    const w = Math.abs(x - s[0]), h = Math.abs(y - s[1]);
    if (w * this.host.scale() < 3 || h * this.host.scale() < 3) return; // a click, not a box
    this.host.create({ type: 'box', label: this.host.label(), x: round(Math.min(x, s[0])), y: round(Math.min(y, s[1])), w: round(w), h: round(h) });
  }
}

class PolyTool extends BaseTool {
  private points: number[] = [];
  private line: Konva.Line | null = null;
  constructor(host: ToolHost, readonly id: 'polygon' | 'polyline') { super(host); }
  private get min(): number { return this.id === 'polygon' ? 3 : 2; }
  override down(x: number, y: number): void {
    const n = this.points.length / 2;
    const near = (i: number) => Math.hypot(this.points[2 * i]! - x, this.points[2 * i + 1]! - y) * this.host.scale() < 8;
    if (this.id === 'polygon' && n >= 3 && near(0)) { this.finish(); return; }
    if (n > 0 && near(n - 1)) return; // the second click of a double click
    this.points.push(round(x), round(y));
    if (!this.line) {
      this.line = new Konva.Line({ points: [], ...this.stroke(), closed: false });
      this.preview.add(this.line);
    }
    this.show(x, y);
    this.host.hint(t('editor.hint.poly', { count: this.points.length / 2 }));
  }
  override move(x: number, y: number): void { if (this.points.length) this.show(x, y); }
  override dblclick(): void { this.finish(); }
  override key(e: KeyboardEvent): boolean {
    if (!this.points.length) return false;
    if (e.key === 'Enter') this.finish();
    else if (e.key === 'Escape') this.reset();
    else if (e.key === 'Backspace') {
      this.points.splice(-2, 2);
      this.show(this.points[this.points.length - 2] ?? 0, this.points[this.points.length - 1] ?? 0);
    } else return false;
    return true;
  }
  override cancel(): void { this.reset(); }
  private show(x: number, y: number): void {
    this.line?.points([...this.points, x, y]);
    this.host.layer.batchDraw();
  }
  private reset(): void {
    this.points = [];
    this.line = null;
    super.cancel();
    this.host.hint('');
  }
  private finish(): void {
    const points = this.points;
    this.reset();
    if (points.length / 2 < this.min) return;
    this.host.create({ type: this.id, label: this.host.label(), points });
  }
}

/** Joints in the order of the label's keypoints; Shift+click places one occluded, N skips one. */
class KeypointTool extends BaseTool {
  readonly id = 'points';
  private points: number[] = [];
  private visibility: number[] = [];
  private names(): string[] { return this.host.labelDef(this.host.label())?.keypoints ?? []; }
  override down(x: number, y: number, e: PointerEvent): void {
    this.place(round(x), round(y), e.shiftKey ? 1 : 2);
  }
  override key(e: KeyboardEvent): boolean {
    if (e.key === 'n' || e.key === 'N') { this.place(0, 0, 0); return true; }
    if (e.key === 'Enter' && this.visibility.length) { this.finish(); return true; }
    if (e.key === 'Escape' && this.visibility.length) { this.reset(); return true; }
    return false;
  }
  override cancel(): void { this.reset(); }
  /** The hint naming the next joint (shown when the tool is chosen and after each joint). */
  prompt(): void {
    const names = this.names();
    const k = this.visibility.length;
    this.host.hint(names.length ? t('editor.hint.joint', { name: names[k] ?? '', index: k + 1, count: names.length }) : t('editor.hint.points'));
  }
  private place(x: number, y: number, v: number): void {
    this.points.push(x, y);
    this.visibility.push(v);
    if (v > 0) {
      this.preview.add(new Konva.Circle({ x, y, radius: 5 / this.host.scale(), ...this.stroke(),
        fill: v === 2 ? this.host.color(this.host.label()) : undefined }));
      this.host.layer.batchDraw();
    }
    const names = this.names();
    if (names.length && this.visibility.length >= names.length) this.finish();
    else this.prompt();
  }
  private reset(): void {
    this.points = [];
    this.visibility = [];
    super.cancel();
  }
  private finish(): void {
    const names = this.names();
    while (this.visibility.length < names.length) { this.points.push(0, 0); this.visibility.push(0); }
    const a: PointsAnn = { type: 'points', label: this.host.label(), points: this.points, visibility: this.visibility };
    this.reset();
    this.host.hint('');
    if (a.visibility.some(v => v > 0)) this.host.create(a);
  }
}

/** Paints into the selected mask (or a new one of the current label); the eraser clears pixels. */
class BrushTool extends BaseTool {
  private bitmap: Bitmap | null = null;
  private target: { index: number; mask: MaskAnn } | null = null;
  private last: [number, number] | null = null;
  private line: Konva.Line | null = null;
  constructor(host: ToolHost, readonly id: 'brush' | 'eraser') { super(host); }
  override down(x: number, y: number): void {
    this.target = this.host.selectedMask();
    if (this.id === 'eraser' && !this.target) { this.host.hint(t('editor.hint.eraser')); return; }
    const [w, h] = this.host.mediaSize();
    this.bitmap = emptyBitmap(w, h);
    if (this.target) decodeInto(this.target.mask, this.bitmap);
    this.last = [x, y];
    const r = this.host.brushRadius();
    const color = this.id === 'brush' ? hexAlpha(this.host.color(this.host.label()), 0.5) : 'rgba(0,0,0,0.55)';
    this.line = new Konva.Line({ points: [x, y, x, y], stroke: color, strokeWidth: 2 * r, lineCap: 'round', lineJoin: 'round', listening: false });
    this.preview.add(this.line);
    paintStroke(this.bitmap, x, y, x, y, r, this.id === 'brush' ? 1 : 0);
    this.host.layer.batchDraw();
  }
  override move(x: number, y: number): void {
    if (!this.bitmap || !this.last) return;
    paintStroke(this.bitmap, this.last[0], this.last[1], x, y, this.host.brushRadius(), this.id === 'brush' ? 1 : 0);
    this.last = [x, y];
    this.line?.points([...this.line.points(), x, y]);
    this.host.layer.batchDraw();
  }
  override up(): void {
    const bitmap = this.bitmap, target = this.target;
    this.bitmap = null;
    this.last = null;
    this.line = null;
    super.cancel();
    if (!bitmap) return;
    const m = encode(bitmap);
    if (target) this.host.replace(target.index, m ? { ...target.mask, ...m } : null);
    else if (m) this.host.create({ type: 'mask', label: this.host.label(), ...m });
  }
}

export function createTool(id: Exclude<ToolId, 'select'>, host: ToolHost): DrawTool {
  switch (id) {
    case 'box': return new BoxTool(host);
    case 'polygon':
    case 'polyline': return new PolyTool(host, id);
    case 'points': {
      const tool = new KeypointTool(host);
      tool.prompt();
      return tool;
    }
    case 'brush':
    case 'eraser': return new BrushTool(host, id);
  }
}
