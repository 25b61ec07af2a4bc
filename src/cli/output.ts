/** Rendering check results for people (text), for programs (JSON) and for spreadsheets (CSV). */
import type { Finding, Lang, Severity, SheetReport } from '../core/report';
import { SEVERITY_NAME, countBySeverity, severityCounts } from '../core/report';
import { WIDTH, columns, groupFindings, wrap } from './layout';
import { Dec } from '../core/decimal';
import { formatNumber, formatNumberEn } from '../core/vn/number';
import { scoreLines } from './scoreText';
import { RANK_CONVENTION } from '../core/scores/rank';
import { summaryScoreColumns, type SummaryRow } from '../core/summary';
import { anyChecked, notRunText, ranText, scopeOf } from '../core/scope';

/**
 * Cell text must never reach a terminal or a CSV raw: C0/C1 control characters (ESC, NUL, …), DEL and the bidi
 * overrides and isolates (U+202A–202E, U+2066–2069, U+200E/F, U+061C) are shown escaped as \u{…}. Line breaks
 * become spaces.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function safe(text: string): string {
  return String(text)
    .replace(/\r\n|\n/g, ' ')
    .replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

/** JSON.stringify escapes C0 controls itself; C1, DEL and the bidi controls are escaped here (\uXXXX stays valid JSON). */
export function safeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Exit code of `phuluc check`: 2 when a file could not be read or its marked copy could not be written; else 3 when a
 * file was not checked (no sheet holds an appendix table — nothing was checked, which is not a pass); else 1 when
 * errors were found; else 0. Files of a folder skipped as not workbooks count for nothing.
 */
export function exitCode(results: readonly FileResult[]): number {
  if (results.some((r) => r.error || r.annotateError)) return 2;
  // a file of a folder skipped as not a workbook is listed, and neither fails nor passes the run
  if (results.some((r) => !r.skipped && !anyChecked(r.sheets))) return 3;
  return results.some((r) => r.sheets.some((s) => s.findings.some((f) => f.severity === 'error'))) ? 1 : 0;
}

export interface FileResult {
  file: string;
  sheets: SheetReport[];
  /** set when the file could not be read (in the output's language) */
  error?: string;
  /** the reader's own words for an error, shown as a technical detail */
  detail?: string;
  /** set when a file of a folder was not checked: why (not a workbook, an Excel lock file…) */
  skipped?: string;
  /** the workbook's format ("xlsx", "xls", …) */
  format?: string;
  /** where its annotated copy was written (--annotate) */
  annotated?: string;
  /** why its annotated copy could not be written */
  annotateError?: string;
}

const fmt = (n: number | null | undefined, lang: Lang, decimals?: number): string => {
  if (n === null || n === undefined) return '—';
  const d = Dec.fromNumber(n);
  if (!d) return String(n);
  return lang === 'vi' ? formatNumber(d, decimals) : formatNumberEn(d, decimals);
};

export function findingJson(f: Finding, lang: Lang) {
  const out: Record<string, unknown> = { rule: f.rule, severity: f.severity, cell: f.cell, row: f.row, column: f.column, message: f.message[lang] };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  if (f.related) out.related = f.related;
  return out;
}

/** What the workbook's ignores ("Bỏ qua" in the Excel add-in) hid on a sheet, and those that no longer match. */
export function ignoredJson(s: SheetReport, lang: Lang) {
  return {
    ...(s.ignored?.length
      ? { ignored: s.ignored.map(({ finding, ignore }) => ({ ...findingJson(finding, lang), ignored: { cell: ignore.cell, ...(ignore.at ? { at: ignore.at } : {}) } })) }
      : {}),
    ...(s.staleIgnores?.length ? { staleIgnores: s.staleIgnores.map((i) => ({ rule: i.rule, cell: i.cell, ...(i.at ? { at: i.at } : {}) })) } : {}),
  };
}

