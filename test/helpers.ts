import { readFileSync } from 'fs';
import * as path from 'path';
import { readSnapshots } from '../src/io/xlsx';
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

/** A copy of `snap` with some cells replaced ("F61": 21950), for one realistic edit of a real fixture. */
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
