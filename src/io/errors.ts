/** Why a file could not be read, in both languages, with the library's own words kept apart as a technical detail. */
import type { Text } from '../core/report';

export type ReadErrorCode =
  /** 0 bytes */
  | 'empty'
  /** not a workbook at all (a text, a PDF, a Word document…) */
  | 'not-workbook'
  /** a password-protected workbook */
  | 'encrypted'
  /** a workbook whose bytes are damaged (cut short, a broken part) */
  | 'corrupt'
  /** a zip package that holds no readable workbook, or whose workbook points at parts that are not there */
  | 'no-workbook'
  /** beyond one of the documented limits (src/io/limits.ts) */
  | 'too-large'
  /** a workbook feature the reader does not handle (a compression method, a format) */
  | 'unsupported';

export class WorkbookReadError extends Error {
  /** the message for people, in Vietnamese and English */
  readonly text: Text;
  /**
   * @param detail the raw library or JavaScript message, for a "technical detail" line — never the message itself
   */
  constructor(
    text: Text,
    readonly code: ReadErrorCode,
    readonly detail?: string,
  ) {
    super(`${text.vi} / ${text.en}`);
    this.name = 'WorkbookReadError';
    this.text = text;
  }
}

/** Any failure while reading → a WorkbookReadError (an unexpected one becomes "damaged", its message a detail). */
export function asReadError(e: unknown, fallback: Text = DAMAGED): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof RangeError && /memory|allocation|Invalid (string|array|typed array) length/i.test(e.message))
    return new WorkbookReadError(TOO_BIG_FOR_MEMORY, 'too-large', detail);
  return new WorkbookReadError(fallback, 'corrupt', detail);
}

export const DAMAGED: Text = {
  vi: 'Tệp bị hỏng, không đọc được. Hãy mở tệp trong Excel, kiểm tra nội dung và lưu lại.',
  en: 'The file is damaged and cannot be read. Open it in Excel, check it and save it again.',
};

const TOO_BIG_FOR_MEMORY: Text = {
  vi: 'Tệp quá lớn, không đủ bộ nhớ để đọc.',
  en: 'The file is too large to read in the memory available.',
};

export function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError(DAMAGED, 'corrupt', detail);
}
