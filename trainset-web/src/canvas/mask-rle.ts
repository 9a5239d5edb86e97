// Masks as the model stores them (row-major run lengths over left/top/width/height, starting with
// a run of zeros) and as the brush edits them (one byte per media pixel).
import type { MaskAnn } from '../app/model';

/** A one-byte-per-pixel bitmap over the whole media. */
export interface Bitmap { width: number; height: number; bits: Uint8Array }

export function emptyBitmap(width: number, height: number): Bitmap {
  return { width, height, bits: new Uint8Array(width * height) };
}

/** Sets the mask's pixels in `into` (a media-sized bitmap); pixels outside the media are dropped. */
export function decodeInto(m: Pick<MaskAnn, 'left' | 'top' | 'width' | 'height' | 'runs'>, into: Bitmap): void {
  let pos = 0;
  for (let r = 0; r < m.runs.length; r++) {
    const run = m.runs[r]!;
    if (r % 2 === 1) {
      for (let p = pos; p < pos + run; p++) {
        const x = m.left + (p % m.width), y = m.top + Math.floor(p / m.width);
        if (x >= 0 && y >= 0 && x < into.width && y < into.height) into.bits[y * into.width + x] = 1;
      }
    }
    pos += run;
  }
}

/** The set pixels of `b` as a mask over their bounding rectangle, or null when none is set. */
export function encode(b: Bitmap): Pick<MaskAnn, 'left' | 'top' | 'width' | 'height' | 'runs'> | null {
  let minX = b.width, minY = b.height, maxX = -1, maxY = -1;
  for (let y = 0; y < b.height; y++) {
    const row = y * b.width;
    for (let x = 0; x < b.width; x++) {
      if (b.bits[row + x]) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (maxX < 0) return null;
  const width = maxX - minX + 1, height = maxY - minY + 1;
  const runs: number[] = [];
  let value = 0, run = 0;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const v = b.bits[y * b.width + x] ? 1 : 0;
      if (v === value) run++;
      else {
        runs.push(run);
        value = v;
        run = 1;
      }
    }
  }
  runs.push(run);
  return { left: minX, top: minY, width, height, runs };
}

/** Sets (value 1) or clears (0) a disc of radius `r` media pixels centred on (cx, cy). */
export function paintDisc(b: Bitmap, cx: number, cy: number, r: number, value: 0 | 1): void {
  const y0 = Math.max(0, Math.floor(cy - r)), y1 = Math.min(b.height - 1, Math.ceil(cy + r));
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - cy;
    const half = Math.sqrt(Math.max(0, r * r - dy * dy));
    const x0 = Math.max(0, Math.ceil(cx - half - 0.5)), x1 = Math.min(b.width - 1, Math.floor(cx + half - 0.5));
    b.bits.fill(value, y * b.width + x0, y * b.width + x1 + 1);
  }
}

/** Paints discs along the segment from (x0, y0) to (x1, y1), spaced so the stroke has no gaps. */
export function paintStroke(b: Bitmap, x0: number, y0: number, x1: number, y1: number, r: number, value: 0 | 1): void {
  const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / Math.max(0.5, r / 2)));
  for (let s = 0; s <= steps; s++) paintDisc(b, x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps, r, value);
}
