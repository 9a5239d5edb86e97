// The editor's canvas. One non-listening layer draws cached tiles (media + every shape but the
// edited one, see TileCache); an interaction layer holds the edited shape as Konva nodes, the
// drawing tools' previews and the markers of live findings. The R-tree (EditableIndex) follows
// the edit session change by change, and each change invalidates only the tiles it touches.
// Pans move the drawn canvases on the compositor (PanSurface). Video tracks are drawn, picked and
// edited as their shape at the presented frame (track-shapes.ts).
import Konva from 'konva';
import type { Annotation, SpatialAnnotation } from '../app/model';
import { isSpatial } from '../app/model';
import { t } from '../i18n/i18n';
import { drawFindingMarkers } from './finding-markers';
import { PanSurface } from './pan-surface';
import { canvasShape, isKeyframeAt, withCanvasShape } from './track-shapes';
import type { Finding } from '../editor/session';
import { createTool, type DrawTool, type ToolHost, type ToolId } from './draw-tools';
import { EditableIndex } from './editable-index';
import { boundsOf, hits, type Bounds } from './geometry';
import { drawnArea, paintReach, paintScene, reachingInto, type DraftEntry } from './scene-painter';
import { ShapeEditor, translated } from './shape-editor';
import { StagePointer, type PointerHost } from './stage-pointer';
import { TileCache } from './tile-cache';

export type { Draft, EditorDrawState, MediaSource, StageHost } from './editor-stage-types';
import type { Draft, EditorDrawState, MediaSource, StageHost } from './editor-stage-types';

const LABEL_SCALE = 0.6;

export class EditorStage {
  readonly state: EditorDrawState;
  readonly hidden = new Set<number>();
  readonly locked = new Set<number>();
  private readonly stage: Konva.Stage;
  private readonly mediaNode: Konva.Image;
  private readonly sceneLayer: Konva.Layer;
  private readonly editLayer: Konva.Layer;
  private readonly index = new EditableIndex(a => canvasShape(a, this.frame));
  private readonly tiles: TileCache;
  private readonly surface: PanSurface;
  /** The presented video frame (tracks are drawn at it). */
  private frame = 0;
  private media: MediaSource | null = null;
  private staticMedia = true;
  private editor: ShapeEditor | null = null;
  private tool: DrawTool | null = null;
  private drafts: (DraftEntry & { id: string })[] = [];
  private draftMark: Konva.Rect | null = null;
  private findings: readonly Finding[] = [];
  private gestureTimer = 0;
  private gesture = false;
  private brush = 10;
  private readonly unsubscribe: () => void;
  private readonly pointer: StagePointer;
  /** The box's size is followed, not read once (the panels under it and the window change it). */
  private readonly resizer = new ResizeObserver(() => this.resize());
  private fitted = true; // no zoom or pan since the last fit: a resize fits again

  constructor(private readonly container: HTMLDivElement, private readonly mediaWidth: number, private readonly mediaHeight: number,
              private readonly host: StageHost) {
    const width = Math.max(100, container.clientWidth), height = Math.max(100, container.clientHeight);
    // The tiles exist before the first layer is added: Konva draws a layer as soon as it is added.
    this.tiles = new TileCache((ctx, area, scale) => this.renderTile(ctx, area, scale),
      (area, scale) => drawnArea(area, paintReach(scale >= LABEL_SCALE), scale),
      () => ({ minX: -mediaWidth * 0.25, minY: -mediaHeight * 0.25, maxX: mediaWidth * 1.25, maxY: mediaHeight * 1.25 }));
    this.stage = new Konva.Stage({ container, ...PanSurface.stageSize(width, height) });
    this.state = { scale: 1, x: 0, y: 0, width, height, total: 0, selected: null, draws: 0, frameMs: 0,
      tiles: { renders: 0, renderMs: 0, tiles: 0, complete: false, scaled: false }, firstPaint: null, marked: [], tool: 'select', activeVertex: null, frame: 0 };
    this.surface = new PanSurface(this.stage, container, this.state, now => this.redrawView(now));
    // Hidden (its canvas not displayed) unless the media is a video: every displayed canvas, even
    // a blank one, is one more full-size quad the software compositor blends on every pan frame.
    const mediaLayer = new Konva.Layer({ listening: false, visible: false });
    this.mediaNode = new Konva.Image({ image: undefined, width: mediaWidth, height: mediaHeight, visible: false });
    mediaLayer.add(this.mediaNode);
    this.sceneLayer = new Konva.Layer({ listening: false });
    this.sceneLayer.add(new Konva.Shape({ listening: false, sceneFunc: ctx => this.drawScene(ctx._context) }));
    this.editLayer = new Konva.Layer();
    this.editLayer.add(new Konva.Shape({ listening: false, sceneFunc: ctx => this.drawMarkers(ctx._context) }));
    this.stage.add(mediaLayer, this.sceneLayer, this.editLayer);
    // Likewise the interaction layer's canvas is displayed only while it holds something (the
    // edited shape, a tool's preview, a draft mark, finding markers).
    this.editLayer.on('draw', () => {
      const show = this.editLayer.getChildren().length > 1 || this.state.marked.length > 0;
      const style = this.editLayer.getNativeCanvasElement().style;
      if ((style.display !== 'none') !== show) style.display = show ? '' : 'none';
    });
    this.state.tiles = this.tiles.stats;
    this.index.rebuild(host.session.annotations);
    this.state.total = this.index.size;
    this.unsubscribe = host.session.onChange((changes, cause) => this.sessionChanged(changes, cause));
    this.pointer = new StagePointer(container, this.pointerHost());
    this.fit();
    this.resizer.observe(container);
  }

