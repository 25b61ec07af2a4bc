/**
 * A deadline cell's reading in one line, for tables of cases: "fixed date 2024-01-01..2024-03-20", with what the line
 * says beyond the period (status, postponement, alternatives). Several parts are joined by " | ".
 */
import { parseDeadline, type DeadlinePart } from '../../../../src/core/vn/period';

export function describePart(p: DeadlinePart): string {
  let s: string = p.kind;
  if (p.period) s += ` ${p.period.kind} ${p.period.start}..${p.period.due}`;
  if (p.frequency) s += ` ${p.frequency}`;
  if (p.day !== undefined) s += ` day ${p.day}`;
  if (p.start) s += ` from ${p.start}`;
  if (p.since !== undefined) s += ` since ${p.since}`;
  if (p.status) s += ` [${p.status}]`;
  if (p.postponed) s += ` postponed${p.postponed.from ? ` from ${p.postponed.from}` : ''}`;
  if (p.alternatives) s += ` of ${p.alternatives.join(' | ')}`;
  return s;
}

/** The reading of `text` with the plan year (2024 unless given; null: no plan year). */
export function reading(text: string, planYear: number | null = 2024): string {
  return parts(text, planYear).map(describePart).join(' || ');
}

export function parts(text: string, planYear: number | null = 2024): DeadlinePart[] {
  return parseDeadline(text, { planYear: planYear ?? undefined });
}
