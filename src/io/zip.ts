/**
 * The zip layer of .xlsx/.xlsm packages: the central directory, one part at a time inflated in bounded chunks (a part
 * that inflates past the limit is refused as soon as it does: no "zip bomb" fills the memory), and a writer that copies
 * untouched parts byte for byte (their compressed bytes as they are) and deflates only the parts it is given.
 * Pure TypeScript over Uint8Array (fflate for DEFLATE): the same code runs in Node (CLI) and in the preview's worker.
 */
import { Inflate, deflateSync } from 'fflate';
import { WorkbookReadError, corrupt } from './errors';
import { LIMITS, formatBytes } from './limits';

/** The fields a local header and a central directory entry both hold, in the order they are written. */
interface HeaderFields {
  versionNeeded: number;
  flags: number;
  method: number;
  /** DOS time and date fields, copied as they are */
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** the name's raw bytes, written back unchanged when the entry is copied */
  rawName: Uint8Array;
}

export interface ZipEntry extends HeaderFields {
  /** the name as stored ("xl/worksheets/sheet1.xml") */
  name: string;
  /** offset of the compressed data in the file */
  dataOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** in the order of the central directory */
  entries: ZipEntry[];
  /** lower-case name ("/" separators, no leading "/") → entry */
  byName: Map<string, ZipEntry>;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && bytes[3] === bytes[2] + 1;
}

/** The key an entry is looked up by: OPC part names are case-insensitive; some writers use "\" or a leading "/". */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  const lo = u32(b, o);
  const hi = u32(b, o + 4);
  if (hi > 0x1fffff) throw corrupt('zip: 64-bit size out of range');
  return hi * 0x100000000 + lo;
}

/** Reads the central directory. Throws WorkbookReadError ('corrupt', 'too-large', 'encrypted', 'unsupported'). */
export function openZip(bytes: Uint8Array): ZipArchive {
  const n = bytes.length;
  let end = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_END && i + 22 + u16(bytes, i + 20) <= n) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('zip: end of central directory not found (the file is cut short or not a zip)');
  let count = u16(bytes, end + 10);
  let cdSize = u32(bytes, end + 12);
  let cdOffset = u32(bytes, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_END64_LOCATOR) {
      const off64 = u64(bytes, loc + 8);
      if (off64 + 56 > n || u32(bytes, off64) !== SIG_END64) throw corrupt('zip: zip64 end record not found');
      count = u64(bytes, off64 + 32);
      cdSize = u64(bytes, off64 + 40);
      cdOffset = u64(bytes, off64 + 48);
    }
  }
  if (count > LIMITS.zipEntries)
    throw new WorkbookReadError(
      {
        vi: `Tệp có ${count} thành phần nén, vượt giới hạn ${LIMITS.zipEntries}: không phải một bảng tính bình thường.`,
        en: `The package holds ${count} parts, over the limit of ${LIMITS.zipEntries}: not an ordinary workbook.`,
      },
      'too-large',
    );
  if (cdOffset + cdSize > n) throw corrupt('zip: central directory beyond the end of the file');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== SIG_CENTRAL) throw corrupt(`zip: central directory entry ${k + 1} of ${count} is damaged`);
    const versionNeeded = u16(bytes, p + 6);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    if (nameStart + nameLen + extraLen + commentLen > n) throw corrupt('zip: central directory entry runs past the end');
    const rawName = bytes.subarray(nameStart, nameStart + nameLen);
    let name: string;
    try {
      name = utf8.decode(rawName);
    } catch {
      name = latin1.decode(rawName);
    }
    // zip64 extra field: the 64-bit values of the fields set to 0xFFFFFFFF, in this order
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let e = nameStart + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
          break;
        }
        e += 4 + len;
      }
    }
    if (localOffset + 30 > n || u32(bytes, localOffset) !== SIG_LOCAL) throw corrupt(`zip: local header of "${name}" not found`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > n) throw corrupt(`zip: the data of "${name}" runs past the end of the file (cut short?)`);
    const entry: ZipEntry = { name, rawName, flags, method, time, date, crc, compressedSize, size, dataOffset, versionNeeded };
    entries.push(entry);
    const key = partKey(name);
    if (!byName.has(key)) byName.set(key, entry);
    p = nameStart + nameLen + extraLen + commentLen;
  }
  return { bytes, entries, byName };
}

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.byName.get(partKey(name));
}

/** Counts what a package's parts inflate to, over one read, against LIMITS.totalBytes. */
export class InflateBudget {
  used = 0;
  constructor(readonly total: number = LIMITS.totalBytes) {}
}

