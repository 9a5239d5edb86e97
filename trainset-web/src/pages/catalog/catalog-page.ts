import { h, select } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { catalogApi, datasetUrl, FACETS, type CatalogQuery } from './catalog-api';

/** The catalog: search and filters (kept in the URL), one card per dataset. Public. */
export function catalogPage(query: URLSearchParams, navigate: (url: string) => void): Page {
  const current: CatalogQuery = {};
  for (const k of ['q', ...FACETS] as const) current[k] = query.get(k) ?? undefined;
  const go = (patch: CatalogQuery) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...current, ...patch })) if (v) p.set(k, v);
    navigate(`/datasets${p.toString() ? `?${p}` : ''}`);
  };
  const body = loading(async el => {
    const r = await catalogApi.search(current);
    const search = h('input', { type: 'search', name: 'q', id: 'catalog-q', value: current.q ?? '', placeholder: t('catalog.search') });
    const form = h('form', { id: 'catalog-search', class: 'toolbar', on: { submit: e => { e.preventDefault(); go({ q: search.value }); } } },
      search, h('button', { type: 'submit', id: 'catalog-submit' }, t('catalog.searchButton')),
      ...FACETS.map(f => {
        const s = select(f, [['', t('catalog.any')], ...(r.facets[f] ?? []).map(v => [v, v] as [string, string])],
          current[f] ?? '', v => go({ [f]: v }));
        s.id = `catalog-${f}`;
        return h('label', {}, t(`catalog.facet.${f}`), ' ', s);
      }));
    const cards = r.datasets.map(d => h('li', { class: 'dataset-entry', dataset: { name: d.name } },
      h('a', { href: datasetUrl(d.name), class: 'dataset-link' }, d.title),
      ' ', h('span', { class: 'tag' }, `v${d.latestVersion}`), h('span', { class: 'tag' }, d.family),
      h('span', { class: 'tag' }, t('catalog.access', { mode: d.accessMode })),
      h('p', {}, d.description),
      h('p', { class: 'muted' }, t('catalog.counts', { items: d.items, annotations: d.annotations }), ' · ', d.licence)));
    el.replaceChildren(h('h1', {}, t('catalog.title')), form,
      h('p', { id: 'catalog-count', class: 'muted' }, t('catalog.found', { count: r.datasets.length })),
      h('ul', { id: 'catalog-list', class: 'catalog-list' }, ...cards));
  });
  return { element: frame(body, { loggedIn: false }) };
}
