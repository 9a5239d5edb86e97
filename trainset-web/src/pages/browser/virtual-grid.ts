// A virtualised thumbnail grid over any number of items: only the rows in view (plus a margin)
// have DOM cells, cells are recycled as the user scrolls, and items are fetched in pages of
// `pageSize` with offset/limit as rows come into view (a bounded number of pages is kept).
import type { ItemsPage, ItemSummary } from '../../app/api';
import { h } from '../../app/dom';
import type { LabelColors } from '../../canvas/painter';
import { drawThumbnail, ThumbnailCache } from './thumbnails';

export interface GridOptions {
  fetch: (offset: number, limit: number) => Promise<ItemsPage>;
  colors: LabelColors;
  href: (item: ItemSummary) => string;
  placeholder: string;
  onTotal: (total: number) => void;
  /** Called once when every cell of the first screen shows its thumbnail and overlay. */
  onFirstGrid?: () => void;
}

interface Cell { el: HTMLAnchorElement; canvas: HTMLCanvasElement; caption: HTMLElement; position: number; bound: string | null }

const CELL_W = 196, CELL_H = 196, THUMB = 180, PAGE = 120, MAX_PAGES = 60, OVERSCAN_ROWS = 2, SETTLE_MS = 120;

export class VirtualGrid {
  readonly element: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly cells = new Map<number, Cell>();
  private readonly pool: Cell[] = [];
  private readonly pages = new Map<number, ItemSummary[]>();
  private readonly pending = new Set<number>();
  private readonly thumbs = new ThumbnailCache();
  private total = -1;
  private columns = 1;
  private frameRequested = false;
  private destroyed = false;
  private firstGridPending = true;
  private lastScroll = -Infinity;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly options: GridOptions) {
    this.spacer = h('div', { class: 'grid-spacer' });
    this.element = h('div', { class: 'grid', id: 'item-grid' }, this.spacer);
    this.element.addEventListener('scroll', () => {
      this.lastScroll = performance.now();
      this.schedule();
    }, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.schedule());
  }

  /** Starts loading; call once the element is in the document. */
  start(): void {
    this.resizeObserver.observe(this.element);
    this.loadPage(0);
  }

  destroy(): void {
    this.destroyed = true;
    this.resizeObserver.disconnect();
  }

  private schedule(): void {
    if (this.frameRequested || this.destroyed) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.update();
    });
  }

  private loadPage(page: number): void {
    if (this.pages.has(page) || this.pending.has(page) || this.destroyed) return;
    this.pending.add(page);
    this.options.fetch(page * PAGE, PAGE).then(r => {
      this.pending.delete(page);
      if (this.destroyed) return;
      this.pages.set(page, r.items);
      if (r.total !== this.total) {
        this.total = r.total;
        this.element.dataset.total = String(r.total);
        this.options.onTotal(r.total);
      }
      this.evictPages(page);
      this.schedule();
    }, (e: unknown) => {
      this.pending.delete(page);
      this.element.dataset.error = e instanceof Error ? e.message : String(e);
    });
  }

  /** Keeps memory bounded on long scrolls: drops the pages farthest from the one just loaded. */
  private evictPages(near: number): void {
    if (this.pages.size <= MAX_PAGES) return;
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  private itemAt(position: number): ItemSummary | undefined {
    return this.pages.get(Math.floor(position / PAGE))?.[position % PAGE];
  }

  private update(): void {
    if (this.total < 0 || this.destroyed) return;
    const width = this.element.clientWidth, height = this.element.clientHeight;
    this.columns = Math.max(1, Math.floor(width / CELL_W));
    const rows = Math.ceil(this.total / this.columns);
    this.spacer.style.height = `${rows * CELL_H}px`;
    const top = this.element.scrollTop;
    const firstVisibleRow = Math.floor(top / CELL_H);
    const lastVisibleRow = Math.min(rows - 1, Math.floor((top + height) / CELL_H));
    const first = Math.max(0, firstVisibleRow - OVERSCAN_ROWS) * this.columns;
    const last = Math.min(this.total, (Math.min(rows - 1, lastVisibleRow + OVERSCAN_ROWS) + 1) * this.columns);

    for (const [pos, cell] of this.cells) {
      if (pos < first || pos >= last) {
        this.cells.delete(pos);
        cell.el.remove();
        cell.bound = null;
        this.pool.push(cell);
      }
    }
    for (let pos = first; pos < last; pos++) {
      let cell = this.cells.get(pos);
      if (!cell) {
        cell = this.pool.pop() ?? this.newCell();
        cell.position = pos;
        cell.el.style.transform = `translate(${(pos % this.columns) * CELL_W}px, ${Math.floor(pos / this.columns) * CELL_H}px)`;
        this.cells.set(pos, cell);
        this.element.appendChild(cell.el);
      }
      const item = this.itemAt(pos);
      if (!item) {
        this.loadPage(Math.floor(pos / PAGE));
        if (cell.bound !== null) this.blank(cell);
        continue;
      }
      const key = `${item.id}@${item.version}`;
      if (cell.bound !== key) this.bind(cell, item, key);
    }
    if (this.firstGridPending) this.checkFirstGrid(firstVisibleRow * this.columns, Math.min(this.total, (lastVisibleRow + 1) * this.columns));
  }

  private newCell(): Cell {
    const dpr = window.devicePixelRatio || 1;
    const canvas = h('canvas', { class: 'thumb' });
    canvas.width = THUMB * dpr;
    canvas.height = THUMB * dpr;
    canvas.style.width = `${THUMB}px`;
    canvas.style.height = `${THUMB}px`;
    const caption = h('span', { class: 'caption' });
    const el = h('a', { class: 'cell' }, canvas, caption);
    return { el, canvas, caption, position: -1, bound: null };
  }

  private blank(cell: Cell): void {
    cell.bound = null;
    cell.caption.textContent = '';
    cell.el.removeAttribute('href');
    cell.el.dataset.state = 'loading';
    const ctx = cell.canvas.getContext('2d')!;
    ctx.clearRect(0, 0, cell.canvas.width, cell.canvas.height);
  }

  private bind(cell: Cell, item: ItemSummary, key: string): void {
    this.blank(cell);
    cell.bound = key;
    cell.el.href = this.options.href(item);
    cell.el.dataset.itemId = item.id;
    cell.el.dataset.name = item.name;
    cell.el.title = item.name;
    cell.caption.textContent = item.name; // text: item names come from data
    const wanted = () => cell.bound === key && !this.destroyed;
    // While the user flings through thousands of rows, cells pass by in a frame or two: load a
    // cell's image and shapes only once it has stayed in place for a moment.
    if (performance.now() - this.lastScroll < SETTLE_MS) {
      setTimeout(() => { if (wanted()) this.load(cell, item, wanted); }, SETTLE_MS);
    } else {
      this.load(cell, item, wanted);
    }
  }

  private load(cell: Cell, item: ItemSummary, wanted: () => boolean): void {
    Promise.all([this.thumbs.image(item), this.thumbs.overlay(item, wanted)]).then(([img, shapes]) => {
      if (!wanted()) return;
      const drawn = drawThumbnail(cell.canvas, item, img, shapes, this.options.colors, this.options.placeholder);
      cell.el.dataset.shapes = String(drawn);
      cell.el.dataset.state = img ? 'drawn' : 'no-image';
      if (this.firstGridPending) this.schedule();
    }, () => {
      // Dropped because the cell scrolled away (the next bind asks again), or the request failed.
      if (!wanted()) return;
      cell.el.dataset.state = 'error';
      if (this.firstGridPending) this.schedule();
    });
  }

  private checkFirstGrid(from: number, to: number): void {
    if (to <= from) {
      if (this.total === 0) this.finishFirstGrid();
      return;
    }
    for (let pos = from; pos < to; pos++) {
      const state = this.cells.get(pos)?.el.dataset.state;
      if (state !== 'drawn' && state !== 'no-image' && state !== 'error') return;
    }
    this.finishFirstGrid();
  }

  private finishFirstGrid(): void {
    this.firstGridPending = false;
    performance.mark('trainset:first-grid');
    this.element.dataset.firstGrid = 'true';
    this.options.onFirstGrid?.();
  }
}
