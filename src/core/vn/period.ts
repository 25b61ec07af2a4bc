/**
 * Deadline cells ("Thời gian hoàn thành") → periods with a due date.
 *
 * A closed grammar, not a guesser: a cell is split into lines (line breaks and ";"), each line is tokenised on its
 * folded text (see `fold`: case, diacritics and đ/d ignored) and searched left to right for the FIRST recognisable
 * expression; words before it ("Kế hoạch", "Báo cáo", "Trong", …) are labels and ignored. A line with no
 * recognisable expression is 'unparsed'. Impossible dates are reported as 'invalid' with a short Vietnamese reason,
 * never corrected. A missing year is taken from the plan year (relative = true); with no plan year such a line is
 * 'unparsed' — the current year is never guessed.
 *
 * Forms (any case, flexible spaces, "/" "-" "." as date separators; 2-digit years are rejected):
 *   dates       15/01/2023 · 1-2-2024 · 2024-03-20 · ngày 15 tháng 01 năm 2023 · ngày 20/12 · 31/01 năm 2025
 *   months      01/2018 · Tháng 12/2017 · Tháng 01 năm 2018 · Trong tháng 01/2023 · tháng 3
 *   quarters    Quý IV/2017 · Quý 4/2017 · Quý IV năm 2017 · quý IV · quý IV năm trước (liền kề năm kế hoạch)
 *   halves      6 tháng đầu năm (2024) · 6 tháng cuối năm · nửa đầu năm 2024
 *   years       Năm 2017 · Cả năm 2022 · Trong năm 2024 · Cả năm · Trong năm · năm kế hoạch (all wholeYear)
 *   ranges      Từ Quý IV/2023 đến Quý I/2024 · từ tháng 3 đến tháng 6/2023 · Quý I–IV/2024 · tháng 3 - 6/2024
 *   lists       Quý II và Quý III · Quý I, Quý II · tháng 3 và tháng 9 · Quý II và III/2024 (a year written at the
 *               end also applies to the items before it that have none)
 *   deadlines   Trước (ngày) X · chậm nhất (là/vào) (ngày) X · không quá X · hạn (chót) X · đến (hết) X ·
 *               trước (hoặc trong) tháng 6/2024
 *   recurring   Hàng/Hằng/Mỗi tháng|quý|năm · 6 tháng/lần · Định kỳ (…)
 *   ongoing     Thường xuyên · Liên tục · Chuyển tiếp (từ năm 2017)
 *   on-request  Theo yêu cầu (…) · Khi có yêu cầu · Theo/Khi có chỉ đạo · Đột xuất
 *
 * DECISION — "Trước ngày X" is due ON X: the last acceptable day is X itself (the lenient reading, so nobody is
 * flagged overdue on the day itself). Its `start` is 1 January of X's year. The same holds for every deadline word
 * above and for a period X: "trước (hoặc trong) tháng 6/2024" is due 2024-06-30 (the last day of X), start
 * 2024-01-01, kind 'month'.
 *
 * Runs in time linear in the length of the cell: tokenisation is a single pass and each match attempt looks at a
 * bounded number of tokens; no regular expression can backtrack.
 */
import { fold } from './text';

export interface Period {
  /** ISO date, first day of the period. */
  start: string;
  /** ISO date, last day = the due date. */
  due: string;
  kind: 'date' | 'month' | 'quarter' | 'half' | 'year' | 'range';
  /** "Năm 2017", "Cả năm 2022", "Trong năm 2024": the whole calendar year. */
  wholeYear: boolean;
  /** The year was not written (taken from the plan year) or came from a relative phrase. */
  relative: boolean;
}

export interface DeadlinePart {
  /** The line / piece this came from (trimmed). */
  text: string;
  kind: 'fixed' | 'recurring' | 'ongoing' | 'on-request' | 'invalid' | 'unparsed';
  /** For 'fixed'. */
  period?: Period;
  /** For 'recurring'. */
  frequency?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'periodic';
  /** For 'ongoing' "Chuyển tiếp từ năm 2017". */
  since?: number;
  /** For 'invalid': short, Vietnamese, e.g. "31/02/2024: tháng 2 không có ngày 31". */
  reason?: string;
}

