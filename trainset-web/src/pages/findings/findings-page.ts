import { api, type Finding } from '../../app/api';
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { itemsUrl, projectHeader } from '../project/project-tabs';

const MAX_ROWS = 2000;

/** The rule pack's findings over the project, each linked to its item; rules link to a filtered browser. */
export function findingsPage(projectId: string): Page {
  const body = loading(async el => {
    const [project, findings] = await Promise.all([api.project(projectId), api.findings(projectId)]);
    const header = projectHeader(project, 'findings');
    if (findings.shown.length === 0) {
      el.replaceChildren(header, h('p', { id: 'findings-empty' }, t('findings.empty')));
      return;
    }
    const ruleLinks = h('ul', { class: 'rule-links' }, ...Object.entries(findings.byRule ?? {}).map(([rule, n]) =>
      h('li', {}, h('a', { href: itemsUrl(projectId, { finding: rule }), class: 'rule-link' }, rule), ` ${n.toLocaleString()} · `,
        h('a', { href: itemsUrl(projectId, { finding: rule }) }, t('findings.showItems')))));
    const rows = findings.shown.slice(0, MAX_ROWS).map(f => row(f));
    el.replaceChildren(header,
      h('p', { id: 'findings-count' }, t('findings.count', { count: findings.findings })),
      ruleLinks,
      h('table', { class: 'table', id: 'findings' },
        h('thead', {}, h('tr', {}, h('th', {}, t('findings.severity')), h('th', {}, t('findings.rule')),
          h('th', {}, t('findings.item')), h('th', {}, t('findings.message')))),
        h('tbody', {}, ...rows)));
  });
  return { element: frame(body) };
}

function row(f: Finding): HTMLElement {
  const item = f.item ?? '';
  return h('tr', { class: `severity-${f.severity.toLowerCase()}` },
    h('td', {}, f.severity),
    h('td', {}, f.rule),
    h('td', {}, f.itemRef ? h('a', { href: `/items/${encodeURIComponent(f.itemRef)}`, class: 'finding-item' }, item) : item,
      f.annotation ? ` · ${f.annotation}` : ''),
    h('td', {}, f.message));
}
