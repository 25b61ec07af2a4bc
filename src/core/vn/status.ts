/**
 * Task status cells ("Tình trạng", "Kết quả thực hiện") → done / not-done / unknown.
 *
 * Order matters: negations and "in progress" are checked first ("Chưa hoàn thành" contains "hoàn thành"), then the
 * done phrases, then lateness words — so "Hoàn thành chậm" is done (late, but done) while "Chậm" alone is not-done.
 * Phrases are matched on whole folded words (case, diacritics and đ/d ignored). Anything unrecognised — including
 * plain numbers — is 'unknown'; a boolean (checkbox) is done when true. A percentage alone ("100%", "50%") is done at
 * 100 and not done below; "Hoàn thành một phần" is not done and "Cơ bản hoàn thành" unknown (before: both done, which
 * hid an overdue task).
 */
import { fold } from './text';

export type TaskStatus = 'done' | 'not-done' | 'unknown';

const NOT_DONE = [
  'chua', // chưa hoàn thành, chưa nộp, chưa thực hiện, chưa ban hành…
  'khong hoan thanh',
  'khong thuc hien',
  'khong trien khai',
  'khong dat',
  'khong nop',
  'khong ban hanh',
  'dang thuc hien',
  'dang trien khai',
  'dang xu ly',
  'dang hoan thien',
  'dang xay dung',
  'dang lam',
];

const DONE = [
  'hoan thanh',
  'da nop',
  'xong',
  'da thuc hien',
  'da ban hanh',
  'da trien khai',
  'dat',
  '✓',
  '✔',
  '☑',
  '✅',
];

const LATE = ['cham', 'qua han', 'tre han', 'tre'];

function has(words: string, phrase: string): boolean {
  return words.includes(` ${phrase} `);
}

/** Done in part only: "Hoàn thành một phần", "hoàn thành phần lớn" — not done. */
const PARTLY = ['mot phan', 'phan lon', 'gan hoan thanh'];
/** "Cơ bản hoàn thành" (substantially done) is a category of its own in the reports: neither done nor not done. */
const MOSTLY = ['co ban'];

export function parseStatus(value: string | number | boolean | null): TaskStatus {
  if (typeof value === 'boolean') return value ? 'done' : 'not-done';
  if (typeof value !== 'string') return 'unknown';
  // a progress percentage alone: 100 % is done, less is not
  const pct = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$/.exec(value);
  if (pct) {
    const p = Number(pct[1].replace(',', '.'));
    return p >= 100 ? 'done' : 'not-done';
  }
  // Words of letters/digits, and the check marks as words of their own.
  const tokens = fold(value).match(/[a-z0-9]+|[✓✔☑✅]/gu);
  if (!tokens) return 'unknown';
  const words = ` ${tokens.join(' ')} `;
  if (NOT_DONE.some((p) => has(words, p)) || tokens[0] === 'dang') return 'not-done';
  if (PARTLY.some((p) => has(words, p))) return 'not-done';
  if (MOSTLY.some((p) => has(words, p))) return 'unknown';
  // "Hoàn thành 80%", "Đạt 50%": a share under 100 % beside a done word may be the task's progress or some other
  // rate ("…, tỷ lệ đúng hạn 95%"): neither done nor not done
  for (const m of value.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s*%/g)) if (Number(m[1].replace(',', '.')) < 100) return 'unknown';
  if (DONE.some((p) => has(words, p)) || (tokens.length === 1 && tokens[0] === 'x')) return 'done';
  if (LATE.some((p) => has(words, p))) return 'not-done';
  return 'unknown';
}
