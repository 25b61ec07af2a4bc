/**
 * Byte-identity check for speed work: the engine's and the CLI's output on the benchmark grid and the fixtures, written
 * once from a reference build and compared against the current tree. Not part of jest (the 50 000-row report is ~30 MB).
 *
 *   npx tsx scripts/perf-golden.ts write DIR   — run in the reference tree (e.g. an export of main), CLI built
 *   npx tsx scripts/perf-golden.ts check DIR   — run in the changed tree (CLI built): lists every case that differs
 *
 * Cases: check() — every field, fix plans and fingerprints included — on the generated grid (5 000 and 50 000 rows,
 * with and without ignores, and in TCVN3), on every sheet of every fixture at three as-of dates, on the Hà Giang
 * variants (self, appraised, the council's file, criteria not applicable); and `phuluc check` in every output
 * format and both languages on the fixtures and on the 50 000-row .xlsx.
 */
import { createHash } from 'crypto';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { check } from '../src/core/check';
import { ignoreFor } from '../src/core/ignores';
import type { CheckOptions } from '../src/core/options';
import { readSnapshots } from '../src/io/xlsx';
import { generate } from './bench-data';
import { snapshotToXlsx } from './bench-xlsx';
import { appraisalFile, appraisedSheet, selfSheet } from '../test/hagiangVariants';
import { tcvn3Sheet } from '../test/legacyText';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** the fixtures as the CLI is given them: relative to the tree, so outputs of two trees compare */
const REL_FIXTURES = path.join('test', 'fixtures');
const [mode, outDir] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'check') || !outDir) {
  console.error('usage: tsx scripts/perf-golden.ts write|check DIR');
  process.exit(2);
}

const cases = new Map<string, () => string | Promise<string>>();
const json = (x: unknown) => JSON.stringify(x, null, 1);
const AS_OF = '2024-03-01';

for (const rows of [5000, 50000]) cases.set(`check-bench-${rows}`, () => json(check(generate(rows), { asOf: AS_OF })));
cases.set('check-bench-5000-ignores', () => {
  const snap = generate(5000);
  const first = check(snap, { asOf: AS_OF });
  const ignores = first.findings.filter((_f, i) => i % 5 === 0).map((f) => ignoreFor(f, snap.name, '2024-02-01')!).filter(Boolean);
  ignores.push({ ...ignores[0], cell: 'B9999', fingerprint: '0123456789abcdef' });
  return json(check(snap, { asOf: AS_OF, ignores }));
});
cases.set('check-bench-3000-tcvn3', () => json(check(tcvn3Sheet(generate(3000)), { asOf: AS_OF })));
cases.set('check-bench-2000-options', () => json(check(generate(2000), { asOf: '2024-12-20', planYear: 2023, required: ['content', 'leadAgency', 'deadline', 'product', 'partner', 'budget', 'status'], dueSoonDays: 30 })));

const fixtureFiles = readdirSync(FIXTURES).filter((f) => /\.(xlsx|xls|xlsb|ods)$/.test(f)).sort();
for (const f of fixtureFiles)
  for (const asOf of ['2018-02-15', '2023-01-10', '2024-06-01'])
    cases.set(`check-${f}-${asOf}`, async () => {
      const sheets = await readSnapshots(readFileSync(path.join(FIXTURES, f)));
      return json(sheets.map((s) => check(s, { asOf })));
    });

