/**
 * deadline-unparsed, deadline-invalid, deadline-overdue, deadline-late, deadline-outside-plan-year, and the
 * deadline summary. "Trước ngày X" is due on X itself (see vn/period.ts).
 */
import type { DeadlineRef, DeadlineSummary, Finding } from '../report';
import { Rule, RuleContext, finding, isoToVi, itemLabel } from './context';
import { CellValue, a1, isBlank } from '../snapshot';
import { DeadlinePart, addDays, excelSerialToIso, parseDeadline, parseDeadlineCell } from '../vn/period';
import { TaskStatus, parseStatus } from '../vn/status';
import { excerpt } from '../vn/text';
import type { Item } from '../table/rows';

export interface DeadlineResult {
  findings: Finding[];
  summary?: DeadlineSummary;
}

const TASK_KINDS = new Set(['item', 'subitem', 'part']);

export function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /[dy]/.test(f) || /m{1,4}[/\-.]/.test(f);
}

function cellText(v: CellValue): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** What is known of an overdue task on the as-of day, as administrative Vietnamese writes it. */
function stillVi(asOf: string, known: boolean): string {
  return `tính đến ngày ${isoToVi(asOf)} ${known ? 'nhiệm vụ vẫn chưa hoàn thành' : 'chưa rõ kết quả thực hiện'}`;
}

function stillEn(asOf: string, known: boolean): string {
  return `as of ${asOf} ${known ? 'the task is still not done' : 'its outcome is not known'}`;
}

function taskName(item: Item | undefined): string {
  return item ? `${itemLabel(item)} ${excerpt(item.title, 50)}`.trim() : '';
}

function makeRef(row: number, col: number, text: string, due: string, item: Item | undefined, status: TaskStatus, completedOn?: string, part?: DeadlinePart): DeadlineRef {
  const ref: DeadlineRef = { cell: a1(row, col), row, text: excerpt(text, 120), due, task: taskName(item), status };
  if (completedOn) ref.completedOn = completedOn;
  if (part?.postponed) ref.postponed = { ...part.postponed };
  return ref;
}

/** ", đã lùi từ 31/05/2024" — a postponed deadline says so, with the old date when the cell gives it. */
function postponedVi(part: DeadlinePart | undefined): string {
  if (!part?.postponed) return '';
  return part.postponed.from ? `, đã lùi từ ${isoToVi(part.postponed.from)}` : ', hạn đã điều chỉnh';
}

function postponedEn(part: DeadlinePart | undefined): string {
  if (!part?.postponed) return '';
  return part.postponed.from ? `, postponed from ${part.postponed.from}` : ', an adjusted deadline';
}

/**
 * What the deadline cell itself says of the task: done when a line only says so ("Đã hoàn thành") or every dated
 * part is marked done ("Tháng 3/2024 - đã xong"); not done when a part says so ("Quý II (chưa hoàn thành)").
 */
function statusInCell(parts: DeadlinePart[]): TaskStatus {
  let dated = 0;
  let datedDone = 0;
  let notDone = false;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.kind === 'done') return 'done';
    if (p.status === 'not-done') notDone = true;
    if (p.period && (p.kind === 'fixed' || p.kind === 'recurring')) {
      dated++;
      if (p.status === 'done') datedDone++;
    }
  }
  if (notDone) return 'not-done';
  return dated > 0 && datedDone === dated ? 'done' : 'unknown';
}

/** A deadline outside the plan year, held until the plan year itself has been judged. */
interface Pending {
  row: number;
  text: string;
  vi: string;
  en: string;
  overdue?: { due: string; known: boolean; finding: Finding };
}

/** plan-year-doubt needs at least this many deadlines that name their year. */
const MIN_DATED_FOR_DOUBT = 5;

