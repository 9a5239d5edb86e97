// The editor's canvases as a surface that pans on the compositor. The Konva stage is larger than
// the visible box by MARGIN pixels on every side (the content div sits at -MARGIN, -MARGIN and the
// box clips it), so the canvases hold a little more than is seen. A pan within the margin does
// not redraw anything: it moves the drawn canvases with a CSS translate, which Chromium applies
// on the compositor (no canvas raster, no upload of two 1600×1000 layers per frame). When the
// pan has gone past the margin, when it has paused for PAN_SETTLE_MS, or when the zoom changes,
// the canvases are redrawn at the view and the translate goes back to zero in the same frame.
// Everything Konva draws uses the drawn view, so a redraw in the middle of a pan (an edit, a tile
// finishing) stays consistent with the translate.
import type Konva from 'konva';
import type { View } from './tile-cache';

export const MARGIN = 256;
const PAN_SETTLE_MS = 150;

export class PanSurface {
  /** The view the canvases hold (the stage's transform). */
  private readonly drawn = { scale: 0, x: 0, y: 0 };
  private shiftX = 0;
  private shiftY = 0;
  private settleTimer = 0;
  /** False: every pan redraws the layers at once (the old way, kept for the benchmark's comparison). */
  compositorPans = true;

  constructor(private readonly stage: Konva.Stage, container: HTMLElement, private readonly view: View,
              /** Redraws every layer: now (synchronously), or on the next animation frame. */
              private readonly redraw: (now: boolean) => void) {
    if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
    Object.assign(stage.content.style, { position: 'absolute', left: `${-MARGIN}px`, top: `${-MARGIN}px`, willChange: 'transform' });
    Object.assign(this.drawn, { scale: view.scale, x: view.x, y: view.y });
    stage.scale({ x: view.scale, y: view.scale });
    stage.position({ x: view.x + MARGIN, y: view.y + MARGIN });
  }

  /** The stage's size for a visible box of `width` × `height`. */
  static stageSize(width: number, height: number): { width: number; height: number } {
    return { width: width + 2 * MARGIN, height: height + 2 * MARGIN };
  }

  /**
   * The view changed. A pure pan within the margin only moves the canvases; anything else
   * redraws them at the view.
   */
  changed(): void {
    const dx = this.view.x - this.drawn.x, dy = this.view.y - this.drawn.y;
    if (this.compositorPans && this.view.scale === this.drawn.scale && Math.abs(dx) <= MARGIN && Math.abs(dy) <= MARGIN) {
      if (dx === this.shiftX && dy === this.shiftY) return;
      this.shiftX = dx;
      this.shiftY = dy;
      this.stage.content.style.transform = `translate(${dx}px, ${dy}px)`;
      clearTimeout(this.settleTimer);
      this.settleTimer = window.setTimeout(() => this.settle(), PAN_SETTLE_MS);
      return;
    }
    this.settle();
  }

  /** Redraws at the view (now when the canvases were moved, so canvas and translate change in one frame). */
  settle(): void {
    clearTimeout(this.settleTimer);
    const moved = this.shiftX !== 0 || this.shiftY !== 0;
    Object.assign(this.drawn, { scale: this.view.scale, x: this.view.x, y: this.view.y });
    this.stage.scale({ x: this.view.scale, y: this.view.scale });
    this.stage.position({ x: this.view.x + MARGIN, y: this.view.y + MARGIN });
    if (moved) {
      this.shiftX = this.shiftY = 0;
      this.stage.content.style.transform = '';
    }
    this.redraw(moved);
  }

  /** What the canvases cover, for the tile cache: the drawn view, margin included (canvas pixels). */
  canvasView(): View {
    return { scale: this.drawn.scale, x: this.drawn.x + MARGIN, y: this.drawn.y + MARGIN,
      width: this.view.width + 2 * MARGIN, height: this.view.height + 2 * MARGIN };
  }

  /** The canvas pixel (CSS pixels) where media point (x, y) is drawn. */
  canvasPoint(x: number, y: number): [number, number] {
    return [this.drawn.x + MARGIN + x * this.drawn.scale, this.drawn.y + MARGIN + y * this.drawn.scale];
  }

  /** The stage (canvas) point under a point of the visible box. */
  stagePoint(sx: number, sy: number): { x: number; y: number } {
    return { x: sx - this.shiftX + MARGIN, y: sy - this.shiftY + MARGIN };
  }

  destroy(): void {
    clearTimeout(this.settleTimer);
  }
}
