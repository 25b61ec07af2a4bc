/**
 * Deadline cells ("Thời gian hoàn thành") → periods with a due date. The phrase grammar is in period-grammar.ts, the
 * line reader in period-line.ts (its word lists in period-words.ts), the calendar arithmetic in calendar.ts; this
 * file resolves years, validates days and builds the periods.
 *
 * A closed grammar, not a guesser: a cell is split into lines (line breaks and ";"), each line is tokenised on its
 * folded text (see `fold`: case, diacritics and đ/d ignored) and read WHOLE — every word must be accounted for.
 * Before the expression only LABELS (what is due and to whom: "Kế hoạch", "Báo cáo", "Hoàn thành", "Thời gian thực
 * hiện", "Gửi Sở Nội vụ", "Trong", "Vào"…) and punctuation; after it only what the grammar reads (a further
 * expression, a refinement, a postponement, a status, a continuation — below) or a NOTE ("(dự kiến)", "hoàn thành",
 * "thực hiện", "báo cáo", "theo kế hoạch", "trừ trường hợp đặc biệt", an addressee, punctuation, "./."). Both lists
 * are explicit and short (period-words.ts). Any other word — a qualifier, a condition, an amount — makes the line
 * 'unparsed': the first expression of a line is never taken for the whole of it. A line with no recognisable
 * expression is 'unparsed'. Impossible dates are reported as 'invalid' with a short Vietnamese reason, never
 * corrected. A missing year is taken from the plan year (relative = true); with no plan year such a line is
 * 'unparsed' — the current year is never guessed.
 *
 * Forms (any case, flexible spaces, "/" "-" "." as date separators; 2-digit years are rejected):
 *   dates       15/01/2023 · 1-2-2024 · 2024-03-20 · ngày 15 tháng 01 năm 2023 · ngày 20/12 · 31/01 năm 2025 ·
 *               ngày 06 (sáu) tháng 06 (sáu) — a number repeated in words is read once; words that say another
 *               number make the line 'invalid' ("06 (bảy)")
 *   months      01/2018 · Tháng 12/2017 · Tháng 01 năm 2018 · Trong tháng 01/2023 · tháng 3
 *   month parts Đầu / giữa / cuối tháng 6/2024 (also thượng / trung / hạ tuần): days 1–10, 11–20, 21–last; kind
 *               'month-part', due on the 10th, the 20th, the last day
 *   quarters    Quý IV/2017 · Quý 4/2017 · Quý IV năm 2017 · quý IV · Đầu / giữa / cuối quý III: its 1st / 2nd / 3rd
 *               month
 *   halves      6 tháng đầu năm (2024) · 6 tháng cuối năm · nửa đầu năm 2024
 *   years       Năm 2017 · Cả năm 2022 · Trong năm 2024 · Cả năm · Trong năm · năm kế hoạch (all wholeYear) ·
 *               Đầu / Cuối năm 2024 (first / last quarter) · Năm 2021 - 2030, Giai đoạn 2021 - 2025 (ranges)
 *   relative    năm kế hoạch, năm báo cáo = the plan year; năm trước (liền kề năm kế hoạch / báo cáo) = the year
 *   years       before; năm sau, năm tới, năm tiếp theo, năm (sau) liền kề (năm kế hoạch / báo cáo) = the year after.
 *               "năm nay", "năm học", "năm tài chính", "năm ngân sách", "năm đó" are not read ('unparsed')
 *   ranges      Từ Quý IV/2023 đến Quý I/2024 · từ tháng 3 đến tháng 6/2023 · Quý I–IV/2024 · tháng 3 - 6/2024
 *   lists       Quý II và Quý III · Quý I, Quý II · tháng 3 và tháng 9 · Quý II và III/2024 (a year written at the
 *               end also applies to the items before it that have none)
 *   deadlines   Trước (ngày) X · chậm nhất (là/vào) (ngày) X · không quá X · hạn (chót) X · đến (hết) X ·
 *               trước (hoặc trong) tháng 6/2024
 *   recurring   Hàng/Hằng/Mỗi tháng|quý|năm · 6 tháng/lần · Định kỳ (…) ·
 *               X hằng năm, Hằng năm (,) X ("trước ngày 20/11 hằng năm", "vào ngày 1-8 hằng năm"): yearly, with
 *               the plan year's occurrence as its `period` (due date) ·
 *               ngày 15 hằng tháng, ngày 15 của tháng (báo cáo): monthly, `day` 15 ·
 *               ngày 20 (của) tháng cuối (của) quý / kỳ báo cáo: quarterly, `day` 20 of each quarter's last month
 *   ongoing     Thường xuyên · Liên tục · Chuyển tiếp (từ năm 2017) · Thường xuyên (trong) năm 2024: from its start ·
 *               Từ / Kể từ / Bắt đầu (từ) / Sau X, X trở đi ("Từ ngày 01/7/2024"): a start, not a deadline —
 *               'ongoing' with `start` (X's first day; after "Sau", the day after X ends), never due
 *   on-request  Theo yêu cầu (…) · Khi có yêu cầu · Theo/Khi có chỉ đạo · Đột xuất ("Theo yêu cầu nhiệm vụ": words
 *               with no digit and no expression may follow — who asks)
 *   refinements Quý I: Trước 20/3/2024 · Quý II (trước 15/6) · Quý I trước ngày 20/3 · Năm 2024 - Quý II: a
 *               deadline after a period, bare or after ":" "(" "-", is due on its own day (below)
 *   alternatives Quý III/2024 hoặc Quý IV/2024 · Quý III hoặc IV/2024 · Định kỳ hoặc đột xuất (below)
 *   postponed   X (lùi / lùi lại / gia hạn / hoãn [thời gian …] sang / đến / tới Y) · X (chuyển / điều chỉnh / dời
 *               sang Y) · Lùi sang Y: due on Y, `postponed.from` X's due date (when written)
 *   status      Đã hoàn thành (X) · X - đã xong · X (đã ban hành) · X (chưa hoàn thành / đang thực hiện): `status`;
 *               a line that only says "Đã hoàn thành", "Đã ban hành": kind 'done' (below)
 *   continues   X và các / những năm tiếp theo · X và các năm sau · X, các năm tới: 'ongoing' from X's start (below)
 *   sequences   X, sau đó / rồi / tiếp theo Y ("Trước 30/6/2024, sau đó hàng quý": X, then quarterly) ·
 *               Ngày 30/4 và 30/10 hằng năm (every item, yearly) · Định kỳ hằng quý, 6 tháng, năm (three recurrences)
 *
 * DECISION — "Trước ngày X" is due ON X: the last acceptable day is X itself (the lenient reading, so nobody is
 * flagged overdue on the day itself). Its `start` is 1 January of X's year. The same holds for every deadline word
 * above and for a period X: "trước (hoặc trong) tháng 6/2024" is due 2024-06-30 (the last day of X), start
 * 2024-01-01, kind 'month'.
 *
 * DECISION — never a guess. A line is 'unparsed' when a word before the expression is not a label ("Giữa năm 2024",
 * "Khoảng tháng 6", "Ngoài quý II", "Tính đến 30/6"; a day, month or quarter the grammar could not read is never a
 * label, so "ngày mùng sáu tháng 6" is not "tháng 6"), when a word after it is neither read nor a note ("Tháng
 * 3/2024 năm trăm nghìn đồng/tháng", "Quý IV/2024 (nếu có)"), when "hằng tháng / hằng quý" follows a date, or when
 * "năm" is followed by a year the grammar does not know ("tháng 3 năm nay").
 *
 * DECISION — a refinement is due on the more precise day: "Quý I: Trước 20/3/2024" is due 20/03/2024 (from the
 * quarter's first day), "Năm 2024 (tháng 6)" at the end of June. A year written on one side is the other's too
 * ("Quý II/2025 (trước 15/6)" is 15/06/2025). Outside its period it is 'invalid' ("Quý I: Trước 20/6/2024"), never
 * either date. Only the last item may be refined, and only if every item before it was refined or postponed too
 * ("Quý I (trước 20/3), Quý II (trước 20/6)"); "Quý II và Quý III (trước 15/9)" is 'unparsed'.
 *
 * DECISION — alternatives "X hoặc Y" are ONE deadline, due on the LATER of the two (`alternatives` lists each due
 * date; the period runs from the earliest start): the lenient reading, as "Trước ngày X" is due on X — whoever wrote
 * the plan accepts either, so the task is late only once both have passed. Refusing them would leave many real
 * cells unread for no gain; taking the earlier would be a false overdue. Alternatives mixed with a list ("Quý I, Quý
 * II hoặc Quý III"), with a no-date form ("Quý IV hoặc theo yêu cầu") or open-ended ("hoặc muộn hơn") are
 * 'unparsed'; "hoặc sớm hơn" is a note (the latest day stays X). Alternatives with no date at all ("Định kỳ hoặc đột
 * xuất") keep their parts.
 *
 * DECISION — a postponement replaces the deadline: due on the new one, and the report says it was postponed (from
 * the old date when the cell gives it). "lùi", "gia hạn", "hoãn" only move it later: a new date not after the old
 * one is 'invalid'; "chuyển", "điều chỉnh", "dời" may move it either way. A new date without a year takes the old
 * one's, the next year when it would fall before ("Tháng 12/2024 (lùi sang tháng 1)" is January 2025).
 *
 * DECISION — "X và các năm tiếp theo" is 'ongoing' from X's start, like "X trở đi" and "Từ X": the task goes on with
 * no last day, so X passing never makes it overdue (a yearly reading would flag it every January for a task the
 * plan says simply continues). "X và năm tiếp theo" (one year) stays two years.
 *
 * DECISION — a status in the deadline cell counts for the overdue rule (rules/deadlines.ts): only "đã …" is done
 * and "chưa … / đang …" not done — a bare "Hoàn thành: Quý III" says when it is due. A status after a list applies to
 * the items since the previous status ("Quý I (đã xong), Quý II": only the first); before the expression, to all
 * of them. A status column that says something wins over the cell; a blank one does not.
 *
 * Runs in time linear in the length of the cell: tokenisation is a single pass, each match attempt looks at a
 * bounded number of tokens and the line reader tries a fixed set of them at each position; no regular expression
 * can backtrack.
 */