  // ---- media and view ------------------------------------------------------------------------

  /** Static media (an image, a decoded DICOM frame) is drawn into the tiles; a video is not. */
  setMedia(source: MediaSource, isStatic: boolean): void {
    this.media = source;
    this.staticMedia = isStatic;
    this.mediaNode.image(isStatic ? undefined : source);
    this.mediaNode.visible(!isStatic);
    this.mediaNode.getLayer()?.visible(!isStatic);
    this.mediaChanged();
  }

  /** The media's pixels changed (DICOM window/level, a new video frame). */
  mediaChanged(): void {
    if (this.staticMedia) this.tiles.invalidate(null);
    this.stage.batchDraw();
  }

  fit(): void {
    const s = Math.min(this.state.width / this.mediaWidth, this.state.height / this.mediaHeight) * 0.95;
    this.setView(s, (this.state.width - this.mediaWidth * s) / 2, (this.state.height - this.mediaHeight * s) / 2, false);
    this.fitted = true;
  }

  /** The box's new size (observed before the next paint): canvases resized, the view refitted or recentred. */
  private resize(): void {
    const width = Math.max(100, this.container.clientWidth), height = Math.max(100, this.container.clientHeight);
    const dw = width - this.state.width, dh = height - this.state.height;
    if (!dw && !dh) return;
    Object.assign(this.state, { width, height });
    this.stage.size(PanSurface.stageSize(width, height));
    if (this.fitted) this.fit();
    else this.setView(this.state.scale, this.state.x + dw / 2, this.state.y + dh / 2, false);
    this.surface.settle();
  }

  /** Multiplies the zoom by `factor` about (sx, sy); a `gesture` (wheel) scales tiles until it ends. */
  zoomAt(factor: number, sx = this.state.width / 2, sy = this.state.height / 2, gesture = false): void {
    const old = this.state.scale;
    const s = Math.min(64, Math.max(0.02, old * factor));
    const mx = (sx - this.state.x) / old, my = (sy - this.state.y) / old;
    this.setView(s, sx - mx * s, sy - my * s, gesture);
  }

  panBy(dx: number, dy: number): void {
    this.setView(this.state.scale, this.state.x + dx, this.state.y + dy, this.gesture);
  }

  toScreen(x: number, y: number): [number, number] {
    return [this.state.x + x * this.state.scale, this.state.y + y * this.state.scale];
  }

  /** 'compositor' (default): pans move the drawn canvases; 'redraw': every pan redraws them (for comparison). */
  setPanMode(mode: 'compositor' | 'redraw'): void {
    this.surface.compositorPans = mode === 'compositor';
    this.surface.settle();
  }

  /** Where media point (x, y) is on the stage's canvases (they reach past the visible box, see PanSurface). */
  toCanvas(x: number, y: number): [number, number] {
    return this.surface.canvasPoint(x, y);
  }

  toMedia(sx: number, sy: number): [number, number] {
    return [(sx - this.state.x) / this.state.scale, (sy - this.state.y) / this.state.scale];
  }

  private setView(scale: number, x: number, y: number, gesture: boolean): void {
    const zoomed = scale !== this.state.scale;
    this.fitted = false; // fit() sets it again after this
    Object.assign(this.state, { scale, x, y });
    if (gesture) {
      this.gesture = true;
      clearTimeout(this.gestureTimer);
      this.gestureTimer = window.setTimeout(() => {
        this.gesture = false;
        this.editor?.refresh();
        this.redrawView(false);
      }, 180);
    } else if (zoomed) this.editor?.refresh();
    this.surface.changed();
  }

