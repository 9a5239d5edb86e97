// The review quality dashboard: per worker (items, throughput, rejection rate per stage, issues
// per 100 objects, gold accuracy, MQM score, inspection mode) and per project (items per state
// and stage, open issues by category, reader agreement), with ECharts bar charts and CSV links;
// above them the stages' ISO 2859-1 lot inspection (inspection-panel.ts), below the workflow editor.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../app/api';
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { projectHeader } from '../project/project-tabs';
import { inspectionPanel } from './inspection-panel';
import { reviewApi, type QualityFigures } from './review-api';
import { workflowEditor } from './workflow-editor';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** What tests can read: `window.trainset.quality`. */
declare global {
  interface TrainsetHandles { quality?: QualityFigures }
}

const fmt = (v: number | null | undefined, digits = 2) => v === null || v === undefined ? '–' : v.toFixed(digits);

export function qualityPage(projectId: string): Page {
  const charts: echarts.ECharts[] = [];
  const body = loading(async el => {
    const [q, project, inspection] = await Promise.all([reviewApi.quality(projectId), api.project(projectId), inspectionPanel(projectId)]);
    window.trainset = { ...window.trainset, quality: q };
    const stages = [...new Set(q.workers.flatMap(w => Object.keys(w.stages)))];
    const table = h('table', { id: 'quality-workers', class: 'table' },
      h('thead', {}, h('tr', {}, ...['worker', 'submitted', 'done', 'throughput', 'issues100', 'gold', 'quality', 'mqm', 'inspection']
        .map(k => h('th', {}, t(`review.q.${k}` as Parameters<typeof t>[0]))))),
      h('tbody', {}, ...q.workers.map(w => h('tr', { dataset: { worker: w.worker } },
        h('td', {}, w.worker), h('td', {}, w.itemsSubmitted), h('td', {}, w.itemsDone), h('td', {}, fmt(w.throughputPerHour)),
        h('td', {}, fmt(w.issuesPer100Objects)), h('td', {}, fmt(w.goldAccuracy)), h('td', {}, fmt(w.qualityIndex, 1)),
        h('td', {}, fmt(w.mqmScore, 1)), h('td', { class: w.inspection }, t(w.inspection === 'full' ? 'review.q.full' : 'review.q.sampled'))))));
    const rejectChart = h('div', { class: 'chart', id: 'chart-rejections' });
    const stateChart = h('div', { class: 'chart', id: 'chart-states' });
    const issuesChart = h('div', { class: 'chart', id: 'chart-issues' });
    const a = q.project.agreement;
    el.replaceChildren(projectHeader(project, 'quality'), h('h2', {}, q.workflow ? t('review.quality', { workflow: q.workflow }) : t('project.tab.quality')),
      h('p', {}, h('a', { href: reviewApi.qualityCsvUrl(projectId), id: 'quality-csv' }, t('review.q.csv')), ' · ',
        h('a', { href: reviewApi.historyCsvUrl(projectId), id: 'history-csv' }, t('review.q.historyCsv'))),
      inspection,
      table,
      h('p', { id: 'agreement' }, t('review.q.agreement', { items: a.items, kappa: fmt(a.kappa, 3), iou: fmt(a.meanIou, 3) })),
      h('div', { class: 'charts' }, rejectChart, stateChart, issuesChart),
      await workflowEditor(projectId));
    const bar = (node: HTMLElement, title: string, categories: string[], series: { name: string; data: number[] }[]) => {
      const c = echarts.init(node, undefined, { renderer: 'canvas' });
      c.setOption({
        animation: false, title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { bottom: 0 },
        grid: { left: 8, right: 16, top: 36, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: categories }, yAxis: { type: 'value' },
        series: series.map(s => ({ ...s, type: 'bar' })),
      });
      charts.push(c);
    };
    bar(rejectChart, t('review.q.rejectionChart'), q.workers.map(w => w.worker),
      stages.map(s => ({ name: s, data: q.workers.map(w => w.stages[s]?.rejectionRate ?? 0) })));
    bar(stateChart, t('review.q.stateChart'), Object.keys(q.project.itemsByState),
      [{ name: t('review.q.items'), data: Object.values(q.project.itemsByState) }]);
    bar(issuesChart, t('review.q.issueChart'), Object.keys(q.project.openIssuesByCategory),
      [{ name: t('review.q.open'), data: Object.values(q.project.openIssuesByCategory) }]);
  });
  const resize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', resize);
  return {
    element: frame(body),
    dispose: () => {
      window.removeEventListener('resize', resize);
      charts.forEach(c => c.dispose());
      if (window.trainset) {
        delete window.trainset.quality;
        delete window.trainset.inspection;
      }
    },
  };
}
