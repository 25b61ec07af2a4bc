/**
 * Excel's automatic calculation, for the formulas a total is written with: SUM of cells and ranges, and "+" between
 * them. SUM skips text and empty cells (a number stored as text is not added — the very mistake "number-as-text"
 * finds); "+" on a text cell gives #VALUE!. Formulas of any other shape keep the value they have. Off by default
 * (FakeExcel.calculate): most tests set the value Excel would show themselves.
 */
import { parseA1 } from '../../../src/core/snapshot';
import { KEY, type FakeCell, type FakeSheet } from './model';

const TERM = /^\s*(?:SUM\(([^()]*)\)|(\$?[A-Z]{1,3}\$?\d+))\s*$/i;

function terms(formula: string): { sum: string[] | null; ref: string | null }[] | null {
  const out: { sum: string[] | null; ref: string | null }[] = [];
  for (const t of formula.replace(/^=/, '').split('+')) {
    const m = TERM.exec(t);
    if (!m) return null;
    out.push(m[1] !== undefined ? { sum: m[1].split(',').map((x) => x.trim()).filter(Boolean), ref: null } : { sum: null, ref: m[2] });
  }
  return out;
}

const pos = (a: string) => parseA1(a.replace(/\$/g, ''));

/** Recomputes every formula of `sheet` the fake understands. */
export function recalculate(sheet: FakeSheet): void {
  const done = new Map<number, number | string>();
  const visiting = new Set<number>();
  const valueAt = (r: number, c: number): number | string | boolean | undefined => {
    const cell = sheet.get(r, c);
    if (cell?.formula) {
      const v = evaluate(r, c, cell);
      return v;
    }
    if (cell?.error) return cell.error;
    return cell?.value;
  };
  const evaluate = (r: number, c: number, cell: FakeCell): number | string | boolean | undefined => {
    const k = KEY(r, c);
    if (done.has(k)) return done.get(k);
    const parts = terms(cell.formula!);
    if (!parts || visiting.has(k)) return cell.error ?? cell.value;
    visiting.add(k);
    let total = 0;
    let error: string | null = null;
    for (const p of parts) {
      if (p.ref !== null) {
        const at = pos(p.ref);
        if (!at) return cell.value;
        const v = valueAt(at.row, at.col);
        if (typeof v === 'number') total += v;
        else if (typeof v === 'string' && v.startsWith('#')) error ??= v;
        else if (typeof v === 'string' && v !== '') error ??= '#VALUE!';
        continue;
      }
      for (const range of p.sum!) {
        const [a, b] = range.split(':').map(pos);
        if (!a) return cell.value;
        const end = b ?? a;
        for (let rr = Math.min(a.row, end.row); rr <= Math.max(a.row, end.row); rr++)
          for (let cc = Math.min(a.col, end.col); cc <= Math.max(a.col, end.col); cc++) {
            const v = valueAt(rr, cc);
            if (typeof v === 'number') total += v;
            else if (typeof v === 'string' && v.startsWith('#')) error ??= v;
          }
      }
    }
    visiting.delete(k);
    const out = error ?? Math.round(total * 1e9) / 1e9;
    done.set(k, out);
    const m = sheet.mutable(r, c);
    if (error) {
      m.error = error;
      m.value = undefined;
    } else {
      delete m.error;
      m.value = out as number;
    }
    return out;
  };
  for (const [r, c] of sheet.storedKeys()) {
    const cell = sheet.get(r, c);
    if (cell?.formula) evaluate(r, c, cell);
  }
}
