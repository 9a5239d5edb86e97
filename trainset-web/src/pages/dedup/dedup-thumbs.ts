// A dedup member's thumbnail: the item's first media (through the authorised media route, never
// a static file) drawn on a canvas, with the decision painted over it — a dropped image is faded
// and struck through with a red cross, a kept one framed in green — so the state reads at a glance.
import { api } from '../../app/api';

export const DROP_COLOUR = '#d0021b';
export const KEEP_COLOUR = '#1f9d55';
const THUMB_W = 200, THUMB_H = 150;

const images = new Map<string, Promise<HTMLImageElement | null>>();

function load(itemId: string): Promise<HTMLImageElement | null> {
  let p = images.get(itemId);
  if (!p) {
    p = new Promise(resolve => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => resolve(null);
      img.src = api.mediaUrl(itemId);
    });
    images.set(itemId, p);
  }
  return p;
}

export function thumbCanvas(): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = THUMB_W;
  c.height = THUMB_H;
  c.className = 'dedup-thumb';
  return c;
}

/** Draws the item's image fitted into the canvas, then the decision (null: undecided, nothing over it). */
export async function drawThumb(canvas: HTMLCanvasElement, itemId: string, keep: boolean | null): Promise<void> {
  const img = await load(itemId);
  const g = canvas.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#eef0f3';
  g.fillRect(0, 0, canvas.width, canvas.height);
  if (img && img.naturalWidth > 0) {
    const s = Math.min(canvas.width / img.naturalWidth, canvas.height / img.naturalHeight);
    const w = img.naturalWidth * s, h = img.naturalHeight * s;
    g.drawImage(img, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
  }
  canvas.dataset['drawn'] = keep === null ? 'undecided' : keep ? 'keep' : 'drop';
  if (keep === false) {
    g.fillStyle = 'rgba(255,255,255,0.6)';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = DROP_COLOUR;
    g.lineWidth = 6;
    g.beginPath();
    g.moveTo(8, 8);
    g.lineTo(canvas.width - 8, canvas.height - 8);
    g.moveTo(canvas.width - 8, 8);
    g.lineTo(8, canvas.height - 8);
    g.stroke();
  } else if (keep === true) {
    g.strokeStyle = KEEP_COLOUR;
    g.lineWidth = 8;
    g.strokeRect(4, 4, canvas.width - 8, canvas.height - 8);
  }
}
