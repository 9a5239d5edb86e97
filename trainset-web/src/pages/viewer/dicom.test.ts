import { describe, expect, it } from 'vitest';
import { applyWindow, decodeDicom, DicomError } from './dicom';

/** Explicit VR little endian element bytes. */
function el(group: number, element: number, vr: string, value: Uint8Array): number[] {
  const long = ['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr);
  const out = [group & 0xff, group >> 8, element & 0xff, element >> 8, vr.charCodeAt(0), vr.charCodeAt(1)];
  if (long) out.push(0, 0, value.length & 0xff, (value.length >> 8) & 0xff, (value.length >> 16) & 0xff, value.length >>> 24);
  else out.push(value.length & 0xff, value.length >> 8);
  return [...out, ...value];
}
const str = (s: string) => new TextEncoder().encode(s.length % 2 ? s + ' ' : s);
const us = (v: number) => new Uint8Array([v & 0xff, v >> 8]);

function file(syntax: string, pixels: Uint8Array, extra: number[] = []): ArrayBuffer {
  const bytes = [
    ...new Array(128).fill(0), ...new TextEncoder().encode('DICM'),
    ...el(0x0002, 0x0010, 'UI', str(syntax + '\0')),
    ...extra,
    ...el(0x0028, 0x0002, 'US', us(1)),
    ...el(0x0028, 0x0004, 'CS', str('MONOCHROME2')),
    ...el(0x0028, 0x0010, 'US', us(2)),
    ...el(0x0028, 0x0011, 'US', us(2)),
    ...el(0x0028, 0x0100, 'US', us(16)),
    ...el(0x0028, 0x0103, 'US', us(0)),
    ...el(0x0028, 0x1050, 'DS', str('1000')),
    ...el(0x0028, 0x1051, 'DS', str('2000')),
    ...el(0x0028, 0x1052, 'DS', str('-24')),
    ...el(0x0028, 0x1053, 'DS', str('2')),
    ...el(0x7fe0, 0x0010, 'OW', pixels),
  ];
  return new Uint8Array(bytes).buffer;
}

describe('decodeDicom', () => {
  const pixels = new Uint8Array(new Uint16Array([0, 512, 1024, 2048]).buffer);

  it('reads rows, columns, rescale and window of explicit VR little endian', () => {
    // A sequence of undefined length before the pixel data must be skipped.
    const seq = [0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff,
      0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff, ...el(0x0008, 0x1150, 'UI', str('1.2')),
      0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];
    const img = decodeDicom(file('1.2.840.10008.1.2.1', pixels, seq));
    expect([img.rows, img.columns]).toEqual([2, 2]);
    expect(Array.from(img.values!)).toEqual([-24, 1000, 2024, 4072]);
    expect([img.windowCenter, img.windowWidth]).toEqual([1000, 2000]);
  });

  it('applies the linear window: below is black, above is white', () => {
    const img = decodeDicom(file('1.2.840.10008.1.2.1', pixels));
    const out = { data: new Uint8ClampedArray(16) } as ImageData;
    applyWindow(img, 1000, 2000, out);
    expect([out.data[0], out.data[4], out.data[8], out.data[12]]).toEqual([0, 128, 255, 255]);
  });

  it('names what it cannot preview', () => {
    expect(() => decodeDicom(new ArrayBuffer(10))).toThrow(DicomError);
    const encapsulated = file('1.2.840.10008.1.2.4.50', pixels);
    // Pixel data of undefined length (encapsulated JPEG) is refused with the syntax named.
    const bytes = new Uint8Array(encapsulated);
    bytes.set([0xff, 0xff, 0xff, 0xff], bytes.length - pixels.length - 4);
    expect(() => decodeDicom(bytes.buffer)).toThrow(/1\.2\.840\.10008\.1\.2\.4\.50/);
  });
});
