// Regenerates the app icons from their SVG sources. Run by hand after editing an SVG, and commit the
// outputs — builds never run this (it needs rsvg-convert: `apt-get install librsvg2-bin`).
//   assets/icon.svg        → assets/icons/{48..1024}x{N}.png
//   assets/icon-small.svg  → assets/icons/{24,32}x{N}.png (simplified for small sizes)
//   assets/icon-16.svg     → assets/icons/16x16.png (redrawn on the 16-pixel grid)
//   assets/icons/*.png     → assets/icon.ico (16–128 as 32-bit BMP entries, 256 as PNG: what Windows,
//                            NSIS and Explorer all read)
// `--preview DIR` also writes each size enlarged 8× (nearest neighbour) into DIR, to judge by eye.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** Which drawing each size is rendered from: small sizes get simplified, pixel-aligned drawings. */
export function iconSource(size) {
  if (size <= 16) return 'icon-16.svg';
  if (size <= 32) return 'icon-small.svg';
  return 'icon.svg';
}

// ── PNG: just enough to read rsvg-convert's output (8-bit RGBA, not interlaced) and write previews ──
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function decodePng(buf) {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8;
  let width = 0,
    height = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('expected 8-bit RGBA, non-interlaced');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? px[y * stride + x - 4] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? px[(y - 1) * stride + x - 4] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, px };
}

export function encodePng(width, height, px) {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) px.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── ICO ─────────────────────────────────────────────────────────────────────────────────────────
/** A 32-bit BGRA DIB with its AND mask, bottom-up, as an ICO entry stores it. */
function bmpEntry({ width, height, px }) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(width * height * 4);
  const maskStride = Math.ceil(width / 32) * 4;
  const and = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4,
        d = (row * width + x) * 4;
      xor[d] = px[s + 2];
      xor[d + 1] = px[s + 1];
      xor[d + 2] = px[s];
      xor[d + 3] = px[s + 3];
      if (px[s + 3] === 0) and[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(xor.length + and.length, 20);
  return Buffer.concat([header, xor, and]);
}

export function encodeIco(entries) {
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    dir[e] = size >= 256 ? 0 : size;
    dir[e + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, e + 4); // planes
    dir.writeUInt16LE(32, e + 6); // bits per pixel
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...entries.map((e) => e.data)]);
}

function render(svg, size) {
  const r = spawnSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-f', 'png', svg], { maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`rsvg-convert is needed to regenerate icons (apt-get install librsvg2-bin): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`rsvg-convert failed on ${svg}: ${r.stderr}`);
  return r.stdout;
}

function enlarge({ width, height, px }, k) {
  const out = Buffer.alloc(width * k * height * k * 4);
  for (let y = 0; y < height * k; y++) {
    for (let x = 0; x < width * k; x++)
      px.copy(out, (y * width * k + x) * 4, (Math.floor(y / k) * width + Math.floor(x / k)) * 4, (Math.floor(y / k) * width + Math.floor(x / k)) * 4 + 4);
  }
  return encodePng(width * k, height * k, out);
}

export function makeIcons({ preview } = {}) {
  mkdirSync(join(assets, 'icons'), { recursive: true });
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const png = render(join(assets, iconSource(size)), size);
    const decoded = decodePng(png);
    if (decoded.width !== size || decoded.height !== size) throw new Error(`rendered ${decoded.width}x${decoded.height} for ${size}`);
    // Re-encode so the committed files are deterministic (no timestamps or tool metadata).
    const clean = encodePng(size, size, decoded.px);
    writeFileSync(join(assets, 'icons', `${size}x${size}.png`), clean);
    pngs.set(size, { png: clean, decoded });
    if (preview) {
      mkdirSync(preview, { recursive: true });
      writeFileSync(join(preview, `${size}x${size}-preview.png`), size <= 64 ? enlarge(decoded, Math.floor(256 / size)) : clean);
    }
  }
  const ico = encodeIco(
    ICO_SIZES.map((size) => {
      const { png, decoded } = pngs.get(size);
      return { size, data: size >= 256 ? png : bmpEntry(decoded) };
    }),
  );
  writeFileSync(join(assets, 'icon.ico'), ico);
  return { pngs: [...pngs.keys()], ico: ICO_SIZES };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--preview');
  const result = makeIcons(i > 0 ? { preview: process.argv[i + 1] } : {});
  process.stdout.write(`Wrote assets/icons/{${result.pngs.join(',')}} PNGs and assets/icon.ico (${result.ico.join(', ')})\n`);
}
