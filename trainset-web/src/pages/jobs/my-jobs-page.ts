// The annotator's "My jobs": their jobs with progress, "next item" (opens the editor on the job's
// first item not done yet), "submit", and the free jobs they may take.
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { editUrl, jobsApi, type Job } from './jobs-api';
import { progressBar, stateName, submitJob, withStatus } from './job-widgets';
import { dedupUrl } from '../dedup/dedup-api';

export function myJobsPage(navigate: (url: string) => void): Page {
  const status = h('p', { id: 'jobs-status', class: 'muted', role: 'status' });
  const mine = h('div', { id: 'my-jobs-list' });
  const free = h('div', { id: 'free-jobs-list' });
  const body = loading(async el => {
    el.replaceChildren(h('h1', {}, t('jobs.mine.title')), status, mine, h('h3', {}, t('jobs.freeJobs')), free);
    await refresh();
  });

  async function refresh(): Promise<void> {
    const [jobs, open] = await Promise.all([jobsApi.myJobs(), jobsApi.freeJobs()]);
    mine.replaceChildren(jobs.length ? table('my-jobs', jobs, mineActions) : h('p', { class: 'muted', id: 'my-jobs-empty' }, t('jobs.mine.none')));
    free.replaceChildren(open.length ? table('free-jobs', open, freeActions) : h('p', { class: 'muted', id: 'free-jobs-empty' }, t('jobs.none')));
  }

  function mineActions(job: Job): HTMLElement[] {
    // a dedup job is worked on its clusters page, not item by item in the editor
    const dedup = job.kind === 'dedup'
      ? h('button', { type: 'button', class: 'open-dedup', on: { click: () => navigate(dedupUrl(job.id)) } }, t('dedup.open'))
      : null;
    const next = h('button', { type: 'button', class: 'next-item', on: { click: () => withStatus(status, async () => {
      const detail = await jobsApi.job(job.id);
      if (detail.nextItemId) navigate(editUrl(detail.nextItemId, job.id));
      else status.textContent = t('jobs.allDone', { job: job.name });
    }) } }, t('jobs.nextItem'));
    const submit = h('button', { type: 'button', class: 'submit-job', on: { click: () => withStatus(status, async () => {
      submit.disabled = true;
      try {
        const done = await submitJob(job, body);
        if (done) status.textContent = t('jobs.submitted', { job: done.name });
        await refresh();
      } finally {
        submit.disabled = false;
      }
    }) } }, t('jobs.submit'));
    if (job.state === 'submitted') {
      next.disabled = true;
      submit.disabled = true;
    }
    return dedup ? [dedup, submit] : [next, submit];
  }

  function freeActions(job: Job): HTMLElement[] {
    return [h('button', { type: 'button', class: 'take-job', on: { click: () => withStatus(status, async () => {
      const taken = await jobsApi.take(job.id);
      status.textContent = t('jobs.taken', { job: taken.name });
      await refresh();
    }) } }, t('jobs.take'))];
  }

  return { element: frame(body) };
}

function table(id: string, jobs: Job[], actions: (job: Job) => HTMLElement[]): HTMLElement {
  return h('table', { class: 'table jobs-table', id },
    h('thead', {}, h('tr', {}, h('th', {}, t('jobs.col.name')), h('th', {}, t('jobs.col.state')),
      h('th', {}, t('jobs.col.progress')), h('th', {}, t('jobs.col.aspect')), h('th', {}))),
    h('tbody', {}, ...jobs.map(job => h('tr', { dataset: { jobId: job.id, state: job.state } },
      h('td', { class: 'job-name' }, job.name),
      h('td', { class: 'job-state' }, stateName(job.state)),
      h('td', {}, progressBar(job)),
      h('td', {}, job.aspect ?? ''),
      h('td', { class: 'actions' }, ...actions(job))))));
}
