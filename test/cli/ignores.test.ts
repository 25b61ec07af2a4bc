/**
 * A workbook that carries ignores ("Bỏ qua" in the Excel add-in, saved by Excel in its web-extension part): the CLI
 * and the preview's worker honour them, and say what they hid; an ignore whose cell changed hides nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run } from './run';
import { check } from '../../src/core/check';
import { ignoreFor, IGNORES_KEY, storedIgnores, type Ignore } from '../../src/core/ignores';
import { ADDIN_ID } from '../../src/io/addinSettings';
import { readWorkbookFile } from '../../src/io/xlsx';
import { PreviewWorkerCore } from '../../src/preview/workerCore';
import type { FromWorker } from '../../src/preview/protocol';
import { FIXTURES } from '../helpers';
import { withAddinSettings } from '../io/pkg';

const HUE = readFileSync(path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx'));
const AS_OF = '2018-02-15';

let dir: string;
let ignores: Ignore[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'phuluc-ignores-'));
  const [sheet] = (await readWorkbookFile(HUE)).sheets;
  const r = check(sheet, { asOf: AS_OF });
  const pick = (rule: string, cell: string) => ignoreFor(r.findings.find((f) => f.rule === rule && f.cell === cell)!, sheet.name, '2018-02-15')!;
  ignores = [pick('number-as-text', 'F21'), pick('deadline-overdue', 'G8')];
  writeFileSync(path.join(dir, 'hue-ignores.xlsx'), withAddinSettings(HUE, ADDIN_ID, { [IGNORES_KEY]: storedIgnores(ignores), 'phuluc.check': { v: 1, lang: 'vi' } }));
  // the same ignores saved by another add-in: not this one's, not honoured
  writeFileSync(path.join(dir, 'other-addin.xlsx'), withAddinSettings(HUE, '11111111-2222-3333-4444-555555555555', { 'other.key': 1, [IGNORES_KEY + 'x']: 2 }));
});

test('the reader finds the ignores in the package', async () => {
  const book = await readWorkbookFile(readFileSync(path.join(dir, 'hue-ignores.xlsx')));
  expect(book.ignores).toEqual(ignores);
  expect((await readWorkbookFile(HUE)).ignores).toBeUndefined();
});

test('phuluc check honours them: the findings leave the list and the counts, the JSON lists them as ignored', async () => {
  const plain = JSON.parse((await run(['check', path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx'), '--as-of', AS_OF, '--format', 'json'])).out);
  const r = await run(['check', path.join(dir, 'hue-ignores.xlsx'), '--as-of', AS_OF, '--format', 'json']);
  expect(r.code).toBe(1); // the total is still wrong
  const sheet = JSON.parse(r.out).files[0].sheets[0];
  const before = plain.files[0].sheets[0];
  expect(sheet.findings).toHaveLength(before.findings.length - 2);
  expect(sheet.findings.some((f: { cell: string; rule: string }) => f.cell === 'F21' && f.rule === 'number-as-text')).toBe(false);
  const byCell = [...sheet.ignored].sort((x: { cell: string }, y: { cell: string }) => x.cell.localeCompare(y.cell));
  expect(byCell).toEqual([
    expect.objectContaining({ rule: 'number-as-text', cell: 'F21', message: expect.stringContaining('2.019'), ignored: { cell: 'F21', at: '2018-02-15' } }),
    expect.objectContaining({ rule: 'deadline-overdue', cell: 'G8', ignored: { cell: 'G8', at: '2018-02-15' } }),
  ]);
  expect(sheet.ignored.map((x: { cell: string }) => x.cell).sort()).toEqual(['F21', 'G8']);
  expect(sheet.summary.ignored).toBe(2);
  expect(sheet.summary.findings.warning).toBe(before.summary.findings.warning - 1);
  expect(sheet.summary.findings.info).toBe(before.summary.findings.info - 1);
  expect(sheet.staleIgnores).toBeUndefined();
});

test('the text output says what was ignored', async () => {
  const r = await run(['check', path.join(dir, 'hue-ignores.xlsx'), '--as-of', AS_OF]);
  expect(r.out).toMatch(/Đã bỏ qua \(theo tệp\): (G8 \[deadline-overdue\], F21 \[number-as-text\]|F21 \[number-as-text\], G8 \[deadline-overdue\])/);
  expect(r.out).not.toMatch(/F21 +g\.chú/);
});

test('another add-in\'s settings are not read', async () => {
  const sheet = JSON.parse((await run(['check', path.join(dir, 'other-addin.xlsx'), '--as-of', AS_OF, '--format', 'json'])).out).files[0].sheets[0];
  expect(sheet.ignored).toBeUndefined();
  expect(sheet.findings.some((f: { cell: string; rule: string }) => f.cell === 'F21' && f.rule === 'number-as-text')).toBe(true);
});

test('an ignore whose cell changed hides nothing and is reported as no longer matching', async () => {
  const stale = ignores.map((i) => (i.cell === 'F21' ? { ...i, fingerprint: '0000000000000000' } : i));
  const file = path.join(dir, 'hue-stale.xlsx');
  writeFileSync(file, withAddinSettings(HUE, ADDIN_ID, { [IGNORES_KEY]: storedIgnores(stale) }));
  const sheet = JSON.parse((await run(['check', file, '--as-of', AS_OF, '--format', 'json'])).out).files[0].sheets[0];
  expect(sheet.findings.some((f: { cell: string; rule: string }) => f.cell === 'F21' && f.rule === 'number-as-text')).toBe(true);
  expect(sheet.staleIgnores).toEqual([{ rule: 'number-as-text', cell: 'F21', at: '2018-02-15' }]);
  const text = (await run(['check', file, '--as-of', AS_OF])).out;
  expect(text).toContain('1 mục bỏ qua không còn khớp');
});

test('the preview\'s worker honours them too, at the first check and when the as-of date changes', async () => {
  const posted: FromWorker[] = [];
  const core = new PreviewWorkerCore((m) => posted.push(m));
  const bytes = readFileSync(path.join(dir, 'hue-ignores.xlsx'));
  await core.handle({ type: 'open', id: 'f1', name: 'hue-ignores.xlsx', file: new Blob([bytes]), options: { asOf: AS_OF } });
  const loaded = posted.find((m) => m.type === 'loaded') as Extract<FromWorker, { type: 'loaded' }>;
  expect(loaded.sheets[0].report.ignored?.map((x) => x.finding.cell).sort()).toEqual(['F21', 'G8']);
  await core.handle({ type: 'recheck', options: { asOf: '2018-06-30' } });
  const re = posted.find((m) => m.type === 'rechecked') as Extract<FromWorker, { type: 'rechecked' }>;
  expect(re.reports[0].ignored?.map((x) => x.finding.cell).sort()).toEqual(['F21', 'G8']);
});
