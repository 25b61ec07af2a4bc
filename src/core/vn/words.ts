/**
 * Vietnamese amounts in words ⇄ amounts: "Hai mươi mốt tỷ chín trăm năm mươi triệu đồng" ⇄ 21 950 000 000.
 * Matching uses `fold`, so case, diacritics and tone placement do not matter; a garbled amount gives null.
 *
 * Read exactly (anything else is null, never another amount):
 *   sign        "âm …", "trừ …" directly before the amount: negative
 *   decimals    "một phẩy năm" (also "chấm") = 1,5; the fraction is read the way formatters write it: digit by digit
 *               ("phẩy không năm" = ,05), a two-digit number ("phẩy ba mươi tư" = ,34) or a hundreds group
 *               ("phẩy không trăm linh một" = ,001). A scale after the fraction applies to the whole number:
 *               "một phẩy năm tỷ" = 1 500 000 000.
 *   half        "rưỡi" right after a scale word or "trăm", at the end: "một tỷ rưỡi" = 1 500 000 000,
 *               "hai trăm rưỡi" = 250. After "nghìn tỷ" / "triệu tỷ" it is ambiguous and refused.
 *   sub-units   after "đồng": "… đồng (và) năm mươi sáu xu" (1 xu = 0,01 đồng), "… đồng năm hào (ba xu)"
 *               (1 hào = 0,1 đồng); any other sub-unit figure is refused.
 *   compound    "tỷ" repeated with strictly decreasing multipliers: "Tám triệu tỷ, hai trăm ba mươi bốn nghìn tỷ,
 *               năm trăm sáu mươi bảy tỷ" = (8 234 567) tỷ. Otherwise the standard reading holds: "một triệu hai
 *               trăm nghìn tỷ" = 1 200 000 tỷ.
 *   "linh/lẻ"   before one digit or a two-digit group after a scale: "một tỷ lẻ mười bảy" = 1 000 000 017.
 *   zero groups "một triệu không nghìn không trăm linh một" = 1 000 001.
 * Refused: speech shorthand ("một triệu tư", "hai triệu năm", "trăm mười"), amounts of 10^18 and more ("tỷ tỷ").
 */
import { Dec } from '../decimal';
import { fold } from './text';

export interface WordsAmount {
  /** the amount in the unit named (đồng), or the bare amount when no unit is named; may be negative or fractional */
  value: Dec;
  unit: 'đồng' | null;
  /** the amount words as written, with the sign and unit words when present ("Hai mươi mốt tỷ … triệu đồng") */
  words: string;
}

type Tok =
  | { k: 'digit'; d: number; /** folded spelling */ w: string }
  | { k: 'ten' } // mười / mươi (identical once folded)
  | { k: 'hundred' }
  | { k: 'odd' } // linh / lẻ
  | { k: 'scale'; p: number /* 3, 6, 9 */ }
  | { k: 'num'; n: bigint } // "21" in "21 tỷ 950 triệu"
  | { k: 'point' } // phẩy / chấm
  | { k: 'half' }; // rưỡi

