/**
 * Test helper: a snapshot whose formula cells carry the value Excel would show. Handles the shapes totals are
 * written with (SUM of ranges and cells, "+" between them); a SUM range skips text and empty cells like Excel.
 * Written independently of src/core/rules/formula.ts so the tests do not check the parser against itself.
 */
import { parseA1, type CellValue, type SheetSnapshot } from '../src/core/snapshot';

export type CellSpec = CellValue | { f: string };

function cellAt(values: CellValue[][], row: number, col: number): CellValue {
  return values[row - 1]?.[col - 1] ?? null;
}

/** Rows of values or {f: "=SUM(E5:E7)"}; formula values are computed, formulas kept. Row 1 first. */
export function withFormulas(rows: CellSpec[][], name = 'Test'): SheetSnapshot {
  const values: CellValue[][] = rows.map((r) => r.map((c) => (c && typeof c === 'object' && 'f' in c ? null : (c as CellValue))));
  const formulas: (string | null)[][] = rows.map((r) => r.map((c) => (c && typeof c === 'object' && 'f' in c ? c.f : null)));
  const done = new Set<string>();
  const evalCell = (row: number, col: number, stack: string[]): number => {
    const key = `${row},${col}`;
    const f = formulas[row - 1]?.[col - 1];
    if (f && !done.has(key)) {
      if (stack.includes(key)) throw new Error(`circular formula at ${key}`);
      let total = 0;
      for (const term of f.replace(/^=/, '').split('+')) {
        const m = /^SUM\((.*)\)$/i.exec(term);
        const parts = m ? m[1].split(',') : [term];
        for (const part of parts) {
          const [a, b] = part.split(':').map((x) => parseA1(x)!);
          const end = b ?? a;
          for (let r = a.row; r <= end.row; r++)
            for (let c = a.col; c <= end.col; c++) {
              evalCell(r, c, [...stack, key]);
              const v = cellAt(values, r, c);
              if (typeof v === 'number') total += v;
              else if (!m && typeof v === 'string' && v.trim()) throw new Error(`"+" on text at ${part}`);
            }
        }
      }
      while (values[row - 1].length < col) values[row - 1].push(null);
      values[row - 1][col - 1] = Math.round(total * 1e9) / 1e9;
      done.add(key);
    }
    return 0;
  };
  formulas.forEach((r, i) => r.forEach((f, j) => f && evalCell(i + 1, j + 1, [])));
  return { name, values, formulas };
}

/** A copy of `snap` with some cells replaced (values or formulas), formula values recomputed. */
export function editSheet(snap: SheetSnapshot, cells: Record<string, CellSpec>): SheetSnapshot {
  const rows: CellSpec[][] = snap.values.map((r, i) => r.map((v, j) => (snap.formulas?.[i]?.[j] ? { f: snap.formulas[i]![j]! } : v)));
  for (const [addr, v] of Object.entries(cells)) {
    const p = parseA1(addr)!;
    while (rows.length < p.row) rows.push([]);
    while (rows[p.row - 1].length < p.col) rows[p.row - 1].push(null);
    rows[p.row - 1][p.col - 1] = v;
  }
  const out = withFormulas(rows, snap.name);
  return { ...snap, values: out.values, formulas: out.formulas };
}

/** The snapshot as it would be after a host wrote `plan`'s edits (formula values recomputed like Excel). */
export function applyPlan(snap: SheetSnapshot, plan: { edits: { cell: string; after: { value: unknown; formula?: string; numberFormat: string } }[] }): SheetSnapshot {
  const cells: Record<string, CellSpec> = {};
  for (const e of plan.edits) cells[e.cell] = e.after.formula ? { f: e.after.formula } : (e.after.value as CellValue);
  const out = editSheet(snap, cells);
  const formats = (snap.numberFormats ?? []).map((r) => [...(r ?? [])]);
  for (const e of plan.edits) {
    const p = parseA1(e.cell)!;
    while (formats.length < p.row) formats.push([]);
    formats[p.row - 1][p.col - 1] = e.after.numberFormat;
  }
  return { ...out, numberFormats: formats };
}
