// Thumbnail images and overlays for the grid. Both come through authorised /api routes: the
// image from the item's media URL, the shapes from GET /api/items/{id} (the page of items carries
// no annotations). Both caches are bounded, and item requests are limited to a few at a time.
import { api, type ItemSummary } from '../../app/api';
import { isSpatial, type SpatialAnnotation } from '../../app/model';
import { paintShapes, type LabelColors } from '../../canvas/painter';

const MAX_CACHED = 600;
const MAX_CONCURRENT_ITEMS = 6;

class BoundedCache<V> {
  private readonly map = new Map<string, Promise<V>>();
  delete(key: string): void {
    this.map.delete(key);
  }
  get(key: string, load: () => Promise<V>): Promise<V> {
    let p = this.map.get(key);
    if (p) this.map.delete(key); // re-inserted below: Map order is the LRU order
    else p = load();
    this.map.set(key, p);
    while (this.map.size > MAX_CACHED) this.map.delete(this.map.keys().next().value!);
    return p;
  }
}

export class ThumbnailCache {
  private readonly images = new BoundedCache<HTMLImageElement | null>();
  private readonly shapes = new BoundedCache<SpatialAnnotation[]>();
  private active = 0;
  private readonly queue: (() => void)[] = [];

  image(item: ItemSummary): Promise<HTMLImageElement | null> {
    const media = item.media[0];
    if (!media || media.kind !== 'image') return Promise.resolve(null);
    return this.images.get(item.id, () => new Promise(resolve => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = media.url ?? api.mediaUrl(item.id);
    }));
  }

  /**
   * The item's spatial annotations (none fetched when the summary says it has none). Requests
   * wait in a last-in-first-out queue, and one whose cell has scrolled away (`wanted()` false)
   * by the time its turn comes is dropped, so a fast scroll does not queue up stale requests.
   */
  overlay(item: ItemSummary, wanted: () => boolean): Promise<SpatialAnnotation[]> {
    if (item.annotationCount === 0) return Promise.resolve([]);
    const key = `${item.id}@${item.version}`;
    const p = this.shapes.get(key, () => this.limited(wanted, () =>
      api.item(item.id).then(full => full.annotations.filter(isSpatial))));
    p.catch(() => this.shapes.delete(key)); // dropped or failed: ask again next time
    return p;
  }

  private limited<T>(wanted: () => boolean, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        if (!wanted()) {
          reject(new Error('no longer in view'));
          this.queue.pop()?.();
          return;
        }
        this.active++;
        task().then(resolve, reject).finally(() => {
          this.active--;
          this.queue.pop()?.();
        });
      };
      if (this.active < MAX_CONCURRENT_ITEMS) run();
      else this.queue.push(run);
    });
  }
}

/** Draws the item's image (letterboxed) and its shapes into `canvas`; returns the shapes drawn. */
export function drawThumbnail(canvas: HTMLCanvasElement, item: ItemSummary, img: HTMLImageElement | null,
                              shapes: SpatialAnnotation[], colors: LabelColors, placeholder: string): number {
  const ctx = canvas.getContext('2d')!;
  const dpr = window.devicePixelRatio || 1;
  const cw = canvas.width / dpr, ch = canvas.height / dpr;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#1d2330';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const media = item.media[0];
  const mw = media?.width ?? img?.naturalWidth ?? 0, mh = media?.height ?? img?.naturalHeight ?? 0;
  if (mw <= 0 || mh <= 0) {
    ctx.fillStyle = '#8b93a7';
    ctx.font = `${12 * dpr}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.fillText(media ? media.kind : placeholder, canvas.width / 2, canvas.height / 2);
    ctx.textAlign = 'start';
    return 0;
  }
  const scale = Math.min(cw / mw, ch / mh);
  const ox = (cw - mw * scale) / 2, oy = (ch - mh * scale) / 2;
  ctx.setTransform(scale * dpr, 0, 0, scale * dpr, ox * dpr, oy * dpr);
  if (img) ctx.drawImage(img, 0, 0, mw, mh);
  else {
    ctx.fillStyle = '#2a3142';
    ctx.fillRect(0, 0, mw, mh);
  }
  paintShapes(ctx, shapes, { scale, colors, labels: false, lineWidth: 1.5 });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return shapes.length;
}