function tooLarge(entry: ZipEntry, limit: number, what: 'part' | 'total'): WorkbookReadError {
  return new WorkbookReadError(
    what === 'part'
      ? {
          vi: `Một thành phần của tệp («${entry.name}») giải nén ra hơn ${formatBytes(limit)}, vượt giới hạn: tệp quá lớn hoặc là tệp nén độc hại.`,
          en: `A part of the file ("${entry.name}") inflates to more than ${formatBytes(limit)}, over the limit: the file is too large or a malicious archive.`,
        }
      : {
          vi: `Các thành phần của tệp giải nén ra hơn ${formatBytes(limit)}, vượt giới hạn: tệp quá lớn hoặc là tệp nén độc hại.`,
          en: `The parts of the file inflate to more than ${formatBytes(limit)}, over the limit: the file is too large or a malicious archive.`,
        },
    'too-large',
  );
}

/** compressed bytes given to the inflater at a time: at most ~1032× that comes out of one push */
const PUSH = 16 * 1024;
/** uncompressed bytes handed on at a time when a part is inflated whole */
const SLICE = 1024 * 1024;

/**
 * A native whole-part inflater (Node's zlib in the CLI: several times faster than fflate). It must stop at `maxOut`
 * bytes — returning null then — so a zip bomb is refused without filling the memory. Without one, fflate streams.
 */
export type RawInflate = (data: Uint8Array, maxOut: number) => Uint8Array | null;
let nativeInflate: RawInflate | null = null;

export function useNativeInflate(fn: RawInflate | null): void {
  nativeInflate = fn;
}

/**
 * Streams an entry's uncompressed bytes to `onChunk`, in chunks. Stops with 'too-large' as soon as the part passes
 * `partLimit` or the package passes its budget — whatever the sizes written in the zip claim.
 */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, budget?: InflateBudget, partLimit: number = LIMITS.partBytes): void {
  if (entry.flags & 1)
    throw new WorkbookReadError(
      { vi: 'Tệp được đặt mật khẩu (nén có mã hóa).', en: 'The file is password-protected (encrypted zip).' },
      'encrypted',
    );
  const data = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out = 0;
  const count = (len: number) => {
    out += len;
    if (out > partLimit) throw tooLarge(entry, partLimit, 'part');
    if (budget) {
      budget.used += len;
      if (budget.used > budget.total) throw tooLarge(entry, budget.total, 'total');
    }
  };
  /** hands on bytes already whole, `step` at a time */
  const emit = (bytes: Uint8Array, step: number) => {
    for (let i = 0; i < bytes.length; i += step) {
      const chunk = bytes.subarray(i, Math.min(bytes.length, i + step));
      count(chunk.length);
      onChunk(chunk);
    }
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(`zip: stored part "${entry.name}" has two sizes`);
    emit(data, PUSH * 4);
  } else if (entry.method === 8 && nativeInflate) {
    const remaining = budget ? budget.total - budget.used : Infinity;
    const max = Math.min(partLimit, remaining) + 1;
    let out8: Uint8Array | null;
    try {
      out8 = nativeInflate(data, max);
    } catch (e) {
      throw corrupt(`zip: "${entry.name}" cannot be inflated (${(e as Error).message})`);
    }
    if (out8 === null) throw tooLarge(entry, remaining < partLimit ? budget!.total : partLimit, remaining < partLimit ? 'total' : 'part');
    emit(out8, SLICE);
  } else if (entry.method === 8) {
    let failure: unknown;
    const inflater = new Inflate((chunk) => {
      if (failure) return;
      try {
        count(chunk.length);
        onChunk(chunk);
      } catch (e) {
        failure = e;
      }
    });
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let i = 0; i < data.length && !failure; i += PUSH) {
        const last = i + PUSH >= data.length;
        inflater.push(data.subarray(i, Math.min(data.length, i + PUSH)), last);
      }
    } catch (e) {
      if (!failure) throw corrupt(`zip: "${entry.name}" cannot be inflated (${(e as Error).message})`);
    }
    if (failure) throw failure;
  } else {
    throw new WorkbookReadError(
      {
        vi: `Tệp dùng kiểu nén không được hỗ trợ (phương thức ${entry.method}). Hãy mở trong Excel và lưu lại.`,
        en: `The file uses an unsupported compression method (${entry.method}). Open it in Excel and save it again.`,
      },
      'unsupported',
    );
  }
  if (out !== entry.size) throw corrupt(`zip: "${entry.name}" inflates to ${out} bytes, the directory says ${entry.size}`);
}

/** An entry's uncompressed bytes, whole (for small parts and for the annotator). */
export function readEntry(zip: ZipArchive, entry: ZipEntry, budget?: InflateBudget, partLimit?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let len = 0;
  inflateEntry(
    zip,
    entry,
    (c) => {
      chunks.push(c);
      len += c.length;
    },
    budget,
    partLimit,
  );
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(len);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export type TextEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'latin1';

/** The text encoding of a part's bytes, from its byte order mark. */
export function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8bom';
  return 'utf8';
}

