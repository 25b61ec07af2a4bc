/**
 * Criteria that do not apply to a unit ("Không áp dụng", "KAD", "N/A" in a score cell, or whole criteria removed for
 * a kind of unit). Such a criterion scores nothing and its maximum leaves the applicable maximum, against which the
 * percent, the band and the < 50 % rule are judged.
 */
import { fold } from '../vn/text';

/** "Không áp dụng", "Không áp dụng (không có TTHC)", "KAD", "K.A.D", "N/A", "NA" — the whole cell. */
export function isNotApplicableText(text: string): boolean {
  if (text.length > 120) return false;
  const f = fold(text).replace(/^[\s(["'*]+|[\s)\]"'.;:!*]+$/g, '');
  if (/^khong ap dung\b/.test(f)) return true;
  return /^(k\.?\s?a\.?\s?d|n\s?\/\s?a|n\.a|na)$/.test(f);
}

/** "1.3.1." → "1.3.1"; "II" stays; spaces dropped. The key criteria are matched by (options, two files). */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').replace(/[.)]+$/, '').toUpperCase();
}

/** The criterion `code` or one of its ancestors is in `codes` ("3.3" covers 3.3.1 and 3.3.2). */
export function codeCovered(code: string, codes: ReadonlySet<string>): boolean {
  if (!codes.size) return false;
  let c = normaliseCode(code);
  for (;;) {
    if (codes.has(c)) return true;
    const dot = c.lastIndexOf('.');
    if (dot <= 0) return false;
    c = c.slice(0, dot);
  }
}
