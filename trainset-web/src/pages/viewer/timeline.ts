// A video's events on a timeline: one canvas (events as bars in lanes by label, the playhead as a
// line); clicking seeks. Tracks' spans are drawn too, from their first to their last frame.
import { h } from '../../app/dom';
import type { TimeEventAnn } from '../../app/model';
import type { LabelColors } from '../../canvas/painter';

export interface Span { label: string; start: number; end: number; kind: 'event' | 'track' }

export class Timeline {
  readonly element: HTMLCanvasElement;
  private time = 0;
  private readonly lanes: string[];

  constructor(private readonly spans: Span[], private readonly duration: number, private readonly colors: LabelColors,
              onSeek: (seconds: number) => void) {
    this.lanes = [...new Set(spans.map(s => s.label))];
    this.element = h('canvas', { id: 'timeline', class: 'timeline' });
    this.element.addEventListener('click', e => {
      const r = this.element.getBoundingClientRect();
      onSeek(((e.clientX - r.left) / r.width) * this.duration);
    });
  }

  static spansOf(events: TimeEventAnn[]): Span[] {
    return events.map(e => ({ label: e.label, start: e.start, end: e.end, kind: 'event' as const }));
  }

  setTime(seconds: number): void {
    this.time = seconds;
    this.draw();
  }

  draw(): void {
    const dpr = window.devicePixelRatio || 1;
    const w = this.element.clientWidth || 600, laneH = 16, hgt = Math.max(1, this.lanes.length) * laneH + 8;
    this.element.width = w * dpr;
    this.element.height = hgt * dpr;
    this.element.style.height = `${hgt}px`;
    const ctx = this.element.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#141821';
    ctx.fillRect(0, 0, w, hgt);
    const x = (s: number) => (this.duration > 0 ? (s / this.duration) * w : 0);
    ctx.font = '11px sans-serif';
    ctx.textBaseline = 'middle';
    for (const s of this.spans) {
      const lane = this.lanes.indexOf(s.label);
      const y = 4 + lane * laneH;
      ctx.fillStyle = this.colors.color(s.label);
      ctx.globalAlpha = s.kind === 'event' ? 0.85 : 0.45;
      ctx.fillRect(x(s.start), y, Math.max(2, x(s.end) - x(s.start)), laneH - 3);
      ctx.globalAlpha = 1;
      ctx.fillStyle = '#fff';
      ctx.fillText(s.label, x(s.start) + 3, y + (laneH - 3) / 2, Math.max(0, x(s.end) - x(s.start) - 4));
    }
    ctx.strokeStyle = '#ffdd55';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x(this.time), 0);
    ctx.lineTo(x(this.time), hgt);
    ctx.stroke();
  }
}
