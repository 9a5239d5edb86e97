/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// The app builds DOM only through src/app/dom.ts (text nodes). This guard fails the build if any
// source file starts parsing strings as HTML.
const FORBIDDEN = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment)\b/;
const SOURCES = import.meta.glob<string>(['../**/*.ts', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('no HTML from strings', () => {
  it('no app source assigns or parses HTML', () => {
    const files = Object.keys(SOURCES);
    expect(files.length).toBeGreaterThan(20);
    const code = (f: string) => SOURCES[f]!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(files.filter(f => FORBIDDEN.test(code(f)))).toEqual([]);
  });
});