const DIGITS: Record<string, number> = {
  khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, nham: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
/** Spellings that are only a units digit after mươi/linh ("hai mươi tư", "mười lăm"), never a leading digit. */
const UNITS_ONLY = new Set(['tu', 'lam', 'nham']);
const SCALES: Record<string, number> = { nghin: 3, ngan: 3, trieu: 6, ty: 9, ti: 9 };
const UNIT_WORDS = new Set(['dong', 'd', 'vnd']);
const SIGN_WORDS = new Set(['am', 'tru']);
/** Folded homographs of common words (từ, làm, nhằm, lệ) that cannot begin an amount: dropped from a run's start. */
const NO_START = new Set(['tu', 'lam', 'nham', 'le']);

function classify(f: string): Tok | null {
  if (f in DIGITS) return { k: 'digit', d: DIGITS[f], w: f };
  if (f === 'muoi') return { k: 'ten' };
  if (f === 'tram') return { k: 'hundred' };
  if (f === 'linh' || f === 'le') return { k: 'odd' };
  if (f in SCALES) return { k: 'scale', p: SCALES[f] };
  if (f === 'phay' || f === 'cham') return { k: 'point' };
  if (f === 'ruoi') return { k: 'half' };
  if (/^[0-9]{1,3}$/.test(f)) return { k: 'num', n: BigInt(f) };
  return null;
}

const ZERO = BigInt(0);
const TEN = BigInt(10);
const THOUSAND = BigInt(1000);
const pow10 = (p: number): bigint => TEN ** BigInt(p);
const BILLION = pow10(9);

/** A units digit after mươi / linh: 1–9, any spelling. */
function unitDigit(t: Tok | undefined): number | null {
  return t && t.k === 'digit' && t.d >= 1 ? t.d : null;
}

/** 10–99 written as "mười (x)" or "x mươi (y)"; null for anything else. */
function twoDigit(toks: Tok[]): number | null {
  const r0 = toks[0];
  if (!r0) return null;
  if (r0.k === 'ten') {
    if (toks.length === 1) return 10;
    const d = unitDigit(toks[1]);
    return toks.length === 2 && d !== null ? 10 + d : null;
  }
  if (r0.k === 'digit' && toks[1]?.k === 'ten') {
    if (r0.d < 2 || UNITS_ONLY.has(r0.w)) return null;
    if (toks.length === 2) return r0.d * 10;
    const d = unitDigit(toks[2]);
    return toks.length === 3 && d !== null ? r0.d * 10 + d : null;
  }
  return null;
}

/**
 * One group below 1000. `inner`: follows a scale word, so "không trăm …" and "linh …" may start it.
 * `tail`: the last group after a scale, where a bare digit ("hai triệu năm") is colloquial and ambiguous.
 */
function parseGroup(toks: Tok[], inner: boolean, tail: boolean): bigint | null {
  if (toks.length === 0) return null;
  if (toks.length === 1 && toks[0].k === 'num') return toks[0].n;
  let value = 0;
  let pos = 0;
  let hasHundred = false;
  const t0 = toks[0];
  if (t0.k === 'digit' && toks[1]?.k === 'hundred') {
    if (UNITS_ONLY.has(t0.w)) return null;
    if (t0.d === 0 && !inner) return null;
    value = t0.d * 100;
    hasHundred = true;
    pos = 2;
  }
  const rest = toks.slice(pos);
  if (rest.length === 0) return hasHundred && value > 0 ? BigInt(value) : null;
  const r0 = rest[0];
  if (r0.k === 'odd') {
    if (!hasHundred && !inner) return null;
    const d = unitDigit(rest[1]);
    if (rest.length === 2 && d !== null && !(rest[1].k === 'digit' && (rest[1].w === 'lam' || rest[1].w === 'nham'))) {
      return BigInt(value + d);
    }
    // "một tỷ lẻ mười bảy": linh before a two-digit group, only right after a scale word
    const two = hasHundred ? null : twoDigit(rest.slice(1));
    return two === null ? null : BigInt(two);
  }
  const two = twoDigit(rest);
  if (two !== null) return BigInt(value + two);
  if (r0.k === 'digit' && rest.length === 1) {
    // "một trăm năm" / "hai triệu năm" mean 150 / 2 500 000 in speech: refuse rather than guess
    if (hasHundred || tail || UNITS_ONLY.has(r0.w)) return null;
    if (r0.d === 0 && inner) return null;
    return BigInt(r0.d);
  }
  return null;
}

/** A whole amount below 10^18 with at most one "tỷ": split at the largest scale word, recursively. */
function parseAmount(toks: Tok[], inner: boolean, tail: boolean): bigint | null {
  if (toks.length === 0) return null;
  let top = 0;
  let at = -1;
  toks.forEach((t, i) => {
    if (t.k === 'scale' && t.p >= top) {
      top = t.p;
      at = i;
    }
  });
  if (at < 0) return parseGroup(toks, inner, tail);
  const left = toks.slice(0, at);
  const right = toks.slice(at + 1);
  if (left.length === 0) return null;
  // "triệu triệu" and "một triệu hai mươi triệu" are refused
  if (left.some((t) => t.k === 'scale' && t.p === top)) return null;
  let hi: bigint | null;
  // a spelled-out zero group inside an amount: "một triệu không nghìn không trăm linh một"
  if (inner && left.length === 1 && left[0].k === 'digit' && left[0].d === 0 && left[0].w === 'khong') hi = ZERO;
  // only tỷ may carry a compound multiplier ("một nghìn tỷ", "một triệu tỷ")
  else hi = top === 9 ? parseAmount(left, inner, false) : parseGroup(left, inner, false);
  if (hi === null || (hi === ZERO && !inner)) return null;
  let lo = ZERO;
  if (right.length > 0) {
    const r = parseAmount(right, true, true);
    if (r === null || r === ZERO) return null;
    lo = r;
  }
  return hi * pow10(top) + lo;
}

/** "Tám triệu tỷ, hai trăm ba mươi bốn nghìn tỷ, năm trăm sáu mươi bảy tỷ, …": multipliers strictly decreasing. */
function parseCompound(toks: Tok[], tyAt: number[]): bigint | null {
  let prev = Infinity;
  let multiplier = ZERO;
  let start = 0;
  for (const at of tyAt) {
    const seg = toks.slice(start, at);
    if (seg.length === 0) return null; // "tỷ tỷ": 10^18 and more are not read
    const last = seg[seg.length - 1];
    const scale = last.k === 'scale' ? last.p : 0;
    const group = last.k === 'scale' ? seg.slice(0, -1) : seg;
    if (group.some((t) => t.k === 'scale') || scale >= prev) return null;
    const g = parseGroup(group, false, false);
    if (g === null || g === ZERO) return null;
    multiplier += g * pow10(scale);
    prev = scale;
    start = at + 1;
  }
  const tail = toks.slice(start);
  let lo = ZERO;
  if (tail.length) {
    const r = parseAmount(tail, true, true);
    if (r === null || r === ZERO) return null;
    lo = r;
  }
  return multiplier * BILLION + lo;
}

function parseInteger(toks: Tok[]): bigint | null {
  if (toks.some((t) => t.k === 'point' || t.k === 'half')) return null;
  const tyAt: number[] = [];
  toks.forEach((t, i) => {
    if (t.k === 'scale' && t.p === 9) tyAt.push(i);
  });
  return tyAt.length >= 2 ? parseCompound(toks, tyAt) : parseAmount(toks, false, false);
}

/** The digits after "phẩy": digit by digit, a two-digit number, or a hundreds group (as formatters write them). */
function fractionDigits(toks: Tok[]): string | null {
  if (toks.length === 0) return null;
  if (toks.every((t) => t.k === 'digit' && !UNITS_ONLY.has(t.w))) return toks.map((t) => String((t as { d: number }).d)).join('');
  if (toks[1]?.k === 'hundred') {
    const g = parseGroup(toks, true, false);
    return g === null ? null : g.toString().padStart(3, '0');
  }
  const two = twoDigit(toks);
  return two === null ? null : String(two);
}

/** "một phẩy năm", "hai mươi mốt phẩy chín năm tỷ", "một tỷ hai trăm triệu phẩy năm". */
function parseDecimal(toks: Tok[], at: number): Dec | null {
  const whole = toks.slice(0, at);
  let frac = toks.slice(at + 1);
  let k = frac.length;
  while (k > 0 && frac[k - 1].k === 'scale') k--;
  const scales = frac.slice(k) as { k: 'scale'; p: number }[];
  frac = frac.slice(0, k);
  if (!whole.length || !frac.length) return null;
  if (scales.length > 2 || (scales.length === 2 && !(scales[1].p === 9 && scales[0].p < 9))) return null;
  const digits = fractionDigits(frac);
  const a = parseInteger(whole);
  if (digits === null || a === null) return null;
  const p = scales.reduce((s, t) => s + t.p, 0);
  if (p > 0) {
    // the whole part is the scale's multiplier: below 1000, or below 10^9 for "tỷ" ("một nghìn hai trăm phẩy năm tỷ")
    if (whole.some((t) => t.k === 'scale' && t.p === 9)) return null;
    if (a >= (p === 9 ? BILLION : THOUSAND)) return null;
  }
  const units = BigInt(a.toString() + digits) * pow10(p);
  return Dec.of(units, digits.length);
}

/** "một tỷ rưỡi", "hai trăm rưỡi": half of the scale (or of a hundred) added. */
function parseHalf(toks: Tok[], at: number): Dec | null {
  if (at !== toks.length - 1 || at === 0) return null;
  const prev = toks[at - 1];
  const base = parseInteger(toks.slice(0, at));
  if (base === null) return null;
  if (prev.k === 'hundred') return Dec.of(base + BigInt(50));
  if (prev.k !== 'scale') return null;
  if (toks[at - 2]?.k === 'scale') return null; // "một nghìn tỷ rưỡi": half of a thousand or of a billion?
  return Dec.of(base + BigInt(5) * pow10(prev.p - 1));
}

function parseNumberWords(toks: Tok[]): Dec | null {
  const points = toks.filter((t) => t.k === 'point').length;
  const halves = toks.filter((t) => t.k === 'half').length;
  if (points + halves > 1) return null;
  if (halves) return parseHalf(toks, toks.findIndex((t) => t.k === 'half'));
  if (points) return parseDecimal(toks, toks.findIndex((t) => t.k === 'point'));
  const n = parseInteger(toks);
  return n === null ? null : Dec.of(n);
}

interface Word {
  f: string;
  start: number;
  end: number;
}

function tokenize(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}\p{M}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ f: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}

