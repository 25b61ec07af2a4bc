/**
 * One row per file: the department head's overview of all units' files. Pure, and shared by every host that shows it —
 * the CLI's `--summary` (text, CSV, JSON) and the preview's **Tổng hợp** tab and its .xlsx export — so the two always
 * agree: status (checked / not checked / unreadable / skipped), errors, warnings, notes, overdue tasks, the budget
 * computed vs stated, and each score column's total, maximum, percent, band and rank among the files (1, 1, 3).
 *
 * Moved here from src/cli/output.ts (issue 12) with the same shape; the CLI re-exports it.
 */
import { countBySeverity, type Lang, type SheetReport, type Text } from './report';
import { Dec } from './decimal';
import { rankUnits, scoreKeys } from './scores/rank';
import { anyChecked, scopeOf } from './scope';

/** What a host knows of one file: its reports, or why it has none. The CLI's FileResult is one. */
export interface SummaryInput {
  file: string;
  sheets: readonly SheetReport[];
  /** the file could not be read (in the output's language) */
  error?: string;
  /** a file of a folder that is not a workbook: why it was skipped */
  skipped?: string;
  /** the marked copy could not be written (shown as the row's message) */
  annotateError?: string;
}

export type SummaryStatus = 'ok' | 'unreadable' | 'not-checked' | 'skipped';

export interface SummaryScore {
  /** names the same column in every unit's file ("self", "result:2023", "appraised#2") */
  key: string;
  header: string;
  total: number | null;
  max: number | null;
  applicableMax: number | null;
  percent: number | null;
  band: string | null;
  /** rank among the files on this column (1, 1, 3), null when not ranked */
  rank: number | null;
  /** how many files were ranked on this column */
  of: number;
}

/** One row per file: the department head's overview of all units. */
export interface SummaryRow {
  file: string;
  /**
   * ok: checked (findings or not); not-checked: no sheet holds an appendix table; unreadable: the file could not be
   * read; skipped: a file of a folder that is not a workbook (the message says why)
   */
  status: SummaryStatus;
  /** rule families that ran on some sheet ("table", "budget", …) */
  checked: string[];
  /** families that ran on no sheet, with the reason ("scores: no-score-columns") */
  notChecked: string[];
  sheets: number;
  errors: number;
  warnings: number;
  infos: number;
  overdue: number;
  /** Σ of the sheets' computed totals (exact); null when no sheet has a budget column, or their units differ */
  budgetTotal: number | null;
  /** Σ of the sheets' stated totals (exact); null when none is stated, or the units differ */
  budgetStated: number | null;
  /** the sheets' unit ("triệu đồng"); several units joined with " / " (then no sum is given) */
  budgetUnit: string;
  /** each score column: `key` names the same column in every unit's file; `rank` among the files (1, 1, 3) */
  scores: SummaryScore[];
  message: string;
}

function decSum(values: number[]): number | null {
  if (!values.length) return null;
  const decs = values.map((v) => Dec.fromNumber(v));
  if (decs.some((d) => d === null)) return null;
  return Dec.sum(decs as Dec[]).toNumber();
}

/** The rows, in input order, not yet ranked (see rankSummary). */
export function summaryRows(inputs: readonly SummaryInput[]): SummaryRow[] {
  return inputs.map((r) => {
    const row: SummaryRow = {
      file: r.file,
      status: 'ok',
      checked: [],
      notChecked: [],
      sheets: r.sheets.length,
      errors: 0,
      warnings: 0,
      infos: 0,
      overdue: 0,
      budgetTotal: null,
      budgetStated: null,
      budgetUnit: '',
      scores: [],
      message: r.error ?? r.skipped ?? r.annotateError ?? '',
    };
    if (r.skipped) {
      row.status = 'skipped';
      return row;
    }
    if (r.error) {
      row.status = 'unreadable';
      return row;
    }
    const totals: number[] = [];
    const stated: number[] = [];
    const units: string[] = [];
    for (const s of r.sheets) {
      const c = countBySeverity(s.findings);
      row.errors += c.error;
      row.warnings += c.warning;
      row.infos += c.info;
      row.overdue += s.deadlines?.overdue.length ?? 0;
      if (s.budget) {
        totals.push(s.budget.total);
        if (s.budget.stated !== null) stated.push(s.budget.stated);
        if (!units.includes(s.budget.unit)) units.push(s.budget.unit);
      }
      for (const sc of s.scores ?? [])
        row.scores.push({ key: '', header: sc.header, total: sc.total, max: sc.max, applicableMax: sc.applicableMax, percent: sc.percent, band: sc.band, rank: null, of: 0 });
    }
    // amounts in different units are never added up (a total of đồng and triệu đồng would be a wrong amount)
    row.budgetUnit = units.filter((u) => u).join(' / ');
    if (units.length <= 1) {
      row.budgetTotal = decSum(totals);
      row.budgetStated = decSum(stated);
    }
    const ran = new Set<string>();
    const missing = new Map<string, string>();
    for (const s of r.sheets) {
      const scope = scopeOf(s);
      for (const f of scope.ran) ran.add(f);
      for (const n of scope.notRun) if (!missing.has(n.family)) missing.set(n.family, n.reason);
    }
    row.checked = [...ran];
    row.notChecked = [...missing].filter(([f]) => !ran.has(f)).map(([f, why]) => `${f}: ${why}`);
    if (!anyChecked(r.sheets)) row.status = 'not-checked';
    return row;
  });
}

