// Loading one media of an item into the viewer stage: images, DICOM (decoded here, shown through
// a window/level control) and video (frames drawn on the stage, tracks at the presented frame,
// events on a timeline). Media bytes always come from the authorised /api/items/{id}/media route.
import { h } from '../../app/dom';
import type { Annotation, MediaRef, SpatialAnnotation, TimeEventAnn, TrackAnn } from '../../app/model';
import { isSpatial } from '../../app/model';
import type { LabelColors } from '../../canvas/painter';
import type { ViewerStage } from '../../canvas/viewer-stage';
import { t } from '../../i18n/i18n';
import { applyWindow, decodeDicom, type DicomImage } from './dicom';
import { Timeline, type Span } from './timeline';

export interface Shape { index: number; shape: SpatialAnnotation }

/** What the viewer exposes about the media for tests and tools. */
export interface MediaState { kind: string; ready: boolean; frame?: number; time?: number; window?: [number, number]; error?: string }

export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image ${url} could not be loaded`));
    img.src = url;
  });
}

export async function fetchDicom(url: string): Promise<DicomImage> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return decodeDicom(await res.arrayBuffer());
}

/** Window/level sliders over a decoded DICOM image; re-renders `canvas` on every change. */
export function dicomControls(img: DicomImage, canvas: HTMLCanvasElement, state: MediaState, redraw: () => void): HTMLElement {
  canvas.width = img.columns;
  canvas.height = img.rows;
  const ctx = canvas.getContext('2d')!;
  const data = ctx.createImageData(img.columns, img.rows);
  const render = (center: number, width: number) => {
    applyWindow(img, center, width, data);
    ctx.putImageData(data, 0, 0);
    state.window = [center, width];
    redraw();
  };
  const range = Math.max(1, img.max - img.min);
  const widthInput = h('input', { type: 'range', id: 'dicom-window', name: 'window' });
  const levelInput = h('input', { type: 'range', id: 'dicom-level', name: 'level' });
  Object.assign(widthInput, { min: '1', max: String(Math.ceil(range * 2)), step: 'any', value: String(img.windowWidth) });
  Object.assign(levelInput, { min: String(Math.floor(img.min)), max: String(Math.ceil(img.max)), step: 'any', value: String(img.windowCenter) });
  const onInput = () => render(Number(levelInput.value), Number(widthInput.value));
  widthInput.addEventListener('input', onInput);
  levelInput.addEventListener('input', onInput);
  render(img.windowCenter, img.windowWidth);
  if (img.rgb) return h('span');
  return h('div', { class: 'wl' },
    h('label', {}, t('viewer.window'), ' ', widthInput), h('label', {}, t('viewer.level'), ' ', levelInput));
}

/** The shape of each track at `frame`: its latest frame entry at or before it, unless outside. */
export function trackShapesAt(annotations: Annotation[], frame: number): Shape[] {
  const out: Shape[] = [];
  annotations.forEach((a, index) => {
    if (a.type !== 'track') return;
    let best: TrackAnn['frames'][number] | undefined;
    for (const f of a.frames) if (f.frame <= frame && (!best || f.frame > best.frame)) best = f;
    if (best && !best.outside && isSpatial(best.shape)) out.push({ index, shape: { ...best.shape, label: best.shape.label || a.label } });
  });
  return out;
}

/**
 * Plays a video on the stage. Frame numbers come from the probed fps (media info `fps`); the
 * presented frame is read from requestVideoFrameCallback's mediaTime, not from currentTime.
 */
export function videoView(media: MediaRef, url: string, annotations: Annotation[], stage: ViewerStage,
                          colors: LabelColors, base: Shape[], state: MediaState): { controls: HTMLElement; dispose: () => void } {
  const fps = Number(media.info?.fps ?? 25) || 25;
  const video = h('video', { class: 'hidden-video' });
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  video.src = url;
  const events = annotations.filter((a): a is TimeEventAnn => a.type === 'time_event');
  const spans: Span[] = [...Timeline.spansOf(events), ...annotations.flatMap(a => a.type === 'track' && a.frames.length
    ? [{ label: a.label, start: Math.min(...a.frames.map(f => f.frame)) / fps, end: Math.max(...a.frames.map(f => f.frame)) / fps, kind: 'track' as const }] : [])];
  const declared = Number(media.info?.duration ?? 0);
  let timeline = new Timeline(spans, declared || Math.max(1, ...spans.map(s => s.end)), colors, s => seek(s));
  const frameLabel = h('span', { id: 'video-frame' });
  let stopped = false;
  const show = (mediaTime: number) => {
    // A frame's presentation time can land a hair below n / fps (container timescales), and a
    // paused seek reports (n + 0.5) / fps: both must give n.
    const frame = Math.floor(mediaTime * fps + 0.01);
    state.frame = frame;
    state.time = mediaTime;
    frameLabel.textContent = t('viewer.frame', { frame });
    stage.setShapes([...base, ...trackShapesAt(annotations, frame)]);
    stage.redrawMedia();
    timeline.setTime(mediaTime);
  };
  const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    if (stopped) return;
    show(meta.mediaTime);
    video.requestVideoFrameCallback(onFrame);
  };
  const seek = (seconds: number) => {
    // Seek to the middle of the frame so rounding cannot land on its neighbour.
    const frame = Math.max(0, Math.floor(seconds * fps));
    video.currentTime = (frame + 0.5) / fps;
  };
  video.addEventListener('loadeddata', () => {
    if (!declared && Number.isFinite(video.duration)) {
      const fresh = new Timeline(spans, video.duration, colors, s => seek(s));
      timeline.element.replaceWith(fresh.element);
      timeline = fresh;
    }
    stage.setMedia(video);
    state.ready = true;
    show(video.currentTime);
    video.requestVideoFrameCallback(onFrame);
  });
  // A paused seek may present its frame without a frame callback in some builds; show it anyway.
  video.addEventListener('seeked', () => { if (video.paused) show(video.currentTime); });
  video.addEventListener('error', () => { state.error = `video could not be decoded (${video.error?.message ?? 'unsupported'})`; });
  const play = h('button', { type: 'button', id: 'video-play', on: { click: () => { if (video.paused) void video.play(); else video.pause(); } } }, '▶ / ❚❚');
  const controls = h('div', { class: 'video-controls' }, h('div', { class: 'row' }, play, frameLabel), h('h3', {}, t('viewer.timeline')), timeline.element, video);
  requestAnimationFrame(() => timeline.draw());
  return { controls, dispose: () => { stopped = true; video.pause(); video.removeAttribute('src'); video.load(); } };
}
