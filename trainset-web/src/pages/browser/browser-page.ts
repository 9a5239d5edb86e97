import { api, type Findings, type ItemsPage, type ItemSummary, type ServerItem } from '../../app/api';
import { h, select } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { LabelColors } from '../../canvas/painter';
import { t } from '../../i18n/i18n';
import { itemsUrl, projectHeader } from '../project/project-tabs';
import { VirtualGrid } from './virtual-grid';

/** Thumbnail grid with filters; the filters live in the URL so a filtered view can be linked. */
export function browserPage(projectId: string, query: URLSearchParams, navigate: (url: string) => void): Page {
  const filters = { label: query.get('label') ?? '', subset: query.get('subset') ?? '', finding: query.get('finding') ?? '', q: query.get('q') ?? '' };
  let grid: VirtualGrid | undefined;
  let disposed = false;
  const body = loading(async el => {
    const [project, stats, findings] = await Promise.all([
      api.project(projectId), api.stats(projectId), api.findings(projectId).catch((): Findings | null => null)]);
    if (disposed) return;
    const go = (change: Partial<typeof filters>) => navigate(itemsUrl(projectId, { ...filters, ...change }));
    const any: [string, string] = ['', t('browser.filter.any')];
    const labels = Object.keys(stats.byLabel).sort();
    const subsets = Object.keys(stats.bySubset).filter(s => s !== '').sort();
    const rules = Object.keys(findings?.byRule ?? {}).sort();
    const search = h('input', { name: 'q', id: 'filter-q', value: filters.q, placeholder: t('browser.filter.search') });
    search.addEventListener('change', () => go({ q: search.value }));
    const total = h('span', { id: 'item-total', class: 'muted' });
    const bar = h('div', { class: 'filters' },
      h('label', {}, t('browser.filter.label'), ' ', withId(select('label', [any, ...labels.map(l => [l, l] as [string, string])], filters.label, v => go({ label: v })), 'filter-label')),
      h('label', {}, t('browser.filter.subset'), ' ', withId(select('subset', [any, ...subsets.map(s => [s, s] as [string, string])], filters.subset, v => go({ subset: v })), 'filter-subset')),
      h('label', {}, t('browser.filter.finding'), ' ', withId(select('finding', [any, ...rules.map(r => [r, r] as [string, string])], filters.finding, v => go({ finding: v })), 'filter-finding')),
      search, total);

    const colors = new LabelColors(project.schema?.labels ?? []);
    const fetchPage = pageSource(projectId, filters, findings);
    grid = new VirtualGrid({
      fetch: fetchPage,
      colors,
      href: item => `/items/${encodeURIComponent(item.id)}`,
      placeholder: t('browser.noMedia'),
      onTotal: n => { total.textContent = n === 0 ? t('browser.empty') : t('browser.total', { total: n }); },
    });
    el.replaceChildren(projectHeader(project, 'items'), bar, grid.element);
    grid.start();
  });
  return { element: frame(body), dispose: () => { disposed = true; grid?.destroy(); } };
}

function withId<T extends HTMLElement>(el: T, id: string): T {
  el.id = id;
  return el;
}

/**
 * Pages of items for the filters. The server filters by label, subset and name; a finding filter
 * takes the items the rule pack flagged (server ids from /findings, in finding order) instead.
 */
function pageSource(projectId: string, filters: { label: string; subset: string; finding: string; q: string },
                    findings: Findings | null): (offset: number, limit: number) => Promise<ItemsPage> {
  if (!filters.finding) {
    return (offset, limit) => api.items(projectId, { label: filters.label, subset: filters.subset, q: filters.q, offset, limit });
  }
  const refs = [...new Set((findings?.shown ?? []).filter(f => f.rule === filters.finding && f.itemRef).map(f => f.itemRef!))];
  return async (offset, limit) => ({
    total: refs.length,
    items: await Promise.all(refs.slice(offset, offset + limit).map(ref => api.item(ref).then(summaryOf))),
  });
}

function summaryOf(item: ServerItem): ItemSummary {
  return {
    id: item.id, name: item.name, subset: item.subset ?? null, version: item.version,
    labels: [...new Set(item.annotations.map(a => a.label))], annotationCount: item.annotations.length, media: item.media,
  };
}
