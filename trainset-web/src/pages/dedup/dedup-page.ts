// A dedup job's near-duplicate clusters (issue 11.7): one row per cluster with each member's
// thumbnail, how it matched the cluster's first image (rule, pHash and dHash distances as the
// API gives them) and keep/drop buttons. Keyboard: arrows move between members, K keeps, D drops,
// Ctrl+S saves. Save posts what changed; the page then shows the stored decisions, as a reload does.
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { changedDecisions, dedupApi, type DedupCluster, type DedupJob, type DedupMember } from './dedup-api';
import { drawThumb, thumbCanvas } from './dedup-thumbs';

export function dedupPage(jobId: string): Page {
  const body = loading(async el => {
    const job = await dedupApi.job(jobId);
    render(el, job);
  });
  return { element: frame(body) };
}

function render(el: HTMLElement, job: DedupJob): void {
  const names = new Map(job.items.map(i => [i.id, i.name]));
  let clusters: DedupCluster[] = job.clusters ?? [];
  const choice = new Map<string, boolean>();
  const status = h('p', { id: 'dedup-status', class: 'muted', role: 'status' });
  const list = h('div', { id: 'dedup-clusters' });
  const save = h('button', { type: 'button', id: 'dedup-save', on: { click: () => { void doSave(); } } }, t('dedup.save'));
  const readOnly = job.state === 'submitted';

  const stateOf = (m: DedupMember): boolean | null => choice.get(m.itemId) ?? m.keep;
  const refreshSave = () => {
    const n = changedDecisions(clusters, choice).length;
    save.disabled = readOnly || n === 0;
    save.textContent = n === 0 ? t('dedup.save') : t('dedup.saveCount', { count: n });
  };

  function memberCard(m: DedupMember): HTMLElement {
    const canvas = thumbCanvas();
    const keepBtn = h('button', { type: 'button', class: 'dedup-keep' }, t('dedup.keep'));
    const dropBtn = h('button', { type: 'button', class: 'dedup-drop' }, t('dedup.drop'));
    const decision = h('span', { class: 'dedup-decision' });
    const card = h('figure', { class: 'dedup-member', dataset: { itemId: m.itemId } },
      canvas,
      h('figcaption', {},
        h('strong', { class: 'dedup-name' }, names.get(m.itemId) ?? m.itemId),
        h('span', { class: `dedup-rule rule-${m.rule}` }, t(`dedup.rule.${m.rule}`)),
        h('span', { class: 'dedup-distances' }, t('dedup.distances', { phash: m.phashDistance, dhash: m.dhashDistance })),
        decision,
        h('span', { class: 'row' }, keepBtn, dropBtn)));
    card.tabIndex = 0;
    card.setAttribute('aria-label', names.get(m.itemId) ?? m.itemId);
    const show = () => {
      const s = stateOf(m);
      card.dataset['keep'] = s === null ? 'undecided' : s ? 'keep' : 'drop';
      card.dataset['dirty'] = String(choice.has(m.itemId) && choice.get(m.itemId) !== m.keep);
      keepBtn.setAttribute('aria-pressed', String(s === true));
      dropBtn.setAttribute('aria-pressed', String(s === false));
      keepBtn.disabled = dropBtn.disabled = readOnly;
      decision.textContent = s === null ? t('dedup.undecided') : s ? t('dedup.kept') : t('dedup.dropped');
      void drawThumb(canvas, m.itemId, s);
      refreshSave();
    };
    const set = (keep: boolean) => {
      if (readOnly) return;
      choice.set(m.itemId, keep);
      show();
    };
    keepBtn.addEventListener('click', () => set(true));
    dropBtn.addEventListener('click', () => set(false));
    card.addEventListener('keydown', e => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'k' || e.key === 'K') set(true);
      else if (e.key === 'd' || e.key === 'D') set(false);
      else return;
      e.preventDefault();
    });
    show();
    return card;
  }

  function draw(): void {
    if (clusters.length === 0) {
      list.replaceChildren(h('p', { class: 'muted', id: 'dedup-empty' }, t('dedup.none')));
      refreshSave();
      return;
    }
    list.replaceChildren(...clusters.map((c, i) => h('section', { class: 'dedup-cluster', dataset: { cluster: String(i) } },
      h('h3', {}, t('dedup.cluster', { n: i + 1, count: c.members.length })),
      h('div', { class: 'dedup-members' }, ...c.members.map(memberCard)))));
    refreshSave();
  }

  async function doSave(): Promise<void> {
    const decisions = changedDecisions(clusters, choice);
    if (decisions.length === 0) return;
    save.disabled = true;
    try {
      clusters = await dedupApi.decide(job.id, decisions);
      choice.clear();
      draw();
      status.textContent = t('dedup.saved', { count: decisions.length });
    } catch (e) {
      status.replaceChildren(errorBox(e));
      refreshSave();
    }
  }

  // arrows move between members (left/right within the page order), Ctrl+S saves
  el.addEventListener('keydown', e => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') {
      e.preventDefault();
      void doSave();
      return;
    }
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const cards = Array.from(list.querySelectorAll<HTMLElement>('.dedup-member'));
    const at = cards.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const next = cards[Math.max(0, Math.min(cards.length - 1, at + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
  });

  el.replaceChildren(
    h('h1', {}, t('dedup.title', { job: job.name })),
    h('p', { class: 'muted', id: 'dedup-help' }, t('dedup.help')),
    ...(readOnly ? [h('p', { class: 'muted', id: 'dedup-read-only' }, t('dedup.readOnly'))] : []),
    h('div', { class: 'row dedup-toolbar' }, save, status),
    list);
  draw();
}
