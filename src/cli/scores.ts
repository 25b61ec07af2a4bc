/**
 * `phuluc compare SELF.xlsx APPRAISAL.xlsx` and `phuluc explain FILE.xlsx`: the self-assessment against the
 * appraisal, criterion by criterion, and the draft bảng giải trình (text, CSV, JSON, and with --out an .xlsx file).
 */
import { promises as fs } from 'fs';
import type { CliArgs } from './args';
import { checkAll } from '../core/check';
import { todayIso, type CheckOptions } from '../core/options';
import type { Lang, SheetReport } from '../core/report';
import type { CriterionDiff, ScoreDiff } from '../core/scores/types';
import { appraisedScoreColumn, diffScores, selfScoreColumn } from '../core/scores/diff';
import { cellText, explanationTable } from '../core/scores/explanation';
import { readSnapshots } from '../io/xlsx';
import { asReadError } from '../io/errors';
import { explanationXlsx } from '../io/explanationXlsx';
import { Dec } from '../core/decimal';
import { formatNumber, formatNumberEn } from '../core/vn/number';
import { CSV_BOM, csvCellLines, paint, safe, safeJson } from './output';

export interface ScoresIo {
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
  now: Date;
}

/** A failure the user can act on, in both languages. */
class Refusal extends Error {
  constructor(readonly vi: string, readonly en: string) {
    super(`${vi} / ${en}`);
  }
}

async function readReports(file: string, options: CheckOptions): Promise<SheetReport[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new Refusal(`Không mở được tệp «${file}».`, `Cannot open "${file}".`);
  }
  try {
    return checkAll(await readSnapshots(bytes), options).sheets;
  } catch (e) {
    const err = asReadError(e);
    throw new Refusal(`${file}: ${err.text.vi}`, `${file}: ${err.text.en}`);
  }
}

function pickSheet(reports: SheetReport[], file: string, name: string | undefined, test: (r: SheetReport) => boolean, what: { vi: string; en: string }): SheetReport {
  if (name !== undefined) {
    const r = reports.find((x) => x.sheet === name);
    if (!r) throw new Refusal(`${file}: không có trang tính «${name}».`, `${file}: no sheet named "${name}".`);
    if (!test(r)) throw new Refusal(`${file}: trang tính «${name}» không có ${what.vi}.`, `${file}: sheet "${name}" has no ${what.en}.`);
    return r;
  }
  const r = reports.find(test);
  if (!r) throw new Refusal(`${file}: không trang tính nào có ${what.vi}.`, `${file}: no sheet has ${what.en}.`);
  return r;
}

const SCORES = { vi: 'bảng điểm (cột điểm tối đa / tự đánh giá / thẩm định)', en: 'a score table (maximum / self-assessed / appraised columns)' };

export async function compareFiles(args: CliArgs, options: CheckOptions): Promise<ScoreDiff> {
  const [selfFile, apprFile] = args.paths;
  const selfReports = await readReports(selfFile, options);
  const apprReports = await readReports(apprFile, options);
  const hasScores = (r: SheetReport) => !!r.scores?.length && !!r.criteria?.length;
  const self = pickSheet(selfReports, selfFile, args.sheet, hasScores, SCORES);
  const appr = pickSheet(apprReports, apprFile, args.appraisalSheet ?? args.sheet, hasScores, SCORES);
  const selfCol = selfScoreColumn(self);
  const apprCol = appraisedScoreColumn(appr);
  if (!selfCol) throw new Refusal(`${selfFile}: không thấy cột điểm tự đánh giá.`, `${selfFile}: no self-assessment column.`);
  if (!apprCol) throw new Refusal(`${apprFile}: không thấy cột điểm thẩm định.`, `${apprFile}: no appraisal column.`);
  return diffScores({ report: self, column: selfCol.column, file: selfFile }, { report: appr, column: apprCol.column, file: apprFile });
}

