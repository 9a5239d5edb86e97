import { api, type Findings, type ItemsPage, type ItemSummary, type Project, type ServerItem } from '../../app/api';
import { h, select } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { LabelColors } from '../../canvas/painter';
import { t } from '../../i18n/i18n';
import { itemsUrl, projectHeader } from '../project/project-tabs';
import { VirtualGrid } from './virtual-grid';

type Filters = { label: string; subset: string; finding: string; q: string };

/**
 * Thumbnail grid with filters; the filters live in the URL so a filtered view can be linked.
 * The grid starts as soon as the project is known: counts (/stats) and findings only fill the
 * filter choices and never hold up the first thumbnails.
 */
export function browserPage(projectId: string, query: URLSearchParams, navigate: (url: string) => void): Page {
  const filters: Filters = { label: query.get('label') ?? '', subset: query.get('subset') ?? '', finding: query.get('finding') ?? '', q: query.get('q') ?? '' };
  let grid: VirtualGrid | undefined;
  let disposed = false;
  const body = loading(async el => {
    const project = await api.project(projectId);
    if (disposed) return;
    const findings = filters.finding ? api.findings(projectId) : undefined;
    const go = (change: Partial<Filters>) => navigate(itemsUrl(projectId, { ...filters, ...change }));
    const total = h('span', { id: 'item-total', class: 'muted' });
    grid = new VirtualGrid({
      fetch: pageSource(projectId, filters, findings),
      colors: new LabelColors(project.schema?.labels ?? []),
      href: item => `/items/${encodeURIComponent(item.id)}`,
      placeholder: t('browser.noMedia'),
      onTotal: n => { total.textContent = n === 0 ? t('browser.empty') : t('browser.total', { total: n }); },
    });
    el.replaceChildren(projectHeader(project, 'items'), filterBar(project, filters, go, total), grid.element);
    grid.start();
  });
  return { element: frame(body), dispose: () => { disposed = true; grid?.destroy(); } };
}

function filterBar(project: Project, filters: Filters, go: (change: Partial<Filters>) => void, total: HTMLElement): HTMLElement {
  const any: [string, string] = ['', t('browser.filter.any')];
  const options = (values: string[], current: string): [string, string][] =>
    [any, ...[...new Set([...values, ...(current ? [current] : [])])].sort().map(v => [v, v] as [string, string])];
  const labelSelect = select('label', options((project.schema?.labels ?? []).map(l => l.name), filters.label), filters.label, v => go({ label: v }));
  const subsetSelect = select('subset', options(project.schema?.subsets ?? [], filters.subset), filters.subset, v => go({ subset: v }));
  const findingSelect = select('finding', options([], filters.finding), filters.finding, v => go({ finding: v }));
  labelSelect.id = 'filter-label';
  subsetSelect.id = 'filter-subset';
  findingSelect.id = 'filter-finding';
  // Choices the schema does not declare (labels used but not declared, rules that fired) arrive later.
  const id = project.id;
  void api.stats(id).then(stats => {
    addOptions(labelSelect, Object.keys(stats.byLabel));
    addOptions(subsetSelect, Object.keys(stats.bySubset).filter(s => s !== ''));
  }, () => {});
  void api.findings(id, 0).then(f => addOptions(findingSelect, Object.keys(f.byRule ?? {})), () => {});
  const search = h('input', { name: 'q', id: 'filter-q', value: filters.q, placeholder: t('browser.filter.search') });
  search.addEventListener('change', () => go({ q: search.value }));
  return h('div', { class: 'filters' },
    h('label', {}, t('browser.filter.label'), ' ', labelSelect),
    h('label', {}, t('browser.filter.subset'), ' ', subsetSelect),
    h('label', {}, t('browser.filter.finding'), ' ', findingSelect),
    search, total);
}

function addOptions(sel: HTMLSelectElement, values: string[]): void {
  const have = new Set(Array.from(sel.options, o => o.value));
  for (const v of values.sort()) if (!have.has(v)) sel.appendChild(h('option', { value: v }, v));
}

/**
 * Pages of items for the filters. The server filters by label, subset and name; a finding filter
 * takes the items the rule pack flagged (server ids from /findings, in finding order) instead.
 */
function pageSource(projectId: string, filters: Filters, findings: Promise<Findings> | undefined):
    (offset: number, limit: number) => Promise<ItemsPage> {
  if (!findings) {
    return (offset, limit) => api.items(projectId, { label: filters.label, subset: filters.subset, q: filters.q, offset, limit });
  }
  const refs = findings.then(f => [...new Set(f.shown.filter(x => x.rule === filters.finding && x.itemRef).map(x => x.itemRef!))]);
  return async (offset, limit) => {
    const all = await refs;
    return { total: all.length, items: await Promise.all(all.slice(offset, offset + limit).map(ref => api.item(ref).then(summaryOf))) };
  };
}

function summaryOf(item: ServerItem): ItemSummary {
  return {
    id: item.id, name: item.name, subset: item.subset ?? null, version: item.version,
    labels: [...new Set(item.annotations.map(a => a.label))], annotationCount: item.annotations.length, media: item.media,
  };
}