import { MAX_YEAR, MIN_YEAR, addDays, daysInMonth, excelSerialToIso, fmt, toIso } from './calendar';
import { Item, Spec, YearRef, tokenize } from './period-grammar';
import { readLine } from './period-line';
import type { PeriodItem } from './period-tokens';
import { parseWords } from './words';
import { Dec } from '../decimal';

export { MAX_YEAR, MIN_YEAR, addDays, excelSerialToIso, isValidDate, isoToExcelSerial } from './calendar';

export interface Period {
  /** ISO date, first day of the period. */
  start: string;
  /** ISO date, last day = the due date. */
  due: string;
  kind: 'date' | 'month' | 'month-part' | 'quarter' | 'half' | 'year' | 'range';
  /** "Năm 2017", "Cả năm 2022", "Trong năm 2024": the whole calendar year. */
  wholeYear: boolean;
  /** The year was not written (taken from the plan year) or came from a relative phrase. */
  relative: boolean;
}

export interface DeadlinePart {
  /** The line / piece this came from (trimmed). */
  text: string;
  /** 'done': the line only says the task is done ("Đã hoàn thành", "Đã ban hành"), with no deadline. */
  kind: 'fixed' | 'recurring' | 'ongoing' | 'on-request' | 'done' | 'invalid' | 'unparsed';
  /** For 'fixed'; for a yearly 'recurring' day ("trước ngày 20/11 hằng năm"), its occurrence in the plan year. */
  period?: Period;
  /** For 'recurring'. */
  frequency?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'periodic';
  /** For a monthly / quarterly 'recurring' day: the day of the month ("ngày 15 hằng tháng"; quarterly: in the last month of each quarter). */
  day?: number;
  /** For 'ongoing' "Chuyển tiếp từ năm 2017". */
  since?: number;
  /** For 'ongoing' "Từ ngày 01/7/2024": the ISO day work starts (a start, not a deadline). */
  start?: string;
  /** For 'invalid': short, Vietnamese, e.g. "31/02/2024: tháng 2 không có ngày 31". */
  reason?: string;
  /** What the line says of the task: "Tháng 3/2024 - đã xong" (done), "Quý II (chưa hoàn thành)" (not done). */
  status?: 'done' | 'not-done';
  /** "Tháng 5/2024 (lùi sang tháng 8/2024)": the period is the new deadline; `from` the old due date when written. */
  postponed?: { from?: string };
  /** "Quý III/2024 hoặc Quý IV/2024": the due date of each alternative; the part is due on the latest. */
  alternatives?: string[];
}