export async function explainFile(args: CliArgs, options: CheckOptions): Promise<ScoreDiff> {
  const [file] = args.paths;
  const reports = await readReports(file, options);
  const r = pickSheet(reports, file, args.sheet, (x) => !!x.appraisal, {
    vi: 'cả cột điểm tự đánh giá và cột điểm thẩm định đã chấm (dùng «phuluc compare» khi điểm thẩm định ở tệp khác)',
    en: 'both a self-assessment and a filled-in appraisal column (use "phuluc compare" when the appraisal is another file)',
  });
  return { ...r.appraisal!, self: { ...r.appraisal!.self, file }, appraisal: { ...r.appraisal!.appraisal, file } };
}

function fmt(n: number | null, lang: Lang, decimals?: number, sign = false): string {
  if (n === null) return '—';
  const d = Dec.fromNumber(n);
  if (!d) return String(n);
  const s = lang === 'vi' ? formatNumber(d, decimals) : formatNumberEn(d, decimals);
  return sign && d.sign() > 0 ? `+${s}` : s.replace(/^-/, '−');
}

const T = {
  vi: {
    self: 'Tự đánh giá',
    appraisal: 'Thẩm định',
    column: 'cột',
    sheet: 'trang tính',
    total: 'tổng',
    cut: 'Tổng điểm bị trừ',
    above: 'Tổng điểm thẩm định cao hơn tự đánh giá',
    compared: 'tiêu chí được so sánh',
    cuts: 'Điểm bị trừ (nhiều nhất trước)',
    noCuts: 'Không tiêu chí nào bị trừ điểm.',
    raised: 'Điểm thẩm định cao hơn tự đánh giá',
    na: 'Không áp dụng ở một bên',
    naWord: 'không áp dụng',
    notAppraised: 'Chưa có điểm thẩm định',
    onlySelf: 'Chỉ có trong tệp tự đánh giá',
    onlyAppr: 'Chỉ có trong tệp thẩm định',
    maxDiff: 'Điểm tối đa khác nhau',
    row: 'dòng',
    table: 'Bảng giải trình',
    written: 'Đã ghi bảng giải trình vào',
  },
  en: {
    self: 'Self-assessment',
    appraisal: 'Appraisal',
    column: 'column',
    sheet: 'sheet',
    total: 'total',
    cut: 'Total points cut',
    above: 'Appraised total above the self-assessment',
    compared: 'criteria compared',
    cuts: 'Points cut (largest first)',
    noCuts: 'No criterion lost points.',
    raised: 'Appraised above the self-assessment',
    na: 'Not applicable on one side',
    naWord: 'not applicable',
    notAppraised: 'Not appraised yet',
    onlySelf: 'Only in the self-assessment file',
    onlyAppr: 'Only in the appraisal file',
    maxDiff: 'Different maxima',
    row: 'row',
    table: 'Explanation table',
    written: 'Explanation table written to',
  },
};

