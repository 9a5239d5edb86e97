// The video panel: frame-exact playback and stepping, the editable event timeline, the selected
// event's name, kind, start and duration (CCTV events and object actions with frame ranges), and
// keyframes of the selected track (linear interpolation between them, video-math.ts). Uses the
// editor's video element when it has one, or shows its own.
import { api } from '../../app/api';
import { h, select } from '../../app/dom';
import type { Annotation, MediaRef, TimeEventAnn, TrackAnn } from '../../app/model';
import { LabelColors } from '../../canvas/painter';
import { t } from '../../i18n/i18n';
import type { EditorContext, EditorPanel, PanelFactory } from '../panel';
import type { EditSession } from '../session';
import { EventTimeline, type Gesture } from './event-timeline';
import { frameAt, seekTimeOf, tidy, trackShapeAt, withKeyframe, withoutKeyframe } from './video-math';

const KINDS = ['event', 'action'] as const;

class VideoPanel implements EditorPanel {
  readonly element: HTMLElement;
  private readonly video: HTMLVideoElement;
  private readonly fps: number;
  private readonly timeline: EventTimeline;
  private readonly frameLabel = h('span', { id: 'video-panel-frame' });
  private readonly details = h('div', { id: 'event-details', class: 'event-details' });
  private readonly newName: HTMLInputElement;
  private readonly newKind: HTMLSelectElement;
  private frame = 0;
  private selectedIndex: number | null = null;
  private stopped = false;
  private readonly offs: (() => void)[] = [];