export function sheetSummary(s: SheetReport) {
  const counts = countBySeverity(s.findings);
  return {
    found: s.found,
    scope: scopeOf(s),
    ...(s.planYear ? { planYear: s.planYear } : {}),
    ...(s.table ? { table: s.table } : {}),
    counts: s.counts,
    findings: counts,
    ...(s.ignored?.length ? { ignored: s.ignored.length } : {}),
    ...(s.budget ? { budget: s.budget } : {}),
    ...(s.scores ? { scores: s.scores } : {}),
    ...(s.deadlines
      ? {
          deadlines: {
            asOf: s.deadlines.asOf,
            parsed: s.deadlines.parsed,
            overdue: s.deadlines.overdue,
            late: s.deadlines.late,
            dueSoon: s.deadlines.dueSoon,
            unparsed: s.deadlines.unparsed,
          },
        }
      : {}),
    ...(s.pointsLost ? { pointsLost: s.pointsLost } : {}),
    ...(s.evidence ? { evidence: s.evidence } : {}),
    ...(s.appraisal ? { appraisal: s.appraisal } : {}),
    ...(s.criteria ? { criteria: s.criteria } : {}),
    ...(s.recalc ? { recalc: s.recalc } : {}),
  };
}

export function toJson(results: FileResult[], asOf: string, lang: Lang): string {
  const doc = {
    version: 1,
    asOf,
    files: results.map((r) => ({
      file: r.file,
      ...(r.format ? { format: r.format } : {}),
      ...(r.error ? { error: r.error } : {}),
      ...(r.detail ? { detail: r.detail } : {}),
      ...(r.skipped ? { skipped: r.skipped } : {}),
      ...(r.annotated ? { annotated: r.annotated } : {}),
      ...(r.annotateError ? { annotateError: r.annotateError } : {}),
      sheets: r.sheets.map((s) => ({ name: s.sheet, findings: s.findings.map((f) => findingJson(f, lang)), ...ignoredJson(s, lang), summary: sheetSummary(s) })),
    })),
  };
  return safeJson(JSON.stringify(doc, null, 2));
}

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}
const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export function paint(color: boolean): Paint {
  const id = (s: string) => s;
  return color
    ? { red: ansi('31'), yellow: ansi('33'), blue: ansi('36'), bold: ansi('1'), dim: ansi('2') }
    : { red: id, yellow: id, blue: id, bold: id, dim: id };
}

const L = {
  vi: {
    asOf: 'Đối chiếu ngày {date}',
    notChecked: 'CHƯA KIỂM TRA',
    noSheetChecked: 'không trang tính nào có bảng phụ lục, tệp này chưa được kiểm tra',
    checked: 'Đã kiểm tra',
    notRun: 'chưa kiểm tra',
    file: 'Tệp',
    sheet: 'Trang tính',
    noTable: 'không có bảng phụ lục',
    budget: 'Kinh phí',
    computed: 'tổng các nhiệm vụ',
    stated: 'dòng tổng cộng ghi',
    noStated: 'không có dòng tổng cộng',
    deadlines: 'Thời hạn',
    overdue: 'quá hạn',
    dueSoon: 'sắp đến hạn',
    late: 'hoàn thành trễ',
    unparsed: 'không đọc được',
    items: 'nhiệm vụ',
    planYear: 'năm kế hoạch',
    cannotRead: 'KHÔNG ĐỌC ĐƯỢC',
    ok: 'Không có vấn đề nào trong những mục đã kiểm tra.',
    detail: 'Chi tiết kỹ thuật',
    copy: 'Bản có đánh dấu',
    noCopy: 'Không tạo được bản có đánh dấu',
    cells: '×{n} ô',
    ignored: 'Đã bỏ qua (theo tệp)',
    stale: 'mục bỏ qua không còn khớp (ô đã thay đổi), kết quả được hiện lại',
  },
  en: {
    asOf: 'As of {date}',
    notChecked: 'NOT CHECKED',
    noSheetChecked: 'no sheet holds an appendix table; this file was not checked',
    checked: 'Checked',
    notRun: 'not checked',
    file: 'File',
    sheet: 'Sheet',
    noTable: 'no appendix table',
    budget: 'Budget',
    computed: 'sum of the tasks',
    stated: 'total row states',
    noStated: 'no total row',
    deadlines: 'Deadlines',
    overdue: 'overdue',
    dueSoon: 'due soon',
    late: 'completed late',
    unparsed: 'not understood',
    items: 'tasks',
    planYear: 'plan year',
    cannotRead: 'CANNOT READ',
    ok: 'No problems in what was checked.',
    detail: 'Technical detail',
    copy: 'Marked copy',
    noCopy: 'No marked copy',
    cells: '×{n} cells',
    ignored: 'Ignored (as the file says)',
    stale: 'ignores no longer match (the cell changed); findings shown again',
  },
};

