// The selected annotation's properties: label, the label's attributes from the schema (each in
// its domain: select, checkbox, number, text), group id, z-order, occluded, keypoint visibility,
// hide/lock and delete. Every change goes through the edit session (undoable, autosaved, checked).
import { h } from '../../app/dom';
import type { Annotation, AttributeSpec, DatasetSchema, JsonValue, PointsAnn } from '../../app/model';
import type { EditSession } from '../../editor/session';
import { t, typeName } from '../../i18n/i18n';

export interface InspectorActions {
  toggleHidden(index: number): void;
  toggleLocked(index: number): void;
  isHidden(index: number): boolean;
  isLocked(index: number): boolean;
}

export class Inspector {
  readonly element = h('div', { id: 'inspector' });
  private index: number | null = null;

  constructor(private readonly session: EditSession, private readonly schema: DatasetSchema | undefined,
              private readonly actions: InspectorActions) {
    this.render();
  }

  show(index: number | null): void {
    this.index = index;
    this.render();
  }

  render(): void {
    const i = this.index;
    const a = i === null ? undefined : this.session.annotations[i];
    if (i === null || !a) {
      this.element.replaceChildren(h('p', { class: 'muted' }, t('editor.nothingSelected')));
      return;
    }
    const update = (patch: Partial<Annotation>) => this.session.update(i, { ...a, ...patch } as Annotation);
    const labels = this.labelNames(a.label);
    const labelSelect = h('select', { id: 'inspector-label', name: 'label',
      on: { change: () => update({ label: labelSelect.value }) } });
    for (const l of labels) labelSelect.appendChild(h('option', { value: l }, l));
    labelSelect.value = a.label;
    const group = numberInput('inspector-group', a.group, v => update({ group: v }));
    const z = numberInput('inspector-z', a.z, v => update({ z: v }));
    const occluded = h('input', { type: 'checkbox', id: 'inspector-occluded', on: { change: () => update({ occluded: occluded.checked || undefined }) } });
    occluded.checked = !!a.occluded;
    const specs = this.schema?.labels.find(l => l.name === a.label)?.attributes ?? [];
    const attrs = specs.map(spec => attributeField(spec, a.attributes?.[spec.name], v => {
      const next = { ...(a.attributes ?? {}) };
      if (v === undefined) delete next[spec.name];
      else next[spec.name] = v;
      update({ attributes: next });
    }));
    // Attributes present on the annotation but not declared by the schema stay visible (read-only).
    const undeclared = Object.entries(a.attributes ?? {}).filter(([k]) => !specs.some(s => s.name === k));
    this.element.replaceChildren(
      h('h3', {}, t('editor.selected', { type: typeName(a.type), index: i + 1 })),
      h('div', { class: 'form-grid' },
        h('label', { for: 'inspector-label' }, t('editor.label')), labelSelect,
        h('label', { for: 'inspector-group' }, t('editor.group')), group,
        h('label', { for: 'inspector-z' }, t('editor.z')), z,
        h('label', { for: 'inspector-occluded' }, t('editor.occluded')), occluded,
        ...attrs.flat(),
        ...undeclared.flatMap(([k, v]) => [h('span', { class: 'muted' }, k), h('span', {}, typeof v === 'string' ? v : JSON.stringify(v))])),
      a.type === 'points' ? this.joints(a, update) : '',
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'inspector-hide', on: { click: () => this.actions.toggleHidden(i) } },
          this.actions.isHidden(i) ? t('editor.show') : t('editor.hide')),
        h('button', { type: 'button', id: 'inspector-lock', on: { click: () => this.actions.toggleLocked(i) } },
          this.actions.isLocked(i) ? t('editor.unlock') : t('editor.lock')),
        h('button', { type: 'button', id: 'inspector-delete', on: { click: () => this.session.remove(i) } }, t('editor.delete'))));
  }

  private labelNames(current: string): string[] {
    const names = (this.schema?.labels ?? []).map(l => l.name);
    if (!names.includes(current)) names.unshift(current);
    return names;
  }

  /** One row per joint of the label's skeleton with its visibility (0 not labelled, 1 occluded, 2 visible). */
  private joints(a: PointsAnn, update: (p: Partial<PointsAnn>) => void): HTMLElement {
    const names = this.schema?.labels.find(l => l.name === a.label)?.keypoints ?? [];
    const rows = a.visibility.map((v, k) => {
      const s = h('select', { name: `joint-${k}`, dataset: { joint: String(k) }, on: { change: () => {
        const visibility = a.visibility.slice();
        visibility[k] = Number(s.value);
        update({ visibility });
      } } });
      for (const value of [2, 1, 0]) s.appendChild(h('option', { value: String(value) }, t(`editor.visibility.${value}` as 'editor.visibility.0')));
      s.value = String(v);
      return h('tr', {}, h('td', {}, names[k] ?? String(k + 1)), h('td', {}, s));
    });
    return h('table', { id: 'joints', class: 'joints' }, ...rows);
  }
}