export interface DeadlineContext {
  planYear?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolution: years, validation, periods.

type Built = { period: Period } | { reason: string } | null; // null: no year (no plan year given)

function resolvedYear(y: YearRef, plan: number | undefined): { year: number; relative: boolean } | null {
  switch (y.mode) {
    case 'explicit':
    case 'inherited':
      return { year: y.year, relative: false };
    case 'missing':
      return plan === undefined ? null : { year: plan, relative: true };
    case 'plan':
      return plan === undefined ? null : { year: plan + y.offset, relative: true };
  }
}

function build(spec: Spec, plan: number | undefined, line: string): Built {
  const src = line.slice(spec.s, spec.e);
  if ((spec.t === 'date' || spec.t === 'month' || spec.t === 'month-part') && (spec.m < 1 || spec.m > 12)) {
    return { reason: `${src}: không có tháng ${spec.m}` };
  }
  if (spec.t === 'date' && (spec.d < 1 || spec.d > 31)) return { reason: `${src}: không có ngày ${spec.d}` };
  if (spec.t === 'quarter' && (spec.q < 1 || spec.q > 4)) {
    return { reason: `${src}: không có quý ${spec.qText} (chỉ có quý I–IV)` };
  }
  const r = resolvedYear(spec.y, plan);
  if (!r) return null;
  const { year: y, relative } = r;
  if (y < MIN_YEAR || y > MAX_YEAR) return { reason: `${src}: năm ${y} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}` };
  const period = (kind: Period['kind'], m1: number, d1: number, m2: number, d2: number): Built => ({
    period: { start: toIso(y, m1, d1), due: toIso(y, m2, d2), kind, wholeYear: kind === 'year', relative },
  });
  switch (spec.t) {
    case 'date':
      if (spec.d > daysInMonth(y, spec.m)) {
        return {
          reason:
            spec.m === 2 && spec.d === 29
              ? `${src}: năm ${y} không nhuận, tháng 2 không có ngày 29`
              : `${src}: tháng ${spec.m} không có ngày ${spec.d}`,
        };
      }
      return period('date', spec.m, spec.d, spec.m, spec.d);
    case 'month':
      return period('month', spec.m, 1, spec.m, daysInMonth(y, spec.m));
    case 'month-part':
      // đầu / giữa / cuối tháng: days 1–10, 11–20, 21–last (thượng / trung / hạ tuần)
      return spec.part === 1
        ? period('month-part', spec.m, 1, spec.m, 10)
        : spec.part === 2
          ? period('month-part', spec.m, 11, spec.m, 20)
          : period('month-part', spec.m, 21, spec.m, daysInMonth(y, spec.m));
    case 'quarter': {
      const m2 = spec.q * 3;
      return period('quarter', m2 - 2, 1, m2, daysInMonth(y, m2));
    }
    case 'half':
      return spec.h === 1 ? period('half', 1, 1, 6, 30) : period('half', 7, 1, 12, 31);
    case 'year':
      return period('year', 1, 1, 12, 31);
  }
}

function knownYear(y: YearRef): number | undefined {
  return y.mode === 'explicit' || y.mode === 'inherited' ? y.year : undefined;
}

/** "từ tháng 11 đến tháng 2/2024": the end's year applies to the start (one year back if it would start later). */
function inheritWithinRange(a: Spec, b: Spec, line: string): void {
  const ya = knownYear(a.y);
  const yb = knownYear(b.y);
  if (a.y.mode === 'missing' && yb !== undefined) {
    a.y = { mode: 'inherited', year: yb };
    const pa = build(a, undefined, line);
    const pb = build(b, undefined, line);
    if (pa && pb && 'period' in pa && 'period' in pb && pa.period.start > pb.period.due) a.y = { mode: 'inherited', year: yb - 1 };
  } else if (b.y.mode === 'missing' && ya !== undefined) {
    b.y = { mode: 'inherited', year: ya };
    const pa = build(a, undefined, line);
    const pb = build(b, undefined, line);
    if (pa && pb && 'period' in pa && 'period' in pb && pb.period.due < pa.period.start) b.y = { mode: 'inherited', year: ya + 1 };
  }
}


/** A missing year taken from the other spec of a pair ("Quý I: Trước 20/3/2024": the quarter is in 2024). */
function copyMissingYear(to: Spec, from: Spec): void {
  const y = knownYear(from.y);
  if (to.y.mode === 'missing' && y !== undefined) to.y = { mode: 'inherited', year: y };
}

/** Years shared inside one item: a range's ends, a refinement and its period, a postponement and the old deadline. */
function linkYears(it: PeriodItem, line: string): void {
  if (it.b) inheritWithinRange(it.a, it.b, line);
  const w = it.within;
  if (w) {
    if (w.b) inheritWithinRange(w.a, w.b, line);
    copyMissingYear(it.a, w.b ?? w.a);
    copyMissingYear(w.a, it.a);
    if (w.b) inheritWithinRange(w.a, w.b, line);
    if (it.b) inheritWithinRange(it.a, it.b, line);
  }
  const f = it.postponed?.from;
  if (f) {
    if (f.b) inheritWithinRange(f.a, f.b, line);
    // "Tháng 11/2024 (lùi sang tháng 2)": February after November, of the next year
    inheritWithinRange(f.b ?? f.a, it.a, line);
    if (it.b) inheritWithinRange(it.a, it.b, line);
  }
}

/** The period of an item: its spec, a range, or a deadline ("Trước X": from 1 January of X's year to X). */
function periodOf(it: PeriodItem, plan: number | undefined, line: string, text: string): Built {
  const a = build(it.a, plan, line);
  if (a && 'reason' in a) return a;
  const b = it.b ? build(it.b, plan, line) : undefined;
  if (b && 'reason' in b) return b;
  if (!a || b === null) return null;
  if (b) {
    if (b.period.due < a.period.start) return { reason: `${text}: bắt đầu ${fmt(a.period.start)} sau khi kết thúc ${fmt(b.period.due)}` };
    return {
      period: { start: a.period.start, due: b.period.due, kind: 'range', wholeYear: false, relative: a.period.relative || b.period.relative },
    };
  }
  if (it.deadline) return { period: { ...a.period, start: `${a.period.due.slice(0, 4)}-01-01`, wholeYear: false } };
  return a;
}

function periodPart(it: PeriodItem, plan: number | undefined, line: string, text: string): DeadlinePart {
  const built = periodOf(it, plan, line, text);
  if (built && 'reason' in built) return { text, kind: 'invalid', reason: built.reason };
  if (!built) return { text, kind: 'unparsed' };
  let period = built.period;
  const part: DeadlinePart = { text, kind: 'fixed' };
  if (it.within) {
    // "Quý I: Trước 20/3/2024": due on the precise day, which must lie inside the period it refines
    const wText = line.slice(it.within.s, it.within.e).trim();
    const w = periodOf(it.within, plan, line, wText);
    if (w && 'reason' in w) return { text, kind: 'invalid', reason: w.reason };
    if (!w) return { text, kind: 'unparsed' };
    const W = w.period;
    if (period.due < W.start || period.due > W.due || (!it.deadline && period.start < W.start)) {
      return { text, kind: 'invalid', reason: `${text}: hạn ${fmt(period.due)} không nằm trong ${wText} (${fmt(W.start)}–${fmt(W.due)})` };
    }
    period = {
      start: period.start > W.start ? period.start : W.start,
      due: period.due,
      kind: period.kind,
      wholeYear: false,
      relative: period.relative && W.relative,
    };
  }
  if (it.postponed) {
    const f = it.postponed.from;
    if (f) {
      const fText = line.slice(f.s, f.e).trim();
      const old = periodOf(f, plan, line, fText);
      if (old && 'reason' in old) return { text, kind: 'invalid', reason: old.reason };
      if (!old) return { text, kind: 'unparsed' };
      if (it.postponed.later && period.due <= old.period.due) {
        return { text, kind: 'invalid', reason: `${text}: hạn mới ${fmt(period.due)} không sau hạn cũ ${fmt(old.period.due)}` };
      }
      part.postponed = { from: old.period.due };
    } else part.postponed = {};
  }
  if (it.status) part.status = it.status;
  // "Năm 2024 và các năm tiếp theo": a start, like "X trở đi" — never due
  if (it.continues) return { text, kind: 'ongoing', start: period.start, ...(it.status ? { status: it.status } : {}) };
  part.period = period;
  if (it.every === 'yearly') {
    part.kind = 'recurring';
    part.frequency = 'yearly';
  }
  return part;
}

/** "Quý III/2024 hoặc Quý IV/2024": one part, due on the latest alternative (from the earliest start). */
function laterOf(parts: DeadlinePart[], line: string): DeadlinePart {
  const bad = parts.find((p) => p.kind === 'invalid') ?? parts.find((p) => p.kind === 'unparsed');
  if (bad) return { ...bad, text: line };
  const periods = parts.map((p) => p.period!);
  let latest = periods[0];
  let start = periods[0].start;
  for (const p of periods) {
    if (p.due > latest.due) latest = p;
    if (p.start < start) start = p.start;
  }
  const same = periods.every((p) => p.start === latest.start && p.due === latest.due && p.kind === latest.kind);
  const period: Period = same
    ? latest
    : { start, due: latest.due, kind: 'range', wholeYear: false, relative: periods.some((p) => p.relative) };
  const part: DeadlinePart = { text: line, kind: 'fixed', period, alternatives: periods.map((p) => p.due) };
  const status = parts[0].status;
  if (status && parts.every((p) => p.status === status)) part.status = status;
  return part;
}

function resolveItems(list: Item[], line: string, plan: number | undefined): DeadlinePart[] {
  let items = list;
  // A year written at the end of a list applies to the earlier items that have none: "Quý II và Quý III/2024".
  let carry: number | undefined;
  for (let idx = items.length - 1; idx >= 0; idx--) {
    const it = items[idx];
    if (it.t !== 'period') {
      carry = undefined;
      continue;
    }
    linkYears(it, line);
    const last = it.b ?? it.a;
    if (carry !== undefined && last.y.mode === 'missing') {
      last.y = { mode: 'inherited', year: carry };
      linkYears(it, line);
    }
    carry = knownYear((it.within ?? it.postponed?.from ?? it).a.y);
  }

  // "Hằng năm, trước ngày 20/11": the yearly day, due in the plan year.
  if (items.length === 2 && items[0].t === 'special' && items[0].part.frequency === 'yearly' && items[1].t === 'period' && !items[1].b) {
    const [first, second] = items;
    items = [{ ...second, s: first.s, every: 'yearly' }];
  }

  const parts = items.map((it): DeadlinePart => {
    const text = items.length === 1 ? line : line.slice(it.s, it.e).trim();
    const withStatus = (p: DeadlinePart): DeadlinePart => (it.status && p.kind !== 'invalid' && p.kind !== 'unparsed' ? { ...p, status: it.status } : p);
    if (it.t === 'day') {
      if (it.day < 1 || it.day > 31) return { text, kind: 'invalid', reason: `${text}: không có ngày ${it.day}` };
      return withStatus({ text, kind: 'recurring', frequency: it.frequency, day: it.day });
    }
    if (it.t === 'start') {
      const a = build(it.a, plan, line);
      if (a && 'reason' in a) return { text, kind: 'invalid', reason: a.reason };
      if (!a) return { text, kind: 'unparsed' };
      // "Sau ngày 15/3/2024": from 16/3; "Sau Quý I/2024": from 1/4 — after the period, not at its start
      return withStatus({ text, kind: 'ongoing', start: it.after ? addDays(a.period.due, 1) : a.period.start });
    }
    if (it.t === 'special') {
      if (it.part.since !== undefined && (it.part.since < MIN_YEAR || it.part.since > MAX_YEAR)) {
        return { text, kind: 'invalid', reason: `${text}: năm ${it.part.since} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}` };
      }
      return withStatus({ text, ...it.part });
    }
    return periodPart(it, plan, line, text);
  });
  // a chain of alternatives of periods is one deadline (period-line.ts admits no other mix)
  if (items.length > 1 && items.every((it, i) => it.t === 'period' && (i === 0 || it.alt))) return [laterOf(parts, line)];
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point.

const WS = /\s/;
const BULLETS = '-–—•+*·●○◦▪▫■□►▸➢➤→';
const TRAILING = '.;,';

function cleanLine(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && (WS.test(raw[a]) || BULLETS.includes(raw[a]))) a++;
  while (b > a && (WS.test(raw[b - 1]) || TRAILING.includes(raw[b - 1]))) b--;
  return raw.slice(a, b);
}

const LINE_BREAKS = /\r\n|[\n\r\v\f\u2028\u2029;]/;

/** "06 (sáu)": a number followed by itself in words. */
const NUMBER_IN_WORDS = /([0-9]{1,4})(\s*\(([^()0-9]{1,40})\))/gu;

/** The words that spell a day, a month or a year, as written with their diacritics. */
const NUMBER_WORDS = new Set(
  ('không một mốt hai ba bốn tư năm lăm nhăm sáu bảy bẩy tám chín mười mươi trăm nghìn ngàn linh lẻ').split(' '),
);

/**
 * "ngày 06 (sáu) tháng 06 (sáu)": the words repeating a number are blanked out (offsets kept); a number whose words
 * say another number makes the line invalid — neither of the two is guessed.
 */
function dropNumbersInWords(line: string): { line: string } | { reason: string } {
  let out = line;
  for (const m of line.matchAll(NUMBER_IN_WORDS)) {
    const inner = m[3].trim();
    // spelled with the number words' own letters: "(tạm)" (provisional) is not "(tám)" though both fold to "tam"
    if (!inner.normalize('NFC').toLowerCase().split(/[\s-]+/u).every((word) => NUMBER_WORDS.has(word))) continue;
    const w = parseWords(inner);
    if (!w || w.unit !== null || w.words.length !== inner.length) continue; // "(dự kiến)", "(năm 2024)": not a number in words
    if (!w.value.eq(Dec.fromInt(Number(m[1])))) return { reason: `${m[0]}: số ${m[1]} nhưng chữ ghi «${inner}»` };
    const at = (m.index ?? 0) + m[1].length;
    out = out.slice(0, at) + ' '.repeat(m[2].length) + out.slice(at + m[2].length);
  }
  return { line: out };
}

/** A line that is a year or a span of years and nothing else: "2024", "2021 - 2025". */
const BARE_YEARS = /^(\d{4})(\s*[-–]\s*\d{4})?$/;

function parseLine(original: string, plan: number | undefined): DeadlinePart[] {
  const cleaned = dropNumbersInWords(original);
  if ('reason' in cleaned) return [{ text: original, kind: 'invalid', reason: cleaned.reason }];
  // A deadline cell that holds a year alone ("2024", as a number cell already reads) is that year; inside a line a
  // bare number stays unread (it may be a document number)
  const line = BARE_YEARS.test(cleaned.line) ? `Năm ${cleaned.line}` : cleaned.line;
  const reading = readLine(tokenize(line));
  if ('unparsed' in reading) return [{ text: original, kind: 'unparsed' }];
  if ('done' in reading) return [{ text: original, kind: 'done', status: 'done' }];
  const parts = resolveItems(reading.items, line, plan);
  if (parts.length === 1) parts[0].text = original;
  return parts;
}

/**
 * A deadline cell as the sheet holds it: a whole number from MIN_YEAR to MAX_YEAR in a cell that is not a date (2024
 * typed in General format) is that year, read as "Năm 2024"; anything else as parseDeadline reads it. The deadlines
 * rule, the Excel function PHULUC.HAN and the deadline column found by content all read cells through this.
 */
export function parseDeadlineCell(value: string | number, ctx?: DeadlineContext, isDateCell?: boolean): DeadlinePart[] {
  if (typeof value === 'number' && !isDateCell && Number.isInteger(value) && value >= MIN_YEAR && value <= MAX_YEAR) return parseDeadline(`Năm ${value}`, ctx);
  return parseDeadline(value, ctx, isDateCell);
}

/**
 * Parses a deadline cell into parts, one per line (or per list item; a line that cannot be read alone, or a
 * postponement on a line of its own, is read with the line before or after it). A number is an Excel date serial only when
 * `isDateCell` is true; otherwise it is 'unparsed'. A blank cell gives []. Never throws.
 */
export function parseDeadline(value: string | number, ctx?: DeadlineContext, isDateCell?: boolean): DeadlinePart[] {
  const planYear = ctx?.planYear;
  const plan = typeof planYear === 'number' && Number.isInteger(planYear) ? planYear : undefined;
  if (typeof value === 'number') {
    const text = String(value);
    if (!isDateCell) return [{ text, kind: 'unparsed' }];
    const iso = excelSerialToIso(value);
    if (!iso) return [{ text, kind: 'invalid', reason: `${text}: không phải một ngày hợp lệ của Excel` }];
    const y = Number(iso.slice(0, 4));
    if (y < MIN_YEAR || y > MAX_YEAR) {
      return [{ text, kind: 'invalid', reason: `${fmt(iso)}: năm ${y} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}` }];
    }
    return [{ text, kind: 'fixed', period: { start: iso, due: iso, kind: 'date', wholeYear: false, relative: false } }];
  }
  if (typeof value !== 'string') return [];
  const lines = value.split(LINE_BREAKS).map(cleanLine).filter((l) => l !== '');
  const read = lines.map((l) => parseLine(l, plan));
  // A phrase wrapped over two lines of the cell ("Năm\n2018", "Trước ngày\n20/3/2018", as tables copied from Word
  // documents often are): when a line cannot be read alone, it is read with the next one, and kept so only if the
  // two together read fully. Lines that read alone are never joined.
  // The same for a postponement on a line of its own ("Tháng 5/2024\n(lùi sang tháng 8/2024)"): it says what it
  // postpones only together with the line before — apart, May would be reported overdue.
  const unparsed = (ps: DeadlinePart[]) => ps.some((p) => p.kind === 'unparsed');
  const postponesBefore = (ps: DeadlinePart[]) => !!ps[0]?.postponed && ps[0].postponed.from === undefined;
  for (let i = 0; i + 1 < lines.length; ) {
    if (unparsed(read[i]) || unparsed(read[i + 1]) || postponesBefore(read[i + 1])) {
      const joined = `${lines[i]} ${lines[i + 1]}`;
      const both = parseLine(joined, plan);
      if (!both.some((p) => p.kind === 'unparsed' || p.kind === 'invalid')) {
        lines.splice(i, 2, joined);
        read.splice(i, 2, both);
        if (i > 0) i--; // "Trước\nngày\n20/3/2018": the line before may now join too
        continue;
      }
    }
    i++;
  }
  return read.flat();
}
