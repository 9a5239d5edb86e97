// OCR transcription per box: a text field for the selected box's (or polygon's) transcription
// attribute, and the list of transcribable regions with their text. Forbidden characters come from
// the server's live check (the family's charset rule, the same inspect engine as `trainset
// inspect`); the panel marks at once, while typing, every character a charset finding has named
// for this item, so deleting one clears the warning before the server confirms, and typing one
// again shows it at once.
import { h } from '../../app/dom';
import type { Annotation } from '../../app/model';
import { t } from '../../i18n/i18n';
import type { EditorContext, EditorPanel, PanelFactory } from '../panel';
import type { EditSession, Finding } from '../session';
import { bindText } from './text-binding';

/** The annotation attribute holding a region's transcription (the aihub.ocr reader's `text`). */
export const TRANSCRIPTION_ATTRIBUTE = 'text';
const OCR_LABELS = new Set(['word', 'character']);

function isRegion(a: Annotation): boolean {
  return a.type === 'box' || a.type === 'polygon';
}

function transcribable(a: Annotation): boolean {
  return isRegion(a) && (OCR_LABELS.has(a.label) || typeof a.attributes?.[TRANSCRIPTION_ATTRIBUTE] === 'string');
}

function readText(a: Annotation): string | null {
  if (!transcribable(a)) return null;
  const v = a.attributes?.[TRANSCRIPTION_ATTRIBUTE];
  return typeof v === 'string' ? v : '';
}

function writeText(a: Annotation, text: string): Annotation {
  return { ...a, attributes: { ...(a.attributes ?? {}), [TRANSCRIPTION_ATTRIBUTE]: text } };
}

/** The characters the live check named as forbidden (charset findings carry them as their value). */
export function forbiddenNamed(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (typeof f.value === 'string' && /charset/i.test(f.rule)) for (const ch of f.value) out.add(ch);
  }
  return out;
}

/** The distinct characters of `text` that are in `forbidden`, in order of appearance. */
export function forbiddenIn(text: string, forbidden: ReadonlySet<string>): string[] {
  return [...new Set([...text].filter(ch => forbidden.has(ch)))];
}

class TranscriptionPanel implements EditorPanel {
  readonly element: HTMLElement;
  private readonly field = h('input', { type: 'text', id: 'ocr-text', name: 'transcription', autocomplete: 'off' });
  private readonly warning = h('p', { id: 'ocr-warning', class: 'ocr-warning', role: 'alert' });
  private readonly which = h('p', { id: 'ocr-selected', class: 'muted' });
  private readonly list = h('ol', { id: 'ocr-regions', class: 'panel-list' });
  private readonly binding;
  private selectedIndex: number | null = null;
  /** Forbidden characters named by any charset finding of this item so far (the rule does not change). */
  private readonly forbidden = new Set<string>();
  private readonly offs: (() => void)[] = [];

  constructor(private readonly session: EditSession, private readonly ctx: EditorContext) {
    this.field.setAttribute('aria-label', t('jobs.ocr.field'));
    this.field.lang = 'ko';
    this.binding = bindText(this.field, session, readText, writeText, text => this.showWarning(text));
    this.element = h('section', { id: 'panel-transcription', class: 'editor-panel' },
      h('h3', {}, t('jobs.ocr.title')), this.which, this.field, this.warning, this.list);
    this.field.readOnly = ctx.readOnly;
    this.offs.push(session.onChange(() => this.renderList()));
    this.offs.push(session.onFindings(f => {
      for (const ch of forbiddenNamed(f)) this.forbidden.add(ch);
      this.showWarning(this.field.value);
    }));
    this.renderList();
    this.selected(null);
  }

  selected(index: number | null): void {
    const a = index === null ? undefined : this.session.annotations[index];
    this.selectedIndex = a && transcribable(a) ? index : null;
    this.binding.bind(this.selectedIndex);
    this.which.textContent = this.selectedIndex === null ? t('jobs.ocr.selectRegion')
      : t('jobs.ocr.region', { index: this.selectedIndex + 1, label: a!.label });
    this.renderList();
  }

  private showWarning(text: string): void {
    // While typing: the characters the checker named. The server's message for the saved text too.
    const bad = forbiddenIn(text, this.forbidden);
    const serverSays = this.selectedIndex === null ? [] : this.session.findings.filter(f =>
      f.annotation === this.selectedIndex && /charset/i.test(f.rule) && typeof f.value === 'string'
      && forbiddenIn(text, new Set(f.value)).length > 0);
    const shown = bad.length ? bad : forbiddenIn(text, forbiddenNamed(serverSays));
    this.field.classList.toggle('invalid', shown.length > 0);
    this.warning.textContent = shown.length ? t('jobs.ocr.forbidden', { chars: shown.join(' ') }) : '';
  }

  private renderList(): void {
    const rows: HTMLElement[] = [];
    this.session.annotations.forEach((a, i) => {
      const text = readText(a);
      if (text === null) return;
      rows.push(h('li', { class: i === this.selectedIndex ? 'selected' : '', dataset: { index: String(i) },
        on: { click: () => this.ctx.select(i) } }, h('span', { class: 'type' }, a.label), ' ', text || '—'));
    });
    this.list.replaceChildren(...rows);
  }

  dispose(): void {
    this.binding.dispose();
    this.offs.forEach(off => off());
  }
}

export const transcriptionPanel: PanelFactory = {
  id: 'transcription',
  appliesTo: ctx => ctx.family === 'aihub.ocr' || ctx.item.annotations.some(transcribable),
  create: (session, ctx) => new TranscriptionPanel(session, ctx),
};
