// Geometry of the spatial annotation types, in media pixels: bounding boxes for the R-tree and
// exact hit tests for picking the shape under the pointer.
import type { BoxAnn, SpatialAnnotation } from '../app/model';

export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

/** The four corners of a box rotated clockwise by `rotation` degrees about its centre. */
export function boxCorners(b: BoxAnn): number[] {
  const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
  const rad = ((b.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.cos(rad), sin = Math.sin(rad);
  const out: number[] = [];
  for (const [dx, dy] of [[-b.w / 2, -b.h / 2], [b.w / 2, -b.h / 2], [b.w / 2, b.h / 2], [-b.w / 2, b.h / 2]] as const) {
    // Clockwise on screen (y grows downward) is the usual rotation matrix applied in image coordinates.
    out.push(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
  }
  return out;
}

function boundsOfPoints(points: number[], visibility?: number[]): Bounds | null {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    if (visibility && visibility[i / 2] === 0) continue;
    const x = points[i]!, y = points[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/** Bounding box of a shape, or null when it has no labelled geometry. */
export function boundsOf(a: SpatialAnnotation): Bounds | null {
  switch (a.type) {
    case 'box': return a.rotation ? boundsOfPoints(boxCorners(a)) : { minX: a.x, minY: a.y, maxX: a.x + a.w, maxY: a.y + a.h };
    case 'polygon':
    case 'polyline': return boundsOfPoints(a.points);
    case 'points': return boundsOfPoints(a.points, a.visibility);
    case 'mask': return { minX: a.left, minY: a.top, maxX: a.left + a.width, maxY: a.top + a.height };
  }
}

export function pointInPolygon(x: number, y: number, pts: number[]): boolean {
  let inside = false;
  const n = pts.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = pts[2 * i]!, yi = pts[2 * i + 1]!, xj = pts[2 * j]!, yj = pts[2 * j + 1]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Mask pixel (x, y) in media coordinates is set: walk the row-major runs. */
export function maskHas(runs: number[], left: number, top: number, width: number, x: number, y: number): boolean {
  const col = Math.floor(x) - left, row = Math.floor(y) - top;
  if (col < 0 || row < 0 || col >= width) return false;
  const target = row * width + col;
  let pos = 0;
  for (let i = 0; i < runs.length; i++) {
    pos += runs[i]!;
    if (target < pos) return i % 2 === 1;
  }
  return false;
}

/** Is (x, y) on the shape? `tolerance` (media pixels) widens lines and points. */
export function hits(a: SpatialAnnotation, x: number, y: number, tolerance: number): boolean {
  switch (a.type) {
    case 'box': return pointInPolygon(x, y, boxCorners(a));
    case 'polygon': return pointInPolygon(x, y, a.points);
    case 'polyline':
      for (let i = 0; i + 3 < a.points.length; i += 2) {
        if (distanceToSegment(x, y, a.points[i]!, a.points[i + 1]!, a.points[i + 2]!, a.points[i + 3]!) <= tolerance) return true;
      }
      return false;
    case 'points':
      for (let i = 0; i + 1 < a.points.length; i += 2) {
        if (a.visibility[i / 2] !== 0 && Math.hypot(x - a.points[i]!, y - a.points[i + 1]!) <= tolerance) return true;
      }
      return false;
    case 'mask': return maskHas(a.runs, a.left, a.top, a.width, x, y);
  }
}
