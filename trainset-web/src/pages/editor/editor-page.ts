// The item editor (/items/:id/edit): the viewer made editable. Canvas tools for every spatial
// annotation type, the selected shape's properties, live findings from the server's rules,
// autosave with If-Match, draft annotations to accept or reject, and the panels other parts of
// the annotate stage register (text, timeline, DICOM) beside the canvas.
import { api, type Project, type ServerItem } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Annotation, DatasetSchema } from '../../app/model';
import type { Page } from '../../app/router';
import type { ToolId } from '../../canvas/draw-tools';
import { EditorStage, type EditorDrawState } from '../../canvas/editor-stage';
import { LabelColors } from '../../canvas/painter';
import { PANELS, type EditorContext, type EditorPanel } from '../../editor/panel';
import { EditSession, type Finding } from '../../editor/session';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { dicomViewOf } from '../../editor/panels/dicom-view';
import { frameAt } from '../../editor/panels/video-math';
import { fetchDicom, loadImage, type MediaState } from '../viewer/media-views';
import { AutoSaver, type SaveState } from './autosave';
import { copy, pasted } from './clipboard';
import { editorApi, type DraftJson } from './editor-api';
import { defaultAttributes, Inspector } from './inspector';
import { LiveCheck } from './live-check';
import { handleKey, SHORTCUTS } from './shortcuts';
import { annotationList, conflictBanner, draftList, findingList } from './side-lists';

/** What tests and tools can read and drive: `window.trainset.editor`. */
export interface EditorHandle {
  itemId: string;
  draw: EditorDrawState | null;
  media: MediaState;
  annotations(): readonly Annotation[];
  version(): number;
  saveState(): string;
  findings(): readonly Finding[];
  checks(): number;
  toScreen(x: number, y: number): [number, number];
  /** Where a media point is drawn on the stage's canvases (for reading their pixels). */
  toCanvas(x: number, y: number): [number, number];
  /** How pans are shown: moving the drawn canvases (default) or redrawing them (the benchmark compares both). */
  setPanMode(mode: 'compositor' | 'redraw'): void;
  zoomAt(factor: number, sx?: number, sy?: number, gesture?: boolean): void;
  panBy(dx: number, dy: number): void;
  fit(): void;
  select(index: number | null): void;
  setTool(id: ToolId): void;
}

declare global {
  interface TrainsetHandles { editor?: EditorHandle }
}

const TOOLS: ToolId[] = ['select', 'box', 'polygon', 'polyline', 'points', 'brush', 'eraser'];

export function editorPage(itemId: string): Page {
  let disposed = false;
  const cleanup: (() => void)[] = [];
  const body = loading(async el => {
    const item = await api.item(itemId);
    const project = await api.project(item.projectId).catch(() => undefined);
    // Drafts come from the annotate API; a server without it has none to show.
    const drafts = await editorApi.drafts(itemId).catch(() => [] as DraftJson[]);
    if (disposed) return;
    cleanup.push(build(el, item, project, drafts));
  });
  return {
    element: frame(body),
    dispose: () => {
      disposed = true;
      cleanup.forEach(c => c());
      if (window.trainset) delete window.trainset.editor;
    },
  };
}