  /** Redraws the tiles and the interaction layer, and the media layer for a video (now, or on the next frame). */
  private redrawView(now: boolean): void {
    const layers = [...(this.mediaNode.visible() ? [this.mediaNode.getLayer()!] : []), this.sceneLayer, this.editLayer];
    for (const l of layers) {
      if (now) l.draw();
      else l.batchDraw();
    }
  }

  // ---- video frames --------------------------------------------------------------------------

  /** The presented video frame changed: tracks are drawn (and edited) at their shape there. */
  setFrame(frame: number): void {
    if (frame === this.frame) return;
    const list = this.host.session.annotations;
    const tracks = list.flatMap((a, i) => (a.type === 'track' ? [i] : []));
    for (const i of tracks) this.invalidateShape(this.index.entry(i)?.shape);
    this.frame = this.state.frame = frame;
    for (const i of tracks) {
      this.index.set(i, list[i]);
      this.invalidateShape(this.index.entry(i)?.shape);
    }
    this.state.total = this.index.size;
    const selected = this.state.selected;
    if (selected !== null && tracks.includes(selected)) {
      const e = this.index.entry(selected);
      if (e && this.editor) this.editor.refresh(e.shape);
      else this.select(selected);
      this.trackHint(selected);
    }
    this.stage.batchDraw();
  }

  /** Tells whether the selected track is on a keyframe here, and what dragging it does. */
  private trackHint(index: number | null): void {
    const a = index === null ? undefined : this.host.session.annotations[index];
    if (a?.type !== 'track') return;
    const vars = { label: a.label, frame: this.frame };
    this.host.hint(isKeyframeAt(a, this.frame) ? t('canvas.track.keyframe', vars) : t('canvas.track.interpolated', vars));
  }

  /** The canvas shape of annotation `index` became `shape` (a track: a keyframe at the presented frame). */
  private commitShape(index: number, shape: SpatialAnnotation): void {
    const a = this.host.session.annotations[index];
    if (a) this.host.session.update(index, withCanvasShape(a, shape, this.frame));
  }

  // ---- tools and selection -------------------------------------------------------------------

  setTool(id: ToolId): void {
    this.tool?.cancel();
    this.tool = id === 'select' ? null : createTool(id, this.toolHost());
    this.state.tool = id;
    if (id === 'select') this.host.hint('');
    this.host.toolChanged(id);
  }

  get brushRadius(): number { return this.brush; }
  set brushRadius(r: number) { this.brush = Math.max(1, Math.min(200, r)); }

  /** Selects an annotation (null clears); a spatial one becomes the edited Konva shape. */
  select(index: number | null): void {
    if (this.editor) {
      this.editor.destroy();
      this.editor = null;
    }
    const previous = this.state.selected;
    if (previous !== null && previous !== index && this.host.session.annotations[previous]?.type === 'track') this.host.hint('');
    this.state.selected = index;
    this.state.activeVertex = null;
    if (previous !== null) this.invalidateShape(this.index.entry(previous)?.shape);
    const entry = index === null ? undefined : this.index.entry(index);
    if (entry && !this.hidden.has(index!)) {
      this.invalidateShape(entry.shape);
      this.editor = new ShapeEditor(this.editLayer, entry.shape, this.editorHost(index!), !this.locked.has(index!));
    }
    this.stage.batchDraw();
    this.trackHint(index);
    this.host.selected(index);
  }

  /** Shows the item's draft annotations (dashed, with scores) in the tiles. */
  setDrafts(drafts: Draft[]): void {
    for (const d of this.drafts) this.tiles.invalidate(d);
    this.drafts = drafts.flatMap(d => {
      if (!isSpatial(d.annotation)) return [];
      const b = boundsOf(d.annotation);
      return b ? [{ ...b, id: d.id, shape: d.annotation, score: d.score }] : [];
    });
    for (const d of this.drafts) this.tiles.invalidate(d);
    this.markDraft(null);
  }

  markDraft(id: string | null): void {
    this.draftMark?.destroy();
    this.draftMark = null;
    const d = this.drafts.find(x => x.id === id);
    if (d) {
      this.draftMark = new Konva.Rect({ x: d.minX, y: d.minY, width: d.maxX - d.minX, height: d.maxY - d.minY, stroke: '#fff',
        strokeWidth: 2, strokeScaleEnabled: false, dash: [3, 3], listening: false });
      this.editLayer.add(this.draftMark);
    }
    this.stage.batchDraw();
  }

