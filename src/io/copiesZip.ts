/**
 * The preview's "Tải tất cả": the annotated copies of many files in one .zip (fflate), with a text file that says what
 * is in it and which files have no copy, and why. The copies are already compressed workbooks: they are stored, not
 * compressed again; the text file is deflated. Names are kept as the copies are named (UTF-8 in the zip) and made
 * unique without regard to case ("a-phuluc.xlsx", "a-phuluc (2).xlsx"), as Windows' file system would need.
 */
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/** Characters Windows refuses in a file name, and path separators: the entries are files at the top of the zip. */
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return s || 'phu-luc.xlsx';
}

/** The names made unique, case-insensitively, in order: the second "a.xlsx" becomes "a (2).xlsx". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const name = safeName(raw);
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : '';
    let out = name;
    for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${stem} (${i})${ext}`;
    taken.add(out.toLowerCase());
    return out;
  });
}

const encoder = new TextEncoder();

/**
 * The zip's bytes: the text file first (so it is seen first), then the copies under unique names. `readme.text` is
 * given the copies' names in the zip.
 */
export function copiesZip(copies: readonly ZipEntry[], readme: { name: string; text: (names: string[]) => string }): { bytes: Uint8Array; names: string[] } {
  const names = uniqueNames([readme.name, ...copies.map((c) => c.name)]);
  const files: Zippable = {};
  // Windows' Notepad reads a UTF-8 text file right when it starts with a byte-order mark; CRLF line ends
  files[names[0]] = [encoder.encode('\uFEFF' + readme.text(names.slice(1)).replace(/\r?\n/g, '\r\n')), { level: 6 }];
  copies.forEach((c, i) => {
    files[names[i + 1]] = [c.bytes, { level: 0 }];
  });
  return { bytes: zipSync(files), names: names.slice(1) };
}
