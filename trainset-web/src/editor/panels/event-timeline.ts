// The editable timeline of a video: one canvas, events as bars in lanes by name, tracks in their own
// lanes with their keyframes as diamonds, the playhead as a line. Dragging on empty space in a lane
// creates an event there (the last lane creates one with the "new event" name); dragging a bar moves
// it, dragging its edge resizes it; a click selects (and seeks). Times snap to frame boundaries.
// The timeline only reports gestures; the video panel turns them into EditSession changes.
import { h } from '../../app/dom';
import type { Annotation, TimeEventAnn, TrackAnn } from '../../app/model';
import type { LabelColors } from '../../canvas/painter';
import { snapToFrame, tidy } from './video-math';

export const LANE_H = 18;
const TOP = 4;
const EDGE_PX = 5;

export type Gesture =
  | { kind: 'create'; label: string; start: number; end: number }
  | { kind: 'change'; index: number; start: number; end: number }
  | { kind: 'pick'; index: number | null; seconds: number };

interface Lane { key: string; label: string; track?: number }

type Drag = { mode: 'create' | 'move' | 'start' | 'end'; index: number | null; label: string; x0: number; t0: number;
  start: number; end: number; moved: boolean };

export class EventTimeline {
  readonly element: HTMLCanvasElement;
  private annotations: readonly Annotation[] = [];
  private lanes: Lane[] = [];
  private time = 0;
  private selected: number | null = null;
  private drag: Drag | null = null;
  /** Counts redraws (tests wait for the drawing that follows a change). */
  draws = 0;

  constructor(private duration: number, private readonly fps: number, private readonly colors: LabelColors,
              private newLabel: () => string, private readonly onGesture: (g: Gesture) => void, private readonly readOnly: boolean) {
    this.element = h('canvas', { id: 'event-timeline', class: 'timeline event-timeline' });
    this.element.addEventListener('pointerdown', e => this.down(e));
    this.element.addEventListener('pointermove', e => this.move(e));
    this.element.addEventListener('pointerup', e => this.up(e));
    this.element.addEventListener('pointercancel', () => { this.drag = null; this.draw(); });
  }

  setDuration(seconds: number): void {
    if (seconds > 0 && Math.abs(seconds - this.duration) > 1e-6) { this.duration = seconds; this.draw(); }
  }

  get seconds(): number { return this.duration; }

  update(annotations: readonly Annotation[], selected: number | null): void {
    this.annotations = annotations;
    this.selected = selected;
    const eventLabels: string[] = [];
    annotations.forEach(a => { if (a.type === 'time_event' && !eventLabels.includes(a.label)) eventLabels.push(a.label); });
    this.lanes = [
      ...eventLabels.map(label => ({ key: `e:${label}`, label })),
      { key: 'new', label: '' },
      ...annotations.flatMap((a, i) => (a.type === 'track' ? [{ key: `t:${i}`, label: a.label, track: i }] : [])),
    ];
    this.draw();
  }

  setTime(seconds: number): void {
    this.time = seconds;
    this.draw();
  }

  /** The x (CSS px from the canvas's left) of `seconds`, and back. */
  xOf(seconds: number): number { return this.duration > 0 ? (seconds / this.duration) * this.width() : 0; }
  secondsAt(x: number): number { return Math.min(this.duration, Math.max(0, (x / this.width()) * this.duration)); }
  /** The y (CSS px) of the middle of the lane of events named `label` ('' = the new-event lane). */
  laneY(label: string): number {
    const i = this.lanes.findIndex(l => (label ? l.key === `e:${label}` : l.key === 'new'));
    return TOP + Math.max(0, i) * LANE_H + LANE_H / 2;
  }

  private width(): number { return this.element.clientWidth || 600; }

