/**
 * The amount in words, written the way the document already writes it. Vietnamese offices spell the same amount
 * several ways — nghìn/ngàn, linh/lẻ, tỷ/tỉ, "hai mươi mốt"/"hai mươi một", "tư"/"bốn", "lăm"/"nhăm", with or
 * without "không trăm", "chẵn" at the end — and a correction must not change the house style. The style is read
 * from the existing words cell; every proposal is read back with parseWords and must give the intended amount.
 */
import { Dec } from '../decimal';
import { parseWords, toWords } from '../vn/words';

export interface WordsStyle {
  thousand: 'nghìn' | 'ngàn';
  odd: 'linh' | 'lẻ';
  billion: 'tỷ' | 'tỉ';
  /** the 1 after "mươi": "hai mươi mốt" or "hai mươi một" */
  one: 'mốt' | 'một';
  /** the 4 after "mươi": "hai mươi tư" or "hai mươi bốn" */
  four: 'tư' | 'bốn';
  /** the 5 after "mươi"/"mười": "lăm" or "nhăm" */
  five: 'lăm' | 'nhăm';
  /** "một tỷ không trăm năm mươi triệu" (true) or "một tỷ năm mươi triệu" */
  zeroHundred: boolean;
  /** "… đồng chẵn" */
  even: boolean;
  /** the amount starts with a capital letter */
  capital: boolean;
}

export const CANONICAL_STYLE: Readonly<WordsStyle> = {
  thousand: 'nghìn',
  odd: 'linh',
  billion: 'tỷ',
  one: 'mốt',
  four: 'tư',
  five: 'lăm',
  zeroHundred: true,
  even: false,
  capital: true,
};

function tokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
}

/** The spelling a document uses, read from its words cell; what it does not show stays canonical. */
export function detectWordsStyle(text: string): WordsStyle {
  const t = tokens(typeof text === 'string' ? text : '');
  const style: WordsStyle = { ...CANONICAL_STYLE };
  const has = (w: string) => t.includes(w);
  const after = (first: string[], w: string) => t.some((x, i) => i > 0 && x === w && first.includes(t[i - 1]));
  if (has('ngàn') && !has('nghìn')) style.thousand = 'ngàn';
  if (has('lẻ') && !has('linh')) style.odd = 'lẻ';
  if ((has('tỉ') || has('tĩ')) && !has('tỷ')) style.billion = 'tỉ';
  if (after(['mươi'], 'một') && !after(['mươi'], 'mốt')) style.one = 'một';
  if (after(['mươi'], 'bốn') && !after(['mươi'], 'tư')) style.four = 'bốn';
  if (after(['mươi', 'mười'], 'nhăm') && !after(['mươi', 'mười'], 'lăm')) style.five = 'nhăm';
  style.even = has('chẵn');
  const parsed = parseWords(text);
  if (parsed) {
    // "không trăm" written, or left out where the amount needed it
    const canonical = toWords(parsed.value, { unit: false, capitalize: false });
    const writes = /không trăm/.test(t.join(' '));
    if (!writes && canonical.includes('không trăm')) style.zeroHundred = false;
    const first = parsed.words.trim().charAt(0);
    style.capital = first !== first.toLowerCase();
  }
  return style;
}

/** Words for a whole, non-negative amount in `style`, without the unit: "Hai mươi sáu tỷ chín trăm …". */
export function styledWords(amount: Dec, style: WordsStyle): string | null {
  if (amount.decimals > 0 || amount.sign() < 0) return null;
  let words: string[];
  try {
    words = toWords(amount, { unit: false, capitalize: false }).split(' ');
  } catch {
    return null;
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = out[out.length - 1];
    if (!style.zeroHundred && w === 'không' && words[i + 1] === 'trăm' && i > 0) {
      i++; // drop "không trăm"
      continue;
    }
    if (w === 'nghìn') out.push(style.thousand);
    else if (w === 'linh') out.push(style.odd);
    else if (w === 'tỷ') out.push(style.billion);
    else if (w === 'mốt' && prev === 'mươi') out.push(style.one);
    else if (w === 'tư' && prev === 'mươi') out.push(style.four);
    else if (w === 'lăm' && prev === 'mươi') out.push(style.five);
    else out.push(w);
  }
  const s = out.join(' ');
  return style.capital ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * The words cell rewritten for `amount` (in đồng): the amount words replaced in place, everything around them
 * (the "(Bằng chữ: " label, the unit, "chẵn", the closing parenthesis) kept as written. null when no proposal
 * reads back as exactly `amount`.
 */
export function rewriteWords(text: string, amount: Dec): { text: string; words: string } | null {
  const original = typeof text === 'string' ? text.normalize('NFC') : '';
  const style = detectWordsStyle(original);
  const words = styledWords(amount, style);
  if (!words) return null;
  const parsed = parseWords(original);
  let next: string;
  let shownWords: string;
  if (parsed && original.includes(parsed.words)) {
    const unitWord = parsed.unit ? (/[\p{L}]+$/u.exec(parsed.words)?.[0] ?? 'đồng') : '';
    shownWords = unitWord ? `${words} ${unitWord}` : words;
    next = original.replace(parsed.words, shownWords);
  } else {
    shownWords = `${words} đồng${style.even ? ' chẵn' : ''}`;
    const open = /^\s*\(/.test(original);
    next = open ? `(Bằng chữ: ${shownWords})` : `Bằng chữ: ${shownWords}`;
  }
  const check = parseWords(next);
  if (!check || !check.value.eq(amount)) return null;
  return { text: next, words: shownWords };
}
