// The job strip of an item opened from a job (`?job=`): the job's name and progress and "next
// item", which goes to the job's next item not done yet (after this one, when the server still
// names this one: its save may still be on its way, or the annotator moves on and comes back).
import { h } from '../../app/dom';
import { t } from '../../i18n/i18n';
import { editUrl, jobsApi, type JobDetail } from './jobs-api';
import { progressBar, withStatus } from './job-widgets';

export function nextItemOf(job: JobDetail, currentItemId: string): string | null {
  if (job.nextItemId && job.nextItemId !== currentItemId) return job.nextItemId;
  const at = job.items.findIndex(i => i.id === currentItemId);
  const after = job.items.slice(at + 1).find(i => i.state !== 'done');
  return after?.id ?? null;
}

export function jobBar(jobId: string, itemId: string, navigate: (url: string) => void): HTMLElement {
  const status = h('span', { class: 'muted', id: 'job-bar-status', role: 'status' });
  const info = h('span', { id: 'job-bar-info' });
  const next = h('button', { type: 'button', id: 'job-next-item' }, t('jobs.nextItem'));
  const bar = h('div', { class: 'job-bar', id: 'job-bar', dataset: { jobId } }, info, next,
    h('a', { href: '/jobs', id: 'job-bar-mine' }, t('jobs.mine.title')), status);
  let name = jobId;
  const load = () => jobsApi.job(jobId).then(job => {
    name = job.name;
    info.replaceChildren(h('strong', {}, job.name), ' ', progressBar(job));
    return job;
  });
  withStatus(status, load);
  next.addEventListener('click', () => withStatus(status, async () => {
    next.disabled = true;
    try {
      const target = nextItemOf(await load(), itemId);
      if (target) navigate(editUrl(target, jobId));
      else status.textContent = t('jobs.allDone', { job: name });
    } finally {
      next.disabled = false;
    }
  }));
  return bar;
}
