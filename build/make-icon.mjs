// Draws build/icon.png (1024×1024, RGBA) without any image library: a blue rounded square with a
// white stamp (perforated edge) carrying an envelope. `node build/make-icon.mjs` regenerates it;
// electron-builder derives the .ico/.icns/Linux sizes from it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const S = 1024;
const BLUE = [0x1f, 0x5f, 0xbf];
const WHITE = [0xff, 0xff, 0xff];
const INK = [0x1f, 0x5f, 0xbf];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function stamp(x, y) {
  const x0 = 212, y0 = 252, x1 = 812, y1 = 772, hole = 26, step = 60;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  // Perforation: half-circles bitten out of each edge.
  for (let px = x0 + step / 2; px < x1; px += step) {
    if ((x - px) ** 2 + (y - y0) ** 2 < hole * hole || (x - px) ** 2 + (y - y1) ** 2 < hole * hole) return false;
  }
  for (let py = y0 + step / 2; py < y1; py += step) {
    if ((x - x0) ** 2 + (y - py) ** 2 < hole * hole || (x - x1) ** 2 + (y - py) ** 2 < hole * hole) return false;
  }
  return true;
}

function nearSegment(x, y, ax, ay, bx, by, w) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= w * w;
}

function envelope(x, y) {
  const x0 = 332, y0 = 392, x1 = 692, y1 = 632, w = 14;
  const border = x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x < x0 + 2 * w || x > x1 - 2 * w || y < y0 + 2 * w || y > y1 - 2 * w);
  return border || nearSegment(x, y, x0 + w, y0 + w, (x0 + x1) / 2, (y0 + y1) / 2 + 10, w) || nearSegment(x, y, x1 - w, y0 + w, (x0 + x1) / 2, (y0 + y1) / 2 + 10, w);
}

function colourAt(x, y) {
  if (!roundedRect(x, y, 32, 32, S - 32, S - 32, 200)) return null;
  if (stamp(x, y)) return envelope(x, y) ? INK : WHITE;
  return BLUE;
}

// 2×2 supersampling for smooth edges.
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) {
  raw[y * (S * 4 + 1)] = 0;
  for (let x = 0; x < S; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (const [ox, oy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]]) {
      const c = colourAt(x + ox, y + oy);
      if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
    }
    const o = y * (S * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / 4) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`${out} (${png.length} Bytes)`);
