// The reviewer's queue: items waiting at stages they may do (never their own work), oldest first.
import { h } from '../../app/dom';
import { frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { reviewApi } from './review-api';

export function reviewQueuePage(): Page {
  const body = loading(async el => {
    const q = await reviewApi.queue();
    const rows = q.items.map(e => h('tr', { dataset: { item: e.itemId } },
      h('td', {}, h('a', { href: `/review/items/${encodeURIComponent(e.itemId)}`, class: 'review-open' }, e.name)),
      h('td', {}, h('a', { href: `/projects/${encodeURIComponent(e.projectId)}/quality` }, e.project)),
      h('td', {}, e.stage), h('td', {}, e.author ?? ''), h('td', {}, e.round),
      h('td', {}, new Date(e.enteredAt).toLocaleString())));
    el.replaceChildren(h('h2', {}, t('review.queue')),
      h('p', { id: 'queue-total', class: 'muted' }, t('review.queueTotal', { total: q.total })),
      q.items.length === 0 ? h('p', { class: 'muted' }, t('review.queueEmpty')) :
        h('table', { id: 'review-queue', class: 'table' },
          h('thead', {}, h('tr', {}, h('th', {}, t('review.col.item')), h('th', {}, t('review.col.project')),
            h('th', {}, t('review.col.stage')), h('th', {}, t('review.col.author')), h('th', {}, t('review.col.round')),
            h('th', {}, t('review.col.entered')))),
          h('tbody', {}, ...rows)));
  });
  return { element: frame(body) };
}
