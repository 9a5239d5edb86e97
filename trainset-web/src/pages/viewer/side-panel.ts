// The viewer's side panel: annotation list (click to select), the selected annotation's attributes,
// tags, captions/transcriptions and text pairs side by side. All data is inserted as text.
import { h } from '../../app/dom';
import type { Annotation, Attributes, CaptionAnn, JsonValue, TextPairAnn } from '../../app/model';
import { t, typeName } from '../../i18n/i18n';

export class SidePanel {
  readonly element: HTMLElement;
  private readonly rows: HTMLElement[] = [];
  private readonly details = h('div', { id: 'selected-details' });

  constructor(private readonly annotations: Annotation[], itemAttributes: Attributes | undefined,
              onPick: (index: number) => void) {
    const list = h('ol', { id: 'annotation-list', class: 'annotation-list' });
    annotations.forEach((a, i) => {
      const row = h('li', { dataset: { index: String(i), type: a.type }, on: { click: () => onPick(i) } },
        h('span', { class: 'type' }, typeName(a.type)), ' ', h('span', { class: 'label' }, a.label));
      this.rows.push(row);
      list.appendChild(row);
    });
    const tags = annotations.filter(a => a.type === 'tag');
    const captions = annotations.filter((a): a is CaptionAnn => a.type === 'caption');
    const pairs = annotations.filter((a): a is TextPairAnn => a.type === 'text_pair');
    this.element = h('aside', { class: 'side-panel' },
      itemAttributes && Object.keys(itemAttributes).length ? section(t('viewer.attributes'), attributeTable(itemAttributes)) : null,
      tags.length ? section(t('viewer.tags'), h('ul', { id: 'tags' }, ...tags.map(a => h('li', {}, a.label)))) : null,
      captions.length ? section(t('viewer.captions'), h('ul', { id: 'captions', class: 'captions' },
        ...captions.map(c => h('li', {}, h('span', { class: 'label' }, c.label), ' ', h('q', {}, c.text))))) : null,
      pairs.length ? section(t('viewer.textPairs'), textPairs(pairs)) : null,
      section(t('viewer.annotations'), annotations.length ? list : h('p', { class: 'muted' }, t('viewer.noAnnotations'))),
      this.details);
  }

  showSelected(index: number | null): void {
    this.rows.forEach((r, i) => r.classList.toggle('selected', i === index));
    const a = index === null ? undefined : this.annotations[index];
    if (!a) {
      this.details.replaceChildren();
      return;
    }
    this.rows[index!]?.scrollIntoView({ block: 'nearest' });
    this.details.replaceChildren(h('h3', {}, t('viewer.selected', { label: a.label })));
    if (a.attributes && Object.keys(a.attributes).length) this.details.appendChild(attributeTable(a.attributes));
  }
}

function section(title: string, content: HTMLElement): HTMLElement {
  return h('section', {}, h('h3', {}, title), content);
}

function attributeTable(attrs: Attributes): HTMLElement {
  return h('table', { class: 'attributes' }, ...Object.entries(attrs).map(([k, v]) =>
    h('tr', {}, h('th', {}, k), h('td', {}, formatValue(v)))));
}

function formatValue(v: JsonValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Source and target in two columns, one row per pair. */
function textPairs(pairs: TextPairAnn[]): HTMLElement {
  return h('table', { id: 'text-pairs', class: 'text-pairs' },
    h('thead', {}, h('tr', {}, h('th', {}, t('viewer.source')), h('th', {}, t('viewer.target')))),
    h('tbody', {}, ...pairs.map(p => h('tr', {},
      h('td', { dataset: { lang: p.sourceLanguage ?? '' } }, p.sourceText),
      h('td', { dataset: { lang: p.targetLanguage ?? '' } }, p.targetText)))));
}
