import type { SheetSnapshot } from './snapshot';
import type { CheckOptions } from './options';
import type { SheetReport, Report } from './report';

/** Checks one sheet. Never throws on bad input: an unreadable sheet gives a report with a finding. */
export function check(snapshot: SheetSnapshot, options: CheckOptions): SheetReport {
  // placeholder: replaced by the real engine
  return { sheet: snapshot.name, found: false, counts: { rows: 0, sections: 0, items: 0, subItems: 0, repeatedHeaders: 0, fragments: 0 }, findings: [] };
}

export function checkAll(snapshots: SheetSnapshot[], options: CheckOptions): Report {
  return { version: 1, asOf: options.asOf, sheets: snapshots.map((s) => check(s, options)) };
}
