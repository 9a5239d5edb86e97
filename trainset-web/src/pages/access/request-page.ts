// The request form of a gated dataset: the fields its managers defined, purpose, organisation,
// scope, and the document (PDF) to attach. The server checks everything again; its message names
// the field.
import { api } from '../../app/api';
import { h } from '../../app/dom';
import { errorBox, frame, loading } from '../../app/layout';
import type { Page } from '../../app/router';
import { t } from '../../i18n/i18n';
import { accessApi, type FormField } from './access-api';

function input(f: FormField): HTMLElement {
  const id = `field-${f.name}`;
  switch (f.type) {
    case 'checkbox': return h('input', { id, name: f.name, type: 'checkbox' });
    case 'date': return h('input', { id, name: f.name, type: 'date' });
    case 'country': return h('input', { id, name: f.name, type: 'text', placeholder: t('access.countryHint'), autocomplete: 'country' });
    case 'select': {
      const s = h('select', { id, name: f.name }, h('option', { value: '' }, '—'));
      for (const o of f.options ?? []) s.appendChild(h('option', { value: o }, o));
      return s;
    }
    default: return h('input', { id, name: f.name, type: 'text' });
  }
}

function value(f: FormField, el: HTMLElement): unknown {
  if (f.type === 'checkbox') return (el as HTMLInputElement).checked;
  const v = (el as HTMLInputElement | HTMLSelectElement).value.trim();
  return v === '' ? undefined : v;
}

export function accessRequestPage(dataset: string, navigate: (url: string) => void): Page {
  const body = loading(async el => {
    const [rules, me] = await Promise.all([accessApi.rules(dataset), api.me()]);
    const heading = h('h2', {}, t('access.requestTitle', { dataset }));
    if (rules.mode !== 'gated' && rules.mode !== 'sandbox') {
      el.replaceChildren(heading, h('p', { id: 'access-open' }, t('access.noRequestNeeded', { mode: rules.mode })));
      return;
    }
    const inputs = rules.form.fields.map(f => ({ f, el: input(f) }));
    const purpose = h('textarea', { id: 'access-purpose', name: 'purpose' });
    const org = h('select', { id: 'access-org', name: 'organisation' }, h('option', { value: '' }, t('access.justMe')));
    for (const o of me.orgs) org.appendChild(h('option', { value: o }, o));
    const version = h('input', { id: 'access-version', name: 'version', type: 'text', placeholder: t('access.allVersions') });
    const file = h('input', { id: 'access-document', name: 'document', type: 'file' });
    file.accept = 'application/pdf,.pdf';
    const status = h('div', { id: 'access-status' });
    const submit = h('button', { id: 'access-submit', type: 'submit' }, t('access.submit'));
    const form = h('form', { id: 'access-form', class: 'access-form', on: { submit: e => { e.preventDefault(); void send(); } } },
      ...inputs.map(({ f, el: i }) => h('label', { for: `field-${f.name}`, class: f.type === 'checkbox' ? 'check' : '' },
        h('span', {}, (f.label ?? f.name) + (f.required ? ' *' : '')), i)),
      h('label', { for: 'access-purpose' }, h('span', {}, t('access.purpose') + ' *'), purpose),
      h('label', { for: 'access-org' }, h('span', {}, t('access.grantTo')), org),
      h('label', { for: 'access-version' }, h('span', {}, t('access.version')), version),
      h('label', { for: 'access-document' }, h('span', {}, t('access.document') + (rules.form.documentRequired ? ' *' : '')), file),
      h('p', { class: 'muted' }, t('access.documentHint')),
      submit, status);
    async function send(): Promise<void> {
      submit.disabled = true;
      status.replaceChildren();
      try {
        const answers: Record<string, unknown> = {};
        for (const { f, el: i } of inputs) {
          const v = value(f, i);
          if (v !== undefined) answers[f.name] = v;
        }
        const chosen = file.files?.[0];
        if (rules.form.documentRequired && !chosen) throw new Error(t('access.documentMissing'));
        const r = await accessApi.submit(dataset, {
          purpose: purpose.value, answers,
          ...(org.value ? { organisation: org.value } : {}),
          ...(version.value.trim() ? { version: version.value.trim() } : {}),
        });
        if (chosen) await accessApi.attach(r.id, chosen);
        navigate('/access/requests');
      } catch (e) {
        status.replaceChildren(errorBox(e));
      } finally {
        submit.disabled = false;
      }
    }
    el.replaceChildren(heading, form);
  });
  return { element: frame(body) };
}
