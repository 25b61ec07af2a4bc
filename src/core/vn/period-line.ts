/**
 * The deadline grammar's line reader: accounts for EVERY token of a line. The parser (period-grammar.ts) recognises
 * expressions; this reader decides what the words around them are — labels before, and after them a further
 * expression, a refinement, a postponement, a status, a continuation, or a harmless note (the lists are in
 * period-words.ts). A word it cannot place makes the line 'unparsed': the grammar never answers with the first
 * expression of a line and ignores the rest ("Quý I: Trước 20/3/2024" is due on 20/3, not at the end of the quarter).
 *
 *   line    := before* list after*
 *   before  := LABEL | status | postponement verb | punctuation
 *   after   := status                                  "Tháng 3/2024 - đã xong"
 *            | "hằng năm" | "trở đi"                   every item yearly / a start
 *            | ("và" | ",")? CONTINUES                  "Năm 2024 và các năm tiếp theo"
 *            | postponement verb item                  "Tháng 5/2024 (lùi sang tháng 8/2024)"
 *            | ("và" | "," | "&" | "+")? THEN? list     "Trước 30/6/2024, sau đó hàng quý"
 *            | item, right after an item or ":" "(" "-"  "Quý I: Trước 20/3/2024" (a refinement)
 *            | NOTE | punctuation                      "(dự kiến)", "./."
 *
 * Runs in time linear in the number of tokens: each position is tried against a fixed set of bounded matches, and a
 * list is only parsed where it is then consumed.
 */
import { Parser } from './period-grammar';
import type { Item, PeriodItem, Status, Tok } from './period-tokens';
import {
  CONTINUES,
  DONE,
  LABELS,
  NOTES,
  NOT_DONE,
  POSTPONE_LATER,
  POSTPONE_MOVE,
  POSTPONE_TO,
  POSTPONE_WHAT,
  PREFIX_PUNCT,
  REFINE_SEP,
  TAIL_PUNCT,
  THEN,
} from './period-words';

export type LineReading =
  | { items: Item[] }
  /** The line only says the task is done ("Đã hoàn thành", "Đã ban hành"). */
  | { done: true }
  | { unparsed: true };

const UNPARSED: LineReading = { unparsed: true };

interface At<T> {
  v: T;
  end: number;
}

class LineReader {
  private readonly parser: Parser;

  constructor(private readonly k: readonly Tok[]) {
    this.parser = new Parser(k as Tok[]);
  }

  private w(i: number, ...texts: string[]): boolean {
    const t = this.k[i];
    return t !== undefined && t.type === 'w' && texts.includes(t.text);
  }

  private p(i: number, chars: string): boolean {
    const t = this.k[i];
    return t !== undefined && t.type === 'p' && chars.includes(t.text);
  }

  private status(i: number): At<Status> | null {
    const done = DONE.match(this.k, i);
    if (done >= 0) return { v: 'done', end: done };
    const notDone = NOT_DONE.match(this.k, i);
    return notDone >= 0 ? { v: 'not-done', end: notDone } : null;
  }

  /** "lùi sang", "gia hạn" (then "đến …"), "điều chỉnh thời gian sang": the index of the new deadline. */
  private postponement(i: number): At<boolean> | null {
    let later = true;
    let j = POSTPONE_LATER.match(this.k, i);
    if (j < 0) {
      j = POSTPONE_MOVE.match(this.k, i);
      later = false;
    }
    if (j < 0) return null;
    const what = POSTPONE_WHAT.match(this.k, j);
    if (what >= 0) j = what;
    const to = POSTPONE_TO.match(this.k, j);
    if (to >= 0) j = to;
    else if (this.p(j, ':')) j++;
    else if (!this.w(j, 'den', 'toi')) return null; // "gia hạn đến …": the deadline word belongs to the item
    return { v: later, end: j };
  }