/** Ranks the files on each score column (the same column of every unit's template: kind and year). */
export function rankSummary(rows: readonly SummaryRow[], inputs: readonly SummaryInput[]): SummaryRow[] {
  const scoresOf = (r: SummaryInput) => r.sheets.flatMap((s) => s.scores ?? []);
  const ranking = rankUnits(inputs.map((r) => ({ id: r.file, scores: scoresOf(r) })));
  return rows.map((row, i) => {
    const keys = scoreKeys(scoresOf(inputs[i]));
    const ranks = ranking.units[i].ranks;
    return { ...row, scores: row.scores.map((s, j) => ({ ...s, key: keys[j], rank: ranks[keys[j]]?.rank ?? null, of: ranks[keys[j]]?.of ?? 0 })) };
  });
}

/** summaryRows, ranked: what the CLI's --summary and the preview's overview show. */
export function fileSummaries(inputs: readonly SummaryInput[]): SummaryRow[] {
  return rankSummary(summaryRows(inputs), inputs);
}

/** The score columns of a summary in the order they first appear, with the header of their first file. */
export function summaryScoreColumns(rows: readonly SummaryRow[]): { key: string; header: string }[] {
  const out: { key: string; header: string }[] = [];
  for (const r of rows) for (const s of r.scores) if (!out.some((c) => c.key === s.key)) out.push({ key: s.key, header: s.header });
  return out;
}

/** The status of a row in words. */
export const SUMMARY_STATUS: Readonly<Record<SummaryStatus, Text>> = {
  ok: { vi: 'Đã kiểm tra', en: 'Checked' },
  'not-checked': { vi: 'Chưa kiểm tra', en: 'Not checked' },
  unreadable: { vi: 'Không đọc được', en: 'Cannot be read' },
  skipped: { vi: 'Bỏ qua', en: 'Skipped' },
};

/** Why a file was not checked, in words. */
export const NOT_CHECKED_REASON: Readonly<Text> = {
  vi: 'không trang tính nào có bảng phụ lục',
  en: 'no worksheet holds an appendix table',
};

export type SummaryCell = string | number | null;

/** The overview as a plain table (the .xlsx export): a header row and one row per file, numbers as numbers. */
export interface SummaryTable {
  header: string[];
  rows: SummaryCell[][];
  /** decimals shown per column (null: as the number is) */
  decimals: (number | null)[];
}

const H = {
  vi: { file: 'Tệp', status: 'Trạng thái', sheets: 'Số trang tính', errors: 'Lỗi', warnings: 'Cảnh báo', infos: 'Lưu ý', overdue: 'Nhiệm vụ quá hạn', budget: 'Kinh phí tính được', stated: 'Kinh phí ghi ở dòng tổng', unit: 'Đơn vị kinh phí', total: 'tổng điểm', max: 'điểm tối đa áp dụng', percent: 'tỷ lệ (%)', band: 'xếp loại', rank: 'hạng', note: 'Ghi chú' },
  en: { file: 'File', status: 'Status', sheets: 'Worksheets', errors: 'Errors', warnings: 'Warnings', infos: 'Notes', overdue: 'Overdue tasks', budget: 'Budget computed', stated: 'Budget stated on the total row', unit: 'Budget unit', total: 'total', max: 'applicable maximum', percent: 'percent', band: 'band', rank: 'rank', note: 'Note' },
};

/** The rows as a table in one language: what the overview's .xlsx export holds (sortable: numbers stay numbers). */
export function summaryTable(rows: readonly SummaryRow[], lang: Lang): SummaryTable {
  const h = H[lang];
  const cols = summaryScoreColumns(rows);
  const header = [h.file, h.status, h.sheets, h.errors, h.warnings, h.infos, h.overdue, h.budget, h.stated, h.unit];
  const decimals: (number | null)[] = header.map(() => null);
  for (const c of cols) {
    header.push(`${c.header} — ${h.total}`, `${c.header} — ${h.max}`, `${c.header} — ${h.percent}`, `${c.header} — ${h.band}`, `${c.header} — ${h.rank}`);
    decimals.push(null, null, 1, null, 0);
  }
  header.push(h.note);
  decimals.push(null);
  const body = rows.map((r) => {
    // counts only where something was checked: a file not checked has no "0 errors"
    const n = (v: number) => (r.status === 'ok' ? v : null);
    const sheets = r.status === 'ok' || r.status === 'not-checked' ? r.sheets : null;
    const cells: SummaryCell[] = [r.file, SUMMARY_STATUS[r.status][lang], sheets, n(r.errors), n(r.warnings), n(r.infos), n(r.overdue), r.budgetTotal, r.budgetStated, r.budgetUnit || null];
    for (const c of cols) {
      const s = r.scores.find((x) => x.key === c.key);
      cells.push(s?.total ?? null, s?.applicableMax ?? null, s?.percent ?? null, s?.band ?? null, s?.rank ?? null);
    }
    cells.push(r.status === 'not-checked' && !r.message ? NOT_CHECKED_REASON[lang] : r.message || null);
    return cells;
  });
  return { header, rows: body, decimals };
}
