// A small DICOM Part 10 reader for the viewer's window/level preview: native (uncompressed)
// pixel data in implicit or explicit VR little endian, monochrome or RGB, first frame. Anything
// else is reported by name (the server keeps compressed pixel data byte for byte).

export interface DicomImage {
  rows: number;
  columns: number;
  /** Modality values (rescale applied), one per pixel; RGB images have `rgb` instead. */
  values: Float32Array | null;
  rgb: Uint8ClampedArray | null;
  windowCenter: number;
  windowWidth: number;
  min: number;
  max: number;
  monochrome1: boolean;
}

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const IMPLICIT_LE = '1.2.840.10008.1.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

export class DicomError extends Error {}

interface Element { tag: number; vr: string; offset: number; length: number }

export function decodeDicom(buffer: ArrayBuffer): DicomImage {
  const view = new DataView(buffer);
  if (buffer.byteLength < 132 || String.fromCharCode(...new Uint8Array(buffer, 128, 4)) !== 'DICM') {
    throw new DicomError('not a DICOM Part 10 file (no DICM marker)');
  }
  const elements = new Map<number, Element>();
  let pos = 132;
  let syntax = EXPLICIT_LE; // the file meta group is always explicit VR little endian
  let explicit = true;
  while (pos + 8 <= buffer.byteLength) {
    const group = view.getUint16(pos, true);
    if (group !== 0x0002 && explicit && syntax !== EXPLICIT_LE) {
      if (syntax === IMPLICIT_LE) explicit = false;
      else if (syntax === DEFLATED) throw new DicomError('deflated transfer syntax is not previewed');
      else if (!syntax.startsWith('1.2.840.10008.1.2.4') && !syntax.startsWith('1.2.840.10008.1.2.5')) {
        throw new DicomError(`transfer syntax ${syntax} is not previewed`);
      }
    }
    const el = readElement(view, pos, explicit);
    if (el.tag === 0x00020010) syntax = ascii(view, el.offset, el.length).replace(/\0/g, '').trim();
    if (el.length === 0xffffffff) {
      if (el.tag === 0x7fe00010) throw new DicomError(`compressed pixel data (${syntax}) is not previewed`);
      pos = skipUndefined(view, el.offset, explicit);
      continue;
    }
    elements.set(el.tag, el);
    if (el.tag === 0x7fe00010) break;
    pos = el.offset + el.length;
  }
  const us = (tag: number, dflt?: number) => {
    const e = elements.get(tag);
    if (!e) {
      if (dflt === undefined) throw new DicomError(`missing (${hex(tag)})`);
      return dflt;
    }
    return view.getUint16(e.offset, true);
  };
  const ds = (tag: number): number[] => {
    const e = elements.get(tag);
    if (!e) return [];
    return ascii(view, e.offset, e.length).split('\\').map(s => parseFloat(s)).filter(n => Number.isFinite(n));
  };
  const cs = (tag: number) => {
    const e = elements.get(tag);
    return e ? ascii(view, e.offset, e.length).replace(/\0/g, '').trim() : '';
  };
  const pixel = elements.get(0x7fe00010);
  if (!pixel) throw new DicomError('no pixel data');
  const rows = us(0x00280010), columns = us(0x00280011), bits = us(0x00280100), signed = us(0x00280103, 0) === 1;
  const samples = us(0x00280002, 1);
  const photometric = cs(0x00280004) || 'MONOCHROME2';
  const n = rows * columns;
  if (samples === 3) {
    if (bits !== 8) throw new DicomError(`RGB with ${bits} bits is not previewed`);
    const planar = us(0x00280006, 0) === 1;
    const src = new Uint8Array(buffer, pixel.offset, Math.min(pixel.length, 3 * n));
    const rgb = new Uint8ClampedArray(4 * n);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 3; c++) rgb[4 * i + c] = planar ? src[c * n + i]! : src[3 * i + c]!;
      rgb[4 * i + 3] = 255;
    }
    return { rows, columns, values: null, rgb, windowCenter: 128, windowWidth: 256, min: 0, max: 255, monochrome1: false };
  }
  if (bits !== 8 && bits !== 16) throw new DicomError(`${bits} bits allocated is not previewed`);
  if (pixel.length < n * (bits / 8)) throw new DicomError('pixel data shorter than rows × columns');
  const slope = ds(0x00281053)[0] ?? 1, intercept = ds(0x00281052)[0] ?? 0;
  const values = new Float32Array(n);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const raw = bits === 8 ? (signed ? view.getInt8(pixel.offset + i) : view.getUint8(pixel.offset + i))
      : (signed ? view.getInt16(pixel.offset + 2 * i, true) : view.getUint16(pixel.offset + 2 * i, true));
    const v = raw * slope + intercept;
    values[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const wc = ds(0x00281050)[0], ww = ds(0x00281051)[0];
  return {
    rows, columns, values, rgb: null, min, max, monochrome1: photometric === 'MONOCHROME1',
    windowCenter: wc ?? (min + max) / 2, windowWidth: ww && ww > 0 ? ww : Math.max(1, max - min),
  };
}

/** Renders the image with the DICOM linear window (PS3.3 C.11.2.1.2) into RGBA pixels. */
export function applyWindow(img: DicomImage, center: number, width: number, out: ImageData): void {
  const d = out.data;
  if (img.rgb) {
    d.set(img.rgb);
    return;
  }
  const values = img.values!;
  const lo = center - 0.5 - (width - 1) / 2, span = Math.max(1, width - 1);
  for (let i = 0; i < values.length; i++) {
    let g = ((values[i]! - lo) / span) * 255;
    g = g < 0 ? 0 : g > 255 ? 255 : g;
    if (img.monochrome1) g = 255 - g;
    d[4 * i] = d[4 * i + 1] = d[4 * i + 2] = g;
    d[4 * i + 3] = 255;
  }
}

function readElement(view: DataView, pos: number, explicit: boolean): Element {
  const tag = ((view.getUint16(pos, true) << 16) | view.getUint16(pos + 2, true)) >>> 0;
  if ((tag >>> 16) === 0xfffe) return { tag, vr: '', offset: pos + 8, length: view.getUint32(pos + 4, true) };
  if (!explicit) return { tag, vr: 'UN', offset: pos + 8, length: view.getUint32(pos + 4, true) };
  const vr = String.fromCharCode(view.getUint8(pos + 4), view.getUint8(pos + 5));
  if (LONG_VRS.has(vr)) return { tag, vr, offset: pos + 12, length: view.getUint32(pos + 8, true) };
  return { tag, vr, offset: pos + 8, length: view.getUint16(pos + 6, true) };
}

/** Skips an undefined-length sequence (or item) starting at `pos`; returns the offset after its delimiter. */
function skipUndefined(view: DataView, pos: number, explicit: boolean): number {
  while (pos + 8 <= view.byteLength) {
    const el = readElement(view, pos, explicit);
    if (el.tag === 0xfffee0dd || el.tag === 0xfffee00d) return el.offset; // sequence / item delimiter
    if (el.length === 0xffffffff) pos = skipUndefined(view, el.offset, explicit);
    else if (el.tag === 0xfffee000) pos = el.offset + el.length;
    else pos = el.offset + el.length;
  }
  throw new DicomError('unterminated sequence');
}

function ascii(view: DataView, offset: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(view.getUint8(offset + i));
  return s;
}

function hex(tag: number): string {
  return `${(tag >>> 16).toString(16).padStart(4, '0')},${(tag & 0xffff).toString(16).padStart(4, '0')}`.toUpperCase();
}