/** "2018-02-15" → "15/02/2018" in Vietnamese, unchanged in English. */
export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** where a finding's message starts: 6 spaces, the cell (or "×11 ô") padded to 10 */
const CELL_INDENT = ' '.repeat(17);

/** The findings of one sheet: errors first, then warnings, then notes, repeated messages told once with their cells. */
function findingLines(s: SheetReport, lang: Lang, p: Paint): string[] {
  const lines: string[] = [];
  const colour = { error: p.red, warning: p.yellow, info: p.blue };
  const counts = countBySeverity(s.findings);
  let current: Severity | null = null;
  for (const g of groupFindings(s.findings, lang)) {
    if (g.severity !== current) {
      current = g.severity;
      lines.push('', `    ${colour[g.severity](p.bold(`${SEVERITY_NAME[g.severity][lang]} (${counts[g.severity]})`))}`);
    }
    const label = g.cells.length > 1 ? L[lang].cells.replace('{n}', String(g.cells.length)) : safe(g.cells[0]);
    const wrapped = wrap(`${safe(g.message)} [${g.rule}]`, WIDTH, `      ${label.padEnd(10)} `, CELL_INDENT);
    // the rule id, dimmed, ends the last line
    const last = wrapped.length - 1;
    wrapped[last] = wrapped[last].replace(new RegExp(`\\[${g.rule}\\]$`), p.dim(`[${g.rule}]`));
    lines.push(...wrapped);
    if (g.cells.length > 1) lines.push(...wrap(g.cells.map(safe).join(', '), WIDTH, CELL_INDENT, CELL_INDENT));
  }
  return lines;
}

export function toText(results: FileResult[], lang: Lang, color: boolean, asOf?: string): string {
  const p = paint(color);
  const t = L[lang];
  const lines: string[] = [];
  if (asOf) lines.push(p.bold(t.asOf.replace('{date}', dateText(asOf, lang))), '');
  const wrapped = (text: string, first: string, indent: string) => lines.push(...wrap(text, WIDTH, first, indent));
  for (const r of results) {
    if (r.skipped) {
      wrapped(`${safe(r.file)} — ${safe(r.skipped)}`, `${t.file}: `, '    ');
      lines.push('');
      continue;
    }
    lines.push(p.bold(`${t.file}: ${safe(r.file)}`));
    if (r.error) {
      wrapped(safe(r.error), `  ${p.red(t.cannotRead)}: `, '    ');
      if (r.detail) wrapped(safe(r.detail), `  ${t.detail}: `, '    ');
      lines.push('');
      continue;
    }
    if (r.annotated) wrapped(safe(r.annotated), `  ${t.copy}: `, '    ');
    if (r.annotateError) wrapped(safe(r.annotateError), `  ${p.red(t.noCopy)}: `, '    ');
    if (!anyChecked(r.sheets)) wrapped(t.noSheetChecked, `  ${p.yellow(t.notChecked)}: `, '    ');
    for (const s of r.sheets) {
      const c = countBySeverity(s.findings);
      const head = `  ${t.sheet} «${safe(s.sheet)}»`;
      if (!scopeOf(s).checked) {
        lines.push(`${head} — ${p.dim(t.noTable)} — ${p.yellow(t.notChecked)}`);
        continue;
      }
      const bits = [`${s.counts.items} ${t.items}`];
      if (s.planYear) bits.push(`${t.planYear} ${s.planYear}`);
      wrapped(`${bits.join(', ')}: ${severityCounts(c, lang)}`, `${p.bold(head)} — `, '    ');
      const scope = scopeOf(s);
      if (scope.ran.length || scope.notRun.length)
        wrapped(`${ranText(scope, lang)}${scope.notRun.length ? `; ${t.notRun}: ${notRunText(scope, lang)}` : ''}`, `    ${t.checked}: `, '      ');
      if (s.budget) {
        const b = s.budget;
        const unit = b.unit ? ` ${b.unit}` : '';
        const stated = b.stated === null ? t.noStated : `${t.stated} ${fmt(b.stated, lang)}${unit}`;
        wrapped(`${t.computed} ${fmt(b.total, lang)}${unit}, ${stated}`, `    ${t.budget}: `, '      ');
      }
      for (const l of scoreLines(s, lang)) wrapped(safe(l.trim()), '    ', '      ');
      if (s.deadlines) {
        const d = s.deadlines;
        wrapped(`${d.overdue.length} ${t.overdue}, ${d.dueSoon.length} ${t.dueSoon}, ${d.late.length} ${t.late}, ${d.unparsed.length} ${t.unparsed}`, `    ${t.deadlines}: `, '      ');
      }
      if (s.findings.length) lines.push(...findingLines(s, lang, p));
      else lines.push(`    ${t.ok}`);
      if (s.ignored?.length) wrapped(s.ignored.map(({ finding: f }) => `${safe(f.cell)} [${f.rule}]`).join(', '), `    ${t.ignored}: `, '      ');
      if (s.staleIgnores?.length) wrapped(s.staleIgnores.map((i) => `${safe(i.cell)} [${i.rule}]`).join(', '), `    ${p.yellow(`${s.staleIgnores.length} ${t.stale}`)}: `, '      ');
    }
    lines.push('');
  }
  return lines.join('\n');
}

