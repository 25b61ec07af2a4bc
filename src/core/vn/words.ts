/**
 * Vietnamese amounts in words ⇄ amounts: "Hai mươi mốt tỷ chín trăm năm mươi triệu đồng" ⇄ 21 950 000 000.
 * Matching uses `fold`, so case, diacritics and tone placement do not matter; a garbled amount gives null.
 */
import { Dec } from '../decimal';
import { fold } from './text';

export interface WordsAmount {
  /** the amount in the unit named (đồng), or the bare amount when no unit is named */
  value: Dec;
  unit: 'đồng' | null;
  /** the amount words as written, with the unit word when present ("Hai mươi mốt tỷ … triệu đồng") */
  words: string;
}

type Tok =
  | { k: 'digit'; d: number; /** folded spelling */ w: string }
  | { k: 'ten' } // mười / mươi (identical once folded)
  | { k: 'hundred' }
  | { k: 'odd' } // linh / lẻ
  | { k: 'scale'; p: number /* 3, 6, 9 */ }
  | { k: 'num'; n: bigint }; // "21" in "21 tỷ 950 triệu"

const DIGITS: Record<string, number> = {
  khong: 0, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, nham: 5, sau: 6, bay: 7, tam: 8, chin: 9,
};
/** Spellings that are only a units digit after mươi/linh ("hai mươi tư", "mười lăm"), never a leading digit. */
const UNITS_ONLY = new Set(['tu', 'lam', 'nham']);
const SCALES: Record<string, number> = { nghin: 3, ngan: 3, trieu: 6, ty: 9, ti: 9 };
const UNIT_WORDS = new Set(['dong', 'd', 'vnd']);
/** Folded homographs of common words (từ, làm, nhằm, lệ) that cannot begin an amount: dropped from a run's start. */
const NO_START = new Set(['tu', 'lam', 'nham', 'le']);

function classify(f: string): Tok | null {
  if (f in DIGITS) return { k: 'digit', d: DIGITS[f], w: f };
  if (f === 'muoi') return { k: 'ten' };
  if (f === 'tram') return { k: 'hundred' };
  if (f === 'linh' || f === 'le') return { k: 'odd' };
  if (f in SCALES) return { k: 'scale', p: SCALES[f] };
  if (/^[0-9]{1,3}$/.test(f)) return { k: 'num', n: BigInt(f) };
  return null;
}

const TEN = BigInt(10);
const THOUSAND = BigInt(1000);
const pow10 = (p: number): bigint => TEN ** BigInt(p);

/** A units digit after mươi / linh: 1–9, any spelling. */
function unitDigit(t: Tok | undefined): number | null {
  return t && t.k === 'digit' && t.d >= 1 ? t.d : null;
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
    if (rest.length !== 2 || d === null || (rest[1].k === 'digit' && (rest[1].w === 'lam' || rest[1].w === 'nham'))) return null;
    return BigInt(value + d);
  }
  if (r0.k === 'ten') {
    if (rest.length === 1) return BigInt(value + 10);
    const d = unitDigit(rest[1]);
    if (rest.length !== 2 || d === null) return null;
    return BigInt(value + 10 + d);
  }
  if (r0.k === 'digit' && rest[1]?.k === 'ten') {
    if (r0.d < 2 || UNITS_ONLY.has(r0.w)) return null;
    if (rest.length === 2) return BigInt(value + r0.d * 10);
    const d = unitDigit(rest[2]);
    if (rest.length !== 3 || d === null) return null;
    return BigInt(value + r0.d * 10 + d);
  }
  if (r0.k === 'digit' && rest.length === 1) {
    // "một trăm năm" / "hai triệu năm" mean 150 / 2 500 000 in speech: refuse rather than guess
    if (hasHundred || tail || UNITS_ONLY.has(r0.w)) return null;
    if (r0.d === 0 && inner) return null;
    return BigInt(r0.d);
  }
  return null;
}

