#!/usr/bin/env node
'use strict';
/**
 * Writes the add-in's PNG icons into assets/ (no image library: PNG bytes are assembled by hand, zlib
 * does the compression). Each icon is a rounded coloured square with a white glyph, anti-aliased by
 * supersampling. Deterministic: running it twice gives the same files, so the PNGs are committed.
 *
 *   node scripts/make-icons.js [outDir]
 *
 * icon-{16,32,64,80}.png      the add-in icon (check mark) — IconUrl, HighResolutionIconUrl, ribbon group
 * check-*.png  recalc-*.png   per-button ribbon icons at the sizes the ribbon asks for (16, 32, 80)
 * clear-*.png  pane-*.png
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---------------------------------------------------------------------------------------------- PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of width*height*4 → PNG file bytes (8-bit RGBA, no interlace, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------------------------------ drawing
// Shapes live in the unit square [0,1]²; a pixel's coverage is the share of its subsamples inside.

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

function inRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.max(lo, Math.min(hi, x));
  const cy = Math.max(lo, Math.min(hi, y));
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
}

/** A glyph: polylines stroked with round caps, plus optional filled rectangles. */
function inGlyph(glyph, x, y) {
  for (const line of glyph.lines || []) {
    for (let i = 0; i + 1 < line.length; i++) {
      if (distToSegment(x, y, line[i], line[i + 1]) <= glyph.width / 2) return true;
    }
  }
  for (const [x0, y0, x1, y1] of glyph.fills || []) {
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return true;
  }
  return false;
}

function render(size, colour, glyph) {
  const rgba = new Uint8Array(size * size * 4);
  const ss = 6; // 6×6 subsamples per pixel
  const inset = size <= 16 ? 0.02 : 0.04;
  const radius = 0.16;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!inRoundedSquare(x, y, inset, radius)) continue;
          bg++;
          if (inGlyph(glyph, x, y)) fg++;
        }
      }
      const n = ss * ss;
      const alpha = bg / n;
      const white = bg === 0 ? 0 : fg / bg; // share of the covered area that is glyph
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(colour[0] + (255 - colour[0]) * white);
      rgba[o + 1] = Math.round(colour[1] + (255 - colour[1]) * white);
      rgba[o + 2] = Math.round(colour[2] + (255 - colour[2]) * white);
      rgba[o + 3] = Math.round(255 * alpha);
    }
  }
  return encodePng(size, size, rgba);
}

// ------------------------------------------------------------------------------------------- icons

const GLYPHS = {
  // ✓ — "Kiểm tra" (check), also the add-in icon
  check: { width: 0.13, lines: [[[0.25, 0.53], [0.43, 0.71], [0.76, 0.32]]] },
  // Σ — "Tính lại điểm" (recalculate scores)
  recalc: { width: 0.1, lines: [[[0.71, 0.29], [0.3, 0.29], [0.52, 0.5], [0.3, 0.71], [0.71, 0.71]]] },
  // ✕ — "Xóa đánh dấu" (clear marks)
  clear: { width: 0.13, lines: [[[0.3, 0.3], [0.7, 0.7]], [[0.7, 0.3], [0.3, 0.7]]] },
  // window with a side pane — "Mở bảng" (open the task pane)
  pane: {
    width: 0.08,
    lines: [[[0.22, 0.26], [0.78, 0.26], [0.78, 0.74], [0.22, 0.74], [0.22, 0.26]]],
    fills: [[0.56, 0.26, 0.78, 0.74]],
  },
};

const COLOURS = {
  app: [0x1e, 0x7b, 0x45], // Excel-ish green
  check: [0x1e, 0x7b, 0x45],
  recalc: [0x2b, 0x57, 0x9a],
  clear: [0xb8, 0x3b, 0x1e],
  pane: [0x3f, 0x4d, 0x5a],
};

/** [file name, size, colour, glyph] for every icon the manifest references. */
function iconList() {
  const list = [];
  for (const size of [16, 32, 64, 80]) list.push([`icon-${size}.png`, size, COLOURS.app, GLYPHS.check]);
  for (const name of ['check', 'recalc', 'clear', 'pane']) {
    for (const size of [16, 32, 80]) list.push([`${name}-${size}.png`, size, COLOURS[name], GLYPHS[name]]);
  }
  return list;
}

function main(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, size, colour, glyph] of iconList()) {
    const bytes = render(size, colour, glyph);
    fs.writeFileSync(path.join(outDir, file), bytes);
    process.stdout.write(`${path.join(outDir, file)}  ${size}×${size}  ${bytes.length} bytes\n`);
  }
}

module.exports = { encodePng, render, iconList, crc32 };

if (require.main === module) {
  main(path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets')));
}
