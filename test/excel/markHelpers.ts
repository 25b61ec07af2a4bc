/** Shared set-up of the marking tests: a sheet with the user's own fills, findings, and fill snapshots. */
import type { Finding, Severity } from '../../src/core/report';
import { a1, columnLetter, parseA1 } from '../../src/core/snapshot';
import { FakeExcel, NO_FILL, type FakeFill } from './fakeExcel';

export const SHEET = 'Phụ lục 1';
export const GREEN: FakeFill = { color: '#00B050', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
export const HATCH: FakeFill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0.4, patternTintAndShade: -0.25 };
export const WHITE: FakeFill = { color: '#FFFFFF', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
/** a theme colour lightened 40 % (Excel reports the colour and the tint) */
export const TINTED: FakeFill = { color: '#4472C4', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0.4, patternTintAndShade: 0 };
export const GRADIENT: FakeFill = { color: '#5B9BD5', pattern: 'LinearGradient', patternColor: '#FFFFFF', tintAndShade: 0, patternTintAndShade: 0 };
export { NO_FILL };

export function finding(cell: string, severity: Severity = 'error', vi = `Lỗi ở ${cell}`): Finding {
  const p = parseA1(cell)!;
  return { rule: 'missing-required', severity, cell, row: p.row, column: columnLetter(p.col), message: { vi, en: `Problem at ${cell}` } };
}

export function setup(rows = 2100, cols = 11, apiVersion = '1.20') {
  const x = new FakeExcel();
  x.apiVersion = apiVersion;
  x.addSheet('Khác');
  const sheet = x.addSheet(SHEET).generate(rows, cols, (r, c) => ({ value: r * 100 + c }));
  // some cells carry the user's own fills
  sheet.mutable(5, 2).fill = { ...GREEN };
  sheet.mutable(6, 2).fill = { ...HATCH };
  sheet.mutable(7, 3).fill = { ...GREEN };
  x.activeName = SHEET;
  return { x, sheet, deps: { run: x.run, isSetSupported: x.isSetSupported, platform: x.platform } };
}

export function fills(x: FakeExcel, cells: string[], sheet = SHEET): Record<string, FakeFill> {
  return Object.fromEntries(cells.map((c) => [c, x.sheet(sheet)!.fill(c)]));
}

/**
 * n distinct cells, 500 per column from `firstCol`, every other row from row 1001 (so they cannot be coalesced into
 * runs, and 5 000 of them make address lists well over Excel's 8 192-character limit)
 */
export function manyFindings(n: number, firstCol = 2): Finding[] {
  const sev: Severity[] = ['error', 'warning', 'info'];
  return Array.from({ length: n }, (_, i) => finding(a1(1001 + (i % 500) * 2, firstCol + Math.floor(i / 500)), sev[i % 3]));
}

/** the add-in's settings keys and hidden names now in the workbook */
export function leftovers(x: FakeExcel): { settings: string[]; names: string[] } {
  return { settings: [...x.settings.keys()].filter((k) => k.startsWith('phuluc.')), names: x.names.map((n) => n.name) };
}