/** Text back to bytes in the encoding it was read in (byte order mark included), so a patched part keeps its form. */
export function encodeText(text: string, enc: TextEncoding): Uint8Array {
  if (enc === 'utf8' || enc === 'utf8bom') {
    const body = new TextEncoder().encode(text);
    if (enc === 'utf8') return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  if (enc === 'latin1') {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const le = enc === 'utf16le';
  out[0] = le ? 0xff : 0xfe;
  out[1] = le ? 0xfe : 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/** Decodes a part's bytes to text: UTF-8, or UTF-16 when it starts with a byte order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return utf8.decode(bytes); // the BOM, if any, is dropped by TextDecoder
  } catch (e) {
    throw corrupt(`xml: not valid UTF-8 (${(e as Error).message})`);
  }
}

// ───────────────────────────── writing ─────────────────────────────

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

export type OutEntry =
  /** an entry of the source archive, copied as it is (compressed bytes, CRC, dates) */
  | { copy: ZipEntry }
  /** a new or changed part, deflated here */
  | { name: string; data: Uint8Array; like?: ZipEntry };

/** 1 January 1980 00:00, the DOS epoch — what Excel itself stamps on the parts it writes. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

const utf8enc = new TextEncoder();

/**
 * The fields a local header and a central directory entry share, from "version needed" to the name's length (26 bytes),
 * at `at`: offset 4 of a local header, 6 of a central entry.
 */
function writeHeaderFields(dv: DataView, at: number, p: HeaderFields): void {
  dv.setUint16(at, p.versionNeeded, true);
  dv.setUint16(at + 2, p.flags, true);
  dv.setUint16(at + 4, p.method, true);
  dv.setUint16(at + 6, p.time, true);
  dv.setUint16(at + 8, p.date, true);
  dv.setUint32(at + 10, p.crc, true);
  dv.setUint32(at + 14, p.compressedSize, true);
  dv.setUint32(at + 18, p.size, true);
  dv.setUint16(at + 22, p.rawName.length, true);
}

/** Writes a zip from copied and new entries, in the order given. */
export function writeZip(src: Uint8Array, entries: readonly OutEntry[]): Uint8Array<ArrayBuffer> {
  interface Prepared extends HeaderFields {
    data: Uint8Array;
  }
  const prepared: Prepared[] = entries.map((e) => {
    if ('copy' in e) {
      const c = e.copy;
      return {
        rawName: c.rawName,
        flags: c.flags & 0x0800, // keep "UTF-8 name"; the sizes are written in the header, no data descriptor
        method: c.method,
        time: c.time,
        date: c.date,
        crc: c.crc,
        compressedSize: c.compressedSize,
        size: c.size,
        data: src.subarray(c.dataOffset, c.dataOffset + c.compressedSize),
        versionNeeded: Math.min(Math.max(c.versionNeeded, 20), 45),
      };
    }
    const rawName = utf8enc.encode(e.name);
    const ascii = rawName.every((b) => b < 0x80);
    const deflated = deflateSync(e.data, { level: 6 });
    return {
      rawName,
      flags: ascii ? 0 : 0x0800,
      method: 8,
      time: e.like?.time ?? 0,
      date: e.like?.date ?? DOS_DATE_1980,
      crc: crc32(e.data),
      compressedSize: deflated.length,
      size: e.data.length,
      data: deflated,
      versionNeeded: 20,
    };
  });
  let total = 22;
  for (const p of prepared) total += 30 + p.rawName.length + p.compressedSize + 46 + p.rawName.length;
  if (total > 0xffffffff) throw new Error('zip: the copy would be larger than 4 GB');
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let o = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(o);
    dv.setUint32(o, SIG_LOCAL, true);
    writeHeaderFields(dv, o + 4, p);
    dv.setUint16(o + 28, 0, true);
    out.set(p.rawName, o + 30);
    o += 30 + p.rawName.length;
    out.set(p.data, o);
    o += p.compressedSize;
  }
  const cd = o;
  prepared.forEach((p, i) => {
    dv.setUint32(o, SIG_CENTRAL, true);
    dv.setUint16(o + 4, 0x0314, true); // made by: Unix, spec 2.0 (what most writers say)
    writeHeaderFields(dv, o + 6, p);
    dv.setUint32(o + 38, 0o100644 << 16, true);
    dv.setUint32(o + 42, offsets[i], true);
    out.set(p.rawName, o + 46);
    o += 46 + p.rawName.length;
  });
  dv.setUint32(o, SIG_END, true);
  dv.setUint16(o + 8, prepared.length, true);
  dv.setUint16(o + 10, prepared.length, true);
  dv.setUint32(o + 12, o - cd, true);
  dv.setUint32(o + 16, cd, true);
  return out;
}
