// Thumbnail images (through the authorised media route, cached with a bound) and the drawing of a
// thumbnail with its annotation overlay onto a cell's canvas.
import { api, serverId, type ServerItem } from '../../app/api';
import { isSpatial } from '../../app/model';
import { paintShapes, type LabelColors } from '../../canvas/painter';

const MAX_CACHED = 600;

export class ThumbnailCache {
  private readonly images = new Map<string, Promise<HTMLImageElement | null>>();

  load(item: ServerItem): Promise<HTMLImageElement | null> {
    const media = item.media[0];
    if (!media || media.kind !== 'image') return Promise.resolve(null);
    const key = String(serverId(item));
    let p = this.images.get(key);
    if (p) {
      this.images.delete(key); // re-insert: Map order is the LRU order
      this.images.set(key, p);
      return p;
    }
    p = new Promise(resolve => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = api.thumbnailUrl(serverId(item));
    });
    this.images.set(key, p);
    while (this.images.size > MAX_CACHED) this.images.delete(this.images.keys().next().value!);
    return p;
  }
}

/**
 * Draws the item's image (letterboxed) and its spatial annotations into `canvas`.
 * Returns the number of shapes drawn.
 */
export function drawThumbnail(canvas: HTMLCanvasElement, item: ServerItem, img: HTMLImageElement | null,
                              colors: LabelColors, placeholder: string): number {
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
    ctx.font = '12px sans-serif';
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
  const shapes = item.annotations.filter(isSpatial);
  paintShapes(ctx, shapes, { scale, colors, labels: false, lineWidth: 1.5 });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return shapes.length;
}
