/**
 * What a finding looks like in a workbook, shared by every host that marks cells (the Excel add-in, the annotated
 * copy of the preview): the colour per severity, one mark per cell, and the name of the report sheet.
 */
import type { Finding, Lang, Severity } from './report';
import { severityRank } from './report';
import { columnLetter, parseA1 } from './snapshot';

/** Fill colour per severity (hex RGB, as Office.js takes it). */
export const MARK_COLORS: Readonly<Record<Severity, string>> = { error: '#F4B6B6', warning: '#FFE699', info: '#BDD7EE' };

/** The same colours as ARGB, as .xlsx files (ExcelJS) store them. */
export const MARK_ARGB: Readonly<Record<Severity, string>> = {
  error: 'FF' + MARK_COLORS.error.slice(1),
  warning: 'FF' + MARK_COLORS.warning.slice(1),
  info: 'FF' + MARK_COLORS.info.slice(1),
};

export const REPORT_SHEET_NAME = 'Phuluc – Báo cáo';

export interface PlannedMark {
  /** "F61" */
  address: string;
  row: number;
  col: number;
  /** the highest severity among the cell's findings */
  severity: Severity;
  /** the distinct messages of the cell's findings, one per line */
  text: string;
}

/** Findings → one mark per cell, in the order first met. A sheet prefix ("'Phụ lục'!F61") is ignored. */
export function planCellMarks(findings: readonly Finding[], lang: Lang): PlannedMark[] {
  const cells = new Map<string, PlannedMark & { messages: string[] }>();
  for (const f of findings) {
    const cell = f.cell ?? '';
    const p = parseA1(cell.slice(cell.lastIndexOf('!') + 1));
    if (!p) continue;
    const address = columnLetter(p.col) + p.row;
    const msg = f.message?.[lang] ?? f.message?.vi ?? '';
    const cur = cells.get(address);
    if (!cur) cells.set(address, { address, row: p.row, col: p.col, severity: f.severity, text: '', messages: msg ? [msg] : [] });
    else {
      if (severityRank(f.severity) < severityRank(cur.severity)) cur.severity = f.severity;
      if (msg && !cur.messages.includes(msg)) cur.messages.push(msg);
    }
  }
  return [...cells.values()].map((c) => ({ address: c.address, row: c.row, col: c.col, severity: c.severity, text: c.messages.join('\n') }));
}

/** The same marks keyed by cell ("F61"), for hosts that look a cell up. */
export function planMarksByCell(findings: readonly Finding[], lang: Lang): Map<string, PlannedMark> {
  return new Map(planCellMarks(findings, lang).map((m) => [m.address, m]));
}

/** `base`, or "base (2)", "base (3)"… — Excel compares sheet names without case; a name holds at most 31 characters. */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  if (!used.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}