// The per-file summary rows live in src/core/summary.ts (shared with the preview's overview); re-exported here.
export { rankSummary, summaryRows, type SummaryRow } from '../core/summary';

/** The score columns of a summary in the order they first appear: the CSV's score1, score2 … */
function summaryColumns(rows: SummaryRow[]): string[] {
  return summaryScoreColumns(rows).map((c) => c.key);
}

/**
 * Every CSV the CLI writes starts with the UTF-8 byte-order mark: without it Excel on Windows reads the file in the
 * machine's ANSI code page and Vietnamese comes out garbled ("Lá»—i"). Programs that read UTF-8 skip it.
 */
export const CSV_BOM = '\uFEFF';

/** One CSV field; the cell's line breaks become spaces, so each record stays one line for tools that read by line. */
export function csvCell(v: unknown): string {
  return csvField(v, false);
}

/**
 * One CSV field whose line breaks stay line breaks inside the quoted field (Excel shows them as lines of one cell):
 * for tables people edit, like the bảng giải trình, whose evidence is often a list.
 */
export function csvCellLines(v: unknown): string {
  return csvField(v, true);
}

function csvField(v: unknown, keepLines: boolean): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Cells starting with = + - @ would be formulas in Excel: keep them text.
  const text = keepLines ? s.split(/\r\n|\r|\n/).map(safe).join('\n') : safe(s);
  const guarded = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function summaryCsv(rows: SummaryRow[]): string {
  const keys = summaryColumns(rows);
  const header = ['file', 'status', 'sheets', 'errors', 'warnings', 'infos', 'overdue', 'budget_total', 'budget_stated', 'budget_unit'];
  keys.forEach((_k, j) => {
    const i = j + 1;
    header.push(`score${i}_header`, `score${i}_total`, `score${i}_max`, `score${i}_applicable_max`, `score${i}_percent`, `score${i}_band`, `score${i}_rank`);
  });
  header.push('checked', 'not_checked', 'message');
  const lines = [header.join(',')];
  for (const r of rows) {
    const cells: unknown[] = [r.file, r.status, r.sheets, r.errors, r.warnings, r.infos, r.overdue, r.budgetTotal, r.budgetStated, r.budgetUnit];
    for (const k of keys) {
      const s = r.scores.find((x) => x.key === k);
      cells.push(s?.header, s?.total, s?.max, s?.applicableMax, s?.percent, s?.band, s?.rank);
    }
    cells.push(r.checked.join(' '), r.notChecked.join('; '), r.message);
    lines.push(cells.map(csvCell).join(','));
  }
  return CSV_BOM + lines.join('\n') + '\n';
}

export function findingsCsv(results: FileResult[], lang: Lang): string {
  const lines = ['file,sheet,cell,rule,severity,message,expected,actual'];
  for (const r of results) {
    if (r.error) {
      lines.push([r.file, '', '', 'unreadable', 'error', r.error, '', ''].map(csvCell).join(','));
      continue;
    }
    if (r.skipped) {
      lines.push([r.file, '', '', 'skipped', 'info', r.skipped, '', ''].map(csvCell).join(','));
      continue;
    }
    if (!anyChecked(r.sheets)) lines.push([r.file, '', '', 'not-checked', 'warning', L[lang].noSheetChecked, '', ''].map(csvCell).join(','));
    for (const s of r.sheets)
      for (const f of s.findings) lines.push([r.file, s.sheet, f.cell, f.rule, f.severity, f.message[lang], f.expected, f.actual].map(csvCell).join(','));
  }
  return CSV_BOM + lines.join('\n') + '\n';
}