export interface DeadlineContext {
  planYear?: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic on integers (proleptic Gregorian; no Date objects, so no time zones).

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar day (years 1–9999). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseIso(iso: string): [number, number, number] | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const digits = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  for (const c of digits) if (c < '0' || c > '9') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return isValidDate(y, m, d) ? [y, m, d] : null;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** ISO date plus `days` (may be negative). Throws RangeError on a malformed or impossible ISO date. */
export function addDays(iso: string, days: number): string {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(days)) throw new RangeError(`addDays: invalid arguments ${String(iso)}, ${String(days)}`);
  const [y, m, d] = civilFromDays(daysFromCivil(p[0], p[1], p[2]) + days);
  return toIso(y, m, d);
}

/** Excel serial 1 = 1900-01-01 in the 1900 date system; serial 60 is Excel's fictitious 1900-02-29. */
const EXCEL_DAY0 = daysFromCivil(1899, 12, 31);
const EXCEL_MAX = 2958465; // 9999-12-31

/**
 * Excel 1900-system serial → ISO date; the fractional (time) part is ignored. Returns null for serials that are
 * not a day Excel can show (< 1, > 9999-12-31, non-finite) and for 60, the non-existent 1900-02-29.
 */
export function excelSerialToIso(serial: number): string | null {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > EXCEL_MAX || n === 60) return null;
  const [y, m, d] = civilFromDays(EXCEL_DAY0 + (n < 60 ? n : n - 1));
  return toIso(y, m, d);
}

