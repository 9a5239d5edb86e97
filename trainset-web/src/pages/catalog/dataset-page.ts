import { ApiError } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t, type Language } from '../../i18n/i18n';
import { barChart } from '../project/charts';
import { catalogApi, sampleUrl, type DatasetCard, type SampleEntry } from './catalog-api';

/** A dataset's card: description, how it was built, charts, quality, citation, versions, sample, report form. */
export function datasetPage(name: string, lang: Language): Page {
  const disposers: (() => void)[] = [];
  let disposed = false;
  const body = loading(async el => {
    const d = await catalogApi.dataset(name);
    const sample = await catalogApi.sample(name, d.latestVersion);
    if (disposed) return;
    build(el, d, sample);
  });

  function build(el: HTMLElement, d: DatasetCard, sample: SampleEntry[]): void {
    const stats = d.card.statistics ?? {};
    const charts = [
      { id: 'chart-labels', title: t('catalog.chart.labels'), counts: Object.entries(stats.byLabel ?? {}), color: '#4363d8' },
      { id: 'chart-subsets', title: t('catalog.chart.subsets'), counts: Object.entries(stats.bySubset ?? {}).map(([k, v]) => [k || '—', v] as [string, number]), color: '#f58231' },
    ];
    const boxes = charts.map(c => h('div', { class: 'chart', id: c.id, dataset: { lang } }));
    const quality = h('table', { class: 'table', id: 'dataset-quality' },
      h('thead', {}, h('tr', {}, h('th', {}, t('catalog.quality.metric')), h('th', {}, t('catalog.quality.goal')),
        h('th', {}, t('catalog.quality.achieved')), h('th', {}, t('catalog.quality.met')))),
      h('tbody', {}, ...(d.card.quality?.targets ?? []).map(q => h('tr', {},
        h('td', { title: q.description }, q.metric), h('td', {}, `${q.compare} ${q.goal}`),
        h('td', {}, q.achieved === null ? t('catalog.quality.notReported') : String(q.achieved)),
        h('td', {}, q.met === null ? '—' : q.met ? t('catalog.yes') : t('catalog.no'))))));
    const versions = h('table', { class: 'table', id: 'dataset-versions' },
      h('thead', {}, h('tr', {}, h('th', {}, t('catalog.version')), h('th', {}, t('catalog.items')), h('th', {}, t('catalog.bytes')))),
      h('tbody', {}, ...d.versions.map(v => h('tr', {}, h('td', {}, v.version), h('td', { class: 'num' }, v.items.toLocaleString()),
        h('td', { class: 'num' }, v.bytes.toLocaleString())))));
    const samples = h('ul', { id: 'dataset-sample', class: 'label-links' }, ...sample.map(s =>
      h('li', {}, h('a', { href: sampleUrl(d.name, d.latestVersion, s.name), class: 'sample-link' }, s.name),
        ` ${s.labels.join(', ')}`)));
    el.replaceChildren(
      h('h1', { id: 'dataset-title' }, d.title),
      h('p', {}, h('span', { class: 'tag' }, `${d.name} v${d.latestVersion}`), h('span', { class: 'tag' }, d.family),
        h('span', { class: 'tag' }, t('catalog.access', { mode: d.accessMode })), ...d.tasks.map(x => h('span', { class: 'tag' }, x)),
        d.accessMode === 'gated' || d.accessMode === 'sandbox'
          ? h('a', { id: 'request-access', href: `/datasets/${encodeURIComponent(d.name)}/request-access` }, t('access.requestLink')) : null),
      h('p', { id: 'dataset-description' }, d.description),
      h('p', { class: 'muted' }, t('catalog.publishedBy', { org: d.organisation ?? '—', licence: d.licence })),
      h('h2', {}, t('catalog.construction')),
      h('ol', { id: 'dataset-construction' }, ...(d.card.construction ?? []).map(s => h('li', {}, h('strong', {}, s.stage), ': ', s.text))),
      h('h2', {}, t('catalog.statistics')),
      h('p', {}, t('catalog.counts', { items: stats.items ?? 0, annotations: stats.annotations ?? 0 })),
      h('div', { class: 'charts' }, ...boxes),
      h('h2', {}, t('catalog.quality')), quality,
      h('h2', {}, t('catalog.sample')), samples,
      h('h2', {}, t('catalog.citation')), h('pre', { id: 'dataset-citation', class: 'citation' }, d.citation),
      h('h2', {}, t('catalog.versions')), versions,
      reportForm(d, sample));
    charts.forEach((c, i) => disposers.push(barChart(boxes[i]!, { title: c.title, seriesName: t('catalog.chart.count'), counts: c.counts, color: c.color })));
    boxes.forEach(b => b.setAttribute('data-rendered', 'true'));
  }

  /** "Report a problem": item, shape index and text; signing in is asked for on submit. */
  function reportForm(d: DatasetCard, sample: SampleEntry[]): HTMLElement {
    const item = h('input', { name: 'item', id: 'report-item', value: sample[0]?.name ?? '' });
    const shape = h('input', { name: 'shape', id: 'report-shape', type: 'number', placeholder: '0' });
    const text = h('textarea', { name: 'text', id: 'report-text' });
    const status = h('p', { id: 'report-status', role: 'status' });
    const form = h('form', { id: 'report-form', class: 'report-form', on: { submit: e => {
      e.preventDefault();
      const shapeIndex = shape.value === '' ? undefined : Number(shape.value);
      catalogApi.report(d.name, { item: item.value, version: d.latestVersion, shapeIndex, text: text.value })
        .then(() => { status.replaceChildren(t('catalog.report.sent')); text.value = ''; },
          (err: unknown) => status.replaceChildren(err instanceof ApiError && err.status === 401 ? t('catalog.report.signIn') : errorBox(err)));
    } } },
    h('h2', {}, t('catalog.report.title')),
    h('label', {}, t('catalog.report.item'), ' ', item), ' ',
    h('label', {}, t('catalog.report.shape'), ' ', shape),
    h('label', { class: 'block' }, t('catalog.report.text'), h('br'), text),
    h('button', { type: 'submit', id: 'report-submit' }, t('catalog.report.send')), status);
    return form;
  }

  return { element: frame(body, { loggedIn: false }), dispose: () => { disposed = true; disposers.forEach(x => x()); } };
}
