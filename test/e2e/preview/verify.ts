/**
 * Re-reads a downloaded annotated copy next to its original, in Node (run with tsx by run.js):
 *   - the project's own reader (src/io/xlsx.ts readSnapshots): every original sheet reads back identically, and the
 *     engine finds the same findings in the copy;
 *   - ExcelJS: the fill and note of every finding cell (the add-in's marks), the report sheet's rows and links.
 *
 *   tsx test/e2e/preview/verify.ts ARGS.json   →   one JSON line on stdout (see Result)
 */
import { readFileSync } from 'fs';
import { isDeepStrictEqual } from 'util';
import ExcelJS from 'exceljs';
import { readSnapshots } from '../../../src/io/xlsx';
import { check } from '../../../src/core/check';
import { MARK_ARGB, planCellMarks, REPORT_HEADER_ROWS, REPORT_SHEET_BASE } from '../../../src/io/annotate';

interface Args {
  original: string;
  annotated: string;
  asOf: string;
  /** cells that must carry a mark, e.g. { "F61": "error" } */
  expectMarks: Record<string, 'error' | 'warning' | 'info'>;
}

interface Result {
  originalSheets: string[];
  annotatedSheets: string[];
  /** every original sheet's snapshot (values, formulas, formats, merges) equals the copy's */
  snapshotsEqual: boolean;
  differingSheets: string[];
  /** the engine finds the same findings in the copy */
  sameFindings: boolean;
  findings: number;
  /** finding cells (top-left of merged areas) whose fill or note is not the expected mark */
  badMarks: string[];
  markedCells: number;
  expectMarks: Record<string, { expected: string; fill: string | null }>;
  reportSheet: string | null;
  reportRows: number;
  reportLinks: number;
  reportMessagesMatch: boolean;
  /** cells of the appendix sheet that are not finding cells but changed fill */
  strayFills: string[];
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' && f.pattern === 'solid' ? (f.fgColor?.argb ?? null) : null;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function main(): Promise<void> {
  const args = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Args;
  const before = await readSnapshots(readFileSync(args.original));
  const after = await readSnapshots(readFileSync(args.annotated));
  const differing = before.filter((s, i) => !isDeepStrictEqual(s, after[i])).map((s) => s.name);
  const reportsBefore = before.map((s) => check(s, { asOf: args.asOf }));
  const reportsAfter = after.slice(0, before.length).map((s) => check(s, { asOf: args.asOf }));
  const sameFindings = isDeepStrictEqual(
    reportsBefore.map((r) => r.findings),
    reportsAfter.map((r) => r.findings),
  );

  const a = await book(args.original);
  const b = await book(args.annotated);
  const badMarks: string[] = [];
  const strayFills: string[] = [];
  let markedCells = 0;
  for (const r of reportsBefore) {
    if (!r.found) continue;
    const ws = b.getWorksheet(r.sheet)!;
    const orig = a.getWorksheet(r.sheet)!;
    const marked = new Set<string>();
    for (const m of planCellMarks(r.findings, 'vi')) {
      const cell = ws.getCell(m.address);
      const target = cell.isMerged ? cell.master : cell;
      marked.add(target.address);
      markedCells++;
      if (fillOf(target) !== MARK_ARGB[m.severity]) badMarks.push(`${r.sheet}!${m.address}: fill ${fillOf(target)}`);
      // a cell of a merged area that had another finding may carry the first cell's note; the note is never empty
      if (!noteText(target)) badMarks.push(`${r.sheet}!${m.address}: no note`);
    }
    orig.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const at = cell.isMerged ? cell.master.address : cell.address;
        if (!marked.has(at) && fillOf(ws.getCell(cell.address)) !== fillOf(cell)) strayFills.push(`${r.sheet}!${cell.address}`);
      }),
    );
  }
  const first = b.getWorksheet(before[0].name)!;
  const expectMarks: Result['expectMarks'] = {};
  for (const [addr, sev] of Object.entries(args.expectMarks)) {
    const c = first.getCell(addr);
    expectMarks[addr] = { expected: MARK_ARGB[sev], fill: fillOf(c.isMerged ? c.master : c) };
  }

  const reportName = after.length > before.length ? after[after.length - 1].name : null;
  const rep = reportName ? b.getWorksheet(reportName) : undefined;
  let reportRows = 0;
  let reportLinks = 0;
  let reportMessagesMatch = !!rep;
  if (rep) {
    const all = reportsBefore.flatMap((r) => r.findings.map((f) => ({ sheet: r.sheet, f })));
    reportRows = rep.rowCount - REPORT_HEADER_ROWS;
    all.forEach(({ sheet, f }, i) => {
      const row = rep.getRow(REPORT_HEADER_ROWS + 1 + i);
      if (typeof row.getCell(3).formula === 'string' && row.getCell(3).formula.startsWith('HYPERLINK("#')) reportLinks++;
      const lang = row.getCell(6).value === f.message.vi ? 'vi' : 'en';
      if (row.getCell(2).value !== sheet || row.getCell(6).value !== f.message[lang] || row.getCell(7).value !== f.rule) reportMessagesMatch = false;
    });
  }

  const result: Result = {
    originalSheets: before.map((s) => s.name),
    annotatedSheets: after.map((s) => s.name),
    snapshotsEqual: differing.length === 0,
    differingSheets: differing,
    sameFindings,
    findings: reportsBefore.reduce((n, r) => n + r.findings.length, 0),
    badMarks,
    markedCells,
    expectMarks,
    reportSheet: reportName && reportName.startsWith(REPORT_SHEET_BASE) ? reportName : null,
    reportRows,
    reportLinks,
    reportMessagesMatch,
    strayFills,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
