// Bitmap tiles of what does not change while the user pans and zooms: the media and every shape
// except the one being edited, rendered once per zoom level into 512-pixel tiles. Panning draws
// the cached tiles at a new offset; during a zoom gesture the tiles of the previous zoom are drawn
// scaled; when the gesture ends the tiles are redrawn sharp at the new zoom, a few per frame
// within a time budget, the scaled old ones showing until each is ready. An edit invalidates only
// the tiles its shape touches.
import type { Bounds } from './geometry';

export interface View {
  /** CSS pixels per media pixel. */
  scale: number;
  /** CSS position of media pixel (0, 0) in the stage. */
  x: number;
  y: number;
  width: number;
  height: number;
}

type Tile = HTMLCanvasElement | null; // null: nothing in it
interface TileSet { scale: number; tiles: Map<string, Tile> }

export interface TileStats { renders: number; renderMs: number; tiles: number; complete: boolean; scaled: boolean }

/** Renders the media rectangle `area` into a context already transformed to media pixels. */
export type TileRenderer = (ctx: CanvasRenderingContext2D, area: Bounds, scale: number) => boolean;

const BUDGET_MS = 10;
const MAX_TILES = 72;

export class TileCache {
  private current: TileSet | null = null;
  private fallback: TileSet | null = null;
  private readonly pool: HTMLCanvasElement[] = [];
  readonly stats: TileStats = { renders: 0, renderMs: 0, tiles: 0, complete: false, scaled: false };

  constructor(private readonly render: TileRenderer,
              /** The media area a change of `area` redraws at `scale` (strokes and labels reach past bounds). */
              private readonly affected: (area: Bounds, scale: number) => Bounds,
              /** The media rectangle where anything can be drawn; tiles outside it are empty. */
              private readonly content: () => Bounds,
              private readonly size = 512) {}

  /** Forgets the tiles that `area` (media pixels) touches, or every tile. */
  invalidate(area: Bounds | null): void {
    for (const set of [this.current, this.fallback]) {
      if (!set) continue;
      if (area === null) {
        for (const t of set.tiles.values()) this.recycle(t);
        set.tiles.clear();
        continue;
      }
      const ds = set.scale * pixelRatio();
      const a = this.affected(area, set.scale);
      const [i0, i1] = [Math.floor(a.minX * ds / this.size), Math.floor(a.maxX * ds / this.size)];
      const [j0, j1] = [Math.floor(a.minY * ds / this.size), Math.floor(a.maxY * ds / this.size)];
      for (let i = i0; i <= i1; i++) {
        for (let j = j0; j <= j1; j++) {
          const key = `${i},${j}`;
          this.recycle(set.tiles.get(key));
          set.tiles.delete(key);
        }
      }
    }
    if (area === null) this.fallback = null;
  }

  /**
   * Draws the view into `ctx` (device pixels, identity transform). During a zoom `gesture` the
   * tiles of the last zoom are scaled instead of redrawn. Returns true when tiles are still
   * missing (the caller draws again on the next frame).
   */
  draw(ctx: CanvasRenderingContext2D, view: View, gesture: boolean): boolean {
    const start = performance.now();
    if (this.current && this.current.scale !== view.scale) {
      const f = view.scale / this.current.scale;
      const keep = gesture && f > 0.5 && f < 4;
      if (!keep) {
        if (this.fallback) this.invalidateSet(this.fallback);
        this.fallback = this.current;
        this.current = null;
      }
    }
    this.current ??= { scale: view.scale, tiles: new Map() };
    const set = this.current;
    const scaled = set.scale !== view.scale;
    const budget = this.fallback ? BUDGET_MS : Infinity;
    const range = this.range(set.scale, view);
    const missing: [number, number][] = [];
    let needed = 0;
    for (let j = range.j0; j <= range.j1; j++) {
      for (let i = range.i0; i <= range.i1; i++) {
        needed++;
        if (set.tiles.has(`${i},${j}`)) continue;
        if (performance.now() - start < budget) this.renderTile(set, i, j);
        else missing.push([i, j]);
      }
    }
    if (missing.length > 0 && this.fallback) this.drawSet(ctx, this.fallback, view, this.range(this.fallback.scale, view));
    this.drawSet(ctx, set, view, range);
    if (missing.length === 0 && this.fallback) {
      this.invalidateSet(this.fallback);
      this.fallback = null;
    }
    this.trim(set, range);
    this.stats.tiles = needed;
    this.stats.complete = missing.length === 0 && !scaled;
    this.stats.scaled = scaled;
    return missing.length > 0;
  }

