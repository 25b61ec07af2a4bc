/**
 * What a row's text says about the row, before the table is built: a total or a section's subtotal ("Tổng cộng",
 * "Cộng mục I"), the amount in words ("Bằng chữ"), a notes line ("Ghi chú: …"), the head and the lines of a "Trong đó"
 * breakdown. Pure text classification, shared by the row builder (./rows.ts) and the table end (./extent.ts).
 */
import { fold, leadCode } from '../vn/text';

const TOTAL = /^(tổng cộng|tổng số|tổng|cộng tất cả|cộng toàn bộ|tổng kinh phí|tổng điểm)\b/;
const SUBTOTAL = /^(cộng|tổng cộng|tổng)\s*(mục|phần|nhóm|lĩnh vực)?\s*([ivxl]+|\d+)?\s*[:.]?\s*$|^cộng\b/;

function lowerNfc(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A notes line: "Ghi chú: …", "* Lưu ý …" (folded). */
export const NOTE_LINE = /^(\*\s*)?(ghi chu|luu y)\b/;

/** "Tổng cộng", "Tổng số:" → total; "Cộng mục I", "Cộng:" → subtotal. */
export function totalKind(text: string): 'total' | 'subtotal' | null {
  // /^[\s(*\-–]*[tTcC]/
  const lead = leadCode(text, '(*-–');
  if (lead !== 116 && lead !== 84 && lead !== 99 && lead !== 67) return null;
  const t = lowerNfc(text).replace(/^[(*\-–\s]+/, '');
  if (t.length > 60) return null;
  if (/^(tổng cộng|tổng số|tổng|cộng)\s*(mục|phần|nhóm)\s+\S+/.test(t)) return 'subtotal';
  // "Tổng I", "Tổng cộng (II)", "Tổng số 3": one section's total, not the grand total ("Tổng cộng (I+II)" is)
  if (/^(tổng cộng|tổng số|tổng)\s*\(?\s*([ivxl]+|\d+)\s*\)?\s*[:.]?\s*$/.test(t)) return 'subtotal';
  if (TOTAL.test(t)) return 'total';
  if (SUBTOTAL.test(t)) return 'subtotal';
  return null;
}

export function isWordsText(text: string): boolean {
  // /^[\s(]*[bBsS]/
  const lead = leadCode(text, '(');
  if (lead !== 98 && lead !== 66 && lead !== 115 && lead !== 83) return false;
  return /^\(?\s*(so tien )?bang chu\b/.test(fold(text));
}

/**
 * "Trong đó" / "Bao gồm" / "Chia ra" at the start of a line: what follows splits the row above (its amount by funding
 * source, or a part of it). Returns the list marker of what follows the words ("-" in "Trong đó: - Ngân sách tỉnh",
 * "" in "Trong đó ngân sách tỉnh"), null when the line is no such head. "Trong đó, nêu rõ …" (a sentence) only counts
 * where the budget column shows the block carries amounts (see buildTable).
 */
export function breakdownHead(text: string): string | null {
  // /^[\s(]*[tTbBcC]/
  const lead = leadCode(text, '(');
  if (lead !== 116 && lead !== 84 && lead !== 98 && lead !== 66 && lead !== 99 && lead !== 67) return null;
  const m = /^\(?\s*(trong do|bao gom|chia ra)(?=$|[\s:;,.)+\-–—•*])\s*\)?\s*[:;,.]?\s*/.exec(fold(text));
  if (!m) return null;
  return listMarker(fold(text).slice(m[0].length));
}

/** The list marker a line starts with: "-" (also – —), "+", "•" (also * ·), or "" for none. */
function listMarker(folded: string): string {
  const c = folded.charAt(0);
  if (c === '-' || c === '–' || c === '—') return '-';
  if (c === '+') return '+';
  if (c === '•' || c === '*' || c === '·') return '•';
  return '';
}

/** A line that continues a breakdown: a list line ("- Ngân sách huyện", "+ Vốn sự nghiệp") or a funding source. */
export function breakdownLine(text: string): string | null {
  const f = fold(text);
  const marker = listMarker(f);
  if (marker) return marker;
  return /^(ngan sach|ns\b|nguon\b|von\b|kinh phi (tu |do )?(ngan sach|nguon))/.test(f) ? '' : null;
}

