/**
 * A snapshot written as a minimal .xlsx (shared strings, one style per number format), for the benchmark and the
 * preview's large-workbook test. Built with the project's own zip writer; no library involved.
 */
import type { CellValue, SheetSnapshot } from '../src/core/snapshot';
import { columnLetter } from '../src/core/snapshot';
import { writeZip } from '../src/io/zip';
import { escapeAttr, escapeText } from '../src/io/xml';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function snapshotToXlsx(s: SheetSnapshot): Uint8Array<ArrayBuffer> {
  const strings = new Map<string, number>();
  const formats = new Map<string, number>();
  const rows: string[] = [];
  s.values.forEach((row, i) => {
    const cells: string[] = [];
    row.forEach((v: CellValue, j) => {
      if (v === null || v === undefined) return;
      const ref = `${columnLetter(j + 1)}${i + 1}`;
      const fmt = s.numberFormats?.[i]?.[j];
      let style = '';
      if (fmt) {
        if (!formats.has(fmt)) formats.set(fmt, formats.size + 1);
        style = ` s="${formats.get(fmt)}"`;
      }
      if (typeof v === 'string') {
        if (!strings.has(v)) strings.set(v, strings.size);
        cells.push(`<c r="${ref}"${style} t="s"><v>${strings.get(v)}</v></c>`);
      } else if (typeof v === 'number') cells.push(`<c r="${ref}"${style}><v>${v}</v></c>`);
      else if (typeof v === 'boolean') cells.push(`<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`);
      else cells.push(`<c r="${ref}"${style} t="e"><v>${escapeText(v.error)}</v></c>`);
    });
    if (cells.length) rows.push(`<row r="${i + 1}">${cells.join('')}</row>`);
  });
  const merges = (s.merges ?? []).map((m) => `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`);
  const sheet = `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows.join('')}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>` : ''}</worksheet>`;
  const sst = `${DECL}<sst xmlns="${NS}" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((t) => `<si><t xml:space="preserve">${escapeText(t)}</t></si>`).join('')}</sst>`;
  const fmts = [...formats.keys()];
  const styles =
    `${DECL}<styleSheet xmlns="${NS}">` +
    (fmts.length ? `<numFmts count="${fmts.length}">${fmts.map((f, k) => `<numFmt numFmtId="${164 + k}" formatCode="${escapeAttr(f)}"/>`).join('')}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${fmts.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${fmts.map((_, k) => `<xf numFmtId="${164 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`;
  const enc = new TextEncoder();
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${escapeAttr(s.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    'xl/sharedStrings.xml': sst,
    'xl/styles.xml': styles,
  };
  return writeZip(new Uint8Array(0), Object.entries(parts).map(([name, text]) => ({ name, data: enc.encode(text) })));
}
