// Captions and the corpus's text pairs. Text pairs: source and translation side by side, one row per
// pair, both editable, rows added and removed; captions: one text box per caption. Every edit goes
// through the EditSession (coalesced per typing pause), so undo/redo and autosave see it.
import { h } from '../../app/dom';
import type { Annotation, CaptionAnn, TextPairAnn } from '../../app/model';
import { t } from '../../i18n/i18n';
import type { EditorContext, EditorPanel, PanelFactory } from '../panel';
import type { Change, EditSession } from '../session';
import { bindText, type TextBinding } from './text-binding';

/** Re-renders rows when annotations are added or removed; a text update keeps the focused field. */
abstract class RowsPanel implements EditorPanel {
  readonly element: HTMLElement;
  protected readonly body: HTMLElement;
  private bindings: TextBinding[] = [];
  private readonly off: () => void;

  protected constructor(protected readonly session: EditSession, protected readonly ctx: EditorContext,
                        id: string, title: string, body: HTMLElement, addLabel: string) {
    this.body = body;
    const add = h('button', { type: 'button', id: `${id}-add`, on: { click: () => this.addRow() } }, addLabel);
    add.disabled = ctx.readOnly;
    this.element = h('section', { id: `panel-${id}`, class: 'editor-panel' }, h('h3', {}, title), body, add);
    this.off = session.onChange(changes => { if (changes.length === 0 || changes.some(structural)) this.render(); });
    this.render();
  }

  protected abstract addRow(): void;
  protected abstract rowsFor(indexes: number[], bind: (field: HTMLTextAreaElement, index: number,
    read: (a: Annotation) => string | null, write: (a: Annotation, text: string) => Annotation) => void): void;
  protected abstract matches(a: Annotation): boolean;

  protected render(): void {
    this.bindings.forEach(b => b.dispose());
    this.bindings = [];
    const indexes = this.session.annotations.flatMap((a, i) => (this.matches(a) ? [i] : []));
    this.rowsFor(indexes, (field, index, read, write) => {
      field.readOnly = this.ctx.readOnly;
      const b = bindText(field, this.session, read, write);
      b.bind(index);
      this.bindings.push(b);
    });
  }

  protected removeButton(index: number): HTMLElement {
    const b = h('button', { type: 'button', class: 'remove-row', title: t('jobs.text.remove'),
      on: { click: () => this.session.remove(index) } }, '×');
    b.disabled = this.ctx.readOnly;
    b.setAttribute('aria-label', t('jobs.text.remove'));
    return b;
  }

  dispose(): void {
    this.bindings.forEach(b => b.dispose());
    this.off();
  }
}

function structural(c: Change): boolean {
  return c.kind !== 'update';
}

class TextPairsPanel extends RowsPanel {
  constructor(session: EditSession, ctx: EditorContext) {
    super(session, ctx, 'text-pairs', t('viewer.textPairs'), h('table', { id: 'edit-pairs', class: 'text-pairs edit-pairs' }), t('jobs.text.addPair'));
  }

  protected matches(a: Annotation): boolean { return a.type === 'text_pair'; }

  protected addRow(): void {
    const like = this.session.annotations.find((a): a is TextPairAnn => a.type === 'text_pair');
    this.session.add({ type: 'text_pair', label: like?.label ?? 'translation', sourceText: '', targetText: '',
      sourceLanguage: like?.sourceLanguage, targetLanguage: like?.targetLanguage });
  }

  protected rowsFor(indexes: number[], bind: Parameters<RowsPanel['rowsFor']>[1]): void {
    const rows = indexes.map(i => {
      const pair = this.session.annotations[i] as TextPairAnn;
      const source = h('textarea', { class: 'pair-source', name: 'source', dataset: { index: String(i) } });
      const target = h('textarea', { class: 'pair-target', name: 'target', dataset: { index: String(i) } });
      if (pair.sourceLanguage) source.lang = pair.sourceLanguage;
      if (pair.targetLanguage) target.lang = pair.targetLanguage;
      source.setAttribute('aria-label', t('viewer.source'));
      target.setAttribute('aria-label', t('viewer.target'));
      bind(source, i, a => (a.type === 'text_pair' ? a.sourceText : null), (a, text) => ({ ...(a as TextPairAnn), sourceText: text }));
      bind(target, i, a => (a.type === 'text_pair' ? a.targetText : null), (a, text) => ({ ...(a as TextPairAnn), targetText: text }));
      return h('tr', { dataset: { index: String(i) } }, h('td', {}, source), h('td', {}, target), h('td', { class: 'row-tools' }, this.removeButton(i)));
    });
    this.body.replaceChildren(
      h('thead', {}, h('tr', {}, h('th', {}, t('viewer.source')), h('th', {}, t('viewer.target')), h('th', { class: 'row-tools' }))),
      h('tbody', {}, ...rows));
  }
}

class CaptionsPanel extends RowsPanel {
  constructor(session: EditSession, ctx: EditorContext) {
    super(session, ctx, 'captions', t('viewer.captions'), h('div', { id: 'edit-captions', class: 'edit-captions' }), t('jobs.text.addCaption'));
  }

  protected matches(a: Annotation): boolean { return a.type === 'caption'; }

  protected addRow(): void {
    const like = this.session.annotations.find((a): a is CaptionAnn => a.type === 'caption');
    this.session.add({ type: 'caption', label: like?.label ?? 'caption', text: '' });
  }

  protected rowsFor(indexes: number[], bind: Parameters<RowsPanel['rowsFor']>[1]): void {
    this.body.replaceChildren(...indexes.map(i => {
      const a = this.session.annotations[i]!;
      const text = h('textarea', { class: 'caption-text', name: 'caption', dataset: { index: String(i) } });
      text.setAttribute('aria-label', t('jobs.text.caption', { label: a.label }));
      bind(text, i, x => (x.type === 'caption' ? x.text : null), (x, value) => ({ ...(x as CaptionAnn), text: value }));
      return h('div', { class: 'caption-row', dataset: { index: String(i) } }, h('span', { class: 'type' }, a.label), text, this.removeButton(i));
    }));
  }
}

export const textPairsPanel: PanelFactory = {
  id: 'text-pairs',
  appliesTo: ctx => ctx.family === 'aihub.corpus' || ctx.item.annotations.some(a => a.type === 'text_pair')
    || ctx.item.media.some(m => m.kind === 'text'),
  create: (session, ctx) => new TextPairsPanel(session, ctx),
};

export const captionsPanel: PanelFactory = {
  id: 'captions',
  appliesTo: ctx => ctx.item.annotations.some(a => a.type === 'caption'),
  create: (session, ctx) => new CaptionsPanel(session, ctx),
};