/** Words that may stand between "Bằng chữ" and the amount: "Bằng chữ là …", "Bằng chữ: Tổng cộng …". */
const LEAD_IN = new Set(['la', 'tong', 'cong', 'so', 'tien', 'kinh', 'phi', 'tat', 'ca', 'gom', 'khoang', 'ghi']);
const MULTIPLIER_WORDS = new Set(['muoi', 'tram', 'nghin', 'ngan', 'trieu', 'ty', 'ti', 'phay', 'ruoi']);
const SUB_UNITS: Record<string, number> = { hao: 1, xu: 2 };

/**
 * Finds and reads the amount in words in a phrase such as "(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi
 * triệu đồng chẵn)". null when there are no number words or they do not form a valid amount.
 */
export function parseWords(text: string): WordsAmount | null {
  try {
    return parseWordsInner(typeof text === 'string' ? text.normalize('NFC') : '');
  } catch {
    return null;
  }
}

interface Run {
  from: number;
  to: number;
}

function numberRuns(words: Word[], from: number): Run[] {
  const runs: Run[] = [];
  for (let i = from; i < words.length; ) {
    if (!classify(words[i].f)) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && classify(words[j].f)) j++;
    let start = i;
    while (start < j && NO_START.has(words[start].f)) start++;
    const hasWord = words.slice(start, j).some((w) => !/^[0-9]+$/.test(w.f));
    // "phẩy năm", "rưỡi": a fraction or a half with no number before it is not an amount
    const k0 = start < j ? classify(words[start].f)!.k : null;
    if (start < j && hasWord && k0 !== 'point' && k0 !== 'half') runs.push({ from: start, to: j });
    i = j;
  }
  return runs;
}