/** the file column of the summary table is at most this wide; a longer name takes a line of its own */
const FILE_COLUMN = 40;

export function summaryText(rows: SummaryRow[], lang: Lang, color: boolean, asOf?: string): string {
  const p = paint(color);
  const head = lang === 'vi'
    ? ['Tệp', 'Lỗi', 'Cảnh báo', 'Quá hạn', 'Kinh phí (tính / ghi)']
    : ['File', 'Errors', 'Warnings', 'Overdue', 'Budget (computed / stated)'];
  const scoresLabel = lang === 'vi' ? 'Điểm' : 'Scores';
  const body = rows.map((r) => {
    if (r.status === 'unreadable') return { cells: [safe(r.file), '—', '—', '—'], rest: (lang === 'vi' ? 'KHÔNG ĐỌC ĐƯỢC: ' : 'CANNOT READ: ') + safe(r.message) };
    if (r.status === 'not-checked') return { cells: [safe(r.file), '—', '—', '—'], rest: `${L[lang].notChecked}: ${L[lang].noTable}` };
    if (r.status === 'skipped') return { cells: [safe(r.file), '—', '—', '—'], rest: safe(r.message) };
    const budget = r.budgetTotal !== null ? `${fmt(r.budgetTotal, lang)} / ${fmt(r.budgetStated, lang)}${r.budgetUnit ? ' ' + r.budgetUnit : ''}` : '';
    const rank = (s: SummaryRow['scores'][number]) => (s.rank !== null && s.of > 1 ? ` ${lang === 'vi' ? 'hạng' : 'rank'} ${s.rank}/${s.of}` : '');
    const scores = r.scores.map((s) => `${fmt(s.total, lang)}${s.percent !== null ? ` (${fmt(s.percent, lang, 1)}%${s.band ? ' ' + s.band : ''})` : ''}${rank(s)}`).join('; ');
    return { cells: [safe(r.file), String(r.errors), String(r.warnings), String(r.overdue)], rest: budget, scores: safe(scores) };
  });
  // the file column: as wide as the longest name up to FILE_COLUMN; the numbers right-aligned under their headings
  const fileWidth = Math.min(FILE_COLUMN, Math.max(columns(head[0]), ...body.map((b) => columns(b.cells[0]))));
  const widths = [fileWidth, ...[1, 2, 3].map((i) => Math.max(columns(head[i]), ...body.map((b) => columns(b.cells[i]))))];
  const pad = (x: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - columns(x))) + x : x + ' '.repeat(Math.max(0, w - columns(x))));
  const fixed = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0)).join('  ');
  const restIndent = ' '.repeat(fixed(['', '', '', '']).length + 2);
  const lines: string[] = [];
  if (asOf) lines.push(p.bold(L[lang].asOf.replace('{date}', dateText(asOf, lang))), '');
  lines.push(p.bold(`${fixed(head.slice(0, 4))}  ${head[4]}`.trimEnd()));
  body.forEach((b, i) => {
    const row = rows[i];
    const tone = row.status === 'unreadable' || row.errors ? p.red : row.status === 'not-checked' ? p.yellow : (x: string) => x;
    const out: string[] = [];
    let cells = b.cells;
    if (columns(cells[0]) > fileWidth) {
      out.push(...wrap(cells[0], WIDTH, '', '  '));
      cells = ['', ...cells.slice(1)];
    }
    out.push(...wrap(b.rest, WIDTH, `${fixed(cells)}  `, restIndent));
    if (b.scores) out.push(...wrap(b.scores, WIDTH, `${' '.repeat(fileWidth + 2)}${scoresLabel}: `, ' '.repeat(fileWidth + 4)));
    lines.push(...out.map((l) => tone(l.trimEnd())));
  });
  const ranked = rows.some((r) => r.scores.some((s) => s.rank !== null && s.of > 1));
  if (ranked) lines.push(...wrap(RANK_CONVENTION[lang], WIDTH, '', '').map(p.dim));
  return lines.join('\n') + '\n';
}
