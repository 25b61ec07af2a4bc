/**
 * Task status cells ("Tình trạng", "Kết quả thực hiện") → done / not-done / unknown.
 *
 * Order matters: negations and "in progress" are checked first ("Chưa hoàn thành" contains "hoàn thành"), then the
 * done phrases, then lateness words — so "Hoàn thành chậm" is done (late, but done) while "Chậm" alone is not-done.
 * Phrases are matched on whole folded words (case, diacritics and đ/d ignored). Anything unrecognised — including
 * plain numbers such as a progress percentage — is 'unknown'; a boolean (checkbox) is done when true.
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

export function parseStatus(value: string | number | boolean | null): TaskStatus {
  if (typeof value === 'boolean') return value ? 'done' : 'not-done';
  if (typeof value !== 'string') return 'unknown';
  // Words of letters/digits, and the check marks as words of their own.
  const tokens = fold(value).match(/[a-z0-9]+|[✓✔☑✅]/gu);
  if (!tokens) return 'unknown';
  const words = ` ${tokens.join(' ')} `;
  if (NOT_DONE.some((p) => has(words, p)) || tokens[0] === 'dang') return 'not-done';
  if (DONE.some((p) => has(words, p)) || (tokens.length === 1 && tokens[0] === 'x')) return 'done';
  if (LATE.some((p) => has(words, p))) return 'not-done';
  return 'unknown';
}
