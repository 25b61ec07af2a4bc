#!/usr/bin/env node
'use strict';
/**
 * The task pane's first paint must stay small: Office add-ins load over slow networks, inside Office's webview. This
 * measures the JavaScript that dist/taskpane.html loads before the pane first renders — every local <script> of the
 * page (the webpack entry chunk and assets/legacy-check.js) — gzipped, and fails above the limit. Size is not speed:
 * the same build always gives the same bytes, so this is an exact check, not a benchmark.
 *
 *   node scripts/check-bundle.js [dist] [--limit BYTES]      (npm run check:bundle, after npm run build)
 *
 * It also lists the chunks loaded later (dist/taskpane-chunks.json, written by webpack.config.js), and fails when the
 * page and that list disagree about the entry chunk, or when a listed file is missing. Scripts from other origins
 * (office.js from Microsoft's CDN) are named but not counted: they are not ours to shrink.
 *
 * Gzip: Node's zlib at its default level (6, as `gzip` and most servers compress), one file at a time.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The limit of issue 11: the pane's initial JavaScript under 250 KB gzip. */
const LIMIT = 250000;
const PAGE = 'taskpane.html';
const CHUNK_LIST = 'taskpane-chunks.json';

function gzipSize(buf) {
  return zlib.gzipSync(buf).length;
}

/** The src of every <script> of an HTML page, in order (quoted or not, as html-webpack-plugin's minifier leaves them). */
function scriptSources(html) {
  const out = [];
  const tag = /<script\b([^>]*)>/gi;
  let m;
  while ((m = tag.exec(html))) {
    const src = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[1]);
    if (src) out.push(src[1] ?? src[2] ?? src[3]);
  }
  return out;
}

/** Whether a script address is another origin's (https://…, //…), not a file of the build. */
function isExternal(src) {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src);
}

/** A page-relative address as a path under dist (no query or fragment). */
function localPath(src) {
  return decodeURIComponent(src.replace(/[?#].*$/, '').replace(/^\.\//, '').replace(/^\//, ''));
}

/**
 * Measures a build folder. Returns { initial: [{file, bytes, gzip}], external: [src], total, lazy: [{name, files,
 * gzip}], errors: [string] }.
 */
function measure(dist) {
  const errors = [];
  const pagePath = path.join(dist, PAGE);
  if (!fs.existsSync(pagePath)) return { initial: [], external: [], total: 0, lazy: [], errors: [`${pagePath} not found: run npm run build first`] };
  const sources = scriptSources(fs.readFileSync(pagePath, 'utf8'));
  const external = sources.filter(isExternal);
  const initial = [];
  for (const src of sources.filter((s) => !isExternal(s))) {
    const file = localPath(src);
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) {
      errors.push(`${PAGE} loads ${src}, which is not in ${dist}`);
      continue;
    }
    const buf = fs.readFileSync(full);
    initial.push({ file, bytes: buf.length, gzip: gzipSize(buf) });
  }
  const total = initial.reduce((n, f) => n + f.gzip, 0);

  const lazy = [];
  const listPath = path.join(dist, CHUNK_LIST);
  if (!fs.existsSync(listPath)) {
    errors.push(`${listPath} not found (webpack.config.js PaneChunksPlugin writes it)`);
  } else {
    const list = JSON.parse(fs.readFileSync(listPath, 'utf8'));
    const loaded = new Set(sources.filter((s) => !isExternal(s)).map(localPath));
    for (const f of list.initial || []) if (!loaded.has(f)) errors.push(`the taskpane entry chunk ${f} is not loaded by ${PAGE}`);
    for (const [name, files] of Object.entries(list.lazy || {})) {
      let gz = 0;
      for (const f of files) {
        const full = path.join(dist, f);
        if (!fs.existsSync(full)) errors.push(`lazy chunk ${name}: ${f} is missing`);
        else gz += gzipSize(fs.readFileSync(full));
      }
      lazy.push({ name, files, gzip: gz });
    }
  }
  return { initial, external, total, lazy, errors };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

function report(m, limit) {
  const lines = [];
  lines.push(`task pane, before first render (${PAGE}):`);
  for (const f of m.initial) lines.push(`  ${f.file.padEnd(32)} ${String(f.gzip).padStart(8)} B gzip (${f.bytes} B)`);
  for (const src of m.external) lines.push(`  ${src} — another origin, not counted`);
  lines.push(`  total ${String(m.total).padStart(34)} B gzip (${kib(m.total)}); limit ${limit} B`);
  if (m.lazy.length) {
    lines.push('loaded later, when first needed:');
    for (const c of m.lazy) lines.push(`  ${c.name.padEnd(32)} ${String(c.gzip).padStart(8)} B gzip  ${c.files.join(' ')}`);
  }
  return lines.join('\n');
}

function main(argv) {
  let dist = 'dist';
  let limit = LIMIT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit') limit = Number(argv[++i]);
    else if (argv[i].startsWith('--limit=')) limit = Number(argv[i].slice(8));
    else dist = argv[i];
  }
  if (!Number.isInteger(limit) || limit <= 0) {
    process.stderr.write('check-bundle: --limit needs a whole number of bytes\n');
    return 2;
  }
  const m = measure(path.resolve(dist));
  process.stdout.write(report(m, limit) + '\n');
  for (const e of m.errors) process.stderr.write(`check-bundle: ${e}\n`);
  if (m.errors.length) return 1;
  if (m.total > limit) {
    process.stderr.write(
      `check-bundle: the task pane's initial JavaScript is ${m.total} B gzip, over the limit of ${limit} B. ` +
        'Move what the first paint does not need into a chunk loaded on demand (src/ui/lazyParts.ts).\n',
    );
    return 1;
  }
  process.stdout.write(`check-bundle: OK (${m.total} ≤ ${limit} B gzip)\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { LIMIT, measure, scriptSources, isExternal, localPath, gzipSize, main };