export function diffText(diff: ScoreDiff, lang: Lang, color: boolean): string {
  const p = paint(color);
  const t = T[lang];
  const dec = diff.decimals;
  const lines: string[] = [];
  const side = (label: string, s: ScoreDiff['self']) =>
    `${p.bold(label)}: «${safe(s.header)}» (${t.column} ${s.column}, ${t.sheet} «${safe(s.sheet)}»${s.file ? `, ${safe(s.file)}` : ''}) — ${t.total} ${fmt(s.total, lang, dec)}` +
    (s.applicableMax !== null ? ` / ${fmt(s.applicableMax, lang)}` : '') +
    (s.percent !== null ? ` (${fmt(s.percent, lang, 1)}%)` : '');
  lines.push(side(t.self, diff.self), side(t.appraisal, diff.appraisal));
  const cut = diff.totalCut !== null && diff.totalCut < 0 ? `${p.bold(t.above)}: +${fmt(-diff.totalCut, lang, dec)}` : `${p.bold(t.cut)}: ${fmt(diff.totalCut, lang, dec)}`;
  lines.push(`${cut} (${diff.compared} ${t.compared})`, '');
  const item = (c: CriterionDiff) => {
    const v = (x: number | null, na: boolean) => (na ? t.naWord : fmt(x, lang, c.decimals));
    const change = `${v(c.self, c.selfNa)} → ${v(c.appraised, c.appraisedNa)}`;
    const diffText = c.diff === null ? '' : `  ${c.diff < 0 ? p.red(fmt(c.diff, lang, c.decimals, true)) : fmt(c.diff, lang, c.decimals, true)}`;
    return `  ${safe(c.number || c.label).padEnd(7)} ${c.number ? safe(c.label.slice(0, 60)) : ''}  ${change}${diffText}`;
  };
  if (diff.cuts.length) lines.push(p.bold(t.cuts), ...diff.cuts.map(item), '');
  else lines.push(t.noCuts, '');
  if (diff.raised.length) lines.push(p.bold(t.raised), ...diff.raised.map(item), '');
  if (diff.naChanged.length) lines.push(p.bold(t.na), ...diff.naChanged.map(item), '');
  if (diff.notAppraised.length) lines.push(`${p.bold(t.notAppraised)}: ${safe(diff.notAppraised.map((c) => c.number || c.label).join(', '))}`, '');
  const refs = (list: ScoreDiff['onlyInSelf']) => list.map((c) => `  ${safe(c.number || c.code).padEnd(7)} ${safe(c.label.slice(0, 60))} (${t.row} ${c.row})`);
  if (diff.onlyInSelf.length) lines.push(p.bold(t.onlySelf), ...refs(diff.onlyInSelf), '');
  if (diff.onlyInAppraisal.length) lines.push(p.bold(t.onlyAppr), ...refs(diff.onlyInAppraisal), '');
  if (diff.maxDiffers.length)
    lines.push(p.bold(t.maxDiff), ...diff.maxDiffers.map((m) => `  ${safe(m.number).padEnd(7)} ${safe(m.label.slice(0, 60))}: ${fmt(m.selfMax, lang)} ≠ ${fmt(m.appraisalMax, lang)}`), '');
  if (diff.explanation.length) {
    const table = explanationTable(diff, lang);
    lines.push(p.bold(`${t.table} (${diff.explanation.length})`));
    const shown = table.rows.map((r, i) => r.slice(0, 6).map((v, c) => safe(c === 1 ? String(v ?? '').slice(0, 50) : cellText(v, lang, c >= 3 ? table.decimals[i] : undefined))));
    const head = table.header.slice(0, 6);
    const widths = head.map((h, c) => Math.max(h.length, ...shown.map((r) => r[c].length)));
    const line = (cells: string[]) => '  ' + cells.map((x, c) => (c === 1 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
    lines.push(line(head), ...shown.map(line), '');
  }
  return lines.join('\n');
}

export function diffCsv(diff: ScoreDiff, lang: Lang): string {
  const table = explanationTable(diff, lang);
  const rows = [table.header, ...table.rows, ...(table.rows.length ? [table.total] : [])];
  return CSV_BOM + rows.map((r) => r.map(csvCellLines).join(',')).join('\n') + '\n';
}

export function diffJson(diff: ScoreDiff, asOf: string, out?: string): string {
  return safeJson(JSON.stringify({ version: 1, asOf, ...diff, ...(out ? { out } : {}) }, null, 2)) + '\n';
}

/** `compare` and `explain`. Exit code 0 when the two could be compared, 2 when not (the reason on stderr). */
export async function runScores(args: CliArgs, io: ScoresIo): Promise<number> {
  const asOf = args.asOf ?? todayIso(io.now);
  const options: CheckOptions = { asOf, planYear: args.planYear, required: args.required, notApplicable: args.notApplicable };
  let diff: ScoreDiff;
  try {
    diff = args.command === 'compare' ? await compareFiles(args, options) : await explainFile(args, options);
  } catch (e) {
    if (e instanceof Refusal) {
      io.err(`phuluc: ${safe(args.lang === 'vi' ? e.vi : e.en)}\n`);
      return 2;
    }
    throw e;
  }
  if (args.out) {
    try {
      await fs.writeFile(args.out, explanationXlsx(diff, args.lang));
    } catch (e) {
      io.err(`phuluc: ${args.lang === 'vi' ? 'không ghi được' : 'cannot write'} ${args.out}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (args.format === 'json') io.out(diffJson(diff, asOf, args.out));
  else if (args.format === 'csv') io.out(diffCsv(diff, args.lang));
  else {
    io.out(diffText(diff, args.lang, args.color ?? io.isTty));
    if (args.out) io.out(`${T[args.lang].written} ${args.out}\n`);
  }
  return 0;
}