export function checkDeadlines(ctx: RuleContext): DeadlineResult {
  const { table, grid, options, planYear } = ctx;
  const col = table.col.deadline;
  if (col === undefined) return { findings: [] };
  const out: Finding[] = [];
  const asOf = options.asOf;
  const soonLimit = addDays(asOf, options.dueSoonDays);
  const summary: DeadlineSummary = { asOf, overdue: [], late: [], dueSoon: [], unparsed: [], parsed: 0 };
  // The same deadline texts recur on thousands of rows: parse each once.
  const cache = new Map<string | number, DeadlinePart[]>();
  const dateCache = new Map<string | number, DeadlinePart[]>();
  const statusCache = new Map<string, TaskStatus>();
  const statusCol = table.col.status;
  const doneCol = table.col.completedOn;
  const earliest = planYear ? `${planYear - 1}-10-01` : null;
  // deadlines that name their year, by due date (by year below): the evidence for plan-year-doubt
  const datedDues = new Map<string, number>();
  let datedTotal = 0;
  const outsides: Pending[] = [];
  const latest = planYear ? `${planYear + 1}-03-31` : null;

  for (let t = 0; t < table.rows.length; t++) {
    const tr = table.rows[t];
    if (!TASK_KINDS.has(tr.kind)) continue;
    const m = grid.merged(tr.row, col);
    if (m && (m.top !== tr.row || m.left !== col)) continue; // a merged deadline is read once
    const raw = grid.value(tr.row, col);
    if (isBlank(raw) || typeof raw === 'boolean' || (typeof raw === 'object' && raw !== null)) continue;
    const dateCell = typeof raw === 'number' && isDateFormat(grid.numberFormat(tr.row, col));
    // a year written as a number (2024) is that year (parseDeadlineCell)
    const memo = dateCell ? dateCache : cache;
    const key = raw as string | number;
    let parts = memo.get(key);
    if (!parts) {
      parts = parseDeadlineCell(key, { planYear }, dateCell);
      if (memo.size < 5000) memo.set(key, parts);
    }
    const text = typeof raw === 'number' && dateCell ? isoToVi(excelSerialToIso(raw) ?? '') : cellText(raw);

    // Status of the task on this row: the status column when it says something, else what the deadline cell says
    // ("Tháng 3/2024 - đã xong"), else a blank status cell (not done).
    let status: TaskStatus = 'unknown';
    let statusBlank = false;
    if (statusCol !== undefined) {
      const sv = grid.shownValue(tr.row, statusCol);
      if (isBlank(sv)) statusBlank = true;
      else if (typeof sv === 'string') {
        const known = statusCache.get(sv);
        status = known ?? parseStatus(sv);
        if (!known && statusCache.size < 5000) statusCache.set(sv, status);
      } else status = parseStatus(typeof sv === 'object' ? null : sv);
    }
    const columnSilent = status === 'unknown';
    if (columnSilent) status = statusInCell(parts);
    if (status === 'unknown' && statusBlank) status = 'not-done';
    let completedOn: string | undefined;
    if (doneCol !== undefined) {
      const dv = grid.shownValue(tr.row, doneCol);
      if (typeof dv === 'number') completedOn = excelSerialToIso(dv) ?? undefined;
      else if (typeof dv === 'string' && dv.trim()) {
        const p = parseDeadline(dv, { planYear }).find((x) => x.kind === 'fixed' && x.period?.kind === 'date');
        completedOn = p?.period?.due;
      }
      if (completedOn && status === 'unknown') status = 'done';
      if (completedOn && status === 'not-done' && statusCol === undefined) status = 'done';
    }

    let outside: DeadlinePart | undefined;
    // the latest due date, the latest passed and the first upcoming one, as the parts come (no list per row); a part
    // the cell marks done ("Quý I/2024: đã hoàn thành") counts for the latest due date (lateness) but is never overdue
    let dueCount = 0;
    let latestDue = '';
    let latestPassed: string | null = null;
    let firstUpcoming: string | null = null;
    let passedPart: DeadlinePart | undefined;
    let upcomingPart: DeadlinePart | undefined;
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      if (p.kind === 'unparsed') {
        summary.unparsed.push({ cell: a1(tr.row, col), row: tr.row, text: p.text });
        out.push(
          finding('deadline-unparsed', tr.row, col, {
            vi: `Không đọc được thời hạn «${excerpt(p.text, 60)}» (ví dụ cách ghi: 20/3/2024, Quý IV/2024, Tháng 01/2024, Năm 2024).`,
            en: `Deadline "${excerpt(p.text, 60)}" not understood (write e.g. 20/3/2024, Quý IV/2024, Tháng 01/2024, Năm 2024).`,
          }, { actual: excerpt(p.text, 120) }),
        );
      } else if (p.kind === 'invalid') {
        out.push(
          finding('deadline-invalid', tr.row, col, {
            vi: `Ngày tháng không hợp lệ: ${p.reason ?? p.text}.`,
            en: `Invalid date: "${excerpt(p.text, 60)}".`,
          }, { actual: excerpt(p.text, 120) }),
        );
      } else if (p.period && (p.kind === 'fixed' || p.kind === 'recurring')) {
        // a fixed deadline, or the plan year's occurrence of a yearly one ("trước ngày 20/11 hằng năm")
        summary.parsed++;
        const d = p.period.due;
        if (dueCount++ === 0 || d > latestDue) latestDue = d;
        if (columnSilent && p.status === 'done') {
          // done, as the cell says (unless the status column says otherwise): no overdue, no due-soon
        } else if (d < asOf) {
          if (latestPassed === null || d > latestPassed) {
            latestPassed = d;
            passedPart = p;
          }
        } else if (d <= soonLimit && (firstUpcoming === null || d < firstUpcoming)) {
          firstUpcoming = d;
          upcomingPart = p;
        }
        if (p.kind === 'fixed' && !p.period.relative) {
          datedDues.set(d, (datedDues.get(d) ?? 0) + 1);
          datedTotal++;
        }
        if (planYear && !outside && p.kind === 'fixed') {
          const per = p.period;
          const wrongYear = per.wholeYear && per.start.slice(0, 4) !== String(planYear);
          if (wrongYear || (earliest && per.due < earliest) || (latest && per.start > latest)) outside = p;
        }
      }
    }
    let pending: Pending | undefined;
    if (outside && planYear) {
      const task = taskName(tr.item);
      const taskVi = task || 'dòng ' + tr.row;
      const taskEn = task || 'row ' + tr.row;
      pending = {
        row: tr.row,
        text: outside.text,
        vi: `Hạn hoàn thành «${excerpt(outside.text, 40)}» nằm ngoài năm kế hoạch ${planYear} (nhiệm vụ ${taskVi})`,
        en: `Deadline "${excerpt(outside.text, 40)}" lies outside the plan year ${planYear} (task ${taskEn})`,
      };
      outsides.push(pending);
    }
    if (!dueCount) continue;
    if (status === 'done') {
      const last = latestDue;
      if (completedOn && completedOn > last) {
        summary.late.push(makeRef(tr.row, col, text, last, tr.item, status, completedOn));
        out.push(
          finding('deadline-late', tr.row, doneCol ?? col, {
            vi: `Hoàn thành ngày ${isoToVi(completedOn)}, chậm so với hạn hoàn thành «${excerpt(text, 40)}» (${isoToVi(last)}).`,
            en: `Completed on ${completedOn}, after the deadline ${last} ("${excerpt(text, 40)}").`,
          }, { expected: last, actual: completedOn }),
        );
      }
      continue;
    }
    if (latestPassed !== null) {
      const due = latestPassed;
      const part = passedPart;
      summary.overdue.push(makeRef(tr.row, col, text, due, tr.item, status, completedOn, part));
      const known = status === 'not-done';
      const overdue = finding('deadline-overdue', tr.row, col, {
        vi: `Quá hạn: hạn hoàn thành «${excerpt(text, 40)}» (${isoToVi(due)}${postponedVi(part)}) đã qua, ${stillVi(asOf, known)}.`,
        en: `Overdue: the deadline "${excerpt(text, 40)}" (${due}${postponedEn(part)}) has passed; ${stillEn(asOf, known)}.`,
      }, { severity: known ? 'error' : 'warning', expected: due, actual: asOf });
      if (pending) {
        // one cell, one finding: the deadline outside the plan year says it is past due as well
        pending.overdue = { due, known, finding: overdue };
      } else out.push(overdue);
      continue;
    }
    if (firstUpcoming) summary.dueSoon.push(makeRef(tr.row, col, text, firstUpcoming, tr.item, status, completedOn, upcomingPart));
  }

  // by due year, the years in the order they first came
  const datedYears = new Map<string, number>();
  for (const [d, n] of datedDues) {
    const y = d.slice(0, 4);
    datedYears.set(y, (datedYears.get(y) ?? 0) + n);
  }
  // Most dated deadlines in one other year: the plan year is in doubt — one finding at the title, not one per row.
  let doubt: { year: number; count: number } | null = null;
  if (planYear && table.planYearFrom && table.planYearFrom.source !== 'option' && datedTotal >= MIN_DATED_FOR_DOUBT) {
    for (const [y, n] of datedYears) if (Number(y) !== planYear && n * 2 > datedTotal && (!doubt || n > doubt.count)) doubt = { year: Number(y), count: n };
  }
  if (doubt && planYear && table.planYearFrom && table.planYearFrom.source !== 'option') {
    const from = table.planYearFrom;
    const whereVi = from.source === 'title' ? `đọc từ tiêu đề (ô ${a1(from.row, from.col)})` : `đọc từ tên trang «${grid.name}»`;
    const whereEn = from.source === 'title' ? `read from the title (cell ${a1(from.row, from.col)})` : `read from the sheet name "${grid.name}"`;
    out.push(
      finding('plan-year-doubt', from.row, from.col, {
        vi: `Năm kế hoạch ${planYear}, ${whereVi}, có thể sai: ${doubt.count}/${datedTotal} thời hạn có ghi năm thuộc năm ${doubt.year}. Nếu đây là kế hoạch năm ${doubt.year}, hãy sửa tiêu đề hoặc đặt năm kế hoạch ${doubt.year} (Cài đặt › Năm kế hoạch; dòng lệnh: --plan-year ${doubt.year}). Các thời hạn ngoài năm kế hoạch chưa được báo riêng từng ô.`,
        en: `The plan year ${planYear}, ${whereEn}, may be wrong: ${doubt.count} of ${datedTotal} deadlines that name a year fall in ${doubt.year}. If this is the ${doubt.year} plan, fix the title or set the plan year to ${doubt.year} (Settings › Plan year; command line: --plan-year ${doubt.year}). Deadlines outside the plan year are not reported cell by cell.`,
      }, { expected: String(doubt.year), actual: String(planYear) }),
    );
  }
  for (const p of outsides) {
    if (doubt) {
      if (p.overdue) out.push(p.overdue.finding);
      continue;
    }
    const o = p.overdue;
    out.push(
      finding('deadline-outside-plan-year', p.row, col, {
        vi: `${p.vi}${o ? `; hạn này (${isoToVi(o.due)}) đã qua, ${stillVi(asOf, o.known)}` : ''}.`,
        en: `${p.en}${o ? `; that deadline (${o.due}) has passed: ${stillEn(asOf, o.known)}` : ''}.`,
      }, { severity: o?.known ? 'error' : 'warning', expected: String(planYear), actual: excerpt(p.text, 80) }),
    );
  }
  return { findings: out, summary };
}

export const deadlinesRule: Rule = (ctx: RuleContext) => checkDeadlines(ctx).findings;
