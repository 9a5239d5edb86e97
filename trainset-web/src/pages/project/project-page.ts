import { api } from '../../app/api';
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t, typeName, type Language } from '../../i18n/i18n';
import { barChart } from './charts';
import { itemsUrl, projectHeader } from './project-tabs';

/** Overview: counts and three charts (labels, annotation types, subsets) from /stats. */
export function projectPage(projectId: string, lang: Language): Page {
  const disposers: (() => void)[] = [];
  let disposed = false;
  const body = loading(async el => {
    const project = await api.project(projectId);
    if (disposed) return;
    el.replaceChildren(projectHeader(project, 'overview'), h('p', { class: 'muted' }, t('app.loading')));
    const stats = await api.stats(projectId);
    if (disposed) return;
    const charts = [
      { id: 'chart-labels', title: t('project.chart.labels'), counts: Object.entries(stats.byLabel), color: '#4363d8' },
      { id: 'chart-types', title: t('project.chart.types'), counts: Object.entries(stats.byType).map(([k, v]) => [typeName(k), v] as [string, number]), color: '#3cb44b' },
      { id: 'chart-subsets', title: t('project.chart.subsets'), counts: Object.entries(stats.bySubset).map(([k, v]) => [k || t('project.noSubset'), v] as [string, number]), color: '#f58231' },
    ];
    const boxes = charts.map(c => h('div', { class: 'chart', id: c.id, dataset: { lang } }));
    // Each label is a link into the browser filtered by it (text, not HTML).
    const labelLinks = h('ul', { class: 'label-links' }, ...Object.entries(stats.byLabel).map(([label, n]) =>
      h('li', {}, h('a', { href: itemsUrl(projectId, { label }), class: 'label-link' }, label), ` ${n.toLocaleString()}`)));
    el.replaceChildren(
      projectHeader(project, 'overview'),
      h('p', { id: 'project-summary' }, t('project.summary', { items: stats.items, annotations: stats.annotations })),
      h('div', { class: 'charts' }, ...boxes),
      labelLinks);
    charts.forEach((c, i) => disposers.push(barChart(boxes[i]!, { title: c.title, seriesName: t('project.chart.count'), counts: c.counts, color: c.color })));
    boxes.forEach(b => b.setAttribute('data-rendered', 'true'));
  });
  return { element: frame(body), dispose: () => { disposed = true; disposers.forEach(d => d()); } };
}
