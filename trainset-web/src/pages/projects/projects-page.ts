import { api } from '../../app/api';
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { language, t } from '../../i18n/i18n';

export function projectsPage(): Page {
  const body = loading(async el => {
    const projects = await api.projects();
    if (projects.length === 0) {
      el.replaceChildren(h('h1', {}, t('projects.title')), h('p', { class: 'muted' }, t('projects.empty')));
      return;
    }
    const rows = projects.map(p => h('tr', { dataset: { projectId: String(p.id) } },
      h('td', {}, h('a', { href: `/projects/${encodeURIComponent(String(p.id))}`, class: 'project-link' }, p.name)),
      h('td', {}, p.family ?? ''),
      h('td', { class: 'num' }, p.items === undefined ? '' : p.items.toLocaleString()),
      h('td', {}, p.createdAt ? new Date(p.createdAt).toLocaleString(language() === 'ko' ? 'ko-KR' : 'en-US') : '')));
    el.replaceChildren(
      h('h1', {}, t('projects.title')),
      h('table', { class: 'table', id: 'projects' },
        h('thead', {}, h('tr', {},
          h('th', {}, t('projects.name')), h('th', {}, t('projects.family')),
          h('th', {}, t('projects.items')), h('th', {}, t('projects.created')))),
        h('tbody', {}, ...rows)));
  });
  return { element: frame(body) };
}