cases.set('check-hagiang-variants', async () => {
  const [hg] = await readSnapshots(readFileSync(path.join(FIXTURES, 'hagiang-2024-chi-so.xlsx')));
  const o: CheckOptions = { asOf: '2024-06-01' };
  return json([
    check(selfSheet(hg), o),
    check(appraisedSheet(hg), o),
    check(appraisalFile(hg), o),
    check(appraisedSheet(hg), { ...o, notApplicable: ['3.3', '6.1.1'], bands: [{ label: 'Tốt', minPercent: 80 }, { label: 'Khá', minPercent: 0 }], areaThresholdPercent: 70 }),
    check(tcvn3Sheet(selfSheet(hg)), o),
    check(tcvn3Sheet(await readSnapshots(readFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx'))).then((s) => s[0])), { asOf: '2018-02-15' }),
  ]);
});

const bin = path.join(ROOT, 'bin', 'phuluc.js');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
};
/** `fn` given a fresh temporary folder, removed after */
const inTmp = (fn: (tmp: string) => string): string => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'phuluc-golden-'));
  try {
    return fn(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};
const three = ['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx'];
const asOfOf: Record<string, string> = { 'hue-2018-nhiem-vu.xlsx': '2018-02-15', 'cathai-2023-danh-muc.xlsx': '2023-01-10', 'hagiang-2024-chi-so.xlsx': '2024-06-01' };
for (const f of three)
  for (const lang of ['vi', 'en'])
    for (const format of ['json', 'text', 'csv'])
      cases.set(`cli-${f}-${lang}-${format}`, () => cli(['check', path.join(REL_FIXTURES, f), '--as-of', asOfOf[f], '--lang', lang, '--format', format, '--no-color']));
cases.set('cli-fixtures-folder-summary', () => cli(['check', REL_FIXTURES, '--as-of', '2024-06-01', '--summary', '--no-color']));
cases.set('cli-fixtures-folder-json', () => cli(['check', REL_FIXTURES, '--as-of', '2024-06-01', '--format', 'json']));
cases.set('cli-fixtures-folder-text-color', () => cli(['check', REL_FIXTURES, '--as-of', '2018-02-15', '--color']));
for (const f of three)
  for (const lang of ['vi', 'en'])
    cases.set(`cli-annotate-${f}-${lang}`, () =>
      inTmp((tmp) => {
        const out = cli(['check', path.join(REL_FIXTURES, f), '--as-of', asOfOf[f], '--lang', lang, '--format', 'json', '--annotate', tmp]).split(tmp).join('<tmp>');
        const copies = readdirSync(tmp).sort().map((n) => `${n} ${createHash('sha256').update(readFileSync(path.join(tmp, n))).digest('hex')}`);
        return `${out}\n--- copies\n${copies.join('\n')}`;
      }),
    );
/** `phuluc check` on the generated grid of `rows` rows written as an .xlsx file */
const benchCli = (rows: number, args: string[]) =>
  inTmp((tmp) => {
    const file = path.join(tmp, `phu-luc-${rows}-dong.xlsx`);
    writeFileSync(file, snapshotToXlsx(generate(rows)));
    return cli(['check', file, '--as-of', AS_OF, ...args]).split(tmp).join('<tmp>');
  });
cases.set('cli-bench-50000-json', () => benchCli(50000, ['--format', 'json']));
cases.set('cli-bench-5000-text', () => benchCli(5000, ['--no-color']));

(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('build the CLI first: npm run build:cli');
  mkdirSync(outDir, { recursive: true });
  let bad = 0;
  for (const [name, make] of cases) {
    const out = await make();
    const file = path.join(outDir, `${name}.txt`);
    const sha = createHash('sha256').update(out).digest('hex').slice(0, 12);
    if (mode === 'write') {
      writeFileSync(file, out);
      console.log(`wrote ${name} (${out.length} chars, ${sha})`);
      continue;
    }
    const want = readFileSync(file, 'utf8');
    if (want === out) {
      console.log(`same  ${name} (${sha})`);
      continue;
    }
    bad++;
    let i = 0;
    while (i < want.length && want[i] === out[i]) i++;
    console.log(`DIFF  ${name} at char ${i}:\n  want …${JSON.stringify(want.slice(Math.max(0, i - 80), i + 80))}\n  got  …${JSON.stringify(out.slice(Math.max(0, i - 80), i + 80))}`);
  }
  if (mode === 'check') {
    console.log(bad ? `${bad} of ${cases.size} cases differ` : `all ${cases.size} cases identical`);
    process.exit(bad ? 1 : 0);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
