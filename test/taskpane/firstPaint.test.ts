/**
 * What the task pane's first chunk holds: every module src/taskpane/index.tsx reaches through static imports (the
 * ones webpack bundles into taskpane.js; `import()` starts a chunk of its own, `import type` is erased). The parts
 * most users open rarely, and the engine that the first paint does not need, must stay out of it — this names the
 * import that would drag one back in, where scripts/check-bundle.js can only say the bundle grew.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const ENTRY = path.join(SRC, 'taskpane', 'index.tsx');

/** the relative specifiers of a file's static value imports and re-exports (not `import type`, not `import()`) */
function staticImports(src: string): string[] {
  const code = src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  const out: string[] = [];
  const re = /(?:^|[\s;}])(import|export)(\s+type)?\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(re)) {
    if (m[2]) continue; // import type / export type
    const spec = m[3] ?? m[4];
    if (spec.startsWith('.')) out.push(spec);
  }
  return out;
}

function resolveModule(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (existsSync(f) && /\.tsx?$/.test(f)) return f;
  throw new Error(`${path.relative(SRC, from)}: cannot resolve ${spec}`);
}

/** every module reachable from `entry` through static imports, with the chain that first reached it */
function firstChunk(entry: string): Map<string, string[]> {
  const via = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, spec);
      if (via.has(target)) continue;
      via.set(target, [...via.get(file)!, target]);
      queue.push(target);
    }
  }
  return via;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

/** modules that are chunks loaded on demand (src/ui/lazyParts.ts, src/taskpane/excelHost.ts) */
const ON_DEMAND = [
  'core/check.ts', // the engine: loaded right after the first paint
  // the table builder and the criteria tree are the engine's too; =PHULUC.XEPLOAI needs only core/scores/bands.ts
  // (importing bandFor from the tree once pulled both into the first chunk: +7 KB gzip)
  'core/table/rows.ts',
  'core/scores/tree.ts',
  'ui/Results.tsx',
  'ui/SummaryCards.tsx',
  'ui/FindingsList.tsx',
  'ui/SettingsPanel.tsx',
  'excel/selftest.ts',
  'ui/ComparePanel.tsx',
  'ui/AppraisalPanel.tsx',
  'ui/scoreActions.ts',
  'taskpane/scoreSheets.ts',
  'ui/FixPreview.tsx',
  'ui/FixesPanel.tsx',
  'ui/fixActions.ts',
  'excel/fixes.ts',
  'ui/RecalcPanel.tsx',
  'excel/recalc.ts',
  'excel/writes.ts',
  'taskpane/reportSheet.ts',
  // the adapter's barrel re-exports all of it: the pane imports the modules it needs one by one
  'excel/index.ts',
];

const reached = firstChunk(ENTRY);

test('the first chunk holds none of the parts loaded on demand', () => {
  const wrong = ON_DEMAND.filter((m) => reached.has(path.join(SRC, m))).map((m) => `${m} ← ${reached.get(path.join(SRC, m))!.map(rel).join(' ← ')}`);
  expect(wrong).toEqual([]);
});

test('what the first paint, the ribbon and the Excel functions need is in it', () => {
  for (const m of ['ui/App.tsx', 'commands/commands.ts', 'functions/functions.ts', 'taskpane/excelHost.ts', 'excel/read.ts', 'excel/marks.ts', 'ui/Deferred.tsx']) {
    expect([m, reached.has(path.join(SRC, m))]).toEqual([m, true]);
  }
});

test('each on-demand module exists (a rename must update this list and the chunks)', () => {
  for (const m of ON_DEMAND) expect([m, existsSync(path.join(SRC, m))]).toEqual([m, true]);
});

test('no namespace import of a Fluent UI package (it would defeat tree shaking, e.g. every icon)', () => {
  const wrong: string[] = [];
  for (const file of reached.keys()) {
    const src = readFileSync(file, 'utf8');
    if (/import\s+\*\s+as\s+\w+\s+from\s+['"]@fluentui\//.test(src)) wrong.push(rel(file));
  }
  expect(wrong).toEqual([]);
});

test('the scanner follows value imports and skips type-only imports and import()', () => {
  expect(
    staticImports(
      [
        "import { a } from './a';",
        "import type { B } from './b';",
        "export { c } from './c';",
        "export type { D } from './d';",
        "const e = () => import('./e');",
        "// import { f } from './f';",
        "import './g';",
      ].join('\n'),
    ),
  ).toEqual(['./a', './c', './g']);
});
