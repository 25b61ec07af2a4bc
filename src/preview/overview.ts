/**
 * The **Tổng hợp** tab's rows: one per open file, from the same pure function as the CLI's `--summary`
 * (src/core/summary.ts: status, errors, warnings, overdue, budget computed vs stated, each score column's total,
 * percent, band and rank among the files), plus the files still being read. Sorting by any column. Pure.
 */
import type { Lang } from '../core/report';
import { fileSummaries, summaryScoreColumns, type SummaryInput, type SummaryRow } from '../core/summary';
import type { FileEntry } from './controller';
import type { FileId } from './protocol';

export interface OverviewRow {
  id: FileId;
  name: string;
  /** loading: still being read or checked (no summary yet) */
  state: FileEntry['status'];
  /** the summary (ready and unreadable files) */
  summary?: SummaryRow;
  entry: FileEntry;
}

function inputOf(f: FileEntry, lang: Lang): SummaryInput {
  if (f.status === 'error') return { file: f.name, sheets: [], error: f.error?.[lang] ?? '—' };
  return { file: f.name, sheets: (f.sheets ?? []).map((s) => s.report) };
}

/** The rows in the files' order; the files ranked are those read (a file still loading is ranked once it is). */
export function overviewRows(files: readonly FileEntry[], lang: Lang): OverviewRow[] {
  const done = files.filter((f) => f.status !== 'loading');
  const summaries = fileSummaries(done.map((f) => inputOf(f, lang)));
  const byId = new Map(done.map((f, i) => [f.id, summaries[i]]));
  return files.map((f) => ({ id: f.id, name: f.name, state: f.status, summary: byId.get(f.id), entry: f }));
}

/** The summary rows of the files that were read (the .xlsx export). */
export function summaryRowsOf(rows: readonly OverviewRow[]): SummaryRow[] {
  return rows.flatMap((r) => (r.summary ? [r.summary] : []));
}

export function scoreColumnsOf(rows: readonly OverviewRow[]): { key: string; header: string }[] {
  return summaryScoreColumns(summaryRowsOf(rows));
}

export type SortKey = 'file' | 'status' | 'errors' | 'warnings' | 'overdue' | 'budget' | `score:${string}`;
export type SortDir = 'ascending' | 'descending';

/** Status order: what needs attention first — unreadable, not checked, with errors, the rest, still loading. */
function statusOrder(r: OverviewRow): number {
  if (r.state === 'loading') return 4;
  const s = r.summary;
  if (!s || s.status === 'unreadable') return 0;
  if (s.status === 'not-checked') return 1;
  return s.errors > 0 ? 2 : 3;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** The value a row is sorted by; null sorts last in both directions. */
function sortValue(r: OverviewRow, key: SortKey): number | string | null {
  const s = r.summary;
  // a file not checked has no counts (0 errors would sort it with the files that passed)
  const readable = s && s.status === 'ok';
  switch (key) {
    case 'file':
      return r.name;
    case 'status':
      return statusOrder(r);
    case 'errors':
      return readable ? s.errors : null;
    case 'warnings':
      return readable ? s.warnings : null;
    case 'overdue':
      return readable ? s.overdue : null;
    case 'budget':
      return s?.budgetTotal ?? null;
    default: {
      const sc = s?.scores.find((x) => x.key === key.slice('score:'.length));
      // by rank (1 first when ascending); a column without ranks (a single file) by its percent or total, highest first
      if (!sc) return null;
      if (sc.rank !== null) return sc.rank;
      const v = sc.percent ?? sc.total;
      return v === null ? null : -v;
    }
  }
}

/** A stable sort: equal values keep the files' order. */
export function sortRows(rows: readonly OverviewRow[], key: SortKey, dir: SortDir): OverviewRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: sortValue(r, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' || typeof b.v === 'string' ? collator.compare(String(a.v), String(b.v)) : a.v - b.v;
      return c ? sign * c : a.i - b.i;
    })
    .map((x) => x.r);
}

/** The first direction of a column: names A→Z, counts and amounts largest first, ranks 1 first, status worst first. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'file' || key === 'status' || key.startsWith('score:') ? 'ascending' : 'descending';
}
