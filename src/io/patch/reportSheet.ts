/**
 * The report sheet of the annotated copy, written as a new worksheet part: title, summary, column headers (frozen),
 * one row per finding with a link to its cell. Texts are inline strings (the shared strings part stays untouched) and
 * always text, never formulas — a message starting with "=" stays a message.
 */
import { columnLetter } from '../../core/snapshot';
import { cutAtWord } from '../../core/vn/text';
import { escapeAttr, escapeText } from '../xml';
import { tElement } from './edits';
import type { ReportStyles } from './styles';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel keeps at most 32 767 characters in a cell */
const MAX_CELL_TEXT = 32000;

export type ReportCell = string | { link: string; text: string } | null;

export interface ReportSheetContent {
  title: string;
  summary: string;
  headers: string[];
  /** rows of cells, columns A… in order */
  rows: ReportCell[][];
  /** text in the message column when there are no rows */
  none?: string;
  /** rows above the findings (title, summary, blank, headers) */
  headerRows: number;
  widths: number[];
  /** 1-based column of the messages (where "none" goes) */
  messageCol: number;
  /** 1-based columns whose text wraps (messages, advice) */
  wrapCols: number[];
}

function cap(s: string): string {
  return cutAtWord(s, MAX_CELL_TEXT);
}

function textCell(ref: string, text: string, style?: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is>${tElement('', cap(text))}</is></c>`;
}

/** A sheet name as a reference writes it: quoted, inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function reportSheetXml(c: ReportSheetContent, st: ReportStyles): string {
  const rows: string[] = [];
  rows.push(`<row r="1">${textCell('A1', c.title, st.title)}</row>`);
  rows.push(`<row r="2">${textCell('A2', c.summary)}</row>`);
  rows.push(`<row r="${c.headerRows}">${c.headers.map((h, i) => textCell(`${columnLetter(i + 1)}${c.headerRows}`, h, st.header)).join('')}</row>`);
  c.rows.forEach((cells, i) => {
    const r = c.headerRows + 1 + i;
    const out: string[] = [];
    cells.forEach((cell, j) => {
      const ref = `${columnLetter(j + 1)}${r}`;
      if (cell === null) return;
      if (typeof cell === 'string') {
        if (cell !== '' || j + 1 === c.messageCol) out.push(textCell(ref, cell, c.wrapCols.includes(j + 1) ? st.wrap : undefined));
      }
      else {
        // an internal link as Excel and LibreOffice both follow it: HYPERLINK("#'Sheet'!F61","F61"), its result cached
        const formula = `HYPERLINK("${cell.link.replace(/"/g, '""')}","${cell.text.replace(/"/g, '""')}")`;
        out.push(`<c r="${ref}" s="${st.link}" t="str"><f>${escapeText(formula)}</f><v>${escapeText(cell.text)}</v></c>`);
      }
    });
    rows.push(`<row r="${r}">${out.join('')}</row>`);
  });
  if (!c.rows.length && c.none) {
    const r = c.headerRows + 1;
    rows.push(`<row r="${r}">${textCell(`${columnLetter(c.messageCol)}${r}`, c.none, st.wrap)}</row>`);
  }
  const lastRow = c.headerRows + Math.max(1, c.rows.length);
  const cols = c.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const top = `A${c.headerRows + 1}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${columnLetter(c.headers.length)}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${c.headerRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup orientation="landscape"/></worksheet>`
  );
}

/** A sheet entry for workbook.xml's <sheets>. */
export function sheetEntryXml(qname: string, ridAttr: string, name: string, sheetId: number, rid: string, declareR: boolean): string {
  return `<${qname}${declareR ? ` xmlns:r="${REL_NS}"` : ''} name="${escapeAttr(name)}" sheetId="${sheetId}" ${ridAttr}="${escapeAttr(rid)}"/>`;
}