/** "… đồng (và) năm mươi sáu xu", "… đồng năm hào ba xu": the sub-units after "đồng", or null when garbled. */
function subUnits(words: Word[], at: number): { value: Dec; end: number } | null | undefined {
  let i = at;
  if (words[i]?.f === 'va') i++;
  let value = Dec.ZERO;
  let end = -1;
  let lastPlace = 0;
  for (;;) {
    let j = i;
    while (j < words.length && classify(words[j].f)) j++;
    const place = j > i && j < words.length ? SUB_UNITS[words[j].f] : undefined;
    if (place === undefined) break;
    if (place <= lastPlace) return null; // "xu … hào"
    const n = parseGroup(words.slice(i, j).map((w) => classify(w.f) as Tok), false, false);
    const max = place === 1 || lastPlace === 1 ? 9 : 99;
    if (n === null || n < BigInt(1) || n > BigInt(max)) return null;
    value = value.add(Dec.of(n, place));
    lastPlace = place;
    end = j + 1;
    i = j + 1;
  }
  return end < 0 ? undefined : { value, end };
}

/**
 * True when the amount goes on past the number words at `at` after a word that is neither a number word nor the unit:
 * it was broken by a misspelt word. Within the clause, any number word or the unit after it says so; past punctuation
 * ("…, tức là 20.000.000 đồng", "(dự kiến hai trăm triệu)") another phrase may start, but a word that can only continue
 * an amount — "mươi", "trăm", "nghìn", "triệu", "tỷ", "lăm", "phẩy" … ("Hai mươi-mìt tỷ …", "Hai mươi, mìt tỷ …") —
 * still says the amount was cut.
 */