/** ISO date → Excel 1900-system serial (the inverse of excelSerialToIso); NaN for an invalid date or one before 1900. */
export function isoToExcelSerial(iso: string): number {
  const p = parseIso(iso);
  if (!p) return NaN;
  const k = daysFromCivil(p[0], p[1], p[2]) - EXCEL_DAY0;
  if (k < 1 || k > EXCEL_MAX) return NaN;
  return k < 60 ? k : k + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens: runs of ASCII letters ('w'), runs of digits ('n') and single other characters ('p'), on folded text.
// start/end are offsets into the line, so reasons and pieces quote the original text.

interface Tok {
  type: 'w' | 'n' | 'p';
  text: string;
  start: number;
  end: number;
}

const WS = /\s/;

function tokenize(line: string): Tok[] {
  const toks: Tok[] = [];
  let cur: Tok | undefined;
  let i = 0;
  for (const ch of line) {
    const next = i + ch.length;
    if (WS.test(ch)) {
      cur = undefined;
    } else {
      const f = fold(ch);
      if (f === '') {
        if (cur) cur.end = next; // a lone combining mark (NFD input) stays inside its word
      }
      for (const c of f) {
        const type: Tok['type'] = c >= 'a' && c <= 'z' ? 'w' : c >= '0' && c <= '9' ? 'n' : 'p';
        if (cur && cur.type === type && type !== 'p') {
          cur.text += c;
          cur.end = next;
        } else {
          cur = { type, text: c, start: i, end: next };
          toks.push(cur);
          if (type === 'p') cur = undefined;
        }
      }
    }
    i = next;
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------------------------
// Grammar.

type YearRef =
  | { mode: 'explicit'; year: number }
  | { mode: 'inherited'; year: number } // written once for a list or a range
  | { mode: 'missing' }
  | { mode: 'plan'; offset: number }; // "năm kế hoạch", "năm trước liền kề năm kế hoạch"

interface SpecBase {
  y: YearRef;
  s: number;
  e: number;
}
type Spec =
  | (SpecBase & { t: 'date'; d: number; m: number })
  | (SpecBase & { t: 'month'; m: number })
  | (SpecBase & { t: 'quarter'; q: number; qText: string })
  | (SpecBase & { t: 'half'; h: 1 | 2 })
  | (SpecBase & { t: 'year' });

type Special = Pick<DeadlinePart, 'kind' | 'frequency' | 'since'>;

type Item =
  | { t: 'period'; a: Spec; b?: Spec; deadline: boolean; s: number; e: number }
  | { t: 'special'; part: Special; s: number; e: number };

interface Match<T> {
  v: T;
  end: number; // index of the first token after the match
}

const BAD = 'bad'; // a malformed year (e.g. two digits): the attempt fails, nothing is guessed
type YearMatch = Match<YearRef> | null | typeof BAD;

const SEP = '/-.';
const DASH = '-–—';
const MISSING: YearRef = { mode: 'missing' };
const ROMAN = new Map(Object.entries({ i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 }));
type Frequency = NonNullable<DeadlinePart['frequency']>;
const FREQ_WORD = new Map<string, Frequency>([
  ['thang', 'monthly'],
  ['quy', 'quarterly'],
  ['nam', 'yearly'],
  ['tuan', 'periodic'],
  ['ngay', 'periodic'],
]);

function frequencyOf(count: number, unit: string): Frequency {
  const months = unit === 'thang' ? count : unit === 'quy' ? count * 3 : count * 12;
  return months === 1 ? 'monthly' : months === 3 ? 'quarterly' : months === 6 ? 'half-yearly' : months === 12 ? 'yearly' : 'periodic';
}

function explicit(t: Tok): YearRef {
  return { mode: 'explicit', year: Number(t.text) };
}

class Parser {
  constructor(private readonly k: Tok[]) {}

  private w(i: number, ...texts: string[]): boolean {
    const t = this.k[i];
    return t !== undefined && t.type === 'w' && (texts.length === 0 || texts.includes(t.text));
  }

  private p(i: number, chars: string): boolean {
    const t = this.k[i];
    return t !== undefined && t.type === 'p' && chars.includes(t.text);
  }

  private n(i: number, minLen = 1, maxLen = 2): Tok | undefined {
    const t = this.k[i];
    return t !== undefined && t.type === 'n' && t.text.length >= minLen && t.text.length <= maxLen ? t : undefined;
  }

  /** Token i touches token i-1 (no white space between). */
  private adjacent(i: number): boolean {
    const a = this.k[i - 1];
    const b = this.k[i];
    return a !== undefined && b !== undefined && a.end === b.start;
  }

  /** A bare number may not start in the middle of "…/12/2024" nor after "số" (a document number). */
  private beforeOk(i: number): boolean {
    if (this.p(i - 1, '/.') && this.adjacent(i)) return false;
    return !this.w(i - 1, 'so');
  }

  /** A match may not be followed by "/QĐ…" or "/123" (document numbers such as "12/2024/QĐ-UBND"). */
  private afterOk(end: number): boolean {
    const next = this.k[end + 1];
    return !(this.p(end, '/') && this.adjacent(end) && next !== undefined && next.type !== 'p' && this.adjacent(end + 1));
  }

  private spec<T extends Spec['t']>(
    fields: Omit<Extract<Spec, { t: T }>, 's' | 'e'>,
    from: number,
    end: number,
  ): Match<Spec> {
    return { v: { ...fields, s: this.k[from].start, e: this.k[end - 1].end } as Spec, end };
  }

  /** What may follow the word "năm". */
  private afterNam(i: number, allowBare: boolean, allowTruoc: boolean): YearMatch {
    const t = this.k[i];
    if (t !== undefined && t.type === 'n') return t.text.length === 4 ? { v: explicit(t), end: i + 1 } : BAD;
    if (this.p(i, '(')) {
      const j = this.w(i + 1, 'nam') ? i + 2 : i + 1;
      const y = this.n(j, 4, 4);
      if (y && this.p(j + 1, ')')) return { v: explicit(y), end: j + 2 };
    }
    if (this.p(i, '/')) {
      const y = this.n(i + 1, 4, 4);
      if (y) return { v: explicit(y), end: i + 2 };
    }
    if (this.w(i, 'ke') && this.w(i + 1, 'hoach')) return { v: { mode: 'plan', offset: 0 }, end: i + 2 };
    if (this.w(i, 'truoc')) {
      if (this.w(i + 1, 'lien') && this.w(i + 2, 'ke')) {
        const end = this.w(i + 3, 'nam') && this.w(i + 4, 'ke') && this.w(i + 5, 'hoach') ? i + 6 : i + 3;
        return { v: { mode: 'plan', offset: -1 }, end };
      }
      if (allowTruoc) return { v: { mode: 'plan', offset: -1 }, end: i + 1 };
    }
    return allowBare ? { v: MISSING, end: i } : null;
  }

  /** The year written after a month / quarter / day: "/2017", "-2017", "năm 2017", "(2017)", "năm trước". */
  private yearSuffix(i: number): YearMatch {
    if (this.p(i, SEP)) {
      const t = this.k[i + 1];
      if (t !== undefined && t.type === 'n') {
        if (t.text.length === 4) return { v: explicit(t), end: i + 2 };
        if (this.k[i].text === '/' && !this.p(i + 2, SEP)) return BAD; // "Quý IV/17"
      }
      return null;
    }
    if (this.w(i, 'nam')) return this.afterNam(i + 1, false, true);
    if (this.p(i, '(')) {
      const j = this.w(i + 1, 'nam') ? i + 2 : i + 1;
      const y = this.n(j, 4, 4);
      if (y && this.p(j + 1, ')')) return { v: explicit(y), end: j + 2 };
    }
    return null;
  }

  private dateAtom(i: number, allowDM: boolean): Match<Spec> | null {
    const ngay = this.w(i, 'ngay');
    const j = ngay ? i + 1 : i;
    const y0 = this.n(j, 4, 4);
    if (y0) {
      // ISO-like 2024-03-20 / 2024/03/20
      if (ngay || !this.beforeOk(j) || !this.p(j + 1, SEP)) return null;
      const mt = this.n(j + 2);
      const dt = this.n(j + 4);
      if (!mt || !dt || !this.p(j + 3, this.k[j + 1].text) || !this.afterOk(j + 5)) return null;
      return this.spec<'date'>({ t: 'date', d: Number(dt.text), m: Number(mt.text), y: explicit(y0) }, i, j + 5);
    }
    const dt = this.n(j);
    if (!dt || (!ngay && !this.beforeOk(j))) return null;
    let mt: Tok | undefined;
    let y: YearRef = MISSING;
    let end: number;
    if (this.w(j + 1, 'thang')) {
      mt = this.n(j + 2);
      if (!mt) return null;
      const ys = this.yearSuffix(j + 3);
      if (ys === BAD) return null;
      end = ys ? ys.end : j + 3;
      if (ys) y = ys.v;
    } else if (this.p(j + 1, SEP)) {
      mt = this.n(j + 2);
      if (!mt) return null;
      const third = this.k[j + 4];
      if (this.p(j + 3, this.k[j + 1].text) && third !== undefined && third.type === 'n') {
        if (third.text.length !== 4) return null; // 2-digit year
        y = explicit(third);
        end = j + 5;
      } else if (this.w(j + 3, 'nam')) {
        const r = this.afterNam(j + 4, false, true);
        if (r === BAD) return null;
        end = r ? r.end : j + 3;
        if (r) y = r.v;
      } else {
        end = j + 3;
      }
    } else {
      return null;
    }
    // A day and month without a year only after "ngày" or a deadline word ("Trước 20/12").
    if (y.mode === 'missing' && !ngay && !allowDM) return null;
    if (!this.afterOk(end)) return null;
    return this.spec<'date'>({ t: 'date', d: Number(dt.text), m: Number(mt.text), y }, i, end);
  }

  private monthAtom(i: number): Match<Spec> | null {
    if (this.w(i, 'thang')) {
      const mt = this.n(i + 1);
      if (!mt) return null;
      const ys = this.yearSuffix(i + 2);
      if (ys === BAD) return null;
      const end = ys ? ys.end : i + 2;
      if (!this.afterOk(end)) return null;
      return this.spec<'month'>({ t: 'month', m: Number(mt.text), y: ys ? ys.v : MISSING }, i, end);
    }
    const mt = this.n(i);
    const yt = this.n(i + 2, 4, 4);
    if (!mt || !yt || !this.p(i + 1, SEP) || !this.beforeOk(i) || !this.afterOk(i + 3)) return null;
    return this.spec<'month'>({ t: 'month', m: Number(mt.text), y: explicit(yt) }, i, i + 3);
  }

  private quarterNumber(i: number): { q: number; text: string } | null {
    const t = this.k[i];
    if (t === undefined) return null;
    const roman = t.type === 'w' ? ROMAN.get(t.text) : undefined;
    if (roman !== undefined) return { q: roman, text: t.text.toUpperCase() };
    if (this.n(i)) return { q: Number(t.text), text: t.text };
    return null;
  }

  /** A quarter number (after "Quý"), with its optional year. */
  private quarterTail(from: number, i: number): Match<Spec> | null {
    const qn = this.quarterNumber(i);
    if (!qn) return null;
    const ys = this.yearSuffix(i + 1);
    if (ys === BAD) return null;
    const end = ys ? ys.end : i + 1;
    if (!this.afterOk(end)) return null;
    return this.spec<'quarter'>({ t: 'quarter', q: qn.q, qText: qn.text, y: ys ? ys.v : MISSING }, from, end);
  }

  private quarterAtom(i: number): Match<Spec> | null {
    return this.w(i, 'quy') ? this.quarterTail(i, i + 1) : null;
  }

  private halfAtom(i: number): Match<Spec> | null {
    let j: number;
    if ((this.n(i, 1, 1)?.text === '6' || this.w(i, 'sau')) && this.w(i + 1, 'thang')) j = i + 2;
    else if (this.w(i, 'nua')) j = i + 1;
    else return null;
    if (!this.w(j, 'dau', 'cuoi') || !this.w(j + 1, 'nam')) return null;
    const r = this.afterNam(j + 2, true, true);
    if (!r || r === BAD || !this.afterOk(r.end)) return null;
    return this.spec<'half'>({ t: 'half', h: this.k[j].text === 'dau' ? 1 : 2, y: r.v }, i, r.end);
  }

  /** "Đầu năm 2024" → its first quarter, "Cuối năm 2024" → its last: an early or late part of the year, not all of it. */
  private edgeOfYearAtom(i: number): Match<Spec> | null {
    if (!this.w(i, 'dau', 'cuoi') || !this.w(i + 1, 'nam')) return null;
    const r = this.afterNam(i + 2, true, true);
    if (!r || r === BAD || !this.afterOk(r.end)) return null;
    const q = this.k[i].text === 'dau' ? 1 : 4;
    return this.spec<'quarter'>({ t: 'quarter', q, qText: q === 1 ? 'I' : 'IV', y: r.v }, i, r.end);
  }

  private yearAtom(i: number): Match<Spec> | null {
    let r: YearMatch;
    if (this.w(i, 'ca', 'trong') && this.w(i + 1, 'nam')) r = this.afterNam(i + 2, true, true);
    else if (this.w(i, 'nam')) r = this.afterNam(i + 1, false, false);
    else if (this.w(i, 'giai') && this.w(i + 1, 'doan')) r = this.afterNam(i + 2, false, false); // "Giai đoạn 2021 - 2025"
    else return null;
    if (!r || r === BAD || !this.afterOk(r.end)) return null;
    return this.spec<'year'>({ t: 'year', y: r.v }, i, r.end);
  }

  private atom(i: number, allowDM: boolean): Match<Spec> | null {
    return this.dateAtom(i, allowDM) ?? this.monthAtom(i) ?? this.quarterAtom(i) ?? this.halfAtom(i) ?? this.edgeOfYearAtom(i) ?? this.yearAtom(i);
  }

  /** After "Quý II và" / "tháng 3 -" / "ngày 20/3 và": a bare number of the same kind. */
  private continuation(prev: Spec, i: number): Match<Spec> | null {
    if (prev.t === 'quarter') return this.quarterTail(i, i);
    if (prev.t === 'year') {
      // "Năm 2021 - 2030": a bare year after a year
      const y = this.n(i, 4, 4);
      if (!y || !this.afterOk(i + 1)) return null;
      return this.spec<'year'>({ t: 'year', y: explicit(y) }, i, i + 1);
    }
    if (prev.t === 'date') return this.dateAtom(i, true);
    if (prev.t === 'month') {
      const mt = this.n(i);
      if (!mt) return null;
      const ys = this.yearSuffix(i + 1);
      if (ys === BAD) return null;
      const end = ys ? ys.end : i + 1;
      if (!this.afterOk(end)) return null;
      return this.spec<'month'>({ t: 'month', m: Number(mt.text), y: ys ? ys.v : MISSING }, i, end);
    }
    return null;
  }

  /** "… đến (hết) …", "… – …" after a first period. */
  private rangeTail(a: Match<Spec>, from: number): Match<Item> | null {
    let k = a.end;
    if (this.w(k, 'den', 'toi')) k += this.w(k + 1, 'het') ? 2 : 1;
    else if (this.p(k, DASH)) k += 1;
    else return null;
    const b = this.atom(k, true) ?? this.continuation(a.v, k);
    if (!b) return null;
    return { v: { t: 'period', a: a.v, b: b.v, deadline: false, s: this.k[from].start, e: b.v.e }, end: b.end };
  }

  private single(a: Match<Spec>, from: number, deadline: boolean): Match<Item> {
    return { v: { t: 'period', a: a.v, deadline, s: this.k[from].start, e: a.v.e }, end: a.end };
  }

  /** Index after a deadline word ("trước (hoặc trong)", "chậm nhất (là/vào)", …), or -1. */
  private deadlineWord(i: number): number {
    let j = i;
    if (this.w(j, 'truoc')) {
      j++;
      const paren = this.p(j, '(');
      if (paren) j++;
      if (this.w(j, 'hoac') && this.w(j + 1, 'trong')) j += 2;
      else if (paren) return -1;
      if (paren) {
        if (!this.p(j, ')')) return -1;
        j++;
      }
      return j;
    }
    if (this.w(j, 'cham') && this.w(j + 1, 'nhat')) {
      j += 2;
      if (this.w(j, 'la')) j++;
      if (this.w(j, 'vao', 'truoc')) j++;
      return j;
    }
    if (this.w(j, 'han')) {
      j++;
      if (this.w(j, 'chot', 'cuoi')) j++;
      if (this.p(j, ':')) j++;
      return j;
    }
    if (this.w(j, 'khong') && this.w(j + 1, 'qua')) return j + 2;
    if (this.w(j, 'khong') && this.w(j + 1, 'muon') && this.w(j + 2, 'hon')) return j + 3;
    if (this.w(j, 'den', 'toi')) return this.w(j + 1, 'het') ? j + 2 : j + 1;
    return -1;
  }

  /** Count-based frequency: "6 tháng/lần", "3 tháng một lần", "tháng/lần", "6 tháng" (after "định kỳ"). */
  private countFrequency(i: number, needLan: boolean): Match<Frequency> | null {
    const nt = this.n(i);
    const j = nt ? i + 1 : i;
    if (!this.w(j, 'thang', 'quy', 'nam')) return null;
    const unit = this.k[j].text;
    const count = nt ? Number(nt.text) : 1;
    if ((this.p(j + 1, '/') || this.w(j + 1, 'mot') || this.n(j + 1, 1, 1)?.text === '1') && this.w(j + 2, 'lan')) {
      return { v: frequencyOf(count, unit), end: j + 3 };
    }
    return !needLan && nt ? { v: frequencyOf(count, unit), end: j + 1 } : null;
  }

  private everyFrequency(i: number): Match<Frequency> | null {
    if (!this.w(i, 'hang', 'moi')) return null;
    const t = this.k[i + 1];
    const f = t?.type === 'w' ? FREQ_WORD.get(t.text) : undefined;
    if (f !== undefined) return { v: f, end: i + 2 };
    return this.countFrequency(i + 1, false);
  }

  private special(i: number): Match<Item> | null {
    const done = (part: Special, end: number): Match<Item> => ({
      v: { t: 'special', part, s: this.k[i].start, e: this.k[end - 1].end },
      end,
    });
    const every = this.everyFrequency(i) ?? this.countFrequency(i, true);
    if (every) return done({ kind: 'recurring', frequency: every.v }, every.end);
    if (this.w(i, 'dinh') && this.w(i + 1, 'ky')) {
      const f = this.everyFrequency(i + 2) ?? this.countFrequency(i + 2, false);
      return f ? done({ kind: 'recurring', frequency: f.v }, f.end) : done({ kind: 'recurring', frequency: 'periodic' }, i + 2);
    }
    if ((this.w(i, 'thuong') && this.w(i + 1, 'xuyen')) || (this.w(i, 'lien') && this.w(i + 1, 'tuc'))) {
      return done({ kind: 'ongoing' }, i + 2);
    }
    if (this.w(i, 'chuyen') && this.w(i + 1, 'tiep')) {
      let j = i + 2;
      if (this.w(j, 'tu')) j++;
      if (this.w(j, 'nam')) j++;
      const y = this.n(j, 4, 4);
      return y ? done({ kind: 'ongoing', since: Number(y.text) }, j + 1) : done({ kind: 'ongoing' }, i + 2);
    }
    const theoKhi = this.w(i, 'theo') ? i + 1 : this.w(i, 'khi') && this.w(i + 1, 'co') ? i + 2 : -1;
    if (theoKhi >= 0 && ((this.w(theoKhi, 'yeu') && this.w(theoKhi + 1, 'cau')) || (this.w(theoKhi, 'chi') && this.w(theoKhi + 1, 'dao')))) {
      return done({ kind: 'on-request' }, theoKhi + 2);
    }
    if (this.w(i, 'dot') && this.w(i + 1, 'xuat')) return done({ kind: 'on-request' }, i + 2);
    return null;
  }

  private item(i: number): Match<Item> | null {
    const sp = this.special(i);
    if (sp) return sp;
    if (this.w(i, 'tu')) {
      const a = this.atom(i + 1, true);
      const r = a && this.rangeTail(a, i);
      if (r) return r;
    }
    const dw = this.deadlineWord(i);
    if (dw >= 0) {
      const a = this.atom(dw, true);
      if (a) return this.single(a, i, true);
    }
    const a = this.atom(i, false);
    if (!a) return null;
    return this.rangeTail(a, i) ?? this.single(a, i, false);
  }

  /** The expression starting at token i: one item or a list joined by "và", ",", "&", "+". */
  list(i: number): Item[] | null {
    const first = this.item(i);
    if (!first) return null;
    const items = [first.v];
    let end = first.end;
    while (this.w(end, 'va') || this.p(end, ',&+')) {
      const k = end + 1;
      const prev = items[items.length - 1];
      let next = this.item(k);
      if (!next && prev.t === 'period') {
        const c = this.continuation(prev.b ?? prev.a, k);
        if (c) next = this.rangeTail(c, k) ?? this.single(c, k, false);
      }
      if (!next) break;
      const v = next.v;
      // "Trước ngày 20/3 và 20/6/2024": the deadline word covers the whole list.
      if (prev.t === 'period' && prev.deadline && v.t === 'period' && !v.b) v.deadline = true;
      items.push(v);
      end = next.end;
    }
    return items;
  }
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
  if ((spec.t === 'date' || spec.t === 'month') && (spec.m < 1 || spec.m > 12)) {
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

function fmt(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function resolveItems(items: Item[], line: string, plan: number | undefined): DeadlinePart[] {
  // A year written at the end of a list applies to the earlier items that have none: "Quý II và Quý III/2024".
  let carry: number | undefined;
  for (let idx = items.length - 1; idx >= 0; idx--) {
    const it = items[idx];
    if (it.t !== 'period') {
      carry = undefined;
      continue;
    }
    if (it.b) inheritWithinRange(it.a, it.b, line);
    const last = it.b ?? it.a;
    if (carry !== undefined && last.y.mode === 'missing') {
      last.y = { mode: 'inherited', year: carry };
      if (it.b) inheritWithinRange(it.a, it.b, line);
    }
    carry = knownYear(it.a.y);
  }

  return items.map((it): DeadlinePart => {
    const text = items.length === 1 ? line : line.slice(it.s, it.e).trim();
    if (it.t === 'special') {
      if (it.part.since !== undefined && (it.part.since < MIN_YEAR || it.part.since > MAX_YEAR)) {
        return { text, kind: 'invalid', reason: `${text}: năm ${it.part.since} nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}` };
      }
      return { text, ...it.part };
    }
    const a = build(it.a, plan, line);
    if (a && 'reason' in a) return { text, kind: 'invalid', reason: a.reason };
    const b = it.b ? build(it.b, plan, line) : undefined;
    if (b && 'reason' in b) return { text, kind: 'invalid', reason: b.reason };
    if (!a || b === null) return { text, kind: 'unparsed' };
    let period = a.period;
    if (b) {
      if (b.period.due < a.period.start) {
        return { text, kind: 'invalid', reason: `${text}: bắt đầu ${fmt(a.period.start)} sau khi kết thúc ${fmt(b.period.due)}` };
      }
      period = {
        start: a.period.start,
        due: b.period.due,
        kind: 'range',
        wholeYear: false,
        relative: a.period.relative || b.period.relative,
      };
    } else if (it.deadline) {
      period = { ...period, start: `${period.due.slice(0, 4)}-01-01`, wholeYear: false };
    }
    return { text, kind: 'fixed', period };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point.

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

function parseLine(line: string, plan: number | undefined): DeadlinePart[] {
  const toks = tokenize(line);
  const parser = new Parser(toks);
  for (let i = 0; i < toks.length; i++) {
    const items = parser.list(i);
    if (items) return resolveItems(items, line, plan);
  }
  return [{ text: line, kind: 'unparsed' }];
}

/**
 * Parses a deadline cell into parts, one per line (or per list item). A number is an Excel date serial only when
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
  const parts: DeadlinePart[] = [];
  for (const raw of value.split(LINE_BREAKS)) {
    const line = cleanLine(raw);
    if (line !== '') for (const part of parseLine(line, plan)) parts.push(part);
  }
  return parts;
}
