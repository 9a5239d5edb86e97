// The reviewers' queue of access requests: oldest first, with their age, the reminders made past
// the dataset's reminder days, the answers and documents (downloads, never shown inline), and
// the three decisions.
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { hasMessage, t } from '../../i18n/i18n';
import { accessApi, type AccessRequest, type Decision } from './access-api';

/** The history's event kinds have names; an unknown kind is shown as it is. */
function eventName(kind: string): string {
  const key = `access.event.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}

function decisionForm(r: AccessRequest, reload: () => void): HTMLElement {
  const message = h('textarea', { class: 'access-message', name: 'message', placeholder: t('access.messageHint') });
  const expires = h('input', { class: 'access-expires', name: 'expiresAt', type: 'date' });
  const to = h('select', { class: 'access-to', name: 'to' },
    h('option', { value: 'user' }, t('access.toUser')),
    r.organisation ? h('option', { value: 'organisation' }, t('access.toOrganisation') + ` (${r.organisation})`) : null);
  const status = h('span');
  const decide = (d: Decision) => accessApi.decide(r.id, d).then(reload, (e: unknown) => status.replaceChildren(errorBox(e)));
  const msg = () => message.value.trim() || undefined;
  return h('div', { class: 'access-decision' }, message,
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'access-needs-info', on: { click: () => { void decide({ decision: 'needs-info', message: msg() }); } } }, t('access.needsInfo')),
      h('button', { type: 'button', class: 'access-reject', on: { click: () => { void decide({ decision: 'reject', message: msg() }); } } }, t('access.reject')),
      h('label', {}, t('access.expiresOn'), ' ', expires), to,
      h('button', { type: 'button', class: 'access-approve', on: { click: () => {
        void decide({ decision: 'approve', expiresAt: expires.value || undefined, to: to.value as 'user' | 'organisation', message: msg() });
      } } }, t('access.approve'))),
    status);
}

function card(r: AccessRequest, reload: () => void): HTMLElement {
  const reminders = r.reminders?.length ?? 0;
  return h('section', { class: 'access-card', dataset: { request: r.id, state: r.state, overdue: String(r.overdue === true) } },
    h('h3', {}, `${r.dataset}${r.version ? ' ' + r.version : ''} · ${r.applicant ?? ''}${r.organisation ? ' (' + r.organisation + ')' : ''}`),
    h('p', { class: 'muted' }, t('access.age', { days: r.ageDays }), ' · ', t(`access.state.${r.state}`),
      reminders > 0 ? h('span', { class: 'access-reminded' }, ' · ', t('access.reminded', { count: reminders })) : null,
      r.overdue ? h('span', { class: 'access-overdue' }, ' · ', t('access.overdue')) : null),
    h('p', {}, h('strong', {}, t('access.purpose') + ': '), r.purpose),
    h('dl', { class: 'access-answers' }, ...Object.entries(r.answers).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
    h('ul', { class: 'access-documents' }, ...r.documents.map(d => h('li', {},
      h('a', { href: accessApi.documentUrl(r.id, d.id), class: 'access-document-link' }, d.fileName),
      ` (${Math.ceil(d.size / 1024)} KB)`))),
    r.documents.length === 0 ? h('p', { class: 'muted' }, t('access.noDocuments')) : null,
    h('ol', { class: 'access-history' }, ...r.events.map(e => h('li', {},
      `${new Date(e.at).toLocaleString()} ${e.by ?? ''}: ${eventName(e.kind)}${e.message ? ' — ' + e.message : ''}`))),
    decisionForm(r, reload));
}

export function accessQueuePage(): Page {
  const body = loading(async function build(el) {
    const queue = await accessApi.queue();
    const reload = () => { void build(el).catch((e: unknown) => el.appendChild(errorBox(e))); };
    el.replaceChildren(h('h2', {}, t('access.queue')),
      h('p', { id: 'access-queue-total', class: 'muted' }, t('access.queueTotal', { total: queue.length })),
      h('div', { id: 'access-queue' }, ...queue.map(r => card(r, reload))));
  });
  return { element: frame(body) };
}
