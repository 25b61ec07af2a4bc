/**
 * The deadline grammar's phrase side: the parser that recognises one expression (see period.ts for the forms and
 * decisions; period-tokens.ts for tokens and shapes; calendar.ts for the arithmetic). The parser only recognises
 * shapes; years are resolved, dates validated and periods built in period.ts.
 */
import {
  BAD,
  DASH,
  FREQ_WORD,
  Frequency,
  Item,
  MISSING,
  Match,
  ROMAN,
  SEP,
  Spec,
  Special,
  Tok,
  YearMatch,
  YearRef,
  explicit,
  frequencyOf,
} from './period-tokens';

export type { Item, Spec, YearRef } from './period-tokens';
export { tokenize } from './period-tokens';

export class Parser {
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
    if (this.w(i, 'bao') && this.w(i + 1, 'cao')) return { v: { mode: 'plan', offset: 0 }, end: i + 2 };
    // "năm (trước / sau) liền kề (năm kế hoạch / năm báo cáo)": the year before / after the plan year
    const adjacent = (j: number, offset: number): YearMatch => ({ v: { mode: 'plan', offset }, end: this.planYearWords(j) });
    if (this.w(i, 'truoc')) {
      if (this.w(i + 1, 'lien') && this.w(i + 2, 'ke')) return adjacent(i + 3, -1);
      if (allowTruoc) return { v: { mode: 'plan', offset: -1 }, end: i + 1 };
    }
    if (this.w(i, 'sau') && this.w(i + 1, 'lien') && this.w(i + 2, 'ke')) return adjacent(i + 3, 1);
    if (this.w(i, 'lien') && this.w(i + 1, 'ke')) return adjacent(i + 2, 1);
    if (this.w(i, 'sau', 'toi')) return { v: { mode: 'plan', offset: 1 }, end: i + 1 };
    if (this.w(i, 'tiep') && this.w(i + 1, 'theo')) return { v: { mode: 'plan', offset: 1 }, end: i + 2 };
    // "năm nay", "năm học", "năm tài chính", "năm ngân sách", "năm đó", "năm thứ hai": not a year this grammar reads
    if (this.w(i, 'nay', 'hoc', 'tai', 'ngan', 'do', 'thu', 'truoc')) return BAD;
    return allowBare ? { v: MISSING, end: i } : null;
  }

  /** Index after an optional "năm kế hoạch" / "năm báo cáo" at j. */
  private planYearWords(j: number): number {
    if (this.w(j, 'nam') && ((this.w(j + 1, 'ke') && this.w(j + 2, 'hoach')) || (this.w(j + 1, 'bao') && this.w(j + 2, 'cao')))) return j + 3;
    return j;
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
    // "ngày 15", "ngày mùng 6", "mồng 1"
    const ngay = this.w(i, 'ngay', 'mung', 'mong');
    const j = ngay ? (this.w(i, 'ngay') && this.w(i + 1, 'mung', 'mong') ? i + 2 : i + 1) : i;
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

  /**
   * "Đầu / giữa / cuối tháng 6/2024" (also "thượng / trung / hạ tuần tháng 6"): days 1–10, 11–20, 21–last of the
   * month. "Đầu / giữa / cuối quý III/2024": its first, second, last month.
   */
  private partAtom(i: number): Match<Spec> | null {
    let part: 1 | 2 | 3;
    let j: number;
    if (this.w(i, 'dau', 'giua', 'cuoi')) {
      part = this.k[i].text === 'dau' ? 1 : this.k[i].text === 'giua' ? 2 : 3;
      j = i + 1;
    } else if (this.w(i, 'thuong', 'trung', 'ha') && this.w(i + 1, 'tuan')) {
      part = this.k[i].text === 'thuong' ? 1 : this.k[i].text === 'trung' ? 2 : 3;
      j = i + 2;
    } else return null;
    if (this.w(j, 'thang')) {
      const m = this.monthAtom(j);
      if (!m || m.v.t !== 'month') return null;
      return this.spec<'month-part'>({ t: 'month-part', m: m.v.m, part, y: m.v.y }, i, m.end);
    }
    if (j === i + 1 && this.w(j, 'quy')) {
      const q = this.quarterAtom(j);
      if (!q || q.v.t !== 'quarter' || q.v.q < 1 || q.v.q > 4) return null;
      return this.spec<'month'>({ t: 'month', m: q.v.q * 3 - 3 + part, y: q.v.y }, i, q.end);
    }
    return null;
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
    return this.dateAtom(i, allowDM) ?? this.partAtom(i) ?? this.monthAtom(i) ?? this.quarterAtom(i) ?? this.halfAtom(i) ?? this.edgeOfYearAtom(i) ?? this.yearAtom(i);
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
    if (this.w(j, 'han') || (this.w(j, 'thoi') && this.w(j + 1, 'han'))) {
      j += this.w(j, 'thoi') ? 2 : 1;
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

  /**
   * "ngày 15 hằng tháng", "ngày 15 của tháng (báo cáo)": monthly; "ngày 20 (của) tháng cuối (của) quý / kỳ báo
   * cáo": quarterly. The day stands alone, without a month of its own.
   */
  private dayOfPeriod(from: number, i: number): Match<Item> | null {
    if (!this.w(i, 'ngay')) return null;
    const dt = this.n(i + 1);
    if (!dt) return null;
    let j = i + 2;
    let frequency: 'monthly' | 'quarterly' | null = null;
    if (this.w(j, 'hang', 'moi') && this.w(j + 1, 'thang')) {
      frequency = 'monthly';
      j += 2;
    } else {
      if (this.w(j, 'cua')) j++;
      if (!this.w(j, 'thang')) return null;
      j++;
      if (this.w(j, 'cuoi')) {
        j++;
        if (this.w(j, 'cua')) j++;
        if (this.w(j, 'quy')) j++;
        else if (this.w(j, 'ky')) j += this.w(j + 1, 'bao') && this.w(j + 2, 'cao') ? 3 : 1;
        else return null;
        frequency = 'quarterly';
      } else if (this.n(j) || this.w(j, 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii')) {
        return null; // "ngày 15 tháng 6": a date, read elsewhere
      } else {
        if (this.w(j, 'bao') && this.w(j + 1, 'cao')) j += 2;
        frequency = 'monthly';
      }
    }
    return { v: { t: 'day', day: Number(dt.text), frequency, s: this.k[from].start, e: this.k[j - 1].end }, end: j };
  }

  /** Index after a start word ("từ", "kể từ", "bắt đầu (từ)", "sau"), or -1. */
  private startWord(i: number): number {
    if (this.w(i, 'tu')) return i + 1;
    if (this.w(i, 'ke') && this.w(i + 1, 'tu')) return i + 2;
    if (this.w(i, 'bat') && this.w(i + 1, 'dau')) return this.w(i + 2, 'tu') ? i + 3 : i + 2;
    if (this.w(i, 'sau') && !this.w(i + 1, 'thang')) return i + 1; // "sáu tháng …" is six months
    return -1;
  }

  /** One item (a period, a range, a recurrence, a start, …) starting at token i. */
  item(i: number): Match<Item> | null {
    const sp = this.special(i);
    if (sp) return sp;
    const sw = this.startWord(i);
    if (sw >= 0) {
      const a = this.atom(sw, true);
      if (a) {
        const r = this.rangeTail(a, i);
        if (r) return r;
        // "Từ ngày 01/7/2024" with no end: when work starts, not when it is due
        return { v: { t: 'start', a: a.v, s: this.k[i].start, e: a.v.e }, end: a.end };
      }
    }
    const dw = this.deadlineWord(i);
    const day = this.dayOfPeriod(i, dw >= 0 ? dw : i);
    if (day) return day;
    if (dw >= 0) {
      const a = this.atom(dw, true);
      if (a) return this.single(a, i, true);
    }
    const a = this.atom(i, false);
    if (!a) return null;
    return this.rangeTail(a, i) ?? this.single(a, i, false);
  }

  /** What follows the expression: "hằng năm" (every year), "trở đi" (onwards), or another recurrence word. */
  trailing(end: number): 'yearly' | 'onwards' | 'other-recurrence' | null {
    if (this.w(end, 'hang', 'moi')) return this.w(end + 1, 'nam') ? 'yearly' : this.w(end + 1, 'thang', 'quy', 'tuan', 'ngay') ? 'other-recurrence' : null;
    if (this.w(end, 'tro') && this.w(end + 1, 'di')) return 'onwards';
    return null;
  }

  /**
   * True when the words just before token i change what the expression means and the grammar did not read them
   * ("giữa năm 2024", "khoảng tháng 6", "từ … " that did not form a start), or when a day, month or quarter written
   * earlier in the line was skipped ("ngày 06 (sáu) tháng 06" must never become "the whole of June").
   */
  skippedMeaning(i: number): boolean {
    if (this.w(i - 1, 'tu', 'sau', 'dau', 'giua', 'cuoi', 'ngoai', 'khoang', 'gan', 'hang', 'moi', 'tuan', 'thuong', 'trung', 'ha', 'tro')) return true;
    for (let k = 0; k < i; k++) {
      if (this.w(k, 'ngay', 'thang', 'quy', 'mung', 'mong') && k + 1 < i && this.k[k + 1].type === 'n') return true;
      if (this.w(k, 'ngay') && this.w(k + 1, 'mung', 'mong') && k + 1 < i) return true;
      if (this.w(k, 'quy') && k + 1 < i && ROMAN.has(this.k[k + 1].text)) return true;
    }
    return false;
  }

  /**
   * After "Định kỳ hằng quý," a bare unit of the same kind: "6 tháng", "năm", "quý" ("Định kỳ hằng quý, 6 tháng,
   * năm": quarterly, half-yearly and yearly). Tried after a full item ("năm 2024", "6 tháng đầu năm" are periods).
   */
  private bareFrequency(i: number): Match<Item> | null {
    const nt = this.n(i, 1, 2);
    const j = nt ? i + 1 : i;
    if (!this.w(j, 'thang', 'quy', 'nam')) return null;
    if (this.k[j + 1]?.type === 'n') return null; // "6 tháng 3": not a frequency
    const frequency = frequencyOf(nt ? Number(nt.text) : 1, this.k[j].text);
    return { v: { t: 'special', part: { kind: 'recurring', frequency }, s: this.k[i].start, e: this.k[j].end }, end: j + 1 };
  }

  /**
   * The expression starting at token i: one item or a list joined by "và", ",", "&", "+" or "hoặc" (an item after
   * "hoặc" is marked `alt`); `end` is after it.
   */
  list(i: number): { items: Item[]; end: number } | null {
    const first = this.item(i);
    if (!first) return null;
    const items = [first.v];
    let end = first.end;
    while (this.w(end, 'va', 'hoac') || this.p(end, ',&+')) {
      const k = end + 1;
      const prev = items[items.length - 1];
      let next = this.item(k);
      if (!next && prev.t === 'period') {
        const c = this.continuation(prev.b ?? prev.a, k);
        if (c) next = this.rangeTail(c, k) ?? this.single(c, k, false);
      }
      if (!next && prev.t === 'special' && prev.part.kind === 'recurring') next = this.bareFrequency(k);
      if (!next) break;
      const v = next.v;
      // "Trước ngày 20/3 và 20/6/2024": the deadline word covers the whole list.
      if (prev.t === 'period' && prev.deadline && v.t === 'period' && !v.b) v.deadline = true;
      if (this.w(end, 'hoac')) v.alt = true;
      items.push(v);
      end = next.end;
    }
    return { items, end };
  }
}