  private range(scale: number, view: View) {
    const ds = scale * pixelRatio();
    const c = this.content();
    const minX = Math.max(c.minX, -view.x / view.scale), maxX = Math.min(c.maxX, (view.width - view.x) / view.scale);
    const minY = Math.max(c.minY, -view.y / view.scale), maxY = Math.min(c.maxY, (view.height - view.y) / view.scale);
    if (minX >= maxX || minY >= maxY) return { i0: 0, i1: -1, j0: 0, j1: -1 };
    return {
      i0: Math.floor(minX * ds / this.size), i1: Math.floor(maxX * ds / this.size),
      j0: Math.floor(minY * ds / this.size), j1: Math.floor(maxY * ds / this.size),
    };
  }

  private drawSet(ctx: CanvasRenderingContext2D, set: TileSet, view: View, r: { i0: number; i1: number; j0: number; j1: number }): void {
    const pr = pixelRatio();
    const f = view.scale / set.scale;
    const ox = view.x * pr, oy = view.y * pr, step = this.size * f;
    if (f !== 1) ctx.imageSmoothingEnabled = true;
    for (let j = r.j0; j <= r.j1; j++) {
      for (let i = r.i0; i <= r.i1; i++) {
        const t = set.tiles.get(`${i},${j}`);
        if (!t) continue;
        if (f === 1) ctx.drawImage(t, Math.round(ox + i * this.size), Math.round(oy + j * this.size));
        else ctx.drawImage(t, ox + i * step, oy + j * step, step, step);
      }
    }
  }

  private renderTile(set: TileSet, i: number, j: number): void {
    const t0 = performance.now();
    const ds = set.scale * pixelRatio();
    const area = { minX: i * this.size / ds, minY: j * this.size / ds, maxX: (i + 1) * this.size / ds, maxY: (j + 1) * this.size / ds };
    const canvas = this.pool.pop() ?? Object.assign(document.createElement('canvas'), { width: this.size, height: this.size });
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.size, this.size);
    ctx.setTransform(ds, 0, 0, ds, -i * this.size, -j * this.size);
    const drew = this.render(ctx, area, set.scale);
    if (drew) set.tiles.set(`${i},${j}`, canvas);
    else {
      set.tiles.set(`${i},${j}`, null);
      this.recycle(canvas);
    }
    this.stats.renders++;
    this.stats.renderMs += performance.now() - t0;
  }

  /** Keeps memory bounded: drops tiles far from the view when there are too many. */
  private trim(set: TileSet, r: { i0: number; i1: number; j0: number; j1: number }): void {
    if (set.tiles.size <= MAX_TILES) return;
    for (const [key, t] of set.tiles) {
      const [i, j] = key.split(',').map(Number) as [number, number];
      if (i >= r.i0 - 1 && i <= r.i1 + 1 && j >= r.j0 - 1 && j <= r.j1 + 1) continue;
      set.tiles.delete(key);
      this.recycle(t);
      if (set.tiles.size <= MAX_TILES) break;
    }
  }

  private invalidateSet(set: TileSet): void {
    for (const t of set.tiles.values()) this.recycle(t);
    set.tiles.clear();
  }

  private recycle(t: Tile | undefined): void {
    if (t && this.pool.length < 16) this.pool.push(t);
  }
}

function pixelRatio(): number {
  return globalThis.devicePixelRatio || 1;
}
