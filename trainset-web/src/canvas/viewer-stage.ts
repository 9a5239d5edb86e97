// The viewer's canvas: a Konva stage with three layers — the media (image, DICOM preview or video
// frame), ONE non-listening custom shape that draws every annotation the R-tree says is in view,
// and an interaction layer holding only the selected shape as a real Konva node. Zoom with the
// wheel (about the pointer) or the buttons, pan by dragging.
import Konva from 'konva';
import type { SpatialAnnotation } from '../app/model';
import { boxCorners } from './geometry';
import { LabelColors, paintShapes } from './painter';
import { SceneIndex } from './scene-index';

export interface DrawState {
  /** Screen pixels per media pixel. */
  scale: number;
  /** Stage offset: screen position of media pixel (0, 0). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Indexes (into the item's annotations) of shapes drawn by the last frame, in draw order. */
  drawn: number[];
  /** Shapes in the index (the rest were culled). */
  total: number;
  selected: number | null;
  draws: number;
}

export type MediaSource = HTMLImageElement | HTMLCanvasElement | HTMLVideoElement;

export class ViewerStage {
  private readonly stage: Konva.Stage;
  private readonly mediaNode: Konva.Image;
  private readonly overlay: Konva.Shape;
  private readonly interaction: Konva.Layer;
  private readonly annotationLayer: Konva.Layer;
  private index: SceneIndex;
  private selectedNode: Konva.Line | Konva.Rect | null = null;
  /** The container's size can change after the stage is made (a video panel mounting below it, a window resize). */
  private readonly resizer = new ResizeObserver(() => this.resize());
  private fitted = true; // no zoom or pan since the last fit: a resize fits again
  readonly state: DrawState;
  onSelect: (index: number | null) => void = () => {};
  /**
   * Drawn after the annotations on the same non-listening layer, in media coordinates (review
   * mode draws its issue pins here); sizes meant in screen pixels divide by `state.scale`.
   */
  paintExtra: ((ctx: CanvasRenderingContext2D, state: DrawState) => void) | null = null;