function brokenAfter(text: string, words: Word[], at: number): boolean {
  let sameClause = true;
  for (let i = at; i < words.length; i++) {
    if (i > 0 && /[^\s\u00a0]/.test(text.slice(words[i - 1].end, words[i].start))) sameClause = false;
    if (i === at) continue;
    const f = words[i].f;
    if (classify(f)) {
      if (sameClause || MULTIPLIER_WORDS.has(f) || NO_START.has(f)) return true;
      return false; // "…, tức là 20.000.000 đồng": another amount begins
    }
    if (sameClause && UNIT_WORDS.has(f)) return true;
  }
  return false;
}

function parseWordsInner(text: string): WordsAmount | null {
  const words = tokenize(text);
  let marker = -1;
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i].f === 'bang' && words[i + 1].f === 'chu') {
      marker = i + 2;
      break;
    }
  }
  const runs = numberRuns(words, 0);
  if (runs.length === 0) return null;

  const unitAfter = (r: Run) => r.to < words.length && UNIT_WORDS.has(words[r.to].f);
  const signed = (r: Run) => r.from > 0 && SIGN_WORDS.has(words[r.from - 1].f);
  let run: Run | undefined;
  if (marker >= 0) {
    run = runs.find((r) => r.from >= marker);
    // "Bằng chữ: Mìt sáu nghìn đồng" (a misspelt «Mười»): what stands between the marker and the number words is a
    // lead-in ("là", "tổng cộng") or the sign, else the amount's first word was lost and the rest would read 6 000
    const first = run && signed(run) ? run.from - 1 : run?.from;
    if (first !== undefined && words.slice(marker, first).some((w) => !LEAD_IN.has(w.f))) return null;
  }
  if (!run) run = runs.find(unitAfter);
  if (!run && runs.length === 1) {
    const r = runs[0];
    const first = signed(r) ? r.from - 1 : r.from;
    const others = words.filter((w, i) => (i < first || i >= r.to) && w.f !== 'chan');
    const strong = words.slice(r.from, r.to).some((w) => MULTIPLIER_WORDS.has(w.f));
    if (others.length === 0 || strong) run = r;
  }
  if (!run) return null;
  // "năm mươi xu" without "đồng": a sub-unit amount read as whole đồng would be a hundred times too large
  if (run.to < words.length && SUB_UNITS[words[run.to].f] !== undefined) return null;

  // "Hai mươi mìt tỷ chín trăm … đồng", "… năm mươi triẹu đồng": a word that is not a number word breaks the phrase,
  // and number words or the unit go on after it in the same clause. Reading the part before the break would give
  // another amount (20, or 21 000 000 950): refuse instead.
  if (!unitAfter(run) && brokenAfter(text, words, run.to)) return null;

  const toks = words.slice(run.from, run.to).map((w) => classify(w.f) as Tok);
  let value = parseNumberWords(toks);
  if (value === null) return null;
  const unit = unitAfter(run) ? ('đồng' as const) : null;
  let end = unit ? words[run.to].end : words[run.to - 1].end;
  if (unit) {
    const next = words[run.to + 1]?.f;
    // "hai đồng rưỡi", "một đồng phẩy năm": the amount goes on past the unit
    if (next === 'ruoi' || next === 'phay' || next === 'cham') return null;
    const sub = subUnits(words, run.to + 1);
    if (sub === null) return null;
    if (sub) {
      if (value.decimals > 0) return null;
      value = value.sign() < 0 ? value.sub(sub.value) : value.add(sub.value);
      end = words[sub.end - 1].end;
    }
  }
  const negative = signed(run);
  const start = negative ? words[run.from - 1].start : words[run.from].start;
  return { value: negative ? value.neg() : value, unit, words: text.slice(start, end) };
}