  setFindings(findings: readonly Finding[]): void {
    this.findings = findings;
    this.editLayer.batchDraw();
  }

  /** Hides or shows a shape (hidden shapes are neither drawn nor picked). */
  toggleHidden(index: number): void {
    if (this.hidden.has(index)) this.hidden.delete(index);
    else this.hidden.add(index);
    if (this.state.selected === index) this.select(index);
    this.invalidateShape(this.index.entry(index)?.shape);
    this.stage.batchDraw();
  }

  showAll(): void {
    for (const i of this.hidden) this.invalidateShape(this.index.entry(i)?.shape);
    this.hidden.clear();
    this.stage.batchDraw();
  }

  /** Locks or unlocks a shape (locked shapes are drawn but not picked on the canvas or edited). */
  toggleLocked(index: number): void {
    if (this.locked.has(index)) this.locked.delete(index);
    else this.locked.add(index);
    if (this.state.selected === index) this.select(index);
  }

  /** A tool's key (Enter, Escape, Backspace, N while drawing) or the edited shape's (Delete, O). */
  key(e: KeyboardEvent): boolean {
    if (this.tool?.key(e)) return true;
    if ((e.key === 'Delete' || e.key === 'Backspace') && this.editor?.deleteActiveVertex()) return true;
    if ((e.key === 'o' || e.key === 'O') && this.editor?.cycleVisibility()) return true;
    return false;
  }

  /** Moves the selected shape by (dx, dy) media pixels (arrow keys). */
  nudge(dx: number, dy: number): void {
    const i = this.state.selected;
    const e = i === null ? undefined : this.index.entry(i);
    if (i === null || !e || this.locked.has(i)) return;
    this.commitShape(i, translated(e.shape, dx, dy));
  }

  destroy(): void {
    clearTimeout(this.gestureTimer);
    this.resizer.disconnect();
    this.surface.destroy();
    this.unsubscribe();
    this.pointer.destroy();
    this.stage.destroy();
  }

  // ---- session changes -----------------------------------------------------------------------

  private sessionChanged(changes: { kind: string; index: number; annotation?: Annotation; before?: Annotation; after?: Annotation }[], cause: string): void {
    const list = this.host.session.annotations;
    let rebuild = cause === 'load';
    let selected = this.state.selected;
    if (cause === 'load') {
      this.hidden.clear();
      this.locked.clear();
      selected = null;
      this.tiles.invalidate(null);
    }
    for (const c of changes) {
      if (c.kind === 'update') {
        this.invalidateShape(c.before);
        this.invalidateShape(c.after);
        if (!rebuild) this.index.set(c.index, c.after);
        continue;
      }
      this.invalidateShape(c.annotation);
      const delta = c.kind === 'add' ? 1 : -1;
      const shift = (set: Set<number>) => {
        const moved = [...set].flatMap(i => i === c.index && delta < 0 ? [] : [i >= c.index ? i + delta : i]);
        set.clear();
        moved.forEach(i => set.add(i));
      };
      shift(this.hidden);
      shift(this.locked);
      if (selected !== null) {
        if (c.kind === 'remove' && selected === c.index) selected = null;
        else if (selected >= c.index) selected += delta;
      }
      // An add at the end keeps every other position; anything else renumbers the index.
      if (c.kind === 'add' && c.index === list.length - 1 && !rebuild) this.index.set(c.index, c.annotation);
      else rebuild = true;
    }
    if (rebuild) this.index.rebuild(list);
    this.state.total = this.index.size;
    if (selected !== this.state.selected) this.select(selected);
    else if (selected !== null) {
      const e = this.index.entry(selected);
      if (e && this.editor) {
        this.invalidateShape(e.shape);
        this.editor.refresh(e.shape);
        this.state.activeVertex = this.editor.activeVertex;
      } else this.select(selected);
    }
    this.stage.batchDraw();
  }

  private invalidateShape(a: Annotation | undefined): void {
    const shape = a && canvasShape(a, this.frame);
    const b = shape && boundsOf(shape);
    if (b) this.tiles.invalidate(b);
  }

  // ---- drawing -------------------------------------------------------------------------------