  constructor(private readonly container: HTMLDivElement, private readonly mediaWidth: number,
              private readonly mediaHeight: number, shapes: { index: number; shape: SpatialAnnotation }[],
              private readonly colors: LabelColors) {
    const width = Math.max(100, container.clientWidth), height = Math.max(100, container.clientHeight);
    this.stage = new Konva.Stage({ container, width, height, draggable: true });
    this.index = new SceneIndex(shapes);
    this.state = { scale: 1, x: 0, y: 0, width, height, drawn: [], total: this.index.size, selected: null, draws: 0 };

    const mediaLayer = new Konva.Layer({ listening: false });
    this.mediaNode = new Konva.Image({ image: undefined, x: 0, y: 0, width: mediaWidth, height: mediaHeight });
    mediaLayer.add(this.mediaNode);

    this.annotationLayer = new Konva.Layer({ listening: false });
    this.overlay = new Konva.Shape({
      listening: false,
      sceneFunc: ctx => this.drawVisible(ctx._context),
    });
    this.annotationLayer.add(this.overlay);

    this.interaction = new Konva.Layer();
    this.stage.add(mediaLayer, this.annotationLayer, this.interaction);

    this.stage.on('wheel', e => {
      e.evt.preventDefault();
      const p = this.stage.getPointerPosition() ?? { x: this.state.width / 2, y: this.state.height / 2 };
      this.zoomAt(e.evt.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
    });
    this.stage.on('dragmove', () => { this.fitted = false; this.syncTransform(); });
    this.stage.on('click tap', () => this.pick());
    this.fit();
    this.resizer.observe(container);
  }

  /** The container's new size: the stage resized, the view refitted (or recentred after a zoom or pan). */
  private resize(): void {
    const width = Math.max(100, this.container.clientWidth), height = Math.max(100, this.container.clientHeight);
    const dw = width - this.state.width, dh = height - this.state.height;
    if (!dw && !dh) return;
    Object.assign(this.state, { width, height });
    this.stage.size({ width, height });
    if (this.fitted) {
      this.fit();
    } else {
      this.stage.position({ x: this.stage.x() + dw / 2, y: this.stage.y() + dh / 2 });
      this.syncTransform();
    }
  }

  setMedia(source: MediaSource): void {
    this.mediaNode.image(source);
    this.mediaNode.getLayer()?.batchDraw();
  }

  /** New shapes (a video's tracks at another frame); keeps zoom and pan. */
  setShapes(shapes: { index: number; shape: SpatialAnnotation }[]): void {
    this.index = new SceneIndex(shapes);
    this.state.total = this.index.size;
    this.select(null);
    this.redraw();
  }

  /** Redraws the annotation layer (what `paintExtra` draws changed). */
  redrawOverlay(): void {
    this.redraw();
  }

  /** Screen coordinates inside the stage's container → media coordinates. */
  toMedia(sx: number, sy: number): [number, number] {
    return [(sx - this.state.x) / this.state.scale, (sy - this.state.y) / this.state.scale];
  }

  /** Redraws the media layer (a video frame was presented). */
  redrawMedia(): void {
    this.mediaNode.getLayer()?.batchDraw();
  }

  fit(): void {
    const s = Math.min(this.state.width / this.mediaWidth, this.state.height / this.mediaHeight) * 0.95;
    this.stage.scale({ x: s, y: s });
    this.stage.position({ x: (this.state.width - this.mediaWidth * s) / 2, y: (this.state.height - this.mediaHeight * s) / 2 });
    this.fitted = true;
    this.syncTransform();
  }

  /** Multiplies the zoom by `factor`, keeping the media point under (sx, sy) in place. */
  zoomAt(factor: number, sx = this.state.width / 2, sy = this.state.height / 2): void {
    const old = this.stage.scaleX();
    const s = Math.min(64, Math.max(0.02, old * factor));
    const mx = (sx - this.stage.x()) / old, my = (sy - this.stage.y()) / old;
    this.stage.scale({ x: s, y: s });
    this.stage.position({ x: sx - mx * s, y: sy - my * s });
    this.fitted = false;
    this.syncTransform();
  }

  panBy(dx: number, dy: number): void {
    this.stage.position({ x: this.stage.x() + dx, y: this.stage.y() + dy });
    this.fitted = false;
    this.syncTransform();
  }

  /** Media coordinates → screen coordinates inside the stage's container. */
  toScreen(x: number, y: number): [number, number] {
    return [this.state.x + x * this.state.scale, this.state.y + y * this.state.scale];
  }

  select(index: number | null): void {
    this.selectedNode?.destroy();
    this.selectedNode = null;
    this.state.selected = index;
    const hit = index === null ? undefined : this.index.visible(this.viewBounds(true)).find(s => s.index === index);
    if (hit) {
      const a = hit.shape;
      const common = { stroke: '#ffffff', strokeWidth: 3, strokeScaleEnabled: false, dash: [8, 4], listening: true,
        shadowColor: this.colors.color(a.label), shadowBlur: 6, name: 'selected' };
      if (a.type === 'mask' || a.type === 'points') {
        this.selectedNode = new Konva.Rect({ x: hit.minX, y: hit.minY, width: hit.maxX - hit.minX, height: hit.maxY - hit.minY, ...common });
      } else {
        const pts = a.type === 'box' ? boxCorners(a) : a.points;
        this.selectedNode = new Konva.Line({ points: pts, closed: a.type !== 'polyline', ...common });
      }
      this.interaction.add(this.selectedNode);
    }
    this.interaction.batchDraw();
    this.onSelect(hit ? index : null);
  }

  destroy(): void {
    this.resizer.disconnect();
    this.stage.destroy();
  }

  private pick(): void {
    const p = this.stage.getPointerPosition();
    if (!p) return;
    const x = (p.x - this.state.x) / this.state.scale, y = (p.y - this.state.y) / this.state.scale;
    const hit = this.index.hitTest(x, y, 5 / this.state.scale);
    this.select(hit ? hit.index : null);
  }

  private syncTransform(): void {
    this.state.scale = this.stage.scaleX();
    this.state.x = this.stage.x();
    this.state.y = this.stage.y();
    this.redraw();
  }

  private redraw(): void {
    this.stage.batchDraw();
  }

  /** The viewport in media coordinates (whole media when `all`). */
  private viewBounds(all = false) {
    if (all) return { minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity };
    const s = this.state.scale;
    return { minX: -this.state.x / s, minY: -this.state.y / s, maxX: (this.state.width - this.state.x) / s, maxY: (this.state.height - this.state.y) / s };
  }

  private drawVisible(ctx: CanvasRenderingContext2D): void {
    const visible = this.index.visible(this.viewBounds());
    paintShapes(ctx, visible.map(v => v.shape), { scale: this.state.scale, colors: this.colors, labels: true });
    this.state.drawn = visible.map(v => v.index);
    this.paintExtra?.(ctx, this.state);
    this.state.draws++;
  }
}