function build(el: HTMLElement, item: ServerItem, project: Project | undefined, initialDrafts: DraftJson[]): () => void {
  const schema: DatasetSchema | undefined = project?.schema ?? undefined;
  const colors = new LabelColors(schema?.labels ?? []);
  const session = new EditSession(item.id, item.annotations, item.version);
  const saver = new AutoSaver(session);
  const check = new LiveCheck(session);
  let drafts = initialDrafts;
  let markedDraft: string | null = null;
  let selected: number | null = null;
  let stage: EditorStage | undefined;
  const labelNames = (schema?.labels ?? []).map(l => l.name);
  if (!labelNames.length) labelNames.push(...new Set(item.annotations.map(a => a.label)));
  if (!labelNames.length) labelNames.push('object');
  const labelPicker = h('select', { id: 'label-picker', name: 'label' }, ...labelNames.map(n => h('option', { value: n }, n)));
  const hint = h('span', { id: 'tool-hint', class: 'muted' });
  const saveLabel = h('span', { id: 'save-state', class: 'save-state' });
  const conflictArea = h('div');
  const mediaState: MediaState = { kind: item.media[0]?.kind ?? 'other', ready: false };

  const inspector = new Inspector(session, schema, {
    toggleHidden: i => { stage?.toggleHidden(i); refreshLists(); },
    toggleLocked: i => { stage?.toggleLocked(i); refreshLists(); },
    isHidden: i => !!stage?.hidden.has(i),
    isLocked: i => !!stage?.locked.has(i),
  });
  const findingsBox = h('div', { id: 'findings-box' });
  const draftsBox = h('div', { id: 'drafts-box' });
  const tagsBox = h('div', { id: 'tags-box' });
  const listBox = h('div', { id: 'annotations-box' });
  const panels: EditorPanel[] = [];

  function select(index: number | null): void {
    if (stage) stage.select(index);
    else selectedChanged(index);
  }
  function selectedChanged(index: number | null): void {
    selected = index;
    inspector.show(index);
    for (const p of panels) p.selected?.(index);
    refreshLists();
  }
  let listsQueued = false;
  function refreshLists(): void {
    if (listsQueued) return;
    listsQueued = true;
    requestAnimationFrame(() => {
      listsQueued = false;
      findingsBox.replaceChildren(findingList(session.findings, check.state, select));
      draftsBox.replaceChildren(draftList(drafts, markedDraft, pickDraft, (d, decision) => void decide(d, decision)));
      const tags = session.annotations.flatMap((a, i) => a.type === 'tag' ? [[a, i] as const] : []);
      tagsBox.replaceChildren(tags.length ? h('ul', { id: 'editor-tags' }, ...tags.map(([a, i]) => h('li', {}, a.label, ' ',
        h('button', { type: 'button', class: 'remove-tag', title: t('editor.delete'), on: { click: () => session.remove(i) } }, '×'))))
        : h('p', { class: 'muted' }, t('editor.noTags')));
      listBox.replaceChildren(annotationList(session.annotations, selected, stage?.hidden ?? new Set(), stage?.locked ?? new Set(), select));
      undoButton.disabled = !session.canUndo;
      redoButton.disabled = !session.canRedo;
    });
  }
  function pickDraft(id: string | null): void {
    markedDraft = id;
    stage?.markDraft(id);
    refreshLists();
  }

  /** Accepting adds the draft on the server as a new version; the session takes the same step. */
  async function decide(d: DraftJson, decision: 'accept' | 'reject'): Promise<void> {
    try {
      await saver.flush();
      if (saver.state.kind === 'conflict') return;
      const r = await editorApi.decide(d.id, decision, session.version);
      if (decision === 'accept') {
        const i = session.add(d.annotation);
        session.markSaved(r.version, 1);
        select(i);
      } else session.markSaved(r.version, 0);
      saver.synced();
      drafts = drafts.filter(x => x.id !== d.id);
      stage?.setDrafts(drafts.map(draftOf));
      pickDraft(null);
      const saved = await api.item(item.id);
      // The server is the judge of what an accepted draft became; follow it if it differs.
      if (!session.dirty && JSON.stringify(saved.annotations) !== JSON.stringify(session.annotations)) session.load(saved.annotations, saved.version);
    } catch (e) {
      hint.textContent = t('app.error', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  function create(a: Annotation): void {
    const defaults = defaultAttributes(schema, a.label);
    select(session.add(defaults ? { ...a, attributes: defaults } : a));
  }

  const actions = {
    tool: (id: ToolId) => stage?.setTool(id),
    undo: () => session.undo(),
    redo: () => session.redo(),
    copy: () => { if (selected !== null && session.annotations[selected]) copy(item.id, [session.annotations[selected]!]); },
    paste: () => {
      const list = pasted(item.id);
      if (!list.length) return;
      let last = -1;
      session.batch('paste', () => { for (const a of list) last = session.add(a); });
      select(last);
    },
    save: () => void saver.flush(),
    canvasKey: (e: KeyboardEvent) => !!stage?.key(e),
    deleteSelected: () => { if (selected !== null) session.remove(selected); },
    deselect: () => { if (stage?.state.tool !== 'select') stage?.setTool('select'); else select(null); },
    addTag: () => create({ type: 'tag', label: labelPicker.value }),
    hideSelected: () => { if (selected !== null) { stage?.toggleHidden(selected); refreshLists(); } },
    showAll: () => { stage?.showAll(); refreshLists(); },
    lockSelected: () => { if (selected !== null) { stage?.toggleLocked(selected); inspector.render(); refreshLists(); } },
    rotate: (deg: number) => {
      const a = selected === null ? undefined : session.annotations[selected];
      if (a?.type === 'box' && !stage?.locked.has(selected!)) session.update(selected!, { ...a, rotation: (((a.rotation ?? 0) + deg) % 360 + 360) % 360 });
    },
    raise: (delta: number) => {
      const a = selected === null ? undefined : session.annotations[selected];
      if (a) session.update(selected!, { ...a, z: (a.z ?? 0) + delta });
    },
    nudge: (dx: number, dy: number) => stage?.nudge(dx, dy),
    zoom: (f: number) => stage?.zoomAt(f),
    fit: () => stage?.fit(),
    brush: (d: number) => { if (stage) { stage.brushRadius += d; hint.textContent = t('editor.hint.brush', { size: stage.brushRadius }); } },
    cycle: (d: number) => {
      const n = session.annotations.length;
      if (n) select(selected === null ? (d > 0 ? 0 : n - 1) : (selected + d + n) % n);
    },
    label: (k: number) => { if (labelNames[k - 1]) labelPicker.value = labelNames[k - 1]!; },
  };
  const onKey = (e: KeyboardEvent) => { if (handleKey(e, actions)) e.preventDefault(); };
  window.addEventListener('keydown', onKey);

  const toolButtons = TOOLS.map(id => h('button', { type: 'button', class: 'tool', dataset: { tool: id }, title: t(`editor.tool.${id}` as MessageKey),
    on: { click: () => stage?.setTool(id) } }, t(`editor.tool.${id}` as MessageKey)));
  const undoButton = h('button', { type: 'button', id: 'undo', on: { click: () => session.undo() } }, t('editor.undo'));
  const redoButton = h('button', { type: 'button', id: 'redo', on: { click: () => session.redo() } }, t('editor.redo'));
  const toolbar = h('div', { class: 'toolbar editor-toolbar' },
    h('a', { href: `/items/${encodeURIComponent(item.id)}`, id: 'back-to-viewer' }, t('editor.back')),
    h('strong', { id: 'item-id' }, t('viewer.item', { id: item.name })),
    h('span', { class: 'tools', role: 'toolbar' }, ...toolButtons),
    h('label', {}, t('editor.newLabel'), ' ', labelPicker),
    h('button', { type: 'button', id: 'add-tag', on: { click: actions.addTag } }, t('editor.addTag')),
    undoButton, redoButton,
    h('button', { type: 'button', id: 'zoom-fit', on: { click: () => stage?.fit() } }, t('viewer.fit')),
    saveLabel, hint);

  const ctx: EditorContext = { item, schema, family: project?.family, select, readOnly: false };
  const stageBox = h('div', { class: 'stage', id: 'editor-stage', dataset: { tool: 'select' } });
  const extra = h('div', { class: 'media-extra' });
  const media = item.media[0];
  const hasCanvas = media !== undefined && (media.kind === 'image' || media.kind === 'dicom' || media.kind === 'video');
  const panelBox = h('div', { id: 'editor-panels' });
  const side = h('aside', { class: 'side-panel editor-side' }, conflictArea,
    h('section', {}, inspector.element),
    h('section', {}, h('h3', {}, t('editor.findings')), findingsBox),
    h('section', {}, h('h3', {}, t('editor.drafts')), draftsBox),
    h('section', {}, h('h3', {}, t('viewer.tags')), tagsBox),
    panelBox,
    h('section', {}, h('h3', {}, t('viewer.annotations')), listBox),
    h('details', { class: 'shortcuts' }, h('summary', {}, t('editor.shortcuts')),
      h('table', {}, ...SHORTCUTS.map(([k, m]) => h('tr', {}, h('td', {}, h('kbd', {}, k)), h('td', {}, t(m as MessageKey)))))));
  el.replaceChildren(toolbar, h('div', { class: hasCanvas ? 'viewer editor' : 'viewer editor no-media' },
    h('div', { class: 'viewer-main' }, hasCanvas ? stageBox : null, extra), side));

  const showSave = (s: SaveState) => {
    saveLabel.dataset.state = s.kind;
    saveLabel.textContent = s.kind === 'saved' ? t('editor.save.saved', { version: s.version })
      : s.kind === 'dirty' ? t('editor.save.dirty') : s.kind === 'saving' ? t('editor.save.saving')
      : s.kind === 'conflict' ? t('editor.save.conflict') : t('editor.save.failed', { message: s.message });
    conflictArea.replaceChildren(s.kind === 'conflict'
      ? conflictBanner(s.diff, () => saver.reloadTheirs(), () => void saver.keepMine()) : h('span'));
  };
  saver.onState(showSave);
  showSave(saver.state);
  session.onChange(() => { inspector.render(); refreshLists(); });
  session.onFindings(f => { stage?.setFindings(f); refreshLists(); });
  check.onState = () => refreshLists();

  const handle: EditorHandle = {
    itemId: item.id, draw: null, media: mediaState,
    annotations: () => session.annotations, version: () => session.version, saveState: () => saver.state.kind,
    findings: () => session.findings, checks: () => check.completed,
    toScreen: (x, y) => stage ? stage.toScreen(x, y) : [x, y],
    toCanvas: (x, y) => stage ? stage.toCanvas(x, y) : [x, y],
    setPanMode: mode => stage?.setPanMode(mode),
    zoomAt: (f, sx, sy, g) => stage?.zoomAt(f, sx, sy, g), panBy: (dx, dy) => stage?.panBy(dx, dy), fit: () => stage?.fit(),
    select, setTool: id => stage?.setTool(id),
  };
  window.trainset = { ...window.trainset, editor: handle };

  const startStage = (w: number, hgt: number): EditorStage => {
    const s = new EditorStage(stageBox, w, hgt, {
      session, colors, label: () => labelPicker.value, labelDef: n => schema?.labels.find(l => l.name === n),
      create, selected: selectedChanged, draftPicked: pickDraft,
      hint: text => { hint.textContent = text; },
      toolChanged: id => {
        stageBox.dataset.tool = id;
        toolButtons.forEach(b => b.classList.toggle('active', b.dataset.tool === id));
      },
    });
    stage = s;
    handle.draw = s.state;
    s.setDrafts(drafts.map(draftOf));
    s.setTool('select');
    return s;
  };
  const fail = (e: unknown) => {
    mediaState.error = e instanceof Error ? e.message : String(e);
    extra.replaceChildren(errorBox(new Error(t('viewer.mediaFailed', { reason: mediaState.error }))));
  };
  let stopVideo = () => {};
  let startVideo = () => {};
  if (media && hasCanvas) {
    const url = media.url ?? api.mediaUrl(item.id, 0);
    if (media.kind === 'image') {
      loadImage(url).then(img => {
        startStage(media.width || img.naturalWidth, media.height || img.naturalHeight).setMedia(img, true);
        mediaState.ready = true;
      }, fail);
    } else if (media.kind === 'dicom') {
      // The window/level panel (editor/panels/dicom-panel.ts) drives the picture.
      ctx.dicom = fetchDicom(url).then(dcm => {
        const canvas = h('canvas');
        const s = startStage(dcm.columns, dcm.rows);
        const view = dicomViewOf(dcm, canvas, (center, width) => { mediaState.window = [center, width]; s.mediaChanged(); });
        s.setMedia(canvas, true);
        mediaState.ready = true;
        return view;
      });
      ctx.dicom.catch(fail);
    } else {
      const video = h('video', { class: 'editor-video' });
      Object.assign(video, { muted: true, preload: 'auto', playsInline: true, controls: true, src: url });
      ctx.video = video;
      extra.replaceChildren(video);
      let stopped = false;
      // Made once the video and the panels are under the stage's box (below), so that the stage's
      // first measure is the box's laid-out size; later changes reach it through its ResizeObserver.
      startVideo = () => {
        const s = startStage(media.width || 1280, media.height || 720);
        // Tracks are drawn at the presented frame, counted as the video panel counts it (video-math.ts).
        const fps = Number(media.info?.fps ?? 25) || 25;
        const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
          if (stopped) return;
          s.setFrame(frameAt(meta.mediaTime, fps));
          s.mediaChanged();
          video.requestVideoFrameCallback(onFrame);
        };
        video.addEventListener('loadeddata', () => { s.setMedia(video, false); mediaState.ready = true; video.requestVideoFrameCallback(onFrame); });
        video.addEventListener('seeked', () => {
          if (video.paused) s.setFrame(frameAt(video.currentTime, fps));
          s.mediaChanged();
        });
      };
      stopVideo = () => { stopped = true; video.pause(); };
    }
  }
  for (const f of PANELS) {
    if (!f.appliesTo(ctx)) continue;
    const p = f.create(session, ctx);
    if (!p.element.id) p.element.id = `panel-${f.id}`;
    p.element.classList.add('editor-panel');
    panels.push(p);
    (f.wide ? extra : panelBox).appendChild(p.element);
  }
  startVideo();
  check.run();
  refreshLists();

  return () => {
    void saver.flush().finally(() => saver.stop());
    check.stop();
    stopVideo();
    window.removeEventListener('keydown', onKey);
    panels.forEach(p => p.dispose?.());
    stage?.destroy();
  };
}

function draftOf(d: DraftJson) {
  return { id: d.id, annotation: d.annotation, score: d.score ?? null };
}