  private renderTile(ctx: CanvasRenderingContext2D, area: Bounds, scale: number): boolean {
    let drew = false;
    if (this.staticMedia && this.media) {
      const x0 = Math.max(0, Math.floor(area.minX)), y0 = Math.max(0, Math.floor(area.minY));
      const x1 = Math.min(this.mediaWidth, Math.ceil(area.maxX)), y1 = Math.min(this.mediaHeight, Math.ceil(area.maxY));
      if (x1 > x0 && y1 > y0) {
        ctx.drawImage(this.media, x0, y0, x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0);
        drew = true;
      }
    }
    const labels = scale >= LABEL_SCALE;
    const view = reachingInto(area, paintReach(labels), scale);
    const editing = this.state.selected;
    const list = this.host.session.annotations;
    const shapes = this.index.visible(view).flatMap(e => {
      if (e.index === editing || this.hidden.has(e.index)) return [];
      // A track between keyframes is drawn dashed (the occluded style), on a keyframe solid.
      const a = list[e.index];
      return a?.type === 'track' && !isKeyframeAt(a, this.frame) ? [{ ...e, shape: { ...e.shape, occluded: true } }] : [e];
    });
    const drafts = this.drafts.filter(d => d.maxX >= view.minX && d.minX <= view.maxX && d.maxY >= view.minY && d.minY <= view.maxY);
    if (shapes.length || drafts.length) {
      paintScene(ctx, shapes, drafts, { scale, colors: this.host.colors, labels });
      drew = true;
    }
    return drew;
  }

  private drawScene(ctx: CanvasRenderingContext2D): void {
    const t0 = performance.now();
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const more = this.tiles.draw(ctx, this.surface.canvasView(), this.gesture);
    ctx.restore();
    this.state.draws++;
    this.state.frameMs = performance.now() - t0;
    if (more) requestAnimationFrame(() => this.sceneLayer.batchDraw());
    if (this.state.firstPaint === null && this.media && this.tiles.stats.complete) {
      this.state.firstPaint = performance.now();
      performance.mark('trainset:editor-first-paint');
    }
  }

  /** Dashed outlines and a marker on every shape a live finding names (few: not cached). */
  private drawMarkers(ctx: CanvasRenderingContext2D): void {
    this.state.marked = drawFindingMarkers(ctx, this.findings, i => (this.hidden.has(i) ? undefined : this.index.entry(i)), this.state.scale);
  }

  // ---- hosts for the tools and the shape editor ----------------------------------------------

  private toolHost(): ToolHost {
    return {
      layer: this.editLayer,
      scale: () => this.state.scale,
      label: () => this.host.label(),
      labelDef: n => this.host.labelDef(n),
      color: l => this.host.colors.color(l),
      mediaSize: () => [this.mediaWidth, this.mediaHeight],
      create: a => this.host.create(a),
      selectedMask: () => {
        const i = this.state.selected;
        const a = i === null ? undefined : this.host.session.annotations[i];
        return a?.type === 'mask' && !this.locked.has(i!) ? { index: i!, mask: a } : null;
      },
      replace: (i, a) => a ? this.host.session.update(i, a) : this.host.session.remove(i),
      brushRadius: () => this.brush,
      hint: text => this.host.hint(text),
    };
  }

  private pointerHost(): PointerHost {
    return {
      scale: () => this.state.scale,
      selected: () => this.state.selected,
      toMedia: (sx, sy) => this.toMedia(sx, sy),
      onHandle: (sx, sy) => {
        const node = this.stage.getIntersection(this.surface.stagePoint(sx, sy));
        return !!node && (node.hasName('handle') || node.getParent()?.getClassName() === 'Transformer');
      },
      tool: () => this.tool,
      pickDraft: (mx, my, tol) => {
        const draft = [...this.drafts].reverse().find(d => hits(d.shape, mx, my, tol));
        if (draft) this.markDraft(draft.id);
        this.host.draftPicked(draft?.id ?? null);
        return !!draft;
      },
      shapesAt: (mx, my, tol) => this.index.hitAll(mx, my, tol, i => this.hidden.has(i) || this.locked.has(i)).map(e => e.index),
      select: i => this.select(i),
      panBy: (dx, dy) => this.panBy(dx, dy),
      zoomAt: (f, sx, sy) => this.zoomAt(f, sx, sy, true),
      previewMove: (dx, dy) => this.editor?.translatePreview(dx, dy),
      commitMove: (dx, dy) => {
        const i = this.state.selected;
        const entry = i === null ? undefined : this.index.entry(i);
        if (entry) this.commitShape(i!, translated(entry.shape, dx, dy));
      },
    };
  }

  private editorHost(index: number) {
    return {
      color: (l: string) => this.host.colors.color(l),
      scale: () => this.state.scale,
      skeleton: (l: string) => this.host.labelDef(l)?.skeleton ?? [],
      commit: (after: SpatialAnnotation) => this.commitShape(index, after),
      activeChanged: (k: number | null) => { this.state.activeVertex = k; },
    };
  }
}
