'use strict';
/**
 * docs/huong-dan.md → huong-dan.html, the help page served with the add-in (the manifest's SupportUrl and
 * LearnMoreUrl, the pane's "Hướng dẫn" link). A small renderer for the Markdown the page uses — headings,
 * paragraphs, lists, tables, fenced code, **bold**, *italic*, `code`, [links](…) and {{swatch #RRGGBB}} colour
 * chips — so the build needs no Markdown package. Everything from the page is HTML-escaped; the page runs no script.
 *
 *   const { renderHelpPage, HelpPagePlugin } = require('./scripts/help-page');
 */
const fs = require('fs');
const path = require('path');

const SOURCE = path.join(__dirname, '..', 'docs', 'huong-dan.md');
const OUTPUT = 'huong-dan.html';
/** The page has no script and loads nothing: styles inline, images none. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

function escapeHtml(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slug(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Inline Markdown of one line (already split from block structure). */
function inline(text) {
  const parts = [];
  // code spans first: their content is literal
  const re = /`([^`]+)`/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    parts.push(inlineRest(text.slice(last, m.index)));
    parts.push(`<code>${escapeHtml(m[1])}</code>`);
    last = m.index + m[0].length;
  }
  parts.push(inlineRest(text.slice(last)));
  return parts.join('');
}

function safeHref(url) {
  return /^(https?:|#|[a-z0-9._-]+\.html(#[a-z0-9-]*)?$)/i.test(url) ? url : '#';
}

function inlineRest(text) {
  let s = escapeHtml(text);
  s = s.replace(/\{\{swatch (#[0-9A-Fa-f]{6})\}\}/g, (_m, c) => `<span class="swatch" style="background:${c}" aria-hidden="true"></span>`);
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label, url) => `<a href="${escapeHtml(safeHref(url.replace(/&amp;/g, '&')))}">${label}</a>`);
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  return s;
}

function splitRow(line) {
  const cells = [];
  let cur = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += body[i];
  }
  cells.push(cur.trim());
  return cells;
}

/** The body HTML of a Markdown text. */
function markdownToHtml(md) {
  const lines = String(md).replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      const level = h[1].length;
      out.push(`<h${level} id="${slug(h[2])}">${inline(h[2])}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const code = [];
      i++;
      while (i < lines.length && !lines[i].startsWith('```')) code.push(lines[i++]);
      i++;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1])) {
      const head = splitRow(line);
      i += 2;
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(splitRow(lines[i++]));
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>` +
          rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('') +
          '</tbody></table>',
      );
      continue;
    }
    const bullet = /^\s*([-*]|\d+\.)\s+/;
    if (bullet.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items = [];
      while (i < lines.length && (bullet.test(lines[i]) || (/^\s{2,}\S/.test(lines[i]) && items.length))) {
        if (bullet.test(lines[i])) items.push(lines[i].replace(bullet, ''));
        else items[items.length - 1] += ' ' + lines[i].trim();
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</${tag}>`);
      continue;
    }
    const para = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,4}\s|```|\s*\||\s*([-*]|\d+\.)\s+)/.test(lines[i])) para.push(lines[i++].trim());
    out.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return out.join('\n');
}

const STYLE = `
body{font-family:"Segoe UI",Arial,sans-serif;font-size:15px;line-height:1.55;color:#242424;max-width:920px;margin:0 auto;padding:16px 20px 48px}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}h3{font-size:1.1em;margin-top:1.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #d0d0d0;padding:6px 8px;vertical-align:top;text-align:left}th{background:#f3f3f3}
code{background:#f3f3f3;padding:0 3px;border-radius:3px;font-family:Consolas,monospace}pre{background:#f3f3f3;padding:10px;overflow:auto}
.swatch{display:inline-block;width:1.2em;height:1.2em;border:1px solid #999;vertical-align:middle;margin-right:.4em}
a{color:#0f6cbd}`;

/** The whole page: a standalone HTML document in Vietnamese. */
function renderHelpPage(md) {
  const body = markdownToHtml(md);
  const heading = /^#\s+(.*)$/m.exec(String(md));
  const title = heading ? heading[1] : 'Hướng dẫn';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Emits huong-dan.html from docs/huong-dan.md (and rebuilds it when the page changes under the dev server). */
class HelpPagePlugin {
  constructor(options = {}) {
    this.source = options.source || SOURCE;
    this.output = options.output || OUTPUT;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PhulucHelpPage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PhulucHelpPage', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.source);
        let md;
        try {
          md = fs.readFileSync(this.source, 'utf8');
        } catch (e) {
          compilation.errors.push(new compiler.webpack.WebpackError(`help page: cannot read ${this.source}: ${e.message}`));
          return;
        }
        compilation.emitAsset(this.output, new sources.RawSource(renderHelpPage(md)));
      });
    });
  }
}

module.exports = { renderHelpPage, markdownToHtml, HelpPagePlugin, HELP_PAGE_SOURCE: SOURCE, HELP_PAGE_OUTPUT: OUTPUT, HELP_PAGE_CSP: CSP };
