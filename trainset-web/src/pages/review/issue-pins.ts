// Issue pins drawn on the viewer's annotation layer (through ViewerStage.paintExtra, so the
// canvas code is shared, not copied): a numbered disc per issue at its point, on the annotation
// it names, or at an area's corner with the area dashed. Open issues red, resolved green.
import type { Annotation } from '../../app/model';
import type { DrawState } from '../../canvas/viewer-stage';
import type { ReviewIssue } from './review-api';

export const OPEN_COLOUR = '#e53935';
export const RESOLVED_COLOUR = '#43a047';

/** Where an issue's pin sits, in media coordinates; null for whole-item issues. */
export function pinPosition(issue: ReviewIssue, annotations: Annotation[]): [number, number] | null {
  const a = issue.anchor;
  if ((a.kind === 'point' || a.kind === 'area') && a.x !== undefined && a.y !== undefined) return [a.x, a.y];
  if (a.kind === 'annotation' && a.annotationIndex !== undefined) {
    const ann = annotations[a.annotationIndex] as unknown as Record<string, unknown> | undefined;
    if (!ann) return null;
    if (typeof ann.x === 'number' && typeof ann.y === 'number') return [ann.x, ann.y];
    const pts = ann.points;
    if (Array.isArray(pts) && typeof pts[0] === 'number' && typeof pts[1] === 'number') return [pts[0], pts[1]];
  }
  return null;
}

export interface PinView { issues: ReviewIssue[]; hideResolved: boolean; current: string | null; drawn: string[] }

export function paintPins(ctx: CanvasRenderingContext2D, state: DrawState, view: PinView, annotations: Annotation[]): void {
  const r = 10 / state.scale;
  view.drawn = [];
  view.issues.forEach((issue, i) => {
    if (view.hideResolved && issue.state === 'resolved') return;
    const p = pinPosition(issue, annotations);
    if (!p) return;
    const colour = issue.state === 'open' ? OPEN_COLOUR : RESOLVED_COLOUR;
    ctx.save();
    if (issue.anchor.kind === 'area' && issue.anchor.w !== undefined && issue.anchor.h !== undefined) {
      ctx.setLineDash([6 / state.scale, 4 / state.scale]);
      ctx.lineWidth = 2 / state.scale;
      ctx.strokeStyle = colour;
      ctx.strokeRect(p[0], p[1], issue.anchor.w, issue.anchor.h);
      ctx.setLineDash([]);
    }
    ctx.beginPath();
    ctx.arc(p[0], p[1], r, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.lineWidth = (issue.id === view.current ? 4 : 2) / state.scale;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = `bold ${12 / state.scale}px sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(i + 1), p[0], p[1]);
    ctx.restore();
    view.drawn.push(issue.id);
  });
}
