// The DICOM picture the editor shows, as the window/level panel drives it: a canvas of the decoded
// image rendered with the linear window (dicom.ts applyWindow), and a callback for the stage to
// redraw its media layer after each change.
import type { DicomImage } from '../../pages/viewer/dicom';
import { applyWindow } from '../../pages/viewer/dicom';
import type { DicomView } from '../panel';

export function dicomViewOf(img: DicomImage, canvas: HTMLCanvasElement, changed: (center: number, width: number) => void): DicomView {
  canvas.width = img.columns;
  canvas.height = img.rows;
  const ctx = canvas.getContext('2d')!;
  const data = ctx.createImageData(img.columns, img.rows);
  let current: [number, number] = [img.windowCenter, img.windowWidth];
  const view: DicomView = {
    min: img.min,
    max: img.max,
    fileWindow: [img.windowCenter, img.windowWidth],
    window: () => current,
    setWindow(center, width) {
      current = [center, width];
      applyWindow(img, center, width, data);
      ctx.putImageData(data, 0, 0);
      changed(center, width);
    },
  };
  view.setWindow(img.windowCenter, img.windowWidth);
  return view;
}
