/**
 * The help page docs/huong-dan.md: its rule list and colours are what the code says (generated, checked here), it
 * names every Excel function and setting, and the build serves it as huong-dan.html next to the pane.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../src/core/report';
import { MARK_COLORS } from '../src/core/marks';
import { HELP_PAGE, regenerate } from '../scripts/help-doc';

const { renderHelpPage, HelpPagePlugin, HELP_PAGE_OUTPUT } = require('../scripts/help-page') as {
  renderHelpPage: (md: string) => string;
  HelpPagePlugin: new () => unknown;
  HELP_PAGE_OUTPUT: string;
};
const PAGE = readFileSync(HELP_PAGE, 'utf8');
const HTML = renderHelpPage(PAGE);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('docs/huong-dan.md', () => {
  test('its generated sections are up to date (npm run docs:help)', () => {
    expect(regenerate(PAGE)).toBe(PAGE);
  });
  test('lists every rule of the catalogue with its Vietnamese title and how to fix it', () => {
    for (const r of RULES) {
      expect({ rule: r.id, listed: HTML.includes(`<code>${r.id}</code>`) && HTML.includes(esc(r.title.vi)) && HTML.includes(esc(r.howToFix.vi)) }).toEqual({ rule: r.id, listed: true });
    }
  });
  test('shows what each mark colour means', () => {
    for (const c of Object.values(MARK_COLORS)) expect(HTML).toContain(`<span class="swatch" style="background:${c}"`);
  });
  test('documents every Excel function the add-in registers', async () => {
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
      generateCustomFunctionsMetadata: (files: string[]) => Promise<{ metadataJson: string }>;
    };
    const meta = JSON.parse((await generateCustomFunctionsMetadata([path.join(__dirname, '../src/functions/functions.ts')])).metadataJson) as { functions: { id: string }[] };
    expect(meta.functions.length).toBe(4);
    for (const f of meta.functions) expect(PAGE).toContain(`=PHULUC.${f.id}(`);
  });
  test('explains the settings', () => {
    for (const s of ['Cột bắt buộc', 'Năm kế hoạch', 'Ngày đối chiếu', 'Ngưỡng xếp loại', 'Tự kiểm tra lại khi trang tính thay đổi', 'Ngôn ngữ']) expect(PAGE).toContain(s);
  });
});

describe('renderHelpPage', () => {
  test('a standalone Vietnamese page with no script and a strict policy', () => {
    expect(HTML).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(HTML).toContain('<title>Hướng dẫn sử dụng Phuluc</title>');
    expect(HTML).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/);
    expect(HTML).not.toMatch(/<script/i);
    expect(HTML).toContain('<h2 id="ham-excel-cua-phuluc">Hàm Excel của Phuluc</h2>');
  });
  test('whatever the page holds is shown, never run', () => {
    const html = renderHelpPage('# T\n\n<script>alert(1)</script> [x](javascript:alert(1)) **b** `<i>`\n\n| a | b \\| c |\n|---|---|\n| <img src=x onerror=y> | 2 |\n');
    expect(html).not.toMatch(/<script>|<img|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="#">x</a>');
    expect(html).toContain('<strong>b</strong> <code>&lt;i&gt;</code>');
    expect(html).toContain('<th>b | c</th>');
  });
});

describe('the build serves it', () => {
  test('webpack emits huong-dan.html and the Excel functions\' files under the names the manifest uses', async () => {
    const make = require('../webpack.config') as ((env: object, argv: object) => Promise<{ entry: Record<string, string>; plugins: unknown[]; output: { filename: (p: object) => string } }>) & {
      FUNCTIONS_METADATA: string;
    };
    const { FUNCTIONS_SCRIPT, FUNCTIONS_METADATA, HELP_PAGE: MANIFEST_HELP } = require('../scripts/validate-manifest') as Record<string, string>;
    const config = await make({}, { mode: 'development' });
    expect(config.plugins.some((p) => p instanceof HelpPagePlugin)).toBe(true);
    expect(config.plugins.some((p) => (p as object).constructor.name === 'CustomFunctionsMetadataPlugin')).toBe(true);
    expect(config.entry.functions).toBe(path.join(__dirname, '..', 'src', 'functions', 'functions.ts'));
    expect(HELP_PAGE_OUTPUT).toBe(MANIFEST_HELP);
    expect(make.FUNCTIONS_METADATA).toBe(FUNCTIONS_METADATA);
    expect(config.entry[FUNCTIONS_SCRIPT.replace(/\.js$/, '')]).toBe(config.entry.functions); // the entry named as the manifest's script
    const prev = process.env.ADDIN_URL;
    process.env.ADDIN_URL = 'https://example.org/phuluc/';
    try {
      const prod = await make({}, { mode: 'production' });
      expect(prod.output.filename({ chunk: { name: 'functions' } })).toBe('[name].js');
      expect(prod.output.filename({ chunk: { name: 'taskpane' } })).toBe('[name].[contenthash:8].js');
    } finally {
      if (prev === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = prev;
    }
  });
  test('the pane bundle registers the functions (src/taskpane/index.tsx imports them)', () => {
    expect(readFileSync(path.join(__dirname, '..', 'src', 'taskpane', 'index.tsx'), 'utf8')).toMatch(/^import '\.\.\/functions\/functions';$/m);
  });
});
