// What the editor's canvas (EditorStage) shows to the page and asks of it: the draw state tests
// and tools read, the page's side of the stage, drafts and media sources.
import type { Annotation, LabelDef } from '../app/model';
import type { EditSession } from '../editor/session';
import type { ToolId } from './draw-tools';
import type { LabelColors } from './painter';
import type { TileStats, View } from './tile-cache';

export interface EditorDrawState extends View {
  total: number;
  selected: number | null;
  /** Frames drawn, and how long the last one took (ms, tiles included). */
  draws: number;
  frameMs: number;
  tiles: TileStats;
  /** performance.now() of the first complete frame with the media, or null. */
  firstPaint: number | null;
  /** Indexes whose finding markers the last frame drew. */
  marked: number[];
  tool: ToolId;
  activeVertex: number | null;
  /** The presented video frame (tracks are drawn at their shape there). */
  frame: number;
}

export interface StageHost {
  session: EditSession;
  colors: LabelColors;
  labelDef(name: string): LabelDef | undefined;
  label(): string;
  create(a: Annotation): void;
  selected(index: number | null): void;
  draftPicked(id: string | null): void;
  hint(text: string): void;
  toolChanged(id: ToolId): void;
}

export interface Draft { id: string; annotation: Annotation; score: number | null }
export type MediaSource = HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;
