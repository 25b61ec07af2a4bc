/**
 * "Sửa tất cả loại này": the fix plans of several findings of one rule as ONE plan, written in one batch — offered
 * only where it is safe:
 *   - two plans that write the same cell must write the same thing (a conversion two totals both need is done once);
 *   - no plan's formula may read a cell that another plan of the batch rewrites with a formula (a parent criterion
 *     and its wrong sub-criterion): the value shown in the preview would not be what Excel computes. Those are fixed
 *     one by one, each previewed with its own exact result.
 */
import type { Finding, FixEdit, FixPlan } from '../report';
import { parseA1 } from '../snapshot';

/** The cells a formula written by a plan reads ("=SUM(F6:F11,F13)+SUM(F20:F25)"). */
export function formulaCells(formula: string): { col: string; top: number; bottom: number }[] {
  const out: { col: string; top: number; bottom: number }[] = [];
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    const top = Number(m[2]);
    const bottom = m[4] ? Number(m[4]) : top;
    out.push({ col: m[1], top: Math.min(top, bottom), bottom: Math.max(top, bottom) });
  }
  return out;
}

const sameContent = (a: FixEdit['after'], b: FixEdit['after']) =>
  a.value === b.value && (a.formula ?? null) === (b.formula ?? null) && a.numberFormat === b.numberFormat;

export interface CombinedFix {
  plan: FixPlan;
  /** the findings it fixes */
  findings: Finding[];
}

/** Why a group cannot be fixed at once. */
export type CombineRefusal = 'too-few' | 'conflict' | 'reads-written';

/** The plans of `findings` (those that have one) as one plan, or why not. */
export function combineFixes(findings: readonly Finding[]): CombinedFix | { refused: CombineRefusal } {
  const withFix = findings.filter((f) => f.fix && f.fix.edits.length);
  if (withFix.length < 2) return { refused: 'too-few' };
  const byCell = new Map<string, FixEdit>();
  const edits: FixEdit[] = [];
  for (const f of withFix)
    for (const e of f.fix!.edits) {
      const seen = byCell.get(e.cell);
      if (seen) {
        if (!sameContent(seen.after, e.after)) return { refused: 'conflict' };
        continue;
      }
      byCell.set(e.cell, e);
      edits.push(e);
    }
  const formulaCellsWritten = edits.filter((e) => e.after.formula);
  for (const e of formulaCellsWritten)
    for (const ref of formulaCells(e.after.formula!))
      for (const other of formulaCellsWritten) {
        if (other === e) continue;
        const p = parseA1(other.cell);
        if (p && other.column === ref.col && p.row >= ref.top && p.row <= ref.bottom) return { refused: 'reads-written' };
      }
  const n = withFix.length;
  const first = withFix[0].fix!;
  return {
    findings: withFix,
    plan: {
      kind: first.kind,
      description: {
        vi: `Sửa ${n} phát hiện cùng loại trong một lần: ghi ${edits.length} ô.`,
        en: `Fix ${n} findings of this kind at once: ${edits.length} cells written.`,
      },
      edits,
    },
  };
}