const DIGIT_WORDS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Words for 0 < g < 1000; `zeroHundred` says "không trăm" for a group that follows a larger one. */
function groupWords(g: number, zeroHundred: boolean): string[] {
  const a = Math.floor(g / 100);
  const b = Math.floor(g / 10) % 10;
  const c = g % 10;
  const out: string[] = [];
  const hasHundred = a > 0 || zeroHundred;
  if (hasHundred) out.push(DIGIT_WORDS[a], 'trăm');
  if (b === 0) {
    if (c === 0) return out;
    if (hasHundred) out.push('linh');
    out.push(DIGIT_WORDS[c]);
  } else if (b === 1) {
    out.push('mười');
    if (c === 5) out.push('lăm');
    else if (c > 0) out.push(DIGIT_WORDS[c]);
  } else {
    out.push(DIGIT_WORDS[b], 'mươi');
    if (c === 1) out.push('mốt');
    else if (c === 4) out.push('tư');
    else if (c === 5) out.push('lăm');
    else if (c > 0) out.push(DIGIT_WORDS[c]);
  }
  return out;
}

/** Words for n > 0; `inner`: n follows a larger part, so its first group says "không trăm" when needed. */
function amountWords(n: bigint, inner: boolean): string[] {
  if (n >= BILLION) {
    const hi = n / BILLION;
    const lo = n % BILLION;
    return [...amountWords(hi, inner), 'tỷ', ...(lo > ZERO ? amountWords(lo, true) : [])];
  }
  const groups = [Number(n / BigInt(1000000)), Number((n / THOUSAND) % THOUSAND), Number(n % THOUSAND)];
  const names = ['triệu', 'nghìn', ''];
  const out: string[] = [];
  let seen = inner;
  groups.forEach((g, i) => {
    if (g === 0) return;
    out.push(...groupWords(g, seen));
    if (names[i]) out.push(names[i]);
    seen = true;
  });
  return out;
}

/** The digits after the decimal comma, as formatters read them: ",05" không năm, ",34" ba mươi tư, ",001" không trăm linh một. */
function fractionWords(digits: string): string[] {
  if (digits.length === 2) return digits[0] === '0' ? ['không', DIGIT_WORDS[Number(digits[1])]] : groupWords(Number(digits), false);
  if (digits.length === 3) return groupWords(Number(digits), true);
  return [...digits].map((d) => DIGIT_WORDS[Number(d)]);
}

/**
 * Canonical Vietnamese words for an amount: "Hai mươi mốt tỷ chín trăm năm mươi triệu đồng", "Âm năm đồng",
 * "Một phẩy năm đồng". From 10^18 on it says "tỷ tỷ", which parseWords does not read back.
 */
export function toWords(value: Dec, opts: { unit?: boolean; capitalize?: boolean } = {}): string {
  const { negative, integer, fraction } = value.parts();
  const n = BigInt(integer);
  const parts = n === ZERO ? ['không'] : amountWords(n, false);
  if (fraction) parts.push('phẩy', ...fractionWords(fraction));
  if (negative) parts.unshift('âm');
  if (opts.unit !== false) parts.push('đồng');
  const s = parts.join(' ');
  return opts.capitalize === false ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
