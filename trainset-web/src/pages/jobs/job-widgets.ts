// Small pieces the jobs pages share: state names, a progress bar, and the submit flow with its
// confirm-and-override dialog (a submit with open errors is refused with 409 open_findings; the
// annotator may confirm with a reason, which the server records as an override).
import { h } from '../../app/dom';
import { errorBox } from '../../app/layout';
import { t } from '../../i18n/i18n';
import { jobsApi, openFindingsOf, percentDone, type Job, type JobState, type OpenFinding } from './jobs-api';

export function stateName(state: JobState): string {
  return state === 'new' ? t('jobs.state.new') : state === 'in_progress' ? t('jobs.state.inProgress') : t('jobs.state.submitted');
}

export function progressBar(job: Job): HTMLElement {
  const pct = percentDone(job);
  return h('span', { class: 'job-progress', title: `${pct}%` },
    h('span', { class: 'bar' }, h('span', { class: 'fill', style: `width:${pct}%` })),
    h('span', { class: 'count' }, t('jobs.progress', { done: job.doneCount, total: job.itemCount })));
}

/**
 * Submits a job. When the server refuses because of open findings, a dialog lists them and asks
 * for a reason; "submit anyway" resubmits with the override. Resolves with the submitted job, or
 * null when the user cancelled.
 */
export async function submitJob(job: Job, host: HTMLElement): Promise<Job | null> {
  try {
    return await jobsApi.submit(job.id);
  } catch (e) {
    const findings = openFindingsOf(e);
    if (findings === null) throw e;
    const reason = await confirmOverride(findings, host);
    if (reason === null) return null;
    return await jobsApi.submit(job.id, { reason });
  }
}

function confirmOverride(findings: OpenFinding[], host: HTMLElement): Promise<string | null> {
  return new Promise(resolve => {
    const reason = h('textarea', { id: 'override-reason', name: 'reason', placeholder: t('jobs.override.reasonHint') });
    const error = h('p', { class: 'error', id: 'override-error' });
    const dialog = h('dialog', { id: 'override-dialog', class: 'override-dialog' });
    const close = (value: string | null) => { dialog.close(); dialog.remove(); resolve(value); };
    const confirm = h('button', { type: 'button', id: 'override-confirm', on: { click: () => {
      if (!reason.value.trim()) { error.textContent = t('jobs.override.reasonRequired'); reason.focus(); return; }
      close(reason.value.trim());
    } } }, t('jobs.override.confirm'));
    const cancel = h('button', { type: 'button', id: 'override-cancel', on: { click: () => close(null) } }, t('jobs.override.cancel'));
    dialog.addEventListener('cancel', e => { e.preventDefault(); close(null); });
    dialog.append(
      h('h2', {}, t('jobs.override.title', { count: findings.length })),
      h('ul', { id: 'override-findings' }, ...findings.map(f => h('li', { class: `severity-${(f.severity ?? 'error').toLowerCase()}` },
        h('strong', {}, f.rule ?? ''), ' ', f.item ? `${f.item}: ` : '', f.message ?? ''))),
      h('label', {}, t('jobs.override.reason'), reason),
      error,
      h('div', { class: 'row' }, confirm, cancel));
    host.appendChild(dialog);
    dialog.showModal();
    reason.focus();
  });
}

/** Runs `work`, showing its error (if any) in `status`. */
export function withStatus(status: HTMLElement, work: () => Promise<unknown>): void {
  work().catch((e: unknown) => status.replaceChildren(errorBox(e)));
}
