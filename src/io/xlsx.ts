/**
 * Files → SheetSnapshots, for the CLI, the preview's worker and the tests. The kind of file is told by its bytes, not
 * its name: an .xlsx/.xlsm package goes to the streaming reader (ooxml.ts); .xls, .xlsb, .ods, Excel 2003 XML and
 * HTML-table ".xls" exports go to SheetJS, loaded only then (legacy.ts); everything else — a password-protected
 * workbook, a Word document, a PDF, a zip with no workbook — is refused with a clear message in both languages.
 */
import type { SheetSnapshot } from '../core/snapshot';
import type { Ignore } from '../core/ignores';
import { readWorkbookIgnores } from './addinSettings';
import { WorkbookReadError, asReadError } from './errors';
import { LIMITS, formatBytes, type Limits } from './limits';
import { readOoxml, type OoxmlFormat, type ReadOptions } from './ooxml';
import { findWorkbookPart, parseContentTypes, readPartText } from './package';
import { readLegacy, type LegacyFormat } from './legacy';
import { findEntry, isZip, openZip, readEntry } from './zip';

export { WorkbookReadError } from './errors';
export type { ReadErrorCode } from './errors';
export type { ReadOptions } from './ooxml';

export type WorkbookFormat = OoxmlFormat | LegacyFormat;

export interface WorkbookFile {
  format: WorkbookFormat;
  sheets: SheetSnapshot[];
  /** an Office Open XML package, which the annotator can patch (annotate.ts) */
  annotatable: boolean;
  /**
   * the findings the Excel add-in was told to ignore ("Bỏ qua"), as the package carries them (./addinSettings.ts);
   * pass them to check() in its options. Only Office Open XML packages carry them.
   */
  ignores?: Ignore[];
}

/** Human names of the formats, for messages. */
export const FORMAT_LABEL: Readonly<Record<WorkbookFormat, string>> = {
  xlsx: '.xlsx',
  xlsm: '.xlsm',
  xltx: '.xltx',
  xltm: '.xltm',
  xls: '.xls (Excel 97–2003)',
  xlsb: '.xlsb',
  ods: '.ods (OpenDocument)',
  xml2003: 'Excel 2003 XML',
  html: 'HTML',
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Whether `name` is stored in UTF-16LE somewhere in the bytes (the stream names of an OLE compound file). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED = {
  vi: 'Tệp được đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu lại rồi kiểm tra.',
  en: 'The file is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook), save it and check it again.',
};

function notWorkbook(vi: string, en: string): WorkbookReadError {
  return new WorkbookReadError({ vi, en }, 'not-workbook');
}

/** What an OLE compound file (the container of .xls, .doc and of encrypted .xlsx) holds. */
function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'word' | 'powerpoint' | 'other' {
  if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) return 'encrypted';
  if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return 'xls';
  if (hasUtf16Name(bytes, 'WordDocument')) return 'word';
  if (hasUtf16Name(bytes, 'PowerPoint Document')) return 'powerpoint';
  return 'other';
}

function headText(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, n)).replace(/^\uFEFF/, '');
}

/** The kind of a file that is neither a zip nor an OLE file, from its first bytes. */
function textKind(bytes: Uint8Array): 'xml2003' | 'html' | 'pdf' | 'text' | 'binary' {
  const head = headText(bytes);
  if (head.startsWith('%PDF')) return 'pdf';
  if (/^\s*</.test(head)) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head) || /<\?mso-application\s+progid="Excel\.Sheet"/i.test(head)) return 'xml2003';
    if (/<(html|table)[\s>]/i.test(head)) return 'html';
  }
  let control = 0;
  const sample = bytes.subarray(0, 4096);
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length / 100 ? 'binary' : 'text';
}

