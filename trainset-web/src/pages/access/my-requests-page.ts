// An applicant's requests with their state and the reviewers' reasons (answering a needs-info
// question here), and the grants that cover them.
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { accessApi, type AccessRequest } from './access-api';

function replyBox(r: AccessRequest, reload: () => void): HTMLElement | null {
  if (r.state !== 'needs-info') return null;
  const text = h('textarea', { class: 'access-reply-text', name: 'message' });
  const status = h('span');
  return h('div', { class: 'access-reply' }, text,
    h('button', { type: 'button', class: 'access-reply-send', on: { click: () => {
      accessApi.reply(r.id, text.value).then(reload, (e: unknown) => status.replaceChildren(errorBox(e)));
    } } }, t('access.reply')), status);
}

export function myRequestsPage(): Page {
  const body = loading(async function build(el) {
    const [requests, grants] = await Promise.all([accessApi.mine(), accessApi.grants()]);
    const reload = () => { void build(el).catch((e: unknown) => el.appendChild(errorBox(e))); };
    el.replaceChildren(
      h('h2', {}, t('access.myRequests')),
      requests.length === 0 ? h('p', { class: 'muted' }, t('access.noRequests')) :
        h('table', { id: 'my-requests', class: 'table' },
          h('thead', {}, h('tr', {}, h('th', {}, t('access.col.dataset')), h('th', {}, t('access.col.state')),
            h('th', {}, t('access.col.reason')), h('th', {}, t('access.col.updated')))),
          h('tbody', {}, ...requests.map(r => h('tr', { dataset: { request: r.id, state: r.state } },
            h('td', {}, r.dataset + (r.version ? ` ${r.version}` : '')),
            h('td', { class: `access-state access-state-${r.state}` }, t(`access.state.${r.state}`)),
            h('td', {}, r.reason ?? '', replyBox(r, reload)),
            h('td', {}, new Date(r.updatedAt).toLocaleString()))))),
      h('h3', {}, t('access.myGrants')),
      grants.length === 0 ? h('p', { class: 'muted' }, t('access.noGrants')) :
        h('table', { id: 'my-grants', class: 'table' },
          h('tbody', {}, ...grants.map(g => h('tr', { dataset: { grant: g.id } },
            h('td', {}, g.dataset + (g.version ? ` ${g.version}` : '')),
            h('td', {}, t(g.to === 'user' ? 'access.toUser' : 'access.toOrganisation')),
            h('td', {}, t(`access.grant.${g.state}`)),
            h('td', {}, t('access.expires', { date: new Date(g.expiresAt).toLocaleDateString() })))))));
  });
  return { element: frame(body) };
}
