// The item's editor panels on a page of their own (/items/{id}/panels): the text, video and DICOM
// panels of PANELS around one EditSession, with the annotation list to select from, undo/redo
// (buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y), autosave with the item's version (a 409 is shown,
// never overwritten) and the server's check of the saved item (the project's rule pack, its
// findings for this item put into the session). Used for text and video items, where the canvas
// is not where the work is, and by the panels' browser tests.
import { api, ApiError, type Finding as ServerFinding, type ServerItem } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { PANELS, type EditorContext, type EditorPanel } from '../../editor/panel';
import { EditSession, type Finding } from '../../editor/session';
import { t, typeName } from '../../i18n/i18n';
import { jobBar } from './job-bar';

const AUTOSAVE_MS = 500;

/** What tests can read: `window.trainset.panels`. */
export interface PanelsHandle { itemId: string; session: EditSession; saves: number; checks: number }
declare global {
  interface Window { trainsetPanels?: PanelsHandle }
}

export function panelsPage(itemId: string, query: URLSearchParams, navigate: (url: string) => void): Page {
  let panels: EditorPanel[] = [];
  let disposed = false;
  let cleanup: (() => void)[] = [];
  const body = loading(async el => {
    const item = await api.item(itemId);
    const project = await api.project(item.projectId).catch(() => undefined);
    if (disposed) return;
    build(el, item, project?.schema ?? undefined, project?.family ?? undefined);
  });

  function build(el: HTMLElement, item: ServerItem, schema: EditorContext['schema'], family: string | undefined): void {
    const session = new EditSession(item.id, item.annotations, item.version);
    const handle: PanelsHandle = { itemId: item.id, session, saves: 0, checks: 0 };
    window.trainsetPanels = handle;
    const status = h('span', { id: 'save-status', class: 'muted', role: 'status' }, t('jobs.panels.saved'));
    const list = h('ol', { id: 'panel-annotations', class: 'annotation-list' });
    let selected: number | null = null;
    const ctx: EditorContext = {
      item, schema, family, readOnly: false,
      select(index) {
        selected = index;
        panels.forEach(p => p.selected?.(index));
        renderList();
      },
    };
    const renderList = () => list.replaceChildren(...session.annotations.map((a, i) =>
      h('li', { class: i === selected ? 'selected' : '', dataset: { index: String(i), type: a.type }, on: { click: () => ctx.select(i) } },
        h('span', { class: 'type' }, typeName(a.type)), ' ', h('span', { class: 'label' }, a.label))));
    const undo = h('button', { type: 'button', id: 'undo', on: { click: () => session.undo() } }, t('jobs.panels.undo'));
    const redo = h('button', { type: 'button', id: 'redo', on: { click: () => session.redo() } }, t('jobs.panels.redo'));
    const buttons = () => { undo.disabled = !session.canUndo; redo.disabled = !session.canRedo; };

    const findingList = h('ul', { id: 'live-findings', class: 'live-findings' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let saving: Promise<void> | null = null;
    const save = async (): Promise<void> => {
      if (saving) await saving;
      if (!session.dirty) return;
      const included = session.editCount;
      status.textContent = t('jobs.panels.saving');
      saving = api.saveAnnotations(item.id, session.version, [...session.annotations]).then(r => {
        session.markSaved(r.version, included);
        handle.saves++;
        status.textContent = session.dirty ? t('jobs.panels.unsaved') : t('jobs.panels.saved');
        return check();
      }, (e: unknown) => {
        status.replaceChildren(e instanceof ApiError && e.status === 409 ? t('jobs.panels.conflict') : errorBox(e));
      }).finally(() => { saving = null; });
      await saving;
      if (session.dirty) schedule();
    };
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => { timer = undefined; void save(); }, AUTOSAVE_MS);
    };
    // A project without a rule pack answers 409: there is nothing to check, so stop asking.
    let checking = true;
    const check = async () => {
      if (!checking) return;
      try {
        const found = await api.findings(item.projectId);
        session.setFindings(found.shown.filter(f => f.itemRef === item.id).map(f => toSessionFinding(f, session)));
        handle.checks++;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) checking = false;
        else findingList.replaceChildren(h('li', {}, errorBox(e)));
      }
    };

    cleanup.push(session.onFindings(fs => findingList.replaceChildren(...fs.map(f =>
      h('li', { class: `severity-${f.severity}`, on: { click: () => { if (f.annotation !== undefined) ctx.select(f.annotation); } } },
        h('strong', {}, f.rule), ' ', f.message)))));
    cleanup.push(session.onChange((_c, cause) => {
      if (selected !== null && selected >= session.annotations.length) ctx.select(null);
      renderList();
      buttons();
      if (cause !== 'load') { status.textContent = t('jobs.panels.unsaved'); schedule(); }
    }));
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const k = e.key.toLowerCase();
      if (k !== 'z' && k !== 'y') return;
      // Typing in a field is committed first (leaving the field does that), so undo takes it back as one step.
      const active = document.activeElement;
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); session.undo(); }
      else if ((k === 'z' && e.shiftKey) || k === 'y') { e.preventDefault(); session.redo(); }
    };
    document.addEventListener('keydown', onKey);
    cleanup.push(() => document.removeEventListener('keydown', onKey));
    cleanup.push(() => { if (timer !== undefined) { clearTimeout(timer); void save(); } });

    panels = PANELS.filter(p => p.appliesTo(ctx)).map(p => p.create(session, ctx));
    const jobId = query.get('job');
    el.replaceChildren(...(jobId ? [jobBar(jobId, item.id, navigate, save)] : []),
      h('div', { class: 'toolbar' }, h('a', { href: `/items/${encodeURIComponent(item.id)}` }, t('jobs.panels.viewer')),
        h('strong', { id: 'item-id' }, t('viewer.item', { id: item.name })), undo, redo, status),
      h('div', { class: 'panels-page' },
        h('div', { class: 'panels-main' }, ...panels.map(p => p.element)),
        h('aside', { class: 'side-panel' }, h('h3', {}, t('viewer.annotations')), list,
          h('h3', {}, t('jobs.panels.findings')), findingList)));
    renderList();
    buttons();
    void check();
  }

  return {
    element: frame(body),
    dispose: () => {
      disposed = true;
      panels.forEach(p => p.dispose?.());
      cleanup.forEach(c => c());
      cleanup = [];
      delete window.trainsetPanels;
    },
  };
}

/** A finding of the project check as the session holds it: `annotation` is the id or `#index` in the item. */
function toSessionFinding(f: ServerFinding, session: EditSession): Finding {
  let annotation: number | undefined;
  if (f.annotation?.startsWith('#')) annotation = Number(f.annotation.slice(1));
  else if (f.annotation) {
    const i = session.annotations.findIndex(a => a.id === f.annotation);
    if (i >= 0) annotation = i;
  }
  const severity = f.severity.toLowerCase();
  return { rule: f.rule, message: f.message, value: f.value, annotation,
    severity: severity === 'error' || severity === 'warning' ? severity : 'info' };
}
