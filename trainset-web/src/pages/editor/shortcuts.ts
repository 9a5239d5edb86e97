// The editor's keyboard: tools, undo/redo, copy/paste, hide/lock, z-order, zoom and nudging.
// Keys typed into form fields are left to the fields.
import type { ToolId } from '../../canvas/draw-tools';
import { isTyping } from '../../canvas/stage-pointer';

export interface ShortcutActions {
  tool(id: ToolId): void;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  save(): void;
  /** Keys the canvas takes first (the drawing tool's Enter/Escape/Backspace/N, Delete/O on a vertex). */
  canvasKey(e: KeyboardEvent): boolean;
  deleteSelected(): void;
  deselect(): void;
  addTag(): void;
  hideSelected(): void;
  showAll(): void;
  lockSelected(): void;
  rotate(degrees: number): void;
  raise(delta: number): void;
  nudge(dx: number, dy: number): void;
  zoom(factor: number): void;
  fit(): void;
  brush(delta: number): void;
  cycle(delta: number): void;
  label(n: number): void;
}

const TOOL_KEYS: Record<string, ToolId> = { v: 'select', b: 'box', p: 'polygon', l: 'polyline', k: 'points', m: 'brush', e: 'eraser' };

/** The shortcut table shown in the help (key → message key), kept next to the handler. */
export const SHORTCUTS: [string, string][] = [
  ['V', 'editor.tool.select'], ['B', 'editor.tool.box'], ['P', 'editor.tool.polygon'], ['L', 'editor.tool.polyline'],
  ['K', 'editor.tool.points'], ['M', 'editor.tool.brush'], ['E', 'editor.tool.eraser'], ['T', 'editor.addTag'],
  ['Ctrl+Z', 'editor.undo'], ['Ctrl+Shift+Z / Ctrl+Y', 'editor.redo'], ['Ctrl+C / Ctrl+V', 'editor.copyPaste'],
  ['Delete', 'editor.delete'], ['H / Shift+H', 'editor.hideShow'], ['Shift+L', 'editor.lock'], ['R / Shift+R', 'editor.rotate'],
  ['PageUp / PageDown', 'editor.zorder'], ['← ↑ → ↓', 'editor.nudge'], ['+ / − / 0', 'editor.zoomKeys'], ['[ / ]', 'editor.brushSize'],
  ['Tab', 'editor.nextShape'], ['1–9', 'editor.pickLabel'], ['Alt+click', 'editor.selectThrough'], ['Space+drag', 'editor.pan'],
];

export function handleKey(e: KeyboardEvent, a: ShortcutActions): boolean {
  if (isTyping(e)) return false;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl) {
    if (key === 'z' && e.shiftKey) a.redo();
    else if (key === 'z') a.undo();
    else if (key === 'y') a.redo();
    else if (key === 'c') a.copy();
    else if (key === 'v') a.paste();
    else if (key === 's') a.save();
    else return false;
    return true;
  }
  if (e.altKey) return false;
  if (a.canvasKey(e)) return true;
  if (key in TOOL_KEYS && !e.shiftKey) { a.tool(TOOL_KEYS[key]!); return true; }
  switch (key) {
    case 'Delete': case 'Backspace': a.deleteSelected(); return true;
    case 'Escape': a.deselect(); return true;
    case 't': a.addTag(); return true;
    case 'h': if (e.shiftKey) a.showAll(); else a.hideSelected(); return true;
    case 'l': if (e.shiftKey) { a.lockSelected(); return true; } return false;
    case 'r': a.rotate(e.shiftKey ? -5 : 5); return true;
    case 'PageUp': a.raise(1); return true;
    case 'PageDown': a.raise(-1); return true;
    case 'ArrowLeft': a.nudge(e.shiftKey ? -10 : -1, 0); return true;
    case 'ArrowRight': a.nudge(e.shiftKey ? 10 : 1, 0); return true;
    case 'ArrowUp': a.nudge(0, e.shiftKey ? -10 : -1); return true;
    case 'ArrowDown': a.nudge(0, e.shiftKey ? 10 : 1); return true;
    case '+': case '=': a.zoom(1.25); return true;
    case '-': a.zoom(0.8); return true;
    case '0': a.fit(); return true;
    case '[': a.brush(-2); return true;
    case ']': a.brush(2); return true;
    case 'Tab': a.cycle(e.shiftKey ? -1 : 1); return true;
    default:
      if (/^[1-9]$/.test(key)) { a.label(Number(key)); return true; }
      return false;
  }
}