/** Reads a workbook file of any supported kind. Throws WorkbookReadError with a message for people. */
export async function readWorkbookFile(input: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<WorkbookFile> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const limits: Limits = { ...LIMITS, ...options.limits };
  if (bytes.length === 0) throw new WorkbookReadError({ vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' }, 'empty');
  if (bytes.length > limits.fileBytes)
    throw new WorkbookReadError(
      {
        vi: `Tệp lớn ${formatBytes(bytes.length)}, vượt giới hạn ${formatBytes(limits.fileBytes)}. Hãy tách bảng ra tệp nhỏ hơn.`,
        en: `The file is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(limits.fileBytes)}. Split the table into smaller files.`,
      },
      'too-large',
    );
  try {
    if (isZip(bytes)) return await readZipWorkbook(bytes, { ...options, limits });
    if (startsWith(bytes, OLE)) {
      const kind = oleKind(bytes);
      if (kind === 'encrypted') throw new WorkbookReadError(ENCRYPTED, 'encrypted');
      if (kind === 'word') throw notWorkbook('Đây là tài liệu Word (.doc), không phải bảng tính Excel.', 'This is a Word document (.doc), not an Excel workbook.');
      if (kind === 'powerpoint') throw notWorkbook('Đây là bản trình chiếu PowerPoint, không phải bảng tính Excel.', 'This is a PowerPoint presentation, not an Excel workbook.');
      if (kind === 'other')
        throw new WorkbookReadError(
          {
            vi: 'Tệp Office này không đọc được: có thể đã bị hỏng, hoặc được đặt mật khẩu. Hãy mở trong Excel và lưu lại dạng .xlsx không mật khẩu.',
            en: 'This Office file cannot be read: it may be damaged or password-protected. Open it in Excel and save it as .xlsx without a password.',
          },
          'corrupt',
          'OLE compound file without a Workbook, EncryptedPackage or WordDocument stream',
        );
      return { format: 'xls', sheets: await readLegacy(bytes, 'xls', limits), annotatable: false };
    }
    const kind = textKind(bytes);
    if (kind === 'xml2003' || kind === 'html') return { format: kind, sheets: await readLegacy(bytes, kind, limits), annotatable: false };
    if (kind === 'pdf') throw notWorkbook('Đây là tệp PDF, không phải bảng tính Excel. Hãy gửi tệp Excel gốc.', 'This is a PDF file, not an Excel workbook. Send the original Excel file.');
    if (kind === 'text')
      throw notWorkbook(
        'Đây là tệp văn bản (CSV hoặc TXT), không phải bảng tính Excel. Hãy mở trong Excel và lưu thành .xlsx.',
        'This is a text file (CSV or TXT), not an Excel workbook. Open it in Excel and save it as .xlsx.',
      );
    throw notWorkbook('Tệp không phải bảng tính Excel (.xlsx, .xlsm, .xls, .xlsb, .ods).', 'The file is not an Excel workbook (.xlsx, .xlsm, .xls, .xlsb, .ods).');
  } catch (e) {
    throw asReadError(e);
  }
}

async function readZipWorkbook(bytes: Uint8Array, options: ReadOptions & { limits: Limits }): Promise<WorkbookFile> {
  const zip = openZip(bytes);
  const mimetype = findEntry(zip, 'mimetype');
  if (mimetype) {
    const type = new TextDecoder().decode(readEntry(zip, mimetype, undefined, 4096)).trim();
    if (type === 'application/vnd.oasis.opendocument.spreadsheet' || type === 'application/vnd.oasis.opendocument.spreadsheet-template')
      return { format: 'ods', sheets: await readLegacy(bytes, 'ods', options.limits), annotatable: false };
    if (type.startsWith('application/vnd.oasis.opendocument.'))
      throw notWorkbook('Đây là tài liệu OpenDocument khác (văn bản, trình chiếu), không phải bảng tính.', 'This is another kind of OpenDocument file (text, presentation), not a spreadsheet.');
  }
  const ct = parseContentTypes(readPartText(zip, '[Content_Types].xml'));
  const part = findWorkbookPart(zip);
  if (/\.bin$/i.test(part)) return { format: 'xlsb', sheets: await readLegacy(bytes, 'xlsb', options.limits), annotatable: false };
  const book = readOoxml(zip, options, ct, part);
  const ignores = readWorkbookIgnores({ names: zip.entries.map((e) => e.name), read: (n) => readPartText(zip, n) });
  return { format: book.format, sheets: book.sheets, annotatable: true, ...(ignores.length ? { ignores } : {}) };
}

/** Every worksheet of a workbook file, as snapshots. Throws WorkbookReadError. */
export async function readSnapshots(bytes: Uint8Array | ArrayBuffer, options?: ReadOptions): Promise<SheetSnapshot[]> {
  return (await readWorkbookFile(bytes, options)).sheets;
}
