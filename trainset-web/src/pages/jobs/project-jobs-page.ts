// The manager's view of a project's jobs: split the project (N items per job, one job per subset,
// one job per aspect; optionally requiring a qualification, and sampling videos at N frames per
// second), then see each job's state and progress and assign it to an annotator or leave it free.
import { api } from '../../app/api';
import { h, select } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { projectHeader } from '../project/project-tabs';
import { jobsApi, type Job, type OrgUser, type SplitRequest } from './jobs-api';
import { progressBar, stateName } from './job-widgets';
import { dedupUrl } from '../dedup/dedup-api';

export function projectJobsPage(projectId: string): Page {
  const body = loading(async el => {
    const [project, jobs, users] = await Promise.all([
      api.project(projectId), jobsApi.projectJobs(projectId), jobsApi.users().catch(() => [] as OrgUser[])]);
    const list = h('div', { id: 'jobs-list' });
    const status = h('p', { id: 'jobs-status', class: 'muted', role: 'status' });
    const refresh = async () => renderList(list, await jobsApi.projectJobs(projectId), users, status);
    el.replaceChildren(projectHeader(project, 'jobs'), splitForm(projectId, status, refresh), status, list);
    renderList(list, jobs, users, status);
  });
  return { element: frame(body) };
}

function splitForm(projectId: string, status: HTMLElement, refresh: () => Promise<void>): HTMLElement {
  const size = h('input', { type: 'number', id: 'split-size', name: 'size', placeholder: '50' });
  size.min = '1';
  const bySubset = h('input', { type: 'checkbox', id: 'split-by-subset', name: 'bySubset' });
  const aspects = h('input', { type: 'text', id: 'split-aspects', name: 'aspects', placeholder: t('jobs.split.aspectsHint') });
  const qualification = h('input', { type: 'text', id: 'split-qualification', name: 'qualification', placeholder: t('jobs.split.qualificationHint') });
  const frameRate = h('input', { type: 'number', id: 'split-frame-rate', name: 'frameRate', placeholder: '3' });
  frameRate.min = '0';
  frameRate.step = 'any';
  const create = h('button', { type: 'submit', id: 'split-create' }, t('jobs.split.create'));
  const form = h('form', { class: 'jobs-split', id: 'split-form' },
    h('h3', {}, t('jobs.split.title')),
    h('label', {}, t('jobs.split.size'), ' ', size),
    h('label', {}, bySubset, ' ', t('jobs.split.bySubset')),
    h('label', {}, t('jobs.split.aspects'), ' ', aspects),
    h('label', {}, t('jobs.split.qualification'), ' ', qualification),
    h('label', {}, t('jobs.split.frameRate'), ' ', frameRate),
    create);
  form.addEventListener('submit', e => {
    e.preventDefault();
    const req: SplitRequest = {};
    if (size.value) req.size = Number(size.value);
    if (bySubset.checked) req.bySubset = true;
    const names = aspects.value.split(',').map(s => s.trim()).filter(s => s.length > 0);
    if (names.length) req.aspects = names;
    if (qualification.value.trim()) req.qualification = qualification.value.trim();
    if (frameRate.value) req.frameRate = Number(frameRate.value);
    create.disabled = true;
    status.textContent = t('jobs.split.running', { percent: '0' });
    jobsApi.split(projectId, req, f => { status.textContent = t('jobs.split.running', { percent: String(Math.round(f * 100)) }); })
      .then(made => { status.textContent = t('jobs.split.done', { count: made.length }); return refresh(); })
      .catch((err: unknown) => status.replaceChildren(errorBox(err)))
      .finally(() => { create.disabled = false; });
  });
  return form;
}

function renderList(list: HTMLElement, jobs: Job[], users: OrgUser[], status: HTMLElement): void {
  if (jobs.length === 0) {
    list.replaceChildren(h('p', { class: 'muted', id: 'jobs-empty' }, t('jobs.none')));
    return;
  }
  const rows = jobs.map(job => h('tr', { dataset: { jobId: job.id, state: job.state } },
    h('td', { class: 'job-name' }, job.kind === 'dedup' ? h('a', { href: dedupUrl(job.id), class: 'open-dedup' }, job.name) : job.name),
    h('td', { class: 'job-state' }, stateName(job.state)),
    h('td', {}, progressBar(job)),
    h('td', {}, job.aspect ?? ''),
    h('td', {}, job.qualification ?? ''),
    h('td', {}, assigneePicker(job, users, status))));
  list.replaceChildren(h('table', { class: 'table jobs-table', id: 'jobs' },
    h('thead', {}, h('tr', {}, h('th', {}, t('jobs.col.name')), h('th', {}, t('jobs.col.state')),
      h('th', {}, t('jobs.col.progress')), h('th', {}, t('jobs.col.aspect')), h('th', {}, t('jobs.col.qualification')),
      h('th', {}, t('jobs.col.assignee')))),
    h('tbody', {}, ...rows)));
}

/** A select of the organisation's users (annotators first) plus "free"; a change assigns at once. */
function assigneePicker(job: Job, users: OrgUser[], status: HTMLElement): HTMLElement {
  const known = users.some(u => u.id === job.assignee?.id);
  const options: [string, string][] = [['', t('jobs.free')],
    ...users.map(u => [u.id, qualified(u, job) ? u.username : `${u.username} (${t('jobs.unqualified')})`] as [string, string])];
  if (job.assignee && !known) options.push([job.assignee.id, job.assignee.username]);
  const s = select('assignee', options, job.assignee?.id ?? '', v => {
    s.disabled = true;
    jobsApi.assign(job.id, v || null)
      .then(updated => { status.textContent = t('jobs.assigned', { job: updated.name, user: updated.assignee?.username ?? t('jobs.free') }); })
      .catch((err: unknown) => { status.replaceChildren(errorBox(err)); s.value = job.assignee?.id ?? ''; })
      .finally(() => { s.disabled = false; });
  });
  s.classList.add('assignee-select');
  s.setAttribute('aria-label', t('jobs.col.assignee'));
  return s;
}

function qualified(u: OrgUser, job: Job): boolean {
  return !job.qualification || (u.qualifications ?? []).includes(job.qualification);
}
