/**
 * The draft bảng giải trình as every host lays it out (the pane's new sheet, the preview's download, the CLI's CSV):
 * STT, tiêu chí, điểm tối đa, tự đánh giá, thẩm định, chênh lệch, tài liệu kiểm chứng, lý do đề nghị (left empty
 * for the unit to write). Numbers stay numbers; "Không áp dụng" is text.
 */
import type { Lang, Text } from '../report';
import { Dec } from '../decimal';
import { formatNumber, formatNumberEn } from '../vn/number';
import type { ExplanationRow, ScoreDiff } from './types';

export type TableCell = string | number | null;

export interface ExplanationTable {
  title: string;
  /** what was compared with what, and the total cut */
  subtitle: string;
  header: string[];
  rows: TableCell[][];
  /** decimals the number cells of each row show */
  decimals: number[];
  /** the last row: the sum of the differences */
  total: TableCell[];
  totalDecimals: number;
  /** suggested column widths, in characters */
  widths: number[];
}

const L: Record<Lang, Record<string, string>> = {
  vi: {
    title: 'BẢNG GIẢI TRÌNH ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
    stt: 'STT',
    criterion: 'Tiêu chí, tiêu chí thành phần',
    max: 'Điểm tối đa',
    self: 'Điểm tự đánh giá',
    appraised: 'Điểm thẩm định',
    diff: 'Chênh lệch',
    evidence: 'Tài liệu kiểm chứng',
    reason: 'Lý do đề nghị',
    na: 'Không áp dụng',
    total: 'Tổng chênh lệch',
    vs: 'Tự đánh giá: {self} — Thẩm định: {appraisal}. Tổng điểm tự đánh giá {selfTotal}, thẩm định {appraisedTotal}, chênh lệch {cut}.',
    none: 'Không có tiêu chí nào bị trừ điểm.',
  },
  en: {
    title: 'EXPLANATION TABLE — PAR INDEX SCORES',
    stt: 'No.',
    criterion: 'Criterion',
    max: 'Maximum',
    self: 'Self-assessed',
    appraised: 'Appraised',
    diff: 'Difference',
    evidence: 'Evidence',
    reason: 'Reason for the request',
    na: 'Not applicable',
    total: 'Total difference',
    vs: 'Self-assessment: {self} — Appraisal: {appraisal}. Self-assessed total {selfTotal}, appraised {appraisedTotal}, difference {cut}.',
    none: 'No criterion lost points.',
  },
};

export function explanationStrings(lang: Lang): Readonly<Record<string, string>> {
  return L[lang];
}

function fmt(n: number | null, lang: Lang, decimals?: number): string {
  if (n === null) return '—';
  const d = Dec.fromNumber(n);
  if (!d) return String(n);
  return lang === 'vi' ? formatNumber(d, decimals) : formatNumberEn(d, decimals);
}

function sideName(s: ScoreDiff['self'], lang: Lang): string {
  const where = s.file ? `${s.file} › ${s.sheet}` : s.sheet;
  return lang === 'vi' ? `«${s.header}» (cột ${s.column}, ${where})` : `"${s.header}" (column ${s.column}, ${where})`;
}

/** Σ of the rows' differences, exactly. */
export function explanationTotal(rows: readonly ExplanationRow[]): number {
  let acc = Dec.ZERO;
  for (const r of rows) if (r.diff !== null) acc = acc.add(Dec.fromNumber(r.diff) ?? Dec.ZERO);
  return acc.toNumber();
}

export function explanationTable(diff: ScoreDiff, lang: Lang): ExplanationTable {
  const s = L[lang];
  const na = (isNa: boolean, v: number | null): TableCell => (isNa ? s.na : v);
  const rows = diff.explanation.map((r) => [r.stt, r.criterion, r.max, na(r.selfNa, r.self), na(r.appraisedNa, r.appraised), r.diff, r.evidence, r.reason]);
  const dec = diff.decimals;
  const subtitle = s.vs
    .replace('{self}', sideName(diff.self, lang))
    .replace('{appraisal}', sideName(diff.appraisal, lang))
    .replace('{selfTotal}', fmt(diff.self.total, lang, dec))
    .replace('{appraisedTotal}', fmt(diff.appraisal.total, lang, dec))
    .replace('{cut}', fmt(diff.totalCut === null ? null : -diff.totalCut, lang, dec));
  return {
    title: s.title,
    subtitle: diff.explanation.length ? subtitle : `${subtitle} ${s.none}`,
    header: [s.stt, s.criterion, s.max, s.self, s.appraised, s.diff, s.evidence, s.reason],
    rows,
    decimals: diff.explanation.map((r) => r.decimals),
    total: ['', s.total, null, null, null, explanationTotal(diff.explanation), '', ''],
    totalDecimals: dec,
    widths: [6, 48, 10, 12, 12, 11, 40, 40],
  };
}

/** A table cell as text (numbers the language's way, with the row's decimals). */
export function cellText(v: TableCell, lang: Lang, decimals?: number): string {
  if (v === null) return '';
  return typeof v === 'number' ? fmt(v, lang, decimals) : v;
}

export const EXPLANATION_SHEET_NAME: Text = { vi: 'Bảng giải trình', en: 'Explanation table' };

/** A cell of the laid-out sheet: a value and how it shows. */
export interface LaidOutCell {
  v: TableCell;
  bold?: boolean;
  wrap?: boolean;
  /** numbers: decimals shown */
  decimals?: number;
}

export interface ExplanationLayout {
  /** title, subtitle, blank, header, the criteria, the total */
  rows: LaidOutCell[][];
  /** rows above the criteria */
  headerRows: number;
  columns: number;
  /** column widths in characters */
  widths: number[];
  /** merged areas ("A1:H1") */
  merges: string[];
}

/** The explanation table as a sheet lays it out (the same in the new Excel sheet and the downloaded .xlsx). */
export function explanationLayout(t: ExplanationTable): ExplanationLayout {
  const n = t.header.length;
  const blank = (): LaidOutCell[] => Array.from({ length: n }, () => ({ v: null }));
  const title = blank();
  title[0] = { v: t.title, bold: true };
  const subtitle = blank();
  subtitle[0] = { v: t.subtitle, wrap: true };
  const header = t.header.map((h): LaidOutCell => ({ v: h, bold: true, wrap: true }));
  const body = t.rows.map((row, i) =>
    row.map((v, c): LaidOutCell => (typeof v === 'number' && c >= 2 ? { v, decimals: c === 2 ? undefined : t.decimals[i] } : { v, wrap: c === 1 || c >= 6 })),
  );
  const total = t.total.map((v, c): LaidOutCell => (typeof v === 'number' ? { v, bold: true, decimals: t.totalDecimals } : { v, bold: c === 1 }));
  const last = String.fromCharCode(64 + n);
  return {
    rows: [title, subtitle, blank(), header, ...body, ...(t.rows.length ? [total] : [])],
    headerRows: 4,
    columns: n,
    widths: t.widths,
    merges: [`A1:${last}1`, `A2:${last}2`],
  };
}
