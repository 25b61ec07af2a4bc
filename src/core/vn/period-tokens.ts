/**
 * The deadline grammar's vocabulary: tokens of a folded line, and the shapes the parser (period-grammar.ts) builds —
 * year references, period specs, items. Shared with the resolution in period.ts.
 */
import { fold } from './text';
import type { DeadlinePart } from './period';

// ---------------------------------------------------------------------------------------------------------------
// Tokens: runs of ASCII letters ('w'), runs of digits ('n') and single other characters ('p'), on folded text.
// start/end are offsets into the line, so reasons and pieces quote the original text.

export interface Tok {
  type: 'w' | 'n' | 'p';
  text: string;
  start: number;
  end: number;
}

const WS = /\s/;

export function tokenize(line: string): Tok[] {
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

export type YearRef =
  | { mode: 'explicit'; year: number }
  | { mode: 'inherited'; year: number } // written once for a list or a range
  | { mode: 'missing' }
  | { mode: 'plan'; offset: number }; // "năm kế hoạch", "năm trước liền kề năm kế hoạch"

export interface SpecBase {
  y: YearRef;
  s: number;
  e: number;
}
export type Spec =
  | (SpecBase & { t: 'date'; d: number; m: number })
  | (SpecBase & { t: 'month'; m: number })
  | (SpecBase & { t: 'month-part'; m: number; part: 1 | 2 | 3 })
  | (SpecBase & { t: 'quarter'; q: number; qText: string })
  | (SpecBase & { t: 'half'; h: 1 | 2 })
  | (SpecBase & { t: 'year' });

export type Special = Pick<DeadlinePart, 'kind' | 'frequency' | 'since'>;

/** What the line itself says of the task: "Đã hoàn thành", "đã xong" (done); "chưa hoàn thành", "đang thực hiện". */
export type Status = 'done' | 'not-done';

/** What every item may carry from the words around it. */
export interface ItemNotes {
  status?: Status;
  /** Joined to the item before it by "hoặc": one of two (or more) acceptable deadlines. */
  alt?: boolean;
}

export interface PeriodItem extends ItemNotes {
  t: 'period';
  a: Spec;
  b?: Spec;
  deadline: boolean;
  s: number;
  e: number;
  /** "… hằng năm" */
  every?: 'yearly';
  /** "Quý I: Trước 20/3/2024", "Quý II (trước 15/6)": this precise deadline lies within that period. */
  within?: PeriodItem;
  /**
   * This deadline replaces an earlier one: "Tháng 5/2024 (lùi sang tháng 8/2024)" (`from` Tháng 5/2024), "Lùi sang
   * tháng 8/2024" (`from` not written). `later`: the verb can only move a deadline later ("lùi", "gia hạn", "hoãn").
   */
  postponed?: { from?: PeriodItem; later: boolean };
  /** "Năm 2024 và các năm tiếp theo": from this period on, with no end. */
  continues?: boolean;
}

export type Item = (
  | PeriodItem
  | { t: 'special'; part: Special; s: number; e: number }
  /** "Từ ngày 01/7/2024", "Sau tháng 6/2024": a start, no deadline */
  | { t: 'start'; a: Spec; s: number; e: number }
  /** "ngày 15 hằng tháng", "trước ngày 20 của tháng cuối quý": a day in every month / in the last month of every quarter */
  | { t: 'day'; day: number; frequency: 'monthly' | 'quarterly'; s: number; e: number }
) & ItemNotes;

export interface Match<T> {
  v: T;
  end: number; // index of the first token after the match
}

export const BAD = 'bad'; // a malformed year (e.g. two digits): the attempt fails, nothing is guessed
export type YearMatch = Match<YearRef> | null | typeof BAD;

export const SEP = '/-.';
export const DASH = '-–—';
export const MISSING: YearRef = { mode: 'missing' };
export const ROMAN = new Map(Object.entries({ i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 }));
export type Frequency = NonNullable<DeadlinePart['frequency']>;
export const FREQ_WORD = new Map<string, Frequency>([
  ['thang', 'monthly'],
  ['quy', 'quarterly'],
  ['nam', 'yearly'],
  ['tuan', 'periodic'],
  ['ngay', 'periodic'],
]);

export function frequencyOf(count: number, unit: string): Frequency {
  const months = unit === 'thang' ? count : unit === 'quy' ? count * 3 : count * 12;
  return months === 1 ? 'monthly' : months === 3 ? 'quarterly' : months === 6 ? 'half-yearly' : months === 12 ? 'yearly' : 'periodic';
}

export function explicit(t: Tok): YearRef {
  return { mode: 'explicit', year: Number(t.text) };
}

