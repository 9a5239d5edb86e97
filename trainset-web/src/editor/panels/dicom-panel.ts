// Window/level for a DICOM item: sliders and numbers for centre and width, presets (the file's own
// window, the full value range), and a drag pad (right = wider, up = higher level), feeding the
// page's DICOM view (ctx.dicom, rendered by dicom.ts applyWindow). Lesion polygons are drawn with
// the editor's polygon tool in image coordinates; this panel only changes what the picture shows,
// so it does not touch the annotations.
import { h } from '../../app/dom';
import { t } from '../../i18n/i18n';
import type { DicomView, EditorContext, EditorPanel, PanelFactory } from '../panel';

/** The window after dragging (dx, dy) CSS px on the pad: one pad width spans the value range. */
export function dragWindow(start: [number, number], dx: number, dy: number, range: number, padSize: number): [number, number] {
  const perPx = range / Math.max(1, padSize);
  return [start[0] - dy * perPx, Math.max(1, start[1] + dx * perPx)];
}

class DicomPanel implements EditorPanel {
  readonly element: HTMLElement;
  private view: DicomView | undefined;
  private readonly level = h('input', { type: 'range', id: 'wl-level', name: 'level' });
  private readonly width = h('input', { type: 'range', id: 'wl-width', name: 'width' });
  private readonly levelNumber = h('input', { type: 'number', id: 'wl-level-value', name: 'levelValue' });
  private readonly widthNumber = h('input', { type: 'number', id: 'wl-width-value', name: 'widthValue' });

  constructor(picture: Promise<DicomView>) {
    const body = h('div', { class: 'muted' }, t('app.loading'));
    this.element = h('section', { id: 'panel-dicom', class: 'editor-panel' }, h('h3', {}, t('jobs.dicom.title')), body);
    picture.then(view => body.replaceWith(this.controls(view)), () => body.remove());
  }

  private controls(view: DicomView): HTMLElement {
    this.view = view;
    const range = Math.max(1, view.max - view.min);
    Object.assign(this.level, { min: String(Math.floor(view.min)), max: String(Math.ceil(view.max)), step: 'any' });
    Object.assign(this.width, { min: '1', max: String(Math.ceil(range * 2)), step: 'any' });
    this.widthNumber.min = '1';
    const fromSliders = () => this.apply(Number(this.level.value), Number(this.width.value));
    const fromNumbers = () => this.apply(Number(this.levelNumber.value), Number(this.widthNumber.value));
    this.level.addEventListener('input', fromSliders);
    this.width.addEventListener('input', fromSliders);
    this.levelNumber.addEventListener('change', fromNumbers);
    this.widthNumber.addEventListener('change', fromNumbers);
    const pad = h('div', { id: 'wl-pad', class: 'wl-pad', title: t('jobs.dicom.padHint') }, t('jobs.dicom.pad'));
    let dragFrom: { x: number; y: number; window: [number, number] } | null = null;
    pad.addEventListener('pointerdown', e => { pad.setPointerCapture(e.pointerId); dragFrom = { x: e.clientX, y: e.clientY, window: view.window() }; });
    pad.addEventListener('pointermove', e => {
      if (!dragFrom) return;
      const [c, w] = dragWindow(dragFrom.window, e.clientX - dragFrom.x, e.clientY - dragFrom.y, range, pad.clientWidth);
      this.apply(c, w);
    });
    pad.addEventListener('pointerup', () => { dragFrom = null; });
    const preset = (id: string, text: string, w: () => [number, number]) =>
      h('button', { type: 'button', id, on: { click: () => this.apply(...w()) } }, text);
    this.show(view.window());
    return h('div', { class: 'wl-controls' },
      h('label', {}, t('viewer.level'), ' ', this.level, ' ', this.levelNumber),
      h('label', {}, t('viewer.window'), ' ', this.width, ' ', this.widthNumber),
      pad,
      h('div', { class: 'row' },
        preset('wl-file', t('jobs.dicom.fromFile'), () => view.fileWindow),
        preset('wl-full', t('jobs.dicom.fullRange'), () => [(view.min + view.max) / 2, range])));
  }

  private apply(center: number, width: number): void {
    if (!Number.isFinite(center) || !Number.isFinite(width)) return;
    const w = Math.max(1, width);
    this.view?.setWindow(center, w);
    this.show([center, w]);
  }

  private show([center, width]: [number, number]): void {
    this.level.value = String(center);
    this.width.value = String(width);
    this.levelNumber.value = String(Math.round(center * 10) / 10);
    this.widthNumber.value = String(Math.round(width * 10) / 10);
  }
}

export const dicomPanel: PanelFactory = {
  id: 'dicom',
  appliesTo: (ctx: EditorContext) => ctx.dicom !== undefined,
  create: (_session, ctx) => new DicomPanel(ctx.dicom!),
};
