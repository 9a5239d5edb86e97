import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app builds DOM only through src/app/dom.ts (text nodes). This guard fails the build if any
// source file starts parsing strings as HTML.
const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('no HTML from strings', () => {
  it('no app source assigns or parses HTML', () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(20);
    const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const offenders = files.filter(f => FORBIDDEN.test(code(f)));
    expect(offenders).toEqual([]);
  });
});