/** A whole amount below 10^18: split at the largest scale word, recursively. */
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
  // "tỷ tỷ" and "một tỷ hai mươi tỷ" are refused: amounts of 10^18 and more are not read
  if (left.some((t) => t.k === 'scale' && t.p === top)) return null;
  // only tỷ may carry a compound multiplier ("một nghìn tỷ", "một triệu tỷ")
  const hi = top === 9 ? parseAmount(left, inner, false) : parseGroup(left, inner, false);
  if (hi === null || hi === BigInt(0)) return null;
  let lo = BigInt(0);
  if (right.length > 0) {
    const r = parseAmount(right, true, true);
    if (r === null || r === BigInt(0)) return null;
    lo = r;
  }
  return hi * pow10(top) + lo;
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

const MULTIPLIER_WORDS = new Set(['muoi', 'tram', 'nghin', 'ngan', 'trieu', 'ty', 'ti']);

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

function parseWordsInner(text: string): WordsAmount | null {
  const words = tokenize(text);
  // maximal runs of number tokens
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < words.length; ) {
    if (!classify(words[i].f)) {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && classify(words[j].f)) j++;
    let from = i;
    while (from < j && NO_START.has(words[from].f)) from++;
    const hasWord = words.slice(from, j).some((w) => !/^[0-9]+$/.test(w.f));
    if (from < j && hasWord) runs.push({ from, to: j });
    i = j;
  }
  if (runs.length === 0) return null;

  const unitAfter = (r: { to: number }) => r.to < words.length && UNIT_WORDS.has(words[r.to].f);
  let run: { from: number; to: number } | undefined;
  let marker = -1;
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i].f === 'bang' && words[i + 1].f === 'chu') {
      marker = i + 2;
      break;
    }
  }
  if (marker >= 0) run = runs.find((r) => r.from >= marker);
  if (!run) run = runs.find(unitAfter);
  if (!run && runs.length === 1) {
    const r = runs[0];
    const others = words.filter((w, i) => (i < r.from || i >= r.to) && w.f !== 'chan');
    const strong = words.slice(r.from, r.to).some((w) => MULTIPLIER_WORDS.has(w.f));
    if (others.length === 0 || strong) run = r;
  }
  if (!run) return null;

  const toks = words.slice(run.from, run.to).map((w) => classify(w.f) as Tok);
  const value = parseAmount(toks, false, false);
  if (value === null) return null;
  const unit = unitAfter(run) ? ('đồng' as const) : null;
  const end = unit ? words[run.to].end : words[run.to - 1].end;
  return { value: Dec.of(value), unit, words: text.slice(words[run.from].start, end) };
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

const BILLION = BigInt(1000000000);

/** Words for n > 0; `inner`: n follows a larger part, so its first group says "không trăm" when needed. */
function amountWords(n: bigint, inner: boolean): string[] {
  if (n >= BILLION) {
    const hi = n / BILLION;
    const lo = n % BILLION;
    return [...amountWords(hi, inner), 'tỷ', ...(lo > BigInt(0) ? amountWords(lo, true) : [])];
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

/**
 * Canonical Vietnamese words for an integer amount: "Hai mươi mốt tỷ chín trăm năm mươi triệu đồng".
 * Negative amounts are prefixed "âm"; a fractional amount is a RangeError. From 10^18 on it says "tỷ tỷ",
 * which parseWords does not read back.
 */
export function toWords(value: Dec, opts: { unit?: boolean; capitalize?: boolean } = {}): string {
  if (value.decimals > 0) throw new RangeError(`toWords needs an integer amount, got ${value.toString()}`);
  const n = value.units;
  const parts = n === BigInt(0) ? ['không'] : n < BigInt(0) ? ['âm', ...amountWords(-n, false)] : amountWords(n, false);
  if (opts.unit !== false) parts.push('đồng');
  const s = parts.join(' ');
  return opts.capitalize === false ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
