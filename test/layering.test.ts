/**
 * The layers of src/ (ARCHITECTURE.md): arrows point down only — hosts → ui → io/excel → core — and a host never
 * imports another host. This test reads every import of every source file and fails on any arrow that points the
 * wrong way, so a shortcut (the preview borrowing the Excel adapter's colours, say) cannot creep back in.
 *
 * Layers are the first folder under src/. A folder not listed below fails the test until it is placed in the map.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

/** which layers each layer may import (itself included) */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  io: ['core', 'io'],
  excel: ['core', 'excel'],
  functions: ['core', 'functions'],
  ui: ['core', 'ui'],
  // the Excel host: the pane's entry, the ribbon buttons and the Excel functions (one shared runtime), over the adapter
  taskpane: ['core', 'ui', 'excel', 'taskpane', 'commands', 'functions'],
  commands: ['core', 'ui', 'excel', 'taskpane', 'commands'],
  // the browser host
  preview: ['core', 'io', 'ui', 'preview'],
  // the Node host
  cli: ['core', 'io', 'cli'],
};

/** packages (bare specifiers) a layer may use; Node built-ins only where Node runs */
const PACKAGES: Record<string, (pkg: string) => boolean> = {
  core: () => false,
  // the file layer: fflate (zip) and SheetJS (old formats, loaded on demand); no ExcelJS any more
  io: (p) => p === 'fflate' || p === '@e965/xlsx',
  excel: () => false,
  functions: () => false,
  ui: (p) => p === 'react' || p === 'react-dom' || p.startsWith('@fluentui/'),
  taskpane: (p) => p === 'react' || p === 'react-dom' || p.startsWith('@fluentui/'),
  commands: () => false,
  preview: (p) => p === 'react' || p === 'react-dom' || p.startsWith('@fluentui/'),
  cli: (p) => isNodeBuiltin(p),
};

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'url', 'util', 'crypto', 'stream', 'buffer', 'child_process', 'worker_threads', 'zlib', 'events', 'readline', 'process', 'module']);
function isNodeBuiltin(p: string): boolean {
  return p.startsWith('node:') || NODE_BUILTINS.has(p.split('/')[0]);
}

/** globals that mean Office, the DOM or Node; the core must not touch them */
const CORE_FORBIDDEN_GLOBALS = ['Office', 'Excel', 'OfficeExtension', 'window', 'document', 'navigator', 'localStorage', 'self', 'process', 'Buffer', 'require', '__dirname'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** comments and the contents of string / template literals blanked out (so only code is searched) */
export function codeOnly(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) =>
    m.startsWith('/') ? ' '.repeat(m.length) : m[0] + ' '.repeat(Math.max(0, m.length - 2)) + m[m.length - 1],
  );
}

/** every module specifier: import … from 'x', export … from 'x', import('x'), require('x'), import 'x' */
export function specifiers(src: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  // comments must not count: blank them, but keep the strings (the specifiers are strings)
  const noComments = src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  for (const m of noComments.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

function layerOf(file: string): string {
  return path.relative(SRC, file).split(path.sep)[0];
}

/** "react-dom/client" → "react-dom", "@fluentui/react-components/x" → "@fluentui/react-components" */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** the wrong-way imports of one source file (its path decides its layer) */
export function violations(file: string, src: string): string[] {
  const from = layerOf(file);
  const rel = path.relative(SRC, file);
  const wrong: string[] = [];
  if (!(from in ALLOWED)) return wrong;
  for (const spec of specifiers(src)) {
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      const to = path.relative(SRC, target).split(path.sep)[0];
      // data, not code: the example workbook the file:// preview carries inline (webpack asset/inline)
      const exampleData = /\.xlsx$/.test(spec) && path.relative(path.join(SRC, '..', 'examples'), target).split(path.sep)[0] !== '..';
      if (from === 'preview' && exampleData) continue;
      if (to.startsWith('..')) wrong.push(`${rel} imports ${spec} (outside src/)`);
      else if (!ALLOWED[from].includes(to)) wrong.push(`${rel} (${from}) imports ${spec} (${to})`);
    } else if (!PACKAGES[from](packageName(spec))) wrong.push(`${rel} (${from}) imports the package ${spec}`);
  }
  return wrong;
}

const files = sourceFiles(SRC);

describe('layering', () => {
  test('every folder under src/ has a place in the layer map', () => {
    const layers = new Set(files.map(layerOf).filter((l) => !l.includes('.')));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  test('no import points up or sideways (host → host, ui/preview → excel, core → anything)', () => {
    const wrong = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
    expect(wrong).toEqual([]);
  });

  test('the core uses no Office, DOM or Node global', () => {
    const wrong: string[] = [];
    const re = new RegExp(`(?<![\\w.$])(${CORE_FORBIDDEN_GLOBALS.join('|')})(?=\\s*[.(\\[])`, 'g');
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const code = codeOnly(readFileSync(file, 'utf8'));
      for (const m of code.matchAll(re)) wrong.push(`${path.relative(SRC, file)}: ${m[1]}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the scanner itself sees what it must (and not what is commented out)', () => {
    const src = [
      "import { a } from '../excel/marks';",
      "import type { B } from '../core/report';",
      "export * from './deps';",
      "const x = await import('../io/xlsx');",
      "// import { c } from '../preview/Grid';",
      "/* import d from 'fs'; */",
      "import 'side-effect';",
    ].join('\n');
    expect(specifiers(src)).toEqual(['../excel/marks', '../core/report', './deps', '../io/xlsx', 'side-effect']);
    // the shortcuts this test exists to stop
    const at = (p: string) => path.join(SRC, p);
    expect(violations(at('preview/Grid.tsx'), "import { MARK_COLORS } from '../excel/marks';")).toHaveLength(1);
    expect(violations(at('ui/host.ts'), "import type { CheckSettings } from '../excel/settings';")).toHaveLength(1);
    expect(violations(at('core/check.ts'), "import { t } from '../ui/i18n';\nimport * as fs from 'fs';")).toHaveLength(2);
    expect(violations(at('excel/marks.ts'), "import { paneStore } from '../ui/store';")).toHaveLength(1);
    expect(violations(at('preview/index.tsx'), "import { createRoot } from 'react-dom/client';")).toEqual([]);
    expect(violations(at('taskpane/excelHost.ts'), "import { applyMarks } from '../excel';")).toEqual([]);
    expect(codeOnly("const s = 'window.x'; // document.y\nwindow.z")).not.toMatch(/window\.x|document\.y/);
    expect(codeOnly("const s = 'window.x'; // document.y\nwindow.z")).toMatch(/window\.z/);
  });
});
