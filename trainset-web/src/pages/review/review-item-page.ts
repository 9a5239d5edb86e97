// Review mode: the item in the shared viewer canvas with its issue pins, verdict keys A (accept),
// R (reject, back to the author with the comment) and F (fix-and-accept: the item as the reviewer
// left it after editing), and the issue panel. After a verdict the next item of the queue opens.
import { api, type ServerItem } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import { isSpatial } from '../../app/model';
import type { Page } from '../../app/router';
import { LabelColors } from '../../canvas/painter';
import { ViewerStage } from '../../canvas/viewer-stage';
import { t } from '../../i18n/i18n';
import { loadImage } from '../viewer/media-views';
import { IssuePanel } from './issue-panel';
import { paintPins, type PinView } from './issue-pins';
import { reviewApi, type QueueEntry, type ReviewIssue } from './review-api';

/** What tests can read: `window.trainset.review`. */
export interface ReviewHandle {
  itemId: string;
  stage: string;
  ready: boolean;
  pins: PinView;
  lastVerdict: string | null;
  status: string;
  toScreen(x: number, y: number): [number, number];
}

declare global {
  interface TrainsetHandles { review?: ReviewHandle }
}

export function reviewItemPage(itemId: string, navigate: (url: string) => void): Page {
  let stage: ViewerStage | undefined;
  let disposed = false;
  let keys: ((e: KeyboardEvent) => void) | undefined;
  const body = loading(async el => {
    const [item, queue] = await Promise.all([api.item(itemId), reviewApi.queue()]);
    const entry = queue.items.find(q => q.itemId === itemId);
    const [workflow, issues, project] = await Promise.all([reviewApi.workflow(item.projectId), reviewApi.issues(itemId),
      api.project(item.projectId).catch(() => undefined)]);
    if (disposed) return;
    build(el, item, entry, queue.items, workflow, issues, new LabelColors(project?.schema?.labels ?? []));
  });

  function build(el: HTMLElement, item: ServerItem, entry: QueueEntry | undefined, queue: QueueEntry[],
                 workflow: Awaited<ReturnType<typeof reviewApi.workflow>>, issues: ReviewIssue[], colors: LabelColors): void {
    const view: PinView = { issues, hideResolved: false, current: issues[0]?.id ?? null, drawn: [] };
    const status = h('span', { id: 'review-status', class: 'muted' });
    const handle: ReviewHandle = { itemId, stage: entry?.stage ?? '', ready: false, pins: view, lastVerdict: null, status: '',
      toScreen: (x, y) => stage?.toScreen(x, y) ?? [x, y] };
    window.trainset = { ...window.trainset, review: handle };
    const say = (text: string) => { status.textContent = text; handle.status = text; };
    const refresh = async () => {
      view.issues = await reviewApi.issues(itemId);
      panel.render();
      stage?.redrawOverlay();
    };
    const panel = new IssuePanel(view, workflow, {
      resolve: async (issue, resolved) => { await reviewApi.updateIssue(issue.id, { state: resolved ? 'resolved' : 'open' }); await refresh(); },
      comment: async (issue, text) => { await reviewApi.updateIssue(issue.id, { comment: text }); await refresh(); },
      pinMode: on => stageBox.classList.toggle('pinning', on),
      changed: () => stage?.redrawOverlay(),
    });
    const comment = h('input', { id: 'review-comment', type: 'text', placeholder: t('review.verdict.comment') });
    const verdict = async (v: 'accept' | 'reject' | 'fix') => {
      if (!entry) { say(t('review.notQueued')); return; }
      try {
        const body = { verdict: v, stage: entry.stage, ...(comment.value.trim() ? { comment: comment.value.trim() } : {}),
          ...(v === 'fix' ? { annotations: (await api.item(itemId)).annotations, version: (await api.item(itemId)).version } : {}) };
        const r = await reviewApi.review(itemId, body);
        handle.lastVerdict = v;
        say(t('review.verdict.done', { verdict: t(`review.verdict.${v}`), state: r.state }));
        const next = queue.find(q => q.itemId !== itemId);
        if (next) navigate(`/review/items/${encodeURIComponent(next.itemId)}`);
      } catch (e) {
        say(e instanceof Error ? e.message : String(e));
      }
    };
    const stageBox = h('div', { class: 'stage', id: 'review-stage' });
    const toolbar = h('div', { class: 'toolbar' },
      h('a', { href: '/review', id: 'back-to-queue' }, t('review.queue')),
      h('strong', { id: 'review-item' }, item.name),
      h('span', { class: 'muted' }, entry ? t('review.atStage', { stage: entry.stage, round: entry.round, author: entry.author ?? '' })
        : t('review.notQueued')),
      h('a', { href: `/items/${encodeURIComponent(itemId)}/edit`, id: 'review-edit' }, t('editor.open')),
      comment,
      h('button', { type: 'button', id: 'verdict-accept', title: 'A', on: { click: () => void verdict('accept') } }, t('review.verdict.accept')),
      h('button', { type: 'button', id: 'verdict-reject', title: 'R', on: { click: () => void verdict('reject') } }, t('review.verdict.reject')),
      h('button', { type: 'button', id: 'verdict-fix', title: 'F', on: { click: () => void verdict('fix') } }, t('review.verdict.fix')),
      status);
    el.replaceChildren(toolbar, h('div', { class: 'viewer review' }, h('div', { class: 'viewer-main' }, stageBox), panel.element));

    keys = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 'a') void verdict('accept');
      else if (k === 'r') void verdict('reject');
      else if (k === 'f') void verdict('fix');
      else if (k === 'n') panel.step(1);
      else if (k === 'p') panel.step(-1);
      else if (k === 'i') panel.togglePin();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', keys);

    const media = item.media[0];
    if (!media || media.kind !== 'image') {
      handle.ready = true;
      return;
    }
    const shapes = item.annotations.flatMap((a, index) => isSpatial(a) ? [{ index, shape: a }] : []);
    loadImage(media.url ?? api.mediaUrl(itemId)).then(img => {
      if (disposed) return;
      const s = new ViewerStage(stageBox, media.width ?? img.naturalWidth, media.height ?? img.naturalHeight, shapes, colors);
      stage = s;
      s.setMedia(img);
      s.paintExtra = (ctx, st) => paintPins(ctx, st, view, item.annotations);
      stageBox.addEventListener('click', e => {
        if (!panel.pinModeOn) return;
        const rect = stageBox.getBoundingClientRect();
        const [x, y] = s.toMedia(e.clientX - rect.left, e.clientY - rect.top);
        const selected = s.state.selected;
        const text = panel.newComment.value.trim();
        void reviewApi.openIssue(itemId, {
          category: panel.category, ...(entry ? { stage: entry.stage } : {}), ...(text ? { comment: text } : {}),
          ...(panel.reviewerOnly.checked ? { reviewerOnly: true } : {}),
          ...(selected !== null ? { annotationIndex: selected } : { point: { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 } }),
        }).then(async created => {
          panel.newComment.value = '';
          panel.togglePin(false);
          view.current = created.id;
          await refresh();
          say(t('review.issue.pinned'));
        }, err => say(err instanceof Error ? err.message : String(err)));
      });
      handle.ready = true;
      s.redrawOverlay();
    }, err => el.appendChild(errorBox(err)));
  }

  return {
    element: frame(body),
    dispose: () => {
      disposed = true;
      if (keys) document.removeEventListener('keydown', keys);
      stage?.destroy();
      if (window.trainset) delete window.trainset.review;
    },
  };
}
