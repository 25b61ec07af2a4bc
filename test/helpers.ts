import { readFileSync } from 'fs';
import * as path from 'path';
import { readSnapshots } from '../src/io/xlsx';
import { writeXlsx } from '../src/io/tableXlsx';
import { check } from '../src/core/check';
import { parseA1, type SheetSnapshot, type CellValue, type MergedArea } from '../src/core/snapshot';
import type { CheckOptions } from '../src/core/options';
import type { Finding, RuleId, SheetReport } from '../src/core/report';

export const FIXTURES = path.join(__dirname, 'fixtures');

export async function fixtureSnapshot(name: string): Promise<SheetSnapshot> {
  const [s] = await readSnapshots(readFileSync(path.join(FIXTURES, name)));
  return s;
}

export async function checkFixture(name: string, options: CheckOptions): Promise<SheetReport> {
  return check(await fixtureSnapshot(name), options);
}

export function cellsOf(report: SheetReport, rule: RuleId): string[] {
  return report.findings.filter((f) => f.rule === rule).map((f) => f.cell);
}

export function byRule(report: SheetReport, rule: RuleId): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** A snapshot from rows of values (row 1 first), for minimal hand-made cases. */
export function sheet(rows: CellValue[][], extra: { name?: string; merges?: MergedArea[]; formats?: (string | null)[][]; formulas?: (string | null)[][] } = {}): SheetSnapshot {
  return { name: extra.name ?? 'Test', values: rows, merges: extra.merges, numberFormats: extra.formats, formulas: extra.formulas };
}

/** The header of a plain task appendix, for hand-made sheets. */
export const TASK_HEAD: CellValue[] = ['TT', 'Nội dung', 'Sản phẩm', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'];

/** Checks a hand-made task appendix: a 2024 title, a blank row, TASK_HEAD (row 3), then `rows` from row 4. */
export function checkTasks(rows: CellValue[][], extra: Parameters<typeof sheet>[1] = {}, asOf = '2024-06-15'): SheetReport {
  return check(sheet([['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], [], TASK_HEAD, ...rows], extra), { asOf });
}

/** A copy of `snap` with some cells replaced ("F61": 21950), for one realistic edit of a real fixture; null empties a cell. */
export function editCells(snap: SheetSnapshot, cells: Record<string, CellValue>): SheetSnapshot {
  const values = snap.values.map((r) => [...r]);
  for (const [addr, v] of Object.entries(cells)) {
    const p = parseA1(addr)!;
    while (values.length < p.row) values.push([]);
    const row = values[p.row - 1];
    while (row.length < p.col) row.push(null);
    row[p.col - 1] = v;
  }
  return { ...snap, values };
}

/** The same as editCells (the scoring tests' name). */
export const editSnapshot = editCells;

/** A copy of `snap` with `rows` inserted before sheet row `before` (values; formats copied from the row above). */
export function insertRows(snap: SheetSnapshot, before: number, rows: CellValue[][]): SheetSnapshot {
  const i = before - 1;
  const fmts = snap.numberFormats ?? [];
  const fmtAbove = fmts[i - 1] ?? [];
  const shift = (r: number) => (r >= before ? r + rows.length : r);
  return {
    ...snap,
    values: [...snap.values.slice(0, i), ...rows.map((r) => [...r]), ...snap.values.slice(i)],
    numberFormats: [...fmts.slice(0, i), ...rows.map(() => [...fmtAbove]), ...fmts.slice(i)],
    formulas: snap.formulas ? [...snap.formulas.slice(0, i), ...rows.map(() => []), ...snap.formulas.slice(i)] : undefined,
    merges: (snap.merges ?? []).map((m) => ({ ...m, top: shift(m.top), bottom: shift(m.bottom) })),
  };
}

/**
 * A copy of `snap` whose rows `first`..`last` (sheet rows) are put in the order `order` gives (each entry a list of
 * sheet rows, e.g. [[17, 24], [7, 16]] puts the block 17–24 first). Rows of merged areas inside the range must move
 * together; the test sheets used have none there.
 */
export function reorderRows(snap: SheetSnapshot, first: number, last: number, order: [number, number][]): SheetSnapshot {
  const pick = <T>(list: T[] | undefined): T[] | undefined => {
    if (!list) return undefined;
    const moved: T[] = [];
    for (const [a, b] of order) for (let r = a; r <= b; r++) moved.push(list[r - 1]);
    if (moved.length !== last - first + 1) throw new Error('reorderRows: the blocks must cover the range exactly');
    return [...list.slice(0, first - 1), ...moved, ...list.slice(last)];
  };
  return { ...snap, values: pick(snap.values)!, numberFormats: pick(snap.numberFormats), formulas: pick(snap.formulas) };
}

/** A snapshot written as an .xlsx file's bytes (values, the decimals of "0.00" formats, merges), for CLI tests. */
export function snapshotXlsx(s: SheetSnapshot): Uint8Array {
  const col = (n: number) => String.fromCharCode(64 + n);
  const rows = s.values.map((r, i) =>
    r.map((v, j) => {
      const d = /0\.(0+)/.exec(s.numberFormats?.[i]?.[j] ?? '')?.[1].length;
      return typeof v === 'number' ? { v, decimals: d } : typeof v === 'string' ? v : null;
    }),
  );
  return writeXlsx([{ name: s.name, rows, merges: (s.merges ?? []).map((m) => `${col(m.left)}${m.top}:${col(m.right)}${m.bottom}`) }]);
}