function numberInput(id: string, value: number | undefined, onChange: (v: number | undefined) => void): HTMLInputElement {
  const input = h('input', { type: 'number', id, name: id, on: { change: () => {
    const v = input.value.trim() === '' ? undefined : Number(input.value);
    onChange(v === undefined || Number.isNaN(v) ? undefined : v);
  } } });
  input.step = '1';
  input.value = value === undefined ? '' : String(value);
  return input;
}

/** A label and an input for one declared attribute, in the attribute's domain. */
export function attributeField(spec: AttributeSpec, value: JsonValue | undefined, onChange: (v: JsonValue | undefined) => void): HTMLElement[] {
  const id = `attr-${spec.name}`;
  const values = spec.values ?? [];
  const type = spec.inputType ?? 'text';
  if (spec.auto) {
    // Filled by the server from the item's media on every save: shown, never typed.
    const shown = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    const ro = h('input', { type: 'text', id, name: spec.name, class: 'automatic',
      title: t('editor.automatic', { source: spec.auto }), dataset: { attribute: spec.name, auto: spec.auto } });
    ro.readOnly = true;
    ro.value = shown;
    return [h('label', { for: id }, spec.name), ro];
  }
  let input: HTMLInputElement | HTMLSelectElement;
  if ((type === 'select' || type === 'radio') && values.length) {
    const s = h('select', { id, name: spec.name, dataset: { attribute: spec.name }, on: { change: () => onChange(s.value === '' ? undefined : s.value) } });
    s.appendChild(h('option', { value: '' }, '—'));
    for (const v of values) s.appendChild(h('option', { value: v }, v));
    s.value = value === undefined || value === null ? '' : String(value);
    input = s;
  } else if (type === 'checkbox') {
    const c = h('input', { type: 'checkbox', id, name: spec.name, dataset: { attribute: spec.name }, on: { change: () => onChange(c.checked) } });
    c.checked = value === true || value === 'true';
    input = c;
  } else if (type === 'number') {
    const n = h('input', { type: 'number', id, name: spec.name, dataset: { attribute: spec.name }, on: { change: () => {
      onChange(n.value.trim() === '' || Number.isNaN(Number(n.value)) ? undefined : Number(n.value));
    } } });
    // CVAT's number domain: min, max, step.
    if (values[0] !== undefined) n.min = values[0];
    if (values[1] !== undefined) n.max = values[1];
    n.step = values[2] ?? 'any';
    n.value = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
    input = n;
  } else {
    const s = h('input', { type: 'text', id, name: spec.name, dataset: { attribute: spec.name }, on: { change: () => onChange(s.value === '' ? undefined : s.value) } });
    s.value = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    input = s;
  }
  return [h('label', { for: id }, spec.name), input];
}

/** The schema's default attribute values of `label`, typed by their domain (for new shapes). */
export function defaultAttributes(schema: DatasetSchema | undefined, label: string): Record<string, JsonValue> | undefined {
  const specs = schema?.labels.find(l => l.name === label)?.attributes ?? [];
  const out: Record<string, JsonValue> = {};
  for (const s of specs) {
    if (s.default === undefined || s.default === null) continue;
    if (s.inputType === 'checkbox') out[s.name] = s.default === 'true';
    else if (s.inputType === 'number' && s.default !== '' && !Number.isNaN(Number(s.default))) out[s.name] = Number(s.default);
    else out[s.name] = s.default;
  }
  return Object.keys(out).length ? out : undefined;
}
