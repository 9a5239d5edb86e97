// The checker's queue: outputs of sandbox jobs waiting for a decision (oldest first), with the
// automatic checks' findings. A checker opens an output to judge it, then approves, approves with
// changes or rejects with a reason; blocked outputs can only be rejected.
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { outputTable } from './job-page';
import { key, sandboxApi, type Decision, type SandboxOutput } from './sandbox-api';

export function sandboxQueuePage(): Page {
  const status = h('div', { id: 'sandbox-queue-status', role: 'status' });
  const list = h('div', { id: 'sandbox-queue' });
  const body = loading(async el => {
    el.replaceChildren(h('h1', {}, t('sandbox.queue.title')), h('p', { class: 'muted' }, t('sandbox.queue.explain')), status, list);
    await refresh();
  });

  async function refresh(): Promise<void> {
    list.replaceChildren(outputTable(await sandboxApi.queue(), actions));
  }

  function actions(o: SandboxOutput): HTMLElement[] {
    const reason = h('input', { class: 'decision-reason', name: 'reason', placeholder: t('sandbox.reason') });
    const decide = (d: Decision) => () => {
      void sandboxApi.decide(o.id, d, reason.value || undefined)
        .then(done => { status.textContent = t('sandbox.decided', { file: done.path, state: t(key(`sandbox.out.${done.state}`)) }); return refresh(); })
        .catch((e: unknown) => status.replaceChildren(errorBox(e)));
    };
    const approve = h('button', { type: 'button', class: 'approve', on: { click: decide('approve') } }, t('sandbox.approve'));
    const withChanges = h('button', { type: 'button', class: 'approve-changes', on: { click: decide('approve-with-changes') } },
      t('sandbox.approveWithChanges'));
    approve.disabled = o.blocked;
    withChanges.disabled = o.blocked;
    return [h('a', { class: 'inspect', href: sandboxApi.downloadUrl(o.id) }, t('sandbox.open')), reason, approve, withChanges,
      h('button', { type: 'button', class: 'reject', on: { click: decide('reject') } }, t('sandbox.reject'))];
  }

  return { element: frame(body) };
}
