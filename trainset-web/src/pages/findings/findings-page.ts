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
    if (findings.length === 0) {
      el.replaceChildren(header, h('p', { id: 'findings-empty' }, t('findings.empty')));
      return;
    }
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const ruleLinks = h('ul', { class: 'rule-links' }, ...[...byRule].map(([rule, n]) =>
      h('li', {}, h('a', { href: itemsUrl(projectId, { finding: rule }), class: 'rule-link' }, rule), ` ${n.toLocaleString()} · `,
        h('a', { href: itemsUrl(projectId, { finding: rule }) }, t('findings.showItems')))));
    const rows = findings.slice(0, MAX_ROWS).map(f => row(projectId, f));
    el.replaceChildren(header,
      h('p', { id: 'findings-count' }, t('findings.count', { count: findings.length })),
      ruleLinks,
      h('table', { class: 'table', id: 'findings' },
        h('thead', {}, h('tr', {}, h('th', {}, t('findings.severity')), h('th', {}, t('findings.rule')),
          h('th', {}, t('findings.item')), h('th', {}, t('findings.message')))),
        h('tbody', {}, ...rows)));
  });
  return { element: frame(body) };
}

function row(projectId: string, f: Finding): HTMLElement {
  return h('tr', { class: `severity-${f.severity.toLowerCase()}` },
    h('td', {}, f.severity),
    h('td', {}, f.ruleId),
    h('td', {}, h('a', { href: itemsUrl(projectId, { q: f.itemId }), class: 'finding-item' }, f.itemId),
      f.annotationId ? ` · ${f.annotationId}` : ''),
    h('td', {}, f.message));
}
