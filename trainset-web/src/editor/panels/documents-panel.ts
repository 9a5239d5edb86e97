// Documents attached to the item (a mammogram's radiology and pathology reports), beside the
// canvas so the reader can check a lesion against the report. Text documents are shown as the
// server sends them (UTF-8 plain text: line breaks and aligned columns kept, selectable, never
// parsed as HTML); anything else (a scanned PDF) is only a download link. Read-only: documents
// are not annotations, so the panel never touches the edit session.
import { documentText, type ItemDocumentSummary } from '../../app/api';
import { h } from '../../app/dom';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import type { EditorContext, EditorPanel, PanelFactory } from '../panel';

function title(d: ItemDocumentSummary): string {
  const key = `documents.kind.${d.kind ?? ''}`;
  return key === 'documents.kind.radiology' || key === 'documents.kind.pathology' ? `${t(key as MessageKey)} · ${d.name}` : d.name;
}

function documentBlock(d: ItemDocumentSummary, index: number): HTMLElement {
  const heading = h('h4', {}, title(d));
  if (d.url === null) return h('div', { class: 'document' }, heading, h('p', { class: 'muted' }, t('documents.missing', { name: d.name })));
  if (!d.text) {
    // a download only: the server answers it as an attachment, so it never renders in the app
    const link = h('a', { href: d.url, id: `document-download-${index}`, class: 'document-download' },
      t('documents.download', { name: d.name }));
    link.download = d.name;
    return h('div', { class: 'document' }, heading, link);
  }
  const body = h('pre', { id: `document-text-${index}`, class: 'document-text' }, t('app.loading'));
  body.tabIndex = 0; // scrollable with the keyboard
  documentText(d.url).then(
    text => { body.textContent = text; },
    (e: unknown) => { body.textContent = t('documents.failed', { name: d.name, error: e instanceof Error ? e.message : String(e) }); });
  return h('div', { class: 'document' }, heading, body);
}

export const documentsPanel: PanelFactory = {
  id: 'documents',
  appliesTo: (ctx: EditorContext) => (ctx.item.documents ?? []).length > 0,
  create(_session, ctx: EditorContext): EditorPanel {
    const docs = ctx.item.documents ?? [];
    return {
      element: h('section', { id: 'panel-documents', class: 'editor-panel' },
        h('h3', {}, t('documents.title')), ...docs.map(documentBlock)),
    };
  },
};