  constructor(private readonly session: EditSession, private readonly ctx: EditorContext, media: MediaRef, mediaIndex: number) {
    this.fps = Number(media.info?.fps ?? 25) || 25;
    const own = !ctx.video;
    this.video = ctx.video ?? h('video', { class: 'panel-video', id: 'panel-video' });
    if (own) {
      this.video.muted = true;
      this.video.preload = 'auto';
      this.video.playsInline = true;
      this.video.src = ctx.item.media[mediaIndex]?.url ?? api.mediaUrl(ctx.item.id, mediaIndex);
    }
    const colors = new LabelColors(ctx.schema?.labels ?? []);
    const labels = ctx.schema?.labels.map(l => l.name) ?? [];
    const known = [...new Set([...session.annotations.filter(a => a.type === 'time_event').map(a => a.label), ...labels])];
    this.newName = h('input', { type: 'text', id: 'new-event-name', name: 'newEvent', value: known[0] ?? 'event', autocomplete: 'off' });
    this.newName.setAttribute('list', 'event-names');
    this.newKind = select('newKind', KINDS.map(k => [k, t(`jobs.video.kind.${k}`)]), 'event', () => {});
    this.newKind.id = 'new-event-kind';
    const declared = Number(media.info?.duration ?? 0);
    this.timeline = new EventTimeline(declared || Math.max(1, ...this.eventEnds()), this.fps, colors,
      () => this.newName.value.trim() || 'event', g => this.onGesture(g), ctx.readOnly);
    const button = (id: string, text: string, title: string, run: () => void) =>
      h('button', { type: 'button', id, title, on: { click: run } }, text);
    this.element = h('section', { id: 'panel-video', class: 'editor-panel video-panel', dataset: { frame: '0', ready: 'false' } },
      h('h3', {}, t('jobs.video.title')),
      own ? this.video : null,
      h('div', { class: 'row' },
        button('frame-prev', '◀', t('jobs.video.prevFrame'), () => this.step(-1)),
        button('video-toggle', '▶ / ❚❚', t('jobs.video.play'), () => { if (this.video.paused) void this.video.play(); else this.video.pause(); }),
        button('frame-next', '▶', t('jobs.video.nextFrame'), () => this.step(1)),
        this.frameLabel),
      this.timeline.element,
      h('div', { class: 'row new-event' }, h('label', {}, t('jobs.video.newEvent'), ' ', this.newName), this.newKind,
        h('datalist', { id: 'event-names' }, ...known.map(n => h('option', { value: n })))),
      h('p', { class: 'muted hint' }, t('jobs.video.hint')),
      this.details);
    this.element.tabIndex = 0;
    this.element.addEventListener('keydown', e => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      // Taken here (not by the editor's shortcuts, which use the arrows to nudge shapes).
      if (e.key === ',' || e.key === '.') {
        this.step(e.key === ',' ? -1 : 1);
        e.preventDefault();
        e.stopPropagation();
      }
    });
    this.offs.push(session.onChange(() => this.refresh()));
    this.watchFrames();
    this.refresh();
    requestAnimationFrame(() => this.timeline.draw());
  }

  private eventEnds(): number[] {
    return this.session.annotations.flatMap(a => (a.type === 'time_event' ? [a.end] : []));
  }

  /** Presented frames come from requestVideoFrameCallback's mediaTime (currentTime is not frame-exact). */
  private watchFrames(): void {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.stopped) return;
      this.show(meta.mediaTime);
      this.video.requestVideoFrameCallback(onFrame);
    };
    const ready = () => {
      if (Number.isFinite(this.video.duration) && !(Number(this.ctx.item.media.find(m => m.kind === 'video')?.info?.duration ?? 0) > 0)) {
        this.timeline.setDuration(this.video.duration);
      }
      this.element.dataset['ready'] = 'true';
      this.show(this.video.currentTime);
      this.video.requestVideoFrameCallback(onFrame);
    };
    if (this.video.readyState >= 2) ready();
    else this.video.addEventListener('loadeddata', ready, { once: true });
    // A paused seek may present its frame without a frame callback in some builds.
    const seeked = () => { if (this.video.paused) this.show(this.video.currentTime); };
    this.video.addEventListener('seeked', seeked);
    this.offs.push(() => this.video.removeEventListener('seeked', seeked));
  }

  private show(mediaTime: number): void {
    const before = this.frame;
    this.frame = frameAt(mediaTime, this.fps);
    // A selected track's form shows its box at the current frame.
    const a = this.selectedIndex === null ? undefined : this.session.annotations[this.selectedIndex];
    if (a?.type === 'track' && before !== this.frame && this.video.paused) this.details.replaceChildren(...this.trackForm(this.selectedIndex!, a));
    this.element.dataset['frame'] = String(this.frame);
    this.frameLabel.textContent = t('viewer.frame', { frame: this.frame });
    this.timeline.setTime(mediaTime);
  }

  private seekFrame(n: number): void {
    const last = Math.max(0, Math.floor(this.timeline.seconds * this.fps) - 1);
    this.video.pause();
    this.video.currentTime = seekTimeOf(Math.min(last, Math.max(0, n)), this.fps);
  }

  private step(delta: number): void {
    this.seekFrame(this.frame + delta);
  }

  private onGesture(g: Gesture): void {
    if (g.kind === 'pick') {
      this.ctx.select(g.index);
      this.seekFrame(Math.floor(g.seconds * this.fps));
    } else if (g.kind === 'create') {
      const index = this.session.add({ type: 'time_event', label: g.label, start: g.start, end: g.end,
        attributes: { kind: this.newKind.value } });
      this.ctx.select(index);
    } else {
      const a = this.session.annotations[g.index];
      if (a?.type === 'time_event') this.session.update(g.index, { ...a, start: g.start, end: g.end });
    }
  }

  selected(index: number | null): void {
    this.selectedIndex = index;
    this.refresh();
  }

  private refresh(): void {
    if (this.selectedIndex !== null && this.selectedIndex >= this.session.annotations.length) this.selectedIndex = null;
    this.timeline.update(this.session.annotations, this.selectedIndex);
    const a = this.selectedIndex === null ? undefined : this.session.annotations[this.selectedIndex];
    if (a?.type === 'time_event') this.details.replaceChildren(...this.eventForm(this.selectedIndex!, a));
    else if (a?.type === 'track') this.details.replaceChildren(...this.trackForm(this.selectedIndex!, a));
    else this.details.replaceChildren();
  }

  private eventForm(index: number, ev: TimeEventAnn): HTMLElement[] {
    const ro = this.ctx.readOnly;
    const commit = (next: TimeEventAnn) => { if (JSON.stringify(next) !== JSON.stringify(ev)) this.session.update(index, next); };
    const name = h('input', { type: 'text', id: 'event-name', name: 'label', value: ev.label, autocomplete: 'off' });
    name.setAttribute('list', 'event-names');
    name.addEventListener('change', () => { if (name.value.trim()) commit({ ...ev, label: name.value.trim() }); });
    const kindNow = typeof ev.attributes?.['kind'] === 'string' ? String(ev.attributes['kind']) : 'event';
    const kind = select('kind', KINDS.map(k => [k, t(`jobs.video.kind.${k}`)]), kindNow,
      v => commit({ ...ev, attributes: { ...(ev.attributes ?? {}), kind: v } }));
    kind.id = 'event-kind';
    const start = numberInput('event-start', ev.start, 1 / this.fps);
    const duration = numberInput('event-duration', tidy(ev.end - ev.start), 1 / this.fps);
    start.addEventListener('change', () => {
      const s = Math.max(0, Number(start.value));
      commit({ ...ev, start: tidy(s), end: tidy(s + (ev.end - ev.start)) });
    });
    duration.addEventListener('change', () => commit({ ...ev, end: tidy(ev.start + Math.max(1 / this.fps, Number(duration.value))) }));
    const remove = h('button', { type: 'button', id: 'event-delete', on: { click: () => { this.ctx.select(null); this.session.remove(index); } } },
      t('jobs.video.delete'));
    for (const el of [name, kind, start, duration, remove]) (el as HTMLInputElement).disabled = ro;
    const frames = t('jobs.video.frames', { from: frameAt(ev.start, this.fps), to: Math.max(frameAt(ev.start, this.fps), Math.ceil(ev.end * this.fps - 0.01) - 1) });
    return [h('div', { class: 'event-form' },
      h('label', {}, t('jobs.video.name'), ' ', name),
      h('label', {}, t('jobs.video.kind'), ' ', kind),
      h('label', {}, t('jobs.video.start'), ' ', start),
      h('label', {}, t('jobs.video.duration'), ' ', duration),
      h('span', { class: 'muted', id: 'event-frames' }, frames),
      remove)];
  }

  private trackForm(index: number, track: TrackAnn): HTMLElement[] {
    const here = track.frames.find(f => f.frame === this.frame);
    const shape = trackShapeAt(track, this.frame) ?? nearestShape(track, this.frame);
    const key = h('button', { type: 'button', id: 'keyframe-add', on: { click: () => {
      if (shape) this.session.update(index, withKeyframe(track, this.frame, shape));
    } } }, t('jobs.video.keyframe'));
    key.disabled = this.ctx.readOnly || !shape;
    const unkey = h('button', { type: 'button', id: 'keyframe-remove', on: { click: () => this.session.update(index, withoutKeyframe(track, this.frame)) } },
      t('jobs.video.unkeyframe'));
    unkey.disabled = this.ctx.readOnly || !here;
    const keys = track.frames.filter(f => f.keyframe).map(f => f.frame);
    // The box at this frame as numbers: changing one stores the box as a keyframe here.
    const boxFields = shape?.type === 'box' ? (['x', 'y', 'w', 'h'] as const).map(k => {
      const input = numberInput(`track-${k}`, Math.round(shape[k] * 100) / 100, 1);
      input.disabled = this.ctx.readOnly;
      input.addEventListener('change', () => {
        const v = Number(input.value);
        if (Number.isFinite(v)) this.session.update(index, withKeyframe(track, this.frame, { ...shape, [k]: v }));
      });
      return h('label', {}, k, ' ', input);
    }) : [];
    return [h('div', { class: 'track-form' },
      h('strong', {}, t('jobs.video.track', { label: track.label })), ' ',
      h('span', { class: 'muted', id: 'track-keyframes' }, t('jobs.video.keyframes', { frames: keys.join(', ') })),
      h('div', { class: 'row' }, key, unkey,
        h('button', { type: 'button', on: { click: () => this.seekFrame(Math.max(-1, ...keys.filter(k => k < this.frame))) } }, t('jobs.video.prevKey')),
        h('button', { type: 'button', on: { click: () => this.seekFrame(Math.min(Number.MAX_SAFE_INTEGER, ...keys.filter(k => k > this.frame))) } }, t('jobs.video.nextKey'))),
      boxFields.length ? h('div', { class: 'row track-box' }, ...boxFields) : null)];
  }

  dispose(): void {
    this.stopped = true;
    this.offs.forEach(off => off());
    if (!this.ctx.video) {
      this.video.pause();
      this.video.removeAttribute('src');
      this.video.load();
    }
  }
}

function numberInput(id: string, value: number, step: number): HTMLInputElement {
  const el = h('input', { type: 'number', id, value: String(value) });
  el.step = String(tidy(step));
  el.min = '0';
  return el;
}

function nearestShape(track: TrackAnn, frame: number): Annotation | null {
  let best: TrackAnn['frames'][number] | undefined;
  for (const f of track.frames) if (!best || Math.abs(f.frame - frame) < Math.abs(best.frame - frame)) best = f;
  return best?.shape ?? null;
}

export const videoPanel: PanelFactory = {
  id: 'video',
  wide: true,
  appliesTo: ctx => ctx.item.media.some(m => m.kind === 'video'),
  create: (session, ctx) => {
    const index = Math.max(0, ctx.item.media.findIndex(m => m.kind === 'video'));
    return new VideoPanel(session, ctx, ctx.item.media[index]!, index);
  },
};
