import { api, type Project, type ServerItem } from '../../app/api';
import { h, select } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import { isSpatial } from '../../app/model';
import type { Page } from '../../app/router';
import { LabelColors } from '../../canvas/painter';
import { ViewerStage, type DrawState } from '../../canvas/viewer-stage';
import { t } from '../../i18n/i18n';
import { itemsUrl } from '../project/project-tabs';
import { dicomControls, fetchDicom, loadImage, videoView, type MediaState, type Shape } from './media-views';
import { SidePanel } from './side-panel';

/** What tests and tools can read: `window.trainset.viewer`. */
export interface ViewerHandle {
  itemId: string;
  draw: DrawState;
  media: MediaState;
  toScreen(x: number, y: number): [number, number];
  zoomAt(factor: number, sx?: number, sy?: number): void;
  panBy(dx: number, dy: number): void;
  select(index: number | null): void;
}

declare global {
  /** Handles of the pages on screen; each page adds its own (the editor adds `editor`). */
  interface TrainsetHandles { viewer?: ViewerHandle }
  interface Window { trainset?: TrainsetHandles }
}

/**
 * Where a viewer's item comes from when it is not a project item: the catalog's public sample
 * (read-only; its own back link and media-picker URL; the page works signed out).
 */
export interface ViewerSource {
  load: () => Promise<ServerItem>;
  back: { href: string; text: string };
  pageUrl: (mediaIndex: string) => string;
}

export function viewerPage(itemId: string, query: URLSearchParams, navigate: (url: string) => void, source?: ViewerSource): Page {
  let stage: ViewerStage | undefined;
  let disposeMedia: (() => void) | undefined;
  let disposed = false;
  const mediaIndex = Math.max(0, Number(query.get('media') ?? 0) || 0);
  const body = loading(async el => {
    const item = source ? await source.load() : await api.item(itemId);
    const project = source ? undefined : await api.project(item.projectId).catch(() => undefined);
    if (disposed) return;
    build(el, item, project);
  });

  function build(el: HTMLElement, item: ServerItem, project: Project | undefined): void {
    const colors = new LabelColors(project?.schema?.labels ?? []);
    const shapes: Shape[] = item.annotations.flatMap((a, index) => isSpatial(a) ? [{ index, shape: a }] : []);
    const media = item.media[mediaIndex];
    const panel = new SidePanel(item.annotations, item.attributes, i => stage?.select(i));
    const stageBox = h('div', { class: 'stage', id: 'viewer-stage' });
    const extra = h('div', { class: 'media-extra' });
    const back = source ? h('a', { href: source.back.href, id: 'back-to-items' }, source.back.text)
      : project ? h('a', { href: itemsUrl(project.id), id: 'back-to-items' }, t('viewer.back')) : null;
    const mediaPicker = item.media.length > 1
      ? select('media', item.media.map((m, i) => [String(i), `${t('viewer.media', { index: i + 1, count: item.media.length })} · ${m.kind}`]),
        String(mediaIndex), v => navigate(source ? source.pageUrl(v) : `/items/${encodeURIComponent(itemId)}?media=${v}`))
      : null;
    const toolbar = h('div', { class: 'toolbar' }, back,
      h('strong', { id: 'item-id' }, t('viewer.item', { id: item.name })),
      source ? null : h('span', { class: 'muted' }, t('viewer.version', { version: item.version })),
      source ? null : h('a', { href: `/items/${encodeURIComponent(itemId)}/edit`, id: 'edit-item' }, t('editor.open')),
      mediaPicker,
      h('button', { type: 'button', id: 'zoom-in', on: { click: () => stage?.zoomAt(1.25) } }, t('viewer.zoomIn')),
      h('button', { type: 'button', id: 'zoom-out', on: { click: () => stage?.zoomAt(0.8) } }, t('viewer.zoomOut')),
      h('button', { type: 'button', id: 'zoom-fit', on: { click: () => stage?.fit() } }, t('viewer.fit')));
    const hasCanvas = media !== undefined && media.kind !== 'text' && media.kind !== 'other';
    el.replaceChildren(toolbar, h('div', { class: hasCanvas ? 'viewer' : 'viewer no-media' },
      h('div', { class: 'viewer-main' }, hasCanvas ? stageBox : null, extra), panel.element));
    if (!hasCanvas) return;

    const mediaState: MediaState = { kind: media.kind, ready: false };
    const width = media.width ?? 0, height = media.height ?? 0;
    const start = (w: number, hgt: number) => {
      stage = new ViewerStage(stageBox, w, hgt, shapes, colors);
      stage.onSelect = i => panel.showSelected(i);
      const s = stage;
      window.trainset = { ...window.trainset, viewer: {
        itemId, draw: s.state, media: mediaState, toScreen: (x, y) => s.toScreen(x, y),
        zoomAt: (f, x, y) => s.zoomAt(f, x, y), panBy: (dx, dy) => s.panBy(dx, dy), select: i => s.select(i),
      } };
      return s;
    };
    const url = media.url ?? api.mediaUrl(itemId, mediaIndex);
    // The viewer handle exists before the media loads, so a failure is visible to tools too.
    window.trainset = { ...window.trainset, viewer: { itemId, draw: { scale: 1, x: 0, y: 0, width: 0, height: 0, drawn: [], total: 0, selected: null, draws: 0 },
      media: mediaState, toScreen: (x, y) => [x, y], zoomAt: () => {}, panBy: () => {}, select: () => {} } };
    const fail = (e: unknown) => {
      mediaState.error = e instanceof Error ? e.message : String(e);
      extra.replaceChildren(errorBox(new Error(t('viewer.mediaFailed', { reason: mediaState.error }))));
    };
    if (media.kind === 'image') {
      loadImage(url).then(img => {
        if (disposed) return;
        start(width || img.naturalWidth, height || img.naturalHeight).setMedia(img);
        mediaState.ready = true;
      }, fail);
    } else if (media.kind === 'dicom') {
      fetchDicom(url).then(dcm => {
        if (disposed) return;
        const canvas = h('canvas');
        const s = start(dcm.columns, dcm.rows);
        extra.replaceChildren(dicomControls(dcm, canvas, mediaState, () => s.redrawMedia()));
        s.setMedia(canvas);
        mediaState.ready = true;
      }, fail);
    } else if (media.kind === 'video') {
      const s = start(width || 1280, height || 720);
      const v = videoView(media, url, item.annotations, s, colors, shapes, mediaState);
      extra.replaceChildren(v.controls);
      disposeMedia = v.dispose;
    }
  }

  return {
    element: frame(body, source ? { loggedIn: false } : {}),
    dispose: () => {
      disposed = true;
      disposeMedia?.();
      stage?.destroy();
      if (window.trainset) delete window.trainset.viewer;
    },
  };
}