  /**
   * "Theo yêu cầu (của UBND tỉnh)": the requester may follow, as long as no digit and no expression does. Returns -1
   * when the rest is only that, else the first token that is not (the answer for every start up to it).
   */
  private requesterOnly(from: number): number {
    for (let j = from; j < this.k.length; j++) {
      if (this.k[j].type === 'n' || this.parser.item(j)) return j;
    }
    return -1;
  }

  read(): LineReading {
    const k = this.k;
    const n = k.length;

    // ── before the expression ──
    let i = 0;
    let status: Status | undefined;
    let postponeLater: boolean | undefined;
    let core: { items: Item[]; end: number } | null = null;
    while (i < n) {
      core = this.parser.list(i);
      if (core) break;
      const st = this.status(i);
      if (st) {
        status = st.v;
        i = st.end;
        continue;
      }
      const pp = postponeLater === undefined ? this.postponement(i) : null;
      if (pp) {
        postponeLater = pp.v;
        i = pp.end;
        continue;
      }
      // "Đã hoàn thành theo kế hoạch": with no expression after a status, its notes are notes
      const label = Math.max(LABELS.match(k, i), status ? NOTES.match(k, i) : -1);
      if (label >= 0) i = label;
      else if (this.p(i, PREFIX_PUNCT)) i++;
      else return UNPARSED;
    }
    if (!core) return status === 'done' && postponeLater === undefined ? { done: true } : UNPARSED;
    const items = core.items;
    if (postponeLater !== undefined) {
      // "Lùi sang tháng 8/2024": the new deadline, the old one not written
      const only = items[0];
      if (items.length !== 1 || only.t !== 'period') return UNPARSED;
      only.postponed = { later: postponeLater };
    }
    let statusFrom = 0;
    const setStatus = (s: Status) => {
      for (let j = statusFrom; j < items.length; j++) items[j].status = s;
      statusFrom = items.length;
    };
    if (status) setStatus(status);

    // ── after it ──
    const amended = (it: Item) => it.t === 'period' && (it.within !== undefined || it.postponed !== undefined);
    // every item before the last was refined or postponed (kept as items come, so each check is O(1))
    let earlierAmended = items.length === 1;
    const push = (more: Item[]) => {
      for (const it of more) {
        earlierAmended = earlierAmended && amended(items[items.length - 1]);
        items.push(it);
      }
    };
    /** The last item may be refined or postponed: it is a period, and every item before it was amended too. */
    const amendable = (): PeriodItem | null => {
      const last = items[items.length - 1];
      if (last.t !== 'period' || last.within || last.postponed || last.continues || last.every || last.alt) return null;
      return earlierAmended ? last : null;
    };
    const replaceLast = (next: PeriodItem, end: number) => {
      next.s = items[items.length - 1].s;
      next.e = k[end - 1].end;
      items[items.length - 1] = next;
    };

    let j = core.end;
    let refinable = true; // right after an item, or after ":" "(" "-"
    const opens: number[] = []; // offsets of the brackets opened after the expression and not yet closed
    let notRequesterUntil = -1; // positions up to it were found not to be followed by a requester only
    while (j < n) {
      const last = items[items.length - 1];
      if (last.t === 'special' && last.part.kind === 'on-request' && j > notRequesterUntil) {
        const stop = this.requesterOnly(j);
        if (stop < 0) break;
        notRequesterUntil = stop;
      }

      const st = this.status(j);
      if (st) {
        setStatus(st.v);
        j = st.end;
        refinable = false;
        continue;
      }

      const trailing = this.parser.trailing(j);
      if (trailing) {
        if (trailing === 'other-recurrence') return UNPARSED; // "ngày 20/11 hằng quý"
        if (trailing === 'yearly') {
          // "Ngày 30/4 và 30/10 hằng năm": every item, every year
          if (last.t === 'period' && last.every) return UNPARSED; // "hằng năm" twice
          if (!items.every((it) => it.t === 'period' && !it.b && !it.continues && !it.alt)) return UNPARSED;
          for (const it of items) if (it.t === 'period') it.every = 'yearly';
        } else {
          // "tháng 6/2024 trở đi": a start
          if (items.length !== 1 || last.t !== 'period' || last.b || last.within || last.postponed) return UNPARSED;
          items[0] = { t: 'start', a: last.a, s: last.s, e: k[j + 1].end, status: last.status };
        }
        j += 2;
        refinable = false;
        continue;
      }

      const c = this.w(j, 'va') || this.p(j, ',') ? j + 1 : j;
      const cont = CONTINUES.match(k, c);
      if (cont >= 0) {
        // "Từ năm 2024 và các năm tiếp theo" is already a start
        if (items.length !== 1 || (last.t !== 'period' && last.t !== 'start') || (last.t === 'period' && last.postponed)) return UNPARSED;
        if (last.t === 'period') last.continues = true;
        j = cont;
        refinable = false;
        continue;
      }

      const pp = this.postponement(j);
      if (pp) {
        const from = amendable();
        const to = this.parser.item(pp.end);
        if (!from || !to || to.v.t !== 'period') return UNPARSED;
        to.v.postponed = { from, later: pp.v };
        to.v.status = from.status;
        replaceLast(to.v, to.end);
        j = to.end;
        refinable = false;
        continue;
      }

      let m = this.w(j, 'va') || this.p(j, ',&+') ? j + 1 : j;
      const then = THEN.match(k, m);
      if (then >= 0) m = then;
      if (m > j && !opens.length) {
        // (inside brackets a list would leave its year to guess: "Năm 2025 (Quý II, Quý III)")
        const more = this.parser.list(m);
        if (more) {
          if (more.items.some((it) => it.alt)) return UNPARSED; // "Quý I, Quý II hoặc Quý III": which pairs?
          push(more.items);
          j = more.end;
          refinable = true;
          continue;
        }
      }

      if (refinable) {
        const r = this.parser.item(j);
        if (r) {
          const ongoing = last.t === 'special' && last.part.kind === 'ongoing' && last.part.since === undefined;
          if (items.length === 1 && ongoing && r.v.t === 'period' && !r.v.b && !r.v.deadline) {
            // "Thường xuyên (trong năm 2024)": ongoing through that period, from its start
            items[0] = { t: 'start', a: r.v.a, s: last.s, e: k[r.end - 1].end, status: last.status };
            j = r.end;
            refinable = false;
            continue;
          }
          const within = amendable();
          if (!within || r.v.t !== 'period') return UNPARSED;
          r.v.within = within;
          r.v.status = within.status;
          replaceLast(r.v, r.end);
          j = r.end;
          refinable = false;
          continue;
        }
      }

      const note = NOTES.match(k, j);
      if (note >= 0) {
        j = note; // a note keeps a refinement open: "Quý I: báo cáo trước 20/3", "Tháng 6 (hoàn thành trước 15/6)"
        continue;
      }
      if (this.p(j, TAIL_PUNCT)) {
        if (k[j].text === '(') opens.push(k[j].start);
        else if (k[j].text === ')' && opens.length) {
          // "Quý II (trước 15/6)": the piece's text keeps its closing bracket
          if (opens.pop()! >= last.s && last.e <= k[j].start) last.e = k[j].end;
        }
        refinable = REFINE_SEP.includes(k[j].text);
        j++;
        continue;
      }
      return UNPARSED;
    }

    // "X hoặc Y": one chain of alternatives, all periods (the later is due) or none ("Định kỳ hoặc đột xuất")
    if (items.some((it) => it.alt)) {
      if (!items.every((it, idx) => idx === 0 || it.alt)) return UNPARSED;
      const periods = items.filter((it) => it.t === 'period');
      if (periods.length !== 0 && periods.length !== items.length) return UNPARSED;
      if (periods.some((it) => it.t === 'period' && (it.within || it.postponed || it.continues || it.every))) return UNPARSED;
    }
    return { items };
  }
}

/** Reads one line's tokens into items, a bare "done", or 'unparsed' when a word cannot be accounted for. */
export function readLine(k: readonly Tok[]): LineReading {
  return new LineReader(k).read();
}
