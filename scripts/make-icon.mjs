// `node scripts/make-icon.mjs`: draws build-resources/icon.png (512×512): a red disc with a white
// scale of justice. Plain Node (node:zlib) so the icon can be regenerated without image tools;
// court IT may replace it with the court's own artwork (see build-resources/README.md).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges
const RED = [183, 28, 28];
const WHITE = [255, 255, 255];

const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A stroke of half-width `w` from (ax, ay) to (bx, by). */
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
};
/** The lower half of a disc: a pan of the scale. */
const pan = (cx, cy, r) => (x, y) => y >= cy && disc(cx, cy, r)(x, y);

const background = disc(256, 256, 244);
const scale = [
  disc(256, 118, 18), // finial
  rect(247, 118, 265, 392), // pillar
  rect(118, 150, 394, 166), // beam
  segment(138, 160, 92, 300, 4),
  segment(138, 160, 184, 300, 4),
  segment(374, 160, 328, 300, 4),
  segment(374, 160, 420, 300, 4),
  pan(138, 298, 54),
  pan(374, 298, 54),
  rect(186, 382, 326, 404), // base
  rect(216, 366, 296, 384),
];

const row = SIZE * 4 + 1;
const raw = Buffer.alloc(row * SIZE);
for (let y = 0; y < SIZE; y++) {
  raw[y * row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let inDisc = 0;
    let inScale = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (!background(px, py)) continue;
        inDisc++;
        if (scale.some((shape) => shape(px, py))) inScale++;
      }
    }
    const n = SAMPLES * SAMPLES;
    const white = inDisc === 0 ? 0 : inScale / inDisc;
    const offset = y * row + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[offset + c] = Math.round(RED[c] * (1 - white) + WHITE[c] * white);
    raw[offset + 3] = Math.round((255 * inDisc) / n);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('../build-resources/icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`wrote ${target.pathname} (${png.length} bytes)`);
