// The markers of live findings on the editor's interaction layer: a dashed outline in the
// severity's colour around each shape a finding names, and a "!" badge at its top-right corner.
// Few shapes carry findings, so they are drawn every frame rather than cached in the tiles.
import type { Finding } from '../editor/session';
import type { Bounds } from './geometry';

const SEVERITY_COLORS: Record<string, string> = { error: '#ff3b3b', warning: '#ffb020', info: '#5bc0ff' };

/**
 * Draws the markers into `ctx` (transformed to media pixels at `scale` screen pixels per media
 * pixel); `boundsOf` gives the drawn shape of an annotation index (undefined: not drawn). Returns
 * the indexes marked.
 */
export function drawFindingMarkers(ctx: CanvasRenderingContext2D, findings: readonly Finding[],
                                   boundsOf: (index: number) => Bounds | undefined, scale: number): number[] {
  const s = scale;
  const marked: number[] = [];
  ctx.save();
  ctx.lineWidth = 2 / s;
  ctx.setLineDash([5 / s, 3 / s]);
  for (const f of findings) {
    if (f.annotation === undefined) continue;
    const e = boundsOf(f.annotation);
    if (!e) continue;
    const pad = 5 / s;
    const color = SEVERITY_COLORS[f.severity] ?? SEVERITY_COLORS.error!;
    ctx.strokeStyle = color;
    ctx.strokeRect(e.minX - pad, e.minY - pad, e.maxX - e.minX + 2 * pad, e.maxY - e.minY + 2 * pad);
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(e.maxX + pad, e.minY - pad, 7 / s, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.font = `bold ${11 / s}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('!', e.maxX + pad, e.minY - pad);
    marked.push(f.annotation);
  }
  ctx.restore();
  return marked;
}
