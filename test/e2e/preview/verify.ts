/**
 * Re-reads a downloaded annotated copy next to its original, in Node (run with tsx by run.js):
 *   - the project's own reader (src/io/xlsx.ts readSnapshots): every original sheet reads back identically, the
 *     engine finds the same findings in the copy, and the report sheet lists them with a link each;
 *   - the package itself (zip + styles + comments, read with src/io): the fill and note of every finding cell, and
 *     no other cell's fill changed;
 *   - ExcelJS as a second reader, where it can read the original at all (it cannot parse the VML old Excel writes,
 *     with bare <br> tags): the same fills and the report sheet's rows.
 *
 *   tsx test/e2e/preview/verify.ts ARGS.json   →   one JSON line on stdout (see Result)
 */
import { readFileSync } from 'fs';
import { isDeepStrictEqual } from 'util';
import ExcelJS from 'exceljs';
import { readSnapshots } from '../../../src/io/xlsx';
import { check } from '../../../src/core/check';
import { MARK_ARGB, planCellMarks, REPORT_HEADER_ROWS, REPORT_SHEET_BASE } from '../../../src/io/annotate';
import { openZip, type ZipArchive } from '../../../src/io/zip';
import { findWorkbookPart, parseContentTypes, readPartText, readRels, readWorkbookInfo, relType } from '../../../src/io/package';
import { parseAttrs, tokenize } from '../../../src/io/xml';
import { columnLetter, parseA1, type MergedArea } from '../../../src/core/snapshot';

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
  /** "ok", or why ExcelJS could not be the second reader */
  excelJs: string;
}

/** Every cell's solid fill colour (ARGB) and the cells with a note, per sheet name, read from the package itself. */
function packageMarks(bytes: Uint8Array): Map<string, { fills: Map<string, string | null>; notes: Set<string>; merges: MergedArea[] }> {
  const zip: ZipArchive = openZip(bytes);
  const ct = parseContentTypes(readPartText(zip, '[Content_Types].xml'));
  const wb = readWorkbookInfo(zip, findWorkbookPart(zip), ct);
  // styles: xf index → fill colour
  const fills: (string | null)[] = [];
  const xfFill: number[] = [];
  let section = '';
  let depth = 0;
  let inFill = false;
  tokenize(readPartText(zip, wb.styles ?? 'xl/styles.xml') ?? '<styleSheet/>', {
    wantText: false,
    open(name, raw, self) {
      if (depth === 1) section = name;
      else if (depth === 2 && section === 'fills' && name === 'fill') {
        fills.push(null);
        inFill = true;
      } else if (depth === 2 && section === 'cellXfs' && name === 'xf') xfFill.push(Number(parseAttrs(raw).fillId ?? 0));
      else if (inFill && name === 'fgColor') fills[fills.length - 1] = parseAttrs(raw).rgb ?? null;
      if (!self) depth++;
    },
    close(name) {
      depth--;
      if (depth === 2 && name === 'fill') inFill = false;
    },
    text() {},
  });
  const out = new Map<string, { fills: Map<string, string | null>; notes: Set<string>; merges: MergedArea[] }>();
  for (const s of wb.sheets) {
    if (!s.part) continue;
    const cells = new Map<string, string | null>();
    const merges: MergedArea[] = [];
    tokenize(readPartText(zip, s.part) ?? '<worksheet/>', {
      wantText: false,
      open(name, raw) {
        if (name === 'c') {
          const a = parseAttrs(raw);
          if (a.r) cells.set(a.r, fills[xfFill[Number(a.s ?? 0)] ?? 0] ?? null);
        } else if (name === 'mergeCell') {
          const p = parseAttrs(raw).ref?.split(':').map((x) => parseA1(x));
          if (p?.[0] && p[1]) merges.push({ top: p[0].row, left: p[0].col, bottom: p[1].row, right: p[1].col });
        }
      },
      close() {},
      text() {},
    });
    const notes = new Set<string>();
    const rel = readRels(zip, s.part).find((r) => relType(r) === 'comments');
    if (rel)
      tokenize(readPartText(zip, rel.target) ?? '<comments/>', {
        wantText: false,
        open(name, raw) {
          if (name === 'comment') notes.add(parseAttrs(raw).ref ?? '');
        },
        close() {},
        text() {},
      });
    out.set(s.name, { fills: cells, notes, merges });
  }
  return out;
}

