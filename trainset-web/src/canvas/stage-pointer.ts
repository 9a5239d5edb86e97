// Pointer input of the editor's canvas: a press on a shape selects it and a drag moves it, a
// press on empty space (or with the middle/right button, or with Space held) pans, the wheel
// zooms about the pointer, and with a drawing tool the pointer goes to the tool. Coordinates are
// of the visible stage box; its page position is read once per drag, not on every move (a
// layout read per move would make the browser lay out the page in the middle of a pan).
import type { DrawTool } from './draw-tools';

export interface PointerHost {
  scale(): number;
  selected(): number | null;
  toMedia(sx: number, sy: number): [number, number];
  /** Whether a Konva handle (vertex, transformer) is under the point: Konva drags it itself. */
  onHandle(sx: number, sy: number): boolean;
  tool(): DrawTool | null;
  /** Marks the topmost draft under the media point and tells the page (null when none); true when one was hit. */
  pickDraft(mx: number, my: number, tolerance: number): boolean;
  /** Pickable annotations under the media point, topmost first. */
  shapesAt(mx: number, my: number, tolerance: number): number[];
  select(index: number | null): void;
  panBy(dx: number, dy: number): void;
  /** A wheel step: zoom gesture about (sx, sy). */
  zoomAt(factor: number, sx: number, sy: number): void;
  /** Shows the selected shape moved by (dx, dy) media pixels while it is dragged. */
  previewMove(dx: number, dy: number): void;
  /** The drag ended: the selected shape moved by (dx, dy) media pixels. */
  commitMove(dx: number, dy: number): void;
}

interface Drag { kind: 'pan' | 'move'; sx: number; sy: number; moved: boolean }

export class StagePointer {
  private drag: Drag | null = null;
  /** The stage box's page position while a drag lasts. */
  private dragRect: DOMRect | null = null;
  private spaceDown = false;
  private readonly cleanup: (() => void)[] = [];

  constructor(private readonly container: HTMLElement, private readonly host: PointerHost) {
    const on = <K extends keyof WindowEventMap>(target: EventTarget, type: K, fn: (e: WindowEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      target.addEventListener(type, fn as EventListener, opts);
      this.cleanup.push(() => target.removeEventListener(type, fn as EventListener, opts));
    };
    on(container, 'pointerdown', e => this.down(e));
    on(window, 'pointermove', e => this.move(e));
    on(window, 'pointerup', e => this.up(e));
    on(container, 'dblclick', () => host.tool()?.dblclick());
    on(container, 'wheel', e => {
      e.preventDefault();
      const [sx, sy] = this.local(e);
      host.zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, sx, sy);
    }, { passive: false });
    on(container, 'contextmenu', e => e.preventDefault());
    on(window, 'keydown', e => { if (e.key === ' ' && !isTyping(e)) this.spaceDown = true; });
    on(window, 'keyup', e => { if (e.key === ' ') this.spaceDown = false; });
  }

  destroy(): void {
    this.cleanup.forEach(c => c());
  }

  private local(e: MouseEvent): [number, number] {
    const r = this.dragRect ?? this.container.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private start(kind: Drag['kind'], sx: number, sy: number): void {
    this.drag = { kind, sx, sy, moved: false };
    this.dragRect = this.container.getBoundingClientRect();
  }

  private down(e: PointerEvent): void {
    this.dragRect = null;
    const host = this.host;
    const [sx, sy] = this.local(e);
    const [mx, my] = host.toMedia(sx, sy);
    if (e.button === 1 || e.button === 2 || this.spaceDown) {
      this.start('pan', sx, sy);
      return;
    }
    if (e.button !== 0 || host.onHandle(sx, sy)) return;
    const tool = host.tool();
    if (tool) {
      tool.down(mx, my, e);
      return;
    }
    const tol = 5 / host.scale();
    if (host.pickDraft(mx, my, tol)) return;
    const under = host.shapesAt(mx, my, tol);
    let pick = under[0];
    if (e.altKey && under.length > 1) {
      // Select-through: each Alt+click takes the next shape under the pointer.
      const at = under.indexOf(host.selected() ?? -1);
      pick = under[(at + 1) % under.length];
    }
    if (pick === undefined) {
      if (host.selected() !== null) host.select(null);
      this.start('pan', sx, sy);
      return;
    }
    if (pick !== host.selected()) host.select(pick);
    this.start('move', sx, sy);
  }

  private move(e: PointerEvent): void {
    const [sx, sy] = this.local(e);
    const drag = this.drag;
    if (drag) {
      const dx = sx - drag.sx, dy = sy - drag.sy;
      if (Math.abs(dx) + Math.abs(dy) >= 2) drag.moved = true;
      if (!drag.moved) return;
      if (drag.kind === 'pan') {
        this.host.panBy(dx, dy);
        drag.sx = sx;
        drag.sy = sy;
      } else {
        this.host.previewMove(dx / this.host.scale(), dy / this.host.scale());
      }
      return;
    }
    const tool = this.host.tool();
    if (tool) {
      const [mx, my] = this.host.toMedia(sx, sy);
      tool.move(mx, my, e);
    }
  }

  private up(e: PointerEvent): void {
    const [sx, sy] = this.local(e);
    const drag = this.drag;
    this.drag = null;
    this.dragRect = null;
    if (drag) {
      if (drag.kind === 'move' && drag.moved && this.host.selected() !== null) {
        this.host.commitMove((sx - drag.sx) / this.host.scale(), (sy - drag.sy) / this.host.scale());
      }
      return;
    }
    const tool = this.host.tool();
    if (tool && e.button === 0) {
      const [mx, my] = this.host.toMedia(sx, sy);
      tool.up(mx, my, e);
    }
  }
}

export function isTyping(e: Event): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
}
