import { api, awaitOperation, call } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { projectHeader } from '../project/project-tabs';
import { datasetUrl } from './catalog-api';

interface ReleaseRow { id: string; dataset: string; version: string; items: number; annotations: number; bytes: number; createdAt: number }
interface ErrorReport { id: string; dataset: string; version?: string | null; item: string; shapeIndex?: number | null; text: string; state: string; reporter: string; fixNote?: string | null; shippedIn?: string | null }

const enc = (s: string) => encodeURIComponent(s);

/** A project's releases (freeze a new one) and the error reports data users filed on them. Managers. */
export function releasesPage(projectId: string, navigate: (url: string) => void): Page {
  const body = loading(async el => {
    const [project, releases, reports] = await Promise.all([
      api.project(projectId),
      call<{ releases: ReleaseRow[] }>('GET', `/api/projects/${enc(projectId)}/releases`).then(r => r.releases),
      call<{ reports: ErrorReport[] }>('GET', `/api/projects/${enc(projectId)}/reports`).then(r => r.reports),
    ]);
    el.replaceChildren(projectHeader(project, 'releases'), h('h2', {}, t('releases.title')), releaseForm(releases[0]),
      h('h2', {}, t('releases.list')),
      h('table', { class: 'table', id: 'release-list' },
        h('thead', {}, h('tr', {}, h('th', {}, t('releases.dataset')), h('th', {}, t('catalog.version')),
          h('th', {}, t('catalog.items')), h('th', {}, t('catalog.bytes')))),
        h('tbody', {}, ...releases.map(r => h('tr', { dataset: { version: r.version } },
          h('td', {}, h('a', { href: datasetUrl(r.dataset) }, r.dataset)), h('td', {}, r.version),
          h('td', { class: 'num' }, r.items.toLocaleString()), h('td', { class: 'num' }, r.bytes.toLocaleString()))))),
      h('h2', {}, t('releases.reports')),
      reports.length === 0 ? h('p', { class: 'muted' }, t('releases.noReports'))
        : h('ul', { id: 'report-list' }, ...reports.map(reportRow)));
  });

  function releaseForm(latest: ReleaseRow | undefined): HTMLElement {
    const field = (name: string, value = '') => h('input', { name, id: `release-${name}`, value });
    const dataset = field('dataset', latest?.dataset ?? ''), version = field('version');
    const title = field('title'), licence = field('licence'), size = field('sample', '100');
    const description = h('textarea', { name: 'description', id: 'release-description' });
    const status = h('div', { id: 'release-status', role: 'status' });
    const submit = h('button', { type: 'submit', id: 'release-submit' }, t('releases.freeze'));
    return h('form', { id: 'release-form', class: 'report-form', on: { submit: e => {
      e.preventDefault();
      submit.setAttribute('disabled', 'true');
      status.replaceChildren(t('app.loading'));
      const req: Record<string, unknown> = { dataset: dataset.value, version: version.value, sample: { size: Number(size.value) || 0 } };
      if (title.value) req.title = title.value;
      if (licence.value) req.licence = licence.value;
      if (description.value) req.description = description.value;
      // a freeze reads and writes the whole project: it runs as an operation and the form shows its progress
      call<{ operationId: string }>('POST', `/api/projects/${enc(projectId)}/releases`, req, { Prefer: 'respond-async' })
        .then(started => awaitOperation<ReleaseRow>(started.operationId,
          op => status.replaceChildren(t('releases.freezing', { percent: String(Math.round(op.progress * 100)) }))))
        .then(r => navigate(`/projects/${enc(projectId)}/releases?created=${enc(r.version)}`),
          (err: unknown) => { status.replaceChildren(errorBox(err)); submit.removeAttribute('disabled'); });
    } } },
    h('h2', {}, t('releases.new')),
    h('label', {}, t('releases.dataset'), ' ', dataset), ' ', h('label', {}, t('catalog.version'), ' ', version), ' ',
    h('label', {}, t('releases.sampleSize'), ' ', size),
    h('label', { class: 'block' }, t('releases.titleField'), ' ', title), h('label', { class: 'block' }, t('releases.licence'), ' ', licence),
    h('label', { class: 'block' }, t('releases.description'), h('br'), description), submit, status);
  }

  function reportRow(r: ErrorReport): HTMLElement {
    const note = h('input', { name: 'note', class: 'report-note', placeholder: t('releases.fixNote') });
    const state = h('span', { class: 'report-state tag' }, r.shippedIn ? t('releases.shipped', { version: r.shippedIn }) : r.state);
    const fix = h('button', { type: 'button', class: 'report-fix' }, r.state === 'fixed' ? t('releases.reopen') : t('releases.markFixed'));
    fix.addEventListener('click', () => {
      const next = r.state === 'fixed' ? 'open' : 'fixed';
      call<ErrorReport>('PATCH', `/api/reports/${enc(r.id)}`, { state: next, note: note.value || undefined })
        .then(u => row.replaceWith(reportRow(u)), (err: unknown) => row.appendChild(errorBox(err)));
    });
    const row = h('li', { class: 'report', dataset: { id: r.id } }, state, ' ',
      h('strong', {}, `${r.dataset} · ${r.item}${r.shapeIndex === null || r.shapeIndex === undefined ? '' : ` #${r.shapeIndex}`}`), ': ', r.text,
      h('span', { class: 'muted' }, ` — ${r.reporter}`), r.shippedIn ? null : h('span', {}, ' ', note, ' ', fix));
    return row;
  }

  return { element: frame(body) };
}
