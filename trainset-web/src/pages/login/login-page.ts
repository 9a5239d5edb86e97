import { api } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';

export function loginPage(query: URLSearchParams, navigate: (url: string) => void): Page {
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password' });
  const message = h('div', { class: 'message' });
  const submit = h('button', { id: 'login-submit', type: 'submit' }, t('login.submit'));
  const form = h('form', {
    class: 'login', on: {
      submit: e => {
        e.preventDefault();
        submit.disabled = true;
        message.replaceChildren();
        api.login(username.value, password.value)
          .then(() => {
            const next = query.get('next');
            // Only same-site paths: an open redirect would let a link send users elsewhere.
            navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/projects');
          })
          .catch((err: unknown) => {
            message.replaceChildren(errorBox(new Error(t('login.failed', { message: err instanceof Error ? err.message : String(err) }))));
            submit.disabled = false;
          });
      },
    },
  },
  h('h1', {}, t('login.title')),
  h('label', { for: 'login-username' }, t('login.username')), username,
  h('label', { for: 'login-password' }, t('login.password')), password,
  submit, message);
  return { element: frame(form, { loggedIn: false }), mounted: () => username.focus() };
}