function master(address: string, merges: MergedArea[]): string {
  const p = parseA1(address)!;
  const m = merges.find((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right);
  return m ? columnLetter(m.left) + m.top : address;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' && f.pattern === 'solid' ? (f.fgColor?.argb ?? null) : null;
}

async function book(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function main(): Promise<void> {
  const args = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Args;
  const origBytes = new Uint8Array(readFileSync(args.original));
  const copyBytes = new Uint8Array(readFileSync(args.annotated));
  const before = await readSnapshots(origBytes);
  const after = await readSnapshots(copyBytes);
  const differing = before.filter((s, i) => !isDeepStrictEqual(s, after[i])).map((s) => s.name);
  const reportsBefore = before.map((s) => check(s, { asOf: args.asOf }));
  const reportsAfter = after.slice(0, before.length).map((s) => check(s, { asOf: args.asOf }));
  const sameFindings = isDeepStrictEqual(
    reportsBefore.map((r) => r.findings),
    reportsAfter.map((r) => r.findings),
  );

  // ── the package itself ──
  const pa = packageMarks(origBytes);
  const pb = packageMarks(copyBytes);
  const badMarks: string[] = [];
  const strayFills: string[] = [];
  let markedCells = 0;
  for (const r of reportsBefore) {
    if (!r.found) continue;
    const a = pa.get(r.sheet)!;
    const b = pb.get(r.sheet)!;
    const marked = new Set<string>();
    for (const m of planCellMarks(r.findings, 'vi')) {
      const at = master(m.address, a.merges);
      marked.add(at);
      markedCells++;
      if (!Object.values(MARK_ARGB).includes(b.fills.get(at) ?? '')) badMarks.push(`${r.sheet}!${m.address}: fill ${b.fills.get(at)}`);
      if (!b.notes.has(at)) badMarks.push(`${r.sheet}!${m.address}: no note`);
    }
    for (const [cell, fill] of a.fills) if (!marked.has(cell) && b.fills.get(cell) !== fill) strayFills.push(`${r.sheet}!${cell}`);
  }
  const first = pb.get(before[0].name)!;
  const expectMarks: Result['expectMarks'] = {};
  for (const [addr, sev] of Object.entries(args.expectMarks)) expectMarks[addr] = { expected: MARK_ARGB[sev], fill: first.fills.get(master(addr, first.merges)) ?? null };

  // ── the report sheet, through the project's reader ──
  const reportName = after.length > before.length ? after[after.length - 1].name : null;
  const rep = reportName ? after[after.length - 1] : undefined;
  let reportRows = 0;
  let reportLinks = 0;
  let reportMessagesMatch = !!rep;
  if (rep) {
    const all = reportsBefore.flatMap((r) => r.findings.map((f) => ({ sheet: r.sheet, f })));
    reportRows = rep.values.length - REPORT_HEADER_ROWS;
    all.forEach(({ sheet, f }, i) => {
      const row = rep.values[REPORT_HEADER_ROWS + i] ?? [];
      const formula = rep.formulas?.[REPORT_HEADER_ROWS + i]?.[2] ?? '';
      if (formula.startsWith('=HYPERLINK("#')) reportLinks++;
      const lang = row[5] === f.message.vi ? 'vi' : 'en';
      if (row[1] !== sheet || row[5] !== f.message[lang] || row[6] !== f.rule) reportMessagesMatch = false;
    });
  }

  // ── ExcelJS, a second reader, where it reads the original ──
  let excelJs = 'ok';
  try {
    await book(args.original); // if ExcelJS cannot read the original, it is no judge of the copy
    const b = await book(args.annotated);
    for (const r of reportsBefore) {
      if (!r.found) continue;
      const ws = b.getWorksheet(r.sheet)!;
      for (const m of planCellMarks(r.findings, 'vi')) {
        const cell = ws.getCell(m.address);
        const target = cell.isMerged ? cell.master : cell;
        if (fillOf(target) !== MARK_ARGB[m.severity]) badMarks.push(`ExcelJS ${r.sheet}!${m.address}: fill ${fillOf(target)}`);
      }
    }
    const repB = reportName ? b.getWorksheet(reportName) : undefined;
    if (rep && repB && repB.rowCount - REPORT_HEADER_ROWS !== reportRows) badMarks.push(`ExcelJS: the report sheet has ${repB.rowCount - REPORT_HEADER_ROWS} rows`);
  } catch (e) {
    excelJs = `unreadable by ExcelJS: ${(e as Error).message.split('\n')[0].slice(0, 120)}`;
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
    excelJs,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
