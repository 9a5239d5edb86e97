// The only way the app builds DOM: elements with properties, and children that are nodes or
// plain strings (always inserted as text nodes). Nothing here — or anywhere in the app — assigns
// innerHTML, so labels, attributes and captions from data are shown as text, never parsed.

type Child = Node | string | number | null | undefined | false;
type Attrs = {
  class?: string;
  id?: string;
  title?: string;
  href?: string;
  type?: string;
  name?: string;
  value?: string;
  placeholder?: string;
  autocomplete?: string;
  for?: string;
  role?: string;
  style?: string;
  dataset?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void }>;
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'dataset') Object.assign(el.dataset, v as Record<string, string>);
    else if (k === 'on') {
      for (const [event, fn] of Object.entries(v as Record<string, EventListener>)) el.addEventListener(event, fn);
    } else if (k === 'class') el.className = v as string;
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** A select whose options are [value, text] pairs. */
export function select(name: string, options: [string, string][], selected: string,
                       onChange: (value: string) => void): HTMLSelectElement {
  const s = h('select', { name, on: { change: () => onChange(s.value) } });
  for (const [value, text] of options) {
    const o = h('option', { value }, text);
    if (value === selected) o.selected = true;
    s.appendChild(o);
  }
  return s;
}
