// The committed icons: every PNG size, and a multi-size ICO that Windows and NSIS can read.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(buf: Buffer): { width: number; height: number; colorType: number } {
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(buf.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), colorType: buf[25]! };
}

describe('icons', () => {
  it('has the SVG sources', () => {
    for (const svg of ['icon.svg', 'icon-small.svg', 'icon-16.svg']) {
      const text = readFileSync(join(root, 'assets', svg), 'utf8');
      expect(text).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it.each(PNG_SIZES)('has a %i px RGBA PNG', (size) => {
    const file = join(root, 'assets', 'icons', `${size}x${size}.png`);
    expect(existsSync(file)).toBe(true);
    expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size, colorType: 6 });
  });

  it('has an ICO with 16–256 px images: 32-bit BMPs and a PNG at 256', () => {
    const ico = readFileSync(join(root, 'assets', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] === 0 ? 256 : ico[e]!;
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const data = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(pngSize(data)).toMatchObject({ width: 256, height: 256 });
      } else {
        expect(data.readUInt32LE(0)).toBe(40);
        expect(data.readInt32LE(4)).toBe(size);
        expect(data.readInt32LE(8)).toBe(size * 2);
        expect(data.readUInt16LE(14)).toBe(32);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual(ICO_SIZES);
  });
});
