import { describe, expect, it } from 'vitest';
import { maskHas } from './geometry';
import { decodeInto, emptyBitmap, encode, paintDisc, paintStroke } from './mask-rle';

describe('mask RLE for the brush', () => {
  it('encodes set pixels over their bounding rectangle, starting with a run of zeros', () => {
    const b = emptyBitmap(10, 5);
    // row 1: x 2..3 ; row 2: x 3
    b.bits[1 * 10 + 2] = 1; b.bits[1 * 10 + 3] = 1; b.bits[2 * 10 + 3] = 1;
    const m = encode(b)!;
    expect(m).toEqual({ left: 2, top: 1, width: 2, height: 2, runs: [0, 2, 1, 1] });
    const on: string[] = [];
    for (let y = 0; y < 5; y++) for (let x = 0; x < 10; x++) if (maskHas(m.runs, m.left, m.top, m.width, x, y)) on.push(`${x},${y}`);
    expect(on).toEqual(['2,1', '3,1', '3,2']);
  });

  it('round-trips through decode and reports an empty bitmap as null', () => {
    const b = emptyBitmap(40, 30);
    paintDisc(b, 20, 15, 5, 1);
    const m = encode(b)!;
    const again = emptyBitmap(40, 30);
    decodeInto(m, again);
    expect(Array.from(again.bits)).toEqual(Array.from(b.bits));
    paintDisc(b, 20, 15, 6, 0);
    expect(encode(b)).toBeNull();
  });

  it('paints a gapless stroke and a disc of about pi r squared pixels', () => {
    const b = emptyBitmap(100, 20);
    paintStroke(b, 10, 10, 90, 10, 3, 1);
    for (let x = 10; x < 90; x++) expect(b.bits[10 * 100 + x]).toBe(1);
    const d = emptyBitmap(50, 50);
    paintDisc(d, 25, 25, 10, 1);
    const area = d.bits.reduce((s, v) => s + v, 0);
    expect(area).toBeGreaterThan(Math.PI * 100 * 0.9);
    expect(area).toBeLessThan(Math.PI * 100 * 1.1);
  });
});
