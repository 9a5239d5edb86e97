import type { Id, Project } from '../../app/api';
import { h } from '../../app/dom';
import { t } from '../../i18n/i18n';

export type ProjectTab = 'overview' | 'items' | 'findings' | 'jobs' | 'quality' | 'releases';

/** Project name and the links between its pages. */
export function projectHeader(project: Project, active: ProjectTab): HTMLElement {
  const base = `/projects/${encodeURIComponent(String(project.id))}`;
  const tab = (id: ProjectTab, href: string) =>
    h('a', { href, class: id === active ? 'tab active' : 'tab', id: `tab-${id}` }, t(`project.tab.${id}`));
  return h('div', { class: 'project-header' },
    h('h1', { id: 'project-name' }, project.name),
    h('nav', { class: 'tabs' }, tab('overview', base), tab('items', `${base}/items`), tab('findings', `${base}/findings`),
      tab('jobs', `${base}/jobs`), tab('quality', `${base}/quality`), tab('releases', `${base}/releases`)));
}

export function itemsUrl(projectId: Id, filters: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  const s = q.toString();
  return `/projects/${encodeURIComponent(String(projectId))}/items${s ? `?${s}` : ''}`;
}
