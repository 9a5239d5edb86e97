// The editor's side lists: annotations (the first few hundred; the canvas is the way to reach
// the rest), live findings (click selects the offending shape), draft annotations to accept or
// reject, and the conflict banner shown when a save meets a newer version.
import { h } from '../../app/dom';
import type { Annotation } from '../../app/model';
import type { Finding } from '../../editor/session';
import { t, typeName } from '../../i18n/i18n';
import type { ConflictDiff } from './autosave';
import type { DraftJson } from './editor-api';

const LIST_LIMIT = 300;

export function annotationList(list: readonly Annotation[], selected: number | null, hidden: Set<number>, locked: Set<number>,
                               pick: (i: number) => void): HTMLElement {
  const rows: HTMLElement[] = [];
  for (let i = 0; i < Math.min(list.length, LIST_LIMIT); i++) {
    const a = list[i]!;
    rows.push(h('li', { class: i === selected ? 'selected' : '', dataset: { index: String(i), type: a.type }, on: { click: () => pick(i) } },
      h('span', { class: 'type' }, typeName(a.type)), ' ', h('span', { class: 'label' }, a.label),
      hidden.has(i) ? h('span', { class: 'muted', title: t('editor.hidden') }, ' ⊘') : null,
      locked.has(i) ? h('span', { class: 'muted', title: t('editor.locked') }, ' 🔒') : null));
  }
  return h('div', {},
    list.length ? h('ol', { id: 'editor-annotations', class: 'annotation-list' }, ...rows) : h('p', { class: 'muted' }, t('viewer.noAnnotations')),
    list.length > LIST_LIMIT ? h('p', { class: 'muted' }, t('editor.moreAnnotations', { count: list.length - LIST_LIMIT })) : null);
}

export function findingList(findings: readonly Finding[], state: string, pick: (i: number) => void): HTMLElement {
  if (state === 'unavailable') return h('p', { class: 'muted', id: 'findings-state' }, t('editor.check.unavailable'));
  if (state === 'failed') return h('p', { class: 'error', id: 'findings-state' }, t('editor.check.failed'));
  if (!findings.length) return h('p', { class: 'muted', id: 'findings-state' }, state === 'checking' ? t('editor.check.running') : t('editor.check.clean'));
  return h('ul', { id: 'live-findings', class: 'live-findings' }, ...findings.map(f => h('li', {
    class: `severity-${f.severity}`, dataset: { rule: f.rule, annotation: f.annotation === undefined ? '' : String(f.annotation) },
    on: { click: () => { if (f.annotation !== undefined) pick(f.annotation); } },
  }, h('strong', {}, f.severity), ' ', h('code', {}, f.rule), ' ', f.message,
  f.annotation !== undefined ? h('span', { class: 'muted' }, ` (#${f.annotation + 1})`) : null)));
}

export function draftList(drafts: DraftJson[], marked: string | null, pick: (id: string) => void,
                          decide: (d: DraftJson, decision: 'accept' | 'reject') => void): HTMLElement {
  if (!drafts.length) return h('p', { class: 'muted' }, t('editor.drafts.none'));
  return h('ul', { id: 'drafts', class: 'drafts' }, ...drafts.map(d => h('li', { class: d.id === marked ? 'selected' : '', dataset: { draft: d.id },
    on: { click: () => pick(d.id) } },
  h('span', {}, `${typeName(d.annotation.type)} ${d.annotation.label}`),
  d.score === null || d.score === undefined ? null : h('span', { class: 'muted' }, ` ${d.score.toFixed(2)}`),
  ' ',
  h('button', { type: 'button', class: 'accept', on: { click: e => { e.stopPropagation(); decide(d, 'accept'); } } }, t('editor.drafts.accept')),
  h('button', { type: 'button', class: 'reject', on: { click: e => { e.stopPropagation(); decide(d, 'reject'); } } }, t('editor.drafts.reject')))));
}

export function conflictBanner(diff: ConflictDiff, reload: () => void, keep: () => void): HTMLElement {
  const list = (title: string, xs: string[]) => xs.length
    ? h('div', {}, title, ' ', h('span', { class: 'muted' }, xs.slice(0, 8).join(', ') + (xs.length > 8 ? ' …' : ''))) : null;
  return h('div', { id: 'conflict', class: 'conflict', role: 'alert' },
    h('strong', {}, t('editor.conflict.title', { version: diff.version, author: diff.author ?? '?' })),
    h('div', {}, t('editor.conflict.summary', { added: diff.added.length, removed: diff.removed.length, mine: diff.mine })),
    list(t('editor.conflict.added'), diff.added),
    list(t('editor.conflict.removed'), diff.removed),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'conflict-reload', on: { click: reload } }, t('editor.conflict.reload')),
      h('button', { type: 'button', id: 'conflict-keep', on: { click: keep } }, t('editor.conflict.keep'))));
}
