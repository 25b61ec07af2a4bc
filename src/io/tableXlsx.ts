/**
 * A small, self-contained .xlsx writer for tables the product hands out as new files (the draft bảng giải trình):
 * text, numbers with a fixed number of decimals, bold headers, wrapped long text, column widths, merged title cells,
 * frozen header rows. No dependency: the parts are written as XML and stored (uncompressed) in a zip, which Excel,
 * LibreOffice and every reader accept. Runs the same in Node, the browser and a Web Worker.
 *
 * Text goes in as inline strings, never as formulas: a criterion that starts with "=" or "+" stays text.
 */
import { cutAtWord } from '../core/vn/text';

export type XlsxValue = string | number | null;
export interface XlsxStyledCell {
  v: XlsxValue;
  bold?: boolean;
  /** wrap long text (and align it to the top) */
  wrap?: boolean;
  /** numbers: decimals shown ("0.00" for 2) */
  decimals?: number;
}
export type XlsxCell = XlsxValue | XlsxStyledCell;

export interface XlsxSheet {
  /** sheet name (Excel's rules are applied: at most 31 characters, none of : \ / ? * [ ]) */
  name: string;
  rows: XlsxCell[][];
  /** column widths in characters */
  widths?: number[];
  /** "A1:H1" */
  merges?: string[];
  /** rows kept in view when scrolling */
  freezeRows?: number;
  /** "A1:K21": Excel's filter and sort buttons on the header row of that range */
  autoFilter?: string;
}

/** Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ], not empty. */
export function safeSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31).trim();
  return s || 'Sheet1';
}

// ── XML ──

// characters XML 1.0 cannot hold (control characters other than tab, line feed, carriage return; lone surrogates)
// eslint-disable-next-line no-control-regex -- these control characters are exactly what the pattern removes
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlEscape(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel keeps at most 32 767 characters in a cell. */
const MAX_CELL = 32000;

interface StyleKey {
  bold: boolean;
  wrap: boolean;
  decimals: number | null;
}

class Styles {
  private readonly keys: string[] = ['0|0|'];
  readonly list: StyleKey[] = [{ bold: false, wrap: false, decimals: null }];
  index(k: StyleKey): number {
    const key = `${k.bold ? 1 : 0}|${k.wrap ? 1 : 0}|${k.decimals ?? ''}`;
    let i = this.keys.indexOf(key);
    if (i < 0) {
      i = this.keys.length;
      this.keys.push(key);
      this.list.push(k);
    }
    return i;
  }
  xml(): string {
    const decimals = [...new Set(this.list.map((k) => k.decimals).filter((d): d is number => d !== null && d > 0))].sort((a, b) => a - b);
    const fmtId = (d: number | null) => (d === null ? 0 : d === 0 ? 1 : 163 + decimals.indexOf(d) + 1);
    const numFmts = decimals.length
      ? `<numFmts count="${decimals.length}">${decimals.map((d, i) => `<numFmt numFmtId="${164 + i}" formatCode="0.${'0'.repeat(d)}"/>`).join('')}</numFmts>`
      : '';
    const xfs = this.list
      .map((k) => {
        const id = fmtId(k.decimals);
        const attrs = `numFmtId="${id}" fontId="${k.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}${k.bold ? ' applyFont="1"' : ''}`;
        return k.wrap ? `<xf ${attrs} applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>` : `<xf ${attrs}/>`;
      })
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.list.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function sheetXml(sheet: XlsxSheet, styles: Styles): string {
  const rows: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const o: XlsxStyledCell = cell !== null && typeof cell === 'object' ? cell : { v: cell };
      const v = o.v;
      const isNum = typeof v === 'number' && Number.isFinite(v);
      const s = styles.index({ bold: !!o.bold, wrap: !!o.wrap, decimals: isNum && o.decimals !== undefined ? Math.max(0, Math.min(10, Math.floor(o.decimals))) : null });
      const ref = `${colName(c)}${r + 1}`;
      const sa = s ? ` s="${s}"` : '';
      if (isNum) cells.push(`<c r="${ref}"${sa}><v>${v}</v></c>`);
      else if (typeof v === 'string' && v !== '') {
        const text = cutAtWord(v, MAX_CELL);
        cells.push(`<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`);
      } else if (s) cells.push(`<c r="${ref}"${sa}/>`);
    });
    if (cells.length) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const views = sheet.freezeRows
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    views +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    `<sheetData>${rows.join('')}</sheetData>` +
    (sheet.autoFilter ? `<autoFilter ref="${sheet.autoFilter}"/>` : '') +
    merges +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** The hidden names Excel keeps for a sheet's filter range (_xlnm._FilterDatabase, ECMA-376 §18.2.6), if any sheet has one. */
function filterNames(sheets: XlsxSheet[], names: string[]): string {
  const defs = sheets
    .map((s, i) => {
      if (!s.autoFilter) return '';
      const abs = s.autoFilter.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`'${names[i].replace(/'/g, "''")}'!${abs}`)}</definedName>`;
    })
    .join('');
  return defs ? `<definedNames>${defs}</definedNames>` : '';
}

/** The workbook's bytes. Sheet names are made valid and unique. */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
  if (!sheets.length) throw new Error('writeXlsx: no sheet');
  const styles = new Styles();
  const names: string[] = [];
  for (const s of sheets) {
    let name = safeSheetName(s.name);
    for (let i = 2; names.some((n) => n.toLowerCase() === name.toLowerCase()); i++) name = `${safeSheetName(s.name).slice(0, 27)} (${i})`;
    names.push(name);
  }
  const sheetParts = sheets.map((s) => sheetXml(s, styles));
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        filterNames(sheets, names) +
        '</workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ],
    ...sheetParts.map((x, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, x]),
    ['xl/styles.xml', styles.xml()],
  ];
  return zipStored(files.map(([name, text]) => [name, utf8(text)]));
}

// ── zip (stored, no compression) ──

export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

let crcTable: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function zipStored(files: [string, Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  // 1 January 2000, 00:00 (DOS date/time): fixed, so the same table gives the same bytes
  const time = 0;
  const date = ((2000 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, data] of files) {
    const nameBytes = utf8(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, data);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, 0, true);
    dir.setUint16(12, time, true);
    dir.setUint16(14, date, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, data.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, nameBytes.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
