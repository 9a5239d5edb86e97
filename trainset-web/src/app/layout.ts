import { LANGUAGE_NAMES, LANGUAGES, language, setLanguage, t } from '../i18n/i18n';
import { api, type User } from './api';

let me: Promise<User | null> | undefined;
/** The signed-in user, asked once per page load (pages use it to offer only what the role may do). */
export function currentUser(): Promise<User | null> {
  me ??= api.me().catch(() => null);
  return me;
}
import { h, select } from './dom';

/** Roles that see the "Review" link in the top bar. */
const REVIEW_ROLES = new Set(['reviewer', 'manager', 'admin']);

/** The page frame: title, language switch, log-out button, and the page's own content. */
export function frame(content: HTMLElement, options: { loggedIn?: boolean } = {}): HTMLElement {
  const langSwitch = select('language', LANGUAGES.map(l => [l, LANGUAGE_NAMES[l]]), language(),
    v => setLanguage(v as 'en' | 'ko'));
  langSwitch.id = 'language-switch';
  langSwitch.setAttribute('aria-label', t('app.language'));
  const logout = options.loggedIn === false ? null : h('button', {
    id: 'logout', type: 'button',
    on: { click: () => { void api.logout().finally(() => { location.href = '/login'; }); } },
  }, t('app.logout'));
  const who = h('span', { id: 'whoami', class: 'muted' });
  // Shown once the user is known: only roles that may be given review stages see the queue link.
  const reviewLink = h('a', { href: '/review', id: 'nav-review' }, t('nav.review'));
  reviewLink.hidden = true;
  if (options.loggedIn !== false) {
    void currentUser().then(u => {
      if (!u) return;
      who.textContent = t('app.signedInAs', { user: `${u.username} (${u.role})` });
      reviewLink.hidden = !REVIEW_ROLES.has(u.role);
    });
  } else {
    me = undefined; // a new sign-in may be another user
  }
  return h('div', { class: 'frame' },
    h('header', { class: 'topbar' },
      h('a', { href: '/projects', class: 'brand' }, t('app.title')),
      options.loggedIn === false ? null : h('a', { href: '/jobs', id: 'nav-my-jobs' }, t('jobs.mine.title')),
      options.loggedIn === false ? null : reviewLink,
      h('span', { class: 'spacer' }),
      who,
      h('label', { class: 'lang' }, t('app.language'), ' ', langSwitch),
      logout),
    h('main', { class: 'content' }, content));
}

/** A page body that shows "Loading…" and then what `load` builds, or the error it raised. */
export function loading(build: (into: HTMLElement) => Promise<void>): HTMLElement {
  const el = h('div', { class: 'page' }, h('p', { class: 'muted' }, t('app.loading')));
  build(el).catch((e: unknown) => {
    // Keep what was built (e.g. the project's tabs) and show the error under it.
    el.querySelector(':scope > p.muted')?.remove();
    el.appendChild(errorBox(e));
  });
  return el;
}

export function errorBox(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, t('app.error', { message: e instanceof Error ? e.message : String(e) }));
}
