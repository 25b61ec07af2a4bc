/** The real fixtures in the truthful fake, as Excel would hold them: values, errors, formulas, formats, merges. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { isCellError, type CellValue, type SheetSnapshot } from '../../src/core/snapshot';
import { readSnapshots } from '../../src/io/xlsx';
import { FakeExcel, type FakeCell } from './fakeExcel';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function putSnapshot(x: FakeExcel, snap: SheetSnapshot): void {
  const sheet = x.addSheet(snap.name);
  const top = snap.origin?.row ?? 1;
  const left = snap.origin?.col ?? 1;
  snap.values.forEach((row, r) =>
    (row ?? []).forEach((v: CellValue, c) => {
      const cell: FakeCell = {};
      if (isCellError(v)) cell.error = v.error;
      else if (v !== null && v !== undefined) cell.value = v;
      const f = snap.formulas?.[r]?.[c];
      if (f) cell.formula = f;
      const nf = snap.numberFormats?.[r]?.[c];
      if (nf) cell.numberFormat = nf;
      if (Object.keys(cell).length) Object.assign(sheet.mutable(top + r, left + c), cell);
    }),
  );
  sheet.merges = (snap.merges ?? []).map((m) => ({ ...m }));
}

/** A fake workbook holding the fixture's sheets; Excel's calculation on (a written SUM shows its value). */
export async function fixtureBook(file: string, edit?: (snap: SheetSnapshot) => SheetSnapshot): Promise<FakeExcel> {
  const x = new FakeExcel();
  x.calculate = true;
  for (const s of await readSnapshots(readFileSync(path.join(FIXTURES, file)))) putSnapshot(x, edit ? edit(s) : s);
  x.resetLogs();
  return x;
}

/** Every stored cell of a sheet (value, formula, error, format), for before/after comparisons. */
export function dumpSheet(x: FakeExcel, name: string): Record<string, FakeCell> {
  const s = x.sheet(name)!;
  const out: Record<string, FakeCell> = {};
  for (const [r, c] of s.storedKeys()) {
    const cell = s.get(r, c);
    if (!cell) continue;
    const { fill: _f, ...rest } = cell;
    const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== '')) as FakeCell;
    if (Object.keys(clean).length) out[`${r},${c}`] = clean;
  }
  return out;
}
