#!/usr/bin/env node
'use strict';
/**
 * The floor of `phuluc check` for the benchmark (scripts/bench.ts): what any reader of the same .xlsx must pay at the
 * least — start Node, read the file, unzip its sheets and shared strings (Node's native zlib), and tokenise every
 * cell: every tag of each sheet and of the shared strings through an XML tokenizer (the project's own, dist/io/xml.js,
 * the fastest at hand), each cell's r/s/t attributes and value read, each text with its entities resolved and brought
 * to NFC when it holds a combining mark. No snapshot, no recognition, no rules, no output but a count.
 *
 *   node scripts/bench-floor.js FILE.xlsx           →   prints the number of cells and text characters seen
 *   node scripts/bench-floor.js FILE.xlsx --scan    →   the same cells found by indexOf alone (no tokenizer)
 */
const fs = require('fs');
const zlib = require('zlib');

const bytes = fs.readFileSync(process.argv[2]);
// the central directory: name → [method, compressed size, local header offset]
let end = bytes.length - 22;
while (end > 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
const count = bytes.readUInt16LE(end + 10);
let p = bytes.readUInt32LE(end + 16);
const parts = new Map();
for (let k = 0; k < count; k++) {
  const method = bytes.readUInt16LE(p + 10);
  const csize = bytes.readUInt32LE(p + 20);
  const nameLen = bytes.readUInt16LE(p + 28);
  const extraLen = bytes.readUInt16LE(p + 30);
  const commentLen = bytes.readUInt16LE(p + 32);
  const local = bytes.readUInt32LE(p + 42);
  const name = bytes.toString('utf8', p + 46, p + 46 + nameLen);
  parts.set(name, { method, csize, local });
  p += 46 + nameLen + extraLen + commentLen;
}
function part(name) {
  const e = parts.get(name);
  if (!e) return '';
  const start = e.local + 30 + bytes.readUInt16LE(e.local + 26) + bytes.readUInt16LE(e.local + 28);
  const data = bytes.subarray(start, start + e.csize);
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
}

const COMBINING = /[\u0300-\u036f]/;
let chars = 0;
let cells = 0;

if (process.argv[3] !== '--scan') {
  const { XmlTokenizer, parseAttrs } = require('../dist/io/xml.js');
  const tokenise = (xml, h) => {
    const t = new XmlTokenizer(h);
    for (let i = 0; i < xml.length; i += 1 << 20) t.write(xml.slice(i, i + (1 << 20)));
    t.end();
  };
  let inT = false;
  tokenise(part('xl/sharedStrings.xml'), {
    get wantText() {
      return inT;
    },
    open: (name, _raw, self) => (inT = name === 't' && !self),
    close: () => (inT = false),
    text: (t) => (chars += (COMBINING.test(t) ? t.normalize('NFC') : t).length),
  });
  for (const name of parts.keys()) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    let inV = false;
    tokenise(part(name), {
      get wantText() {
        return inV;
      },
      open: (n, raw, self) => {
        if (n === 'c') {
          const a = parseAttrs(raw);
          if (a.r !== undefined || a.t !== undefined || a.s !== undefined || raw === '') cells++;
        } else inV = n === 'v' && !self;
      },
      close: () => (inV = false),
      text: (t) => (chars += t.length),
    });
  }
  process.stdout.write(`${cells} cells, ${chars} characters\n`);
  process.exit(0);
}

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const decode = (s) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (_m, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));
const sst = part('xl/sharedStrings.xml');
for (let i = sst.indexOf('<t'); i >= 0; i = sst.indexOf('<t', i + 1)) {
  const open = sst.indexOf('>', i);
  if (sst.charCodeAt(open - 1) === 47) continue;
  const close = sst.indexOf('</t>', open);
  let t = decode(sst.slice(open + 1, close));
  if (COMBINING.test(t)) t = t.normalize('NFC');
  chars += t.length;
  i = close;
}
for (const name of parts.keys()) {
  if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
  const xml = part(name);
  for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 1)) {
    const gt = xml.indexOf('>', i);
    cells++;
    if (xml.charCodeAt(gt - 1) === 47) continue;
    const v = xml.indexOf('<v>', gt);
    const close = xml.indexOf('</c>', gt);
    if (v >= 0 && v < close) chars += decode(xml.slice(v + 3, xml.indexOf('</v>', v))).length;
    i = close;
  }
}
process.stdout.write(`${cells} cells, ${chars} characters\n`);
