// One sandbox job: its state, its log followed live (Server-Sent Events), and its outputs with
// the automatic checks' findings and the checker's decision; approved outputs can be downloaded.
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { key, sandboxApi, type SandboxJob, type SandboxOutput } from './sandbox-api';

export function sandboxJobPage(id: string): Page {
  let stop: (() => void) | undefined;
  const state = h('p', { id: 'sandbox-job-state' });
  const log = h('pre', { id: 'sandbox-log', class: 'sandbox-log' });
  const outputs = h('div', { id: 'sandbox-outputs' });
  const body = loading(async el => {
    const job = await sandboxApi.job(id);
    el.replaceChildren(h('h1', {}, t('sandbox.job.title', { dataset: job.dataset, version: job.version })),
      state, h('h3', {}, t('sandbox.job.log')), log, h('h3', {}, t('sandbox.job.outputs')), outputs);
    showState(job);
    stop = sandboxApi.follow(id, line => {
      log.append(line + '\n');
      log.scrollTop = log.scrollHeight;
    }, async done => {
      showState(done);
      outputs.replaceChildren(outputTable(await sandboxApi.outputs(id)));
    });
  });

  function showState(job: SandboxJob): void {
    state.dataset.state = job.state;
    state.textContent = t('sandbox.job.state', { state: t(key(`sandbox.state.${job.state}`)) })
      + (job.error ? ` — ${job.error}` : '');
  }

  return { element: frame(body), dispose: () => stop?.() };
}

/** Outputs with their findings; a download link once approved. */
export function outputTable(list: SandboxOutput[], actions?: (o: SandboxOutput) => HTMLElement[]): HTMLElement {
  if (!list.length) return h('p', { class: 'muted', id: 'sandbox-no-outputs' }, t('sandbox.noOutputs'));
  return h('table', { class: 'table sandbox-outputs' },
    h('thead', {}, h('tr', {}, h('th', {}, t('sandbox.col.file')), h('th', {}, t('sandbox.col.type')), h('th', {}, t('sandbox.col.size')),
      h('th', {}, t('sandbox.col.checks')), h('th', {}, t('sandbox.col.decision')), h('th', {}))),
    h('tbody', {}, ...list.map(o => h('tr', { dataset: { outputId: o.id, state: o.state, blocked: String(o.blocked) } },
      h('td', { class: 'output-path' }, o.path),
      h('td', {}, o.fileType),
      h('td', {}, String(o.size)),
      h('td', { class: 'output-checks' }, o.checks.length
        ? h('ul', {}, ...o.checks.map(c => h('li', { class: `finding-${c.severity}` }, `${t(key(`sandbox.check.${c.severity}`))} ${c.check}: ${c.where} — ${c.message}`)))
        : t('sandbox.checksPassed')),
      h('td', { class: 'output-state' }, t(key(`sandbox.out.${o.state}`)) + (o.reason ? ` (${o.reason})` : '')),
      h('td', { class: 'actions' }, ...(actions ? actions(o)
        : o.state.startsWith('approved') ? [h('a', { class: 'download', href: sandboxApi.downloadUrl(o.id) }, t('sandbox.download'))] : []))))));
}