  private local(e: PointerEvent): [number, number] {
    const r = this.element.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private laneAt(y: number): Lane | undefined {
    return this.lanes[Math.floor((y - TOP) / LANE_H)];
  }

  private down(e: PointerEvent): void {
    if (e.button !== 0) return;
    const [x, y] = this.local(e);
    const lane = this.laneAt(y);
    const t0 = this.secondsAt(x);
    if (!lane || lane.track !== undefined || this.readOnly) {
      this.onGesture({ kind: 'pick', index: lane?.track ?? null, seconds: t0 });
      return;
    }
    this.element.setPointerCapture(e.pointerId);
    const hit = this.eventAt(lane, x);
    if (hit !== null) {
      const ev = this.annotations[hit] as TimeEventAnn;
      const mode = Math.abs(x - this.xOf(ev.start)) <= EDGE_PX ? 'start' : Math.abs(x - this.xOf(ev.end)) <= EDGE_PX ? 'end' : 'move';
      this.drag = { mode, index: hit, label: ev.label, x0: x, t0, start: ev.start, end: ev.end, moved: false };
    } else {
      const label = lane.key === 'new' ? this.newLabel() : lane.label;
      this.drag = { mode: 'create', index: null, label, x0: x, t0, start: t0, end: t0, moved: false };
    }
  }

  private move(e: PointerEvent): void {
    const [x] = this.local(e);
    if (!this.drag) {
      const lane = this.laneAt(this.local(e)[1]);
      const hit = lane && lane.track === undefined ? this.eventAt(lane, x) : null;
      const ev = hit === null ? undefined : this.annotations[hit] as TimeEventAnn;
      this.element.style.cursor = ev && (Math.abs(x - this.xOf(ev.start)) <= EDGE_PX || Math.abs(x - this.xOf(ev.end)) <= EDGE_PX)
        ? 'ew-resize' : ev ? 'grab' : 'crosshair';
      return;
    }
    const d = this.drag;
    if (Math.abs(x - d.x0) >= 3) d.moved = true;
    const t = this.secondsAt(x);
    const snap = (s: number) => tidy(Math.min(this.duration, Math.max(0, snapToFrame(s, this.fps))));
    if (d.mode === 'create') {
      d.start = snap(Math.min(d.t0, t));
      d.end = snap(Math.max(d.t0, t));
    } else if (d.mode === 'move') {
      const ev = this.annotations[d.index!] as TimeEventAnn;
      const len = ev.end - ev.start;
      const start = snap(Math.min(this.duration - len, Math.max(0, ev.start + (t - d.t0))));
      d.start = start;
      d.end = tidy(start + len);
    } else if (d.mode === 'start') {
      const ev = this.annotations[d.index!] as TimeEventAnn;
      d.start = snap(Math.min(t, ev.end - 1 / this.fps));
    } else {
      const ev = this.annotations[d.index!] as TimeEventAnn;
      d.end = snap(Math.max(t, ev.start + 1 / this.fps));
    }
    this.draw();
  }

  private up(e: PointerEvent): void {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    if (this.element.hasPointerCapture(e.pointerId)) this.element.releasePointerCapture(e.pointerId);
    if (!d.moved) {
      this.onGesture({ kind: 'pick', index: d.index, seconds: d.t0 });
    } else if (d.mode === 'create') {
      if (d.end > d.start) this.onGesture({ kind: 'create', label: d.label, start: d.start, end: d.end });
    } else {
      this.onGesture({ kind: 'change', index: d.index!, start: d.start, end: d.end });
    }
    this.draw();
  }

  private eventAt(lane: Lane, x: number): number | null {
    let best: number | null = null;
    this.annotations.forEach((a, i) => {
      if (a.type !== 'time_event' || `e:${a.label}` !== lane.key) return;
      if (x >= this.xOf(a.start) - EDGE_PX && x <= this.xOf(a.end) + EDGE_PX) best = i;
    });
    return best;
  }

  draw(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = this.width(), hgt = TOP * 2 + this.lanes.length * LANE_H;
    this.element.width = Math.round(w * dpr);
    this.element.height = Math.round(hgt * dpr);
    this.element.style.height = `${hgt}px`;
    const ctx = this.element.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#141821';
    ctx.fillRect(0, 0, w, hgt);
    ctx.font = '11px sans-serif';
    ctx.textBaseline = 'middle';
    this.lanes.forEach((lane, li) => {
      const y = TOP + li * LANE_H;
      if (lane.key === 'new') {
        ctx.strokeStyle = '#2a3142';
        ctx.setLineDash([4, 3]);
        ctx.strokeRect(0.5, y + 0.5, w - 1, LANE_H - 3);
        ctx.setLineDash([]);
      }
      if (lane.track !== undefined) this.drawTrack(ctx, this.annotations[lane.track] as TrackAnn, y, lane.track === this.selected);
    });
    this.annotations.forEach((a, i) => {
      if (a.type !== 'time_event') return;
      const d = this.drag;
      const start = d && d.index === i ? d.start : a.start, end = d && d.index === i ? d.end : a.end;
      this.drawBar(ctx, a.label, start, end, i === this.selected);
    });
    if (this.drag?.mode === 'create' && this.drag.moved) this.drawBar(ctx, this.drag.label, this.drag.start, this.drag.end, true);
    ctx.strokeStyle = '#ffdd55';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(this.xOf(this.time), 0);
    ctx.lineTo(this.xOf(this.time), hgt);
    ctx.stroke();
    this.draws++;
  }

  private drawBar(ctx: CanvasRenderingContext2D, label: string, start: number, end: number, selected: boolean): void {
    const li = this.lanes.findIndex(l => l.key === `e:${label}`);
    const y = TOP + (li < 0 ? this.lanes.findIndex(l => l.key === 'new') : li) * LANE_H;
    const x0 = this.xOf(start), bw = Math.max(2, this.xOf(end) - x0);
    ctx.fillStyle = this.colors.color(label);
    ctx.fillRect(x0, y, bw, LANE_H - 3);
    if (selected) {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.strokeRect(x0 + 0.5, y + 0.5, bw - 1, LANE_H - 4);
    }
    ctx.fillStyle = '#fff';
    ctx.fillText(label, x0 + 3, y + (LANE_H - 3) / 2, Math.max(0, bw - 6));
  }

  private drawTrack(ctx: CanvasRenderingContext2D, track: TrackAnn, y: number, selected: boolean): void {
    if (track.frames.length === 0) return;
    const frames = track.frames.map(f => f.frame);
    const x0 = this.xOf(Math.min(...frames) / this.fps), x1 = this.xOf(Math.max(...frames) / this.fps);
    ctx.globalAlpha = 0.45;
    ctx.fillStyle = this.colors.color(track.label);
    ctx.fillRect(x0, y + 4, Math.max(2, x1 - x0), LANE_H - 11);
    ctx.globalAlpha = 1;
    ctx.fillStyle = selected ? '#ffffff' : this.colors.color(track.label);
    for (const f of track.frames) {
      if (!f.keyframe) continue;
      const cx = this.xOf(f.frame / this.fps), cy = y + (LANE_H - 3) / 2;
      ctx.beginPath();
      ctx.moveTo(cx, cy - 5); ctx.lineTo(cx + 5, cy); ctx.lineTo(cx, cy + 5); ctx.lineTo(cx - 5, cy);
      ctx.closePath();
      ctx.fill();
    }
  }
}
