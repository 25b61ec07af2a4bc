/**
 * `phuluc check` asks the engine for no fingerprints and for fix plans only where its output uses them (the text list,
 * the marked copies). Every output must stay exactly what the full reports give: this renders the full reports with
 * the CLI's own output functions and compares, format by format — so an output that starts to use a fix plan or a
 * fingerprint without the CLI asking for it fails here.
 */
import * as path from 'path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { run } from './run';
import { checkAll } from '../../src/core/check';
import type { CheckOptions } from '../../src/core/options';
import type { Lang } from '../../src/core/report';
import { RANK_CONVENTION } from '../../src/core/scores/rank';
import { readWorkbookFile } from '../../src/io/xlsx';
import { FileResult, findingsCsv, rankSummary, safeJson, summaryCsv, summaryRows, summaryText, toJson, toText } from '../../src/cli/output';
import { FIXTURES, TASK_HEAD, sheet, snapshotXlsx } from '../helpers';

/**
 * A hand-made appendix whose amounts stored as text repeat ("77" five times): the same message on several cells, each
 * with its own fix plan — the text output tells such findings one by one, and must keep doing so.
 */
const DIR = mkdtempSync(path.join(tmpdir(), 'phuluc-lean-'));
const REPEATED = path.join(DIR, 'lap-lai.xlsx');
writeFileSync(
  REPEATED,
  snapshotXlsx(
    sheet([
      ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'],
      [],
      TASK_HEAD,
      ...Array.from({ length: 8 }, (_, i) => [i + 1, `Nhiệm vụ ${i + 1}`, 'Báo cáo', i % 2 ? 'Sở Nội vụ' : null, i < 5 ? '77' : 10, 'Quý I/2024']),
      [null, 'Tổng cộng', null, null, 400],
    ]),
  ),
);

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const FILES: [string, string][] = [
  ['hue-2018-nhiem-vu.xlsx', '2018-02-15'],
  ['cathai-2023-danh-muc.xlsx', '2023-01-10'],
  ['hagiang-2024-chi-so.xlsx', '2024-06-01'],
  [REPEATED, '2024-06-15'],
];

/** The results as a full check() gives them (fix plans and fingerprints made), for the same file and date. */
async function fullResults(name: string, asOf: string): Promise<FileResult[]> {
  const file = path.resolve(FIXTURES, name);
  const book = await readWorkbookFile(readFileSync(file));
  const options: CheckOptions = { asOf, ...(book.ignores ? { ignores: book.ignores } : {}) };
  const report = checkAll(book.sheets, options);
  expect(report.sheets.some((s) => s.findings.some((f) => f.fingerprint))).toBe(true);
  return [{ file, sheets: report.sheets, format: book.format }];
}

test('the hand-made sheet has what it is for: one message on several cells, each with a fix plan', async () => {
  const [r] = await fullResults(REPEATED, '2024-06-15');
  const asText = r.sheets[0].findings.filter((f) => f.rule === 'number-as-text');
  expect(asText).toHaveLength(5);
  expect(new Set(asText.map((f) => f.message.vi)).size).toBe(1);
  expect(asText.every((f) => f.fix?.kind === 'number-from-text')).toBe(true);
});

describe.each(FILES)('%s: each output as the full reports give it', (name, asOf) => {
  const file = path.resolve(FIXTURES, name);
  for (const lang of ['vi', 'en'] as Lang[]) {
    test(`${lang}: JSON, CSV, text`, async () => {
      const full = await fullResults(name, asOf);
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--format', 'json'])).out).toBe(toJson(full, asOf, lang) + '\n');
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--format', 'csv'])).out).toBe(findingsCsv(full, lang));
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--no-color'])).out).toBe(toText(full, lang, false, asOf));
    });

    test(`${lang}: the summary in text, CSV and JSON`, async () => {
      const full = await fullResults(name, asOf);
      const rows = rankSummary(summaryRows(full), full);
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--summary', '--no-color'])).out).toBe(summaryText(rows, lang, false, asOf));
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--summary', '--format', 'csv'])).out).toBe(summaryCsv(rows));
      expect((await run(['check', file, '--as-of', asOf, '--lang', lang, '--summary', '--format', 'json'])).out).toBe(
        safeJson(JSON.stringify({ version: 1, asOf, ranking: RANK_CONVENTION[lang], files: rows }, null, 2)) + '\n',
      );
    });
  }
});
