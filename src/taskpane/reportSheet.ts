/**
 * "Báo cáo": a new worksheet listing a sheet's findings (cell, severity, rule, message, how to fix), each cell linked to the
 * finding's cell. Every text goes in as text: a message or cell content starting with "=", "+", "-" or "@" never
 * becomes a formula (each string is written with Excel's text prefix, the apostrophe, which Excel does not show).
 *
 * Syncs: 1 to learn the sheet names, then 1 per block of up to ROWS_PER_SYNC findings (one for any usual report).
 */
import { REPORT_SHEET_NAME, uniqueSheetName } from '../core/marks';
import { countBySeverity, howToFixText, RULE_BY_ID, severityCounts, type Lang, type SheetReport } from '../core/report';
import { rangeA1 } from '../core/snapshot';
import { quoteSheet } from '../excel/addresses';
import { resolveDeps, runBatch, type ExcelDeps } from '../excel/deps';
import { SEVERITY_ONE_KEYS, formatDate, formatNum, t } from '../ui/i18n';

export { REPORT_SHEET_NAME, uniqueSheetName };
/** findings written per sync: keeps each request well under Excel's 5 MB limit, even with hyperlinks */
export const ROWS_PER_SYNC = 2000;
/** rows above the findings: title, summary, blank, column headers */
export const HEADER_ROWS = 4;
const COLUMNS = 5;

export type ReportCell = string | number;

/** Any string goes in as text, never as a formula, number or date: Excel's text prefix. */
export function asText(v: string): string {
  return v === '' ? '' : "'" + v;
}

/** The sheet's rows (before text-prefixing): title, summary, blank, headers, one row per finding. */
export function reportSheetRows(report: SheetReport, lang: Lang): string[][] {
  const c = countBySeverity(report.findings);
  const asOf = report.deadlines?.asOf;
  const title = t('sheet.title', lang, { sheet: report.sheet, date: asOf ? formatDate(asOf, lang) : '—' });
  const summary = severityCounts({ error: formatNum(c.error, lang), warning: formatNum(c.warning, lang), info: formatNum(c.info, lang) }, lang);
  const rows: string[][] = [
    [title, '', '', '', ''],
    [summary, '', '', '', ''],
    ['', '', '', '', ''],
    [t('sheet.cell', lang), t('sheet.severity', lang), t('sheet.rule', lang), t('sheet.message', lang), t('sheet.howToFix', lang)],
  ];
  for (const f of report.findings) {
    rows.push([f.cell, t(SEVERITY_ONE_KEYS[f.severity], lang), RULE_BY_ID[f.rule]?.title[lang] ?? f.rule, f.message?.[lang] ?? f.message?.vi ?? '', howToFixText(f, lang)]);
  }
  if (!report.findings.length) rows.push(['', '', '', t('sheet.none', lang), '']);
  return rows;
}


export async function writeReportSheet(report: SheetReport, lang: Lang, deps?: Partial<ExcelDeps>): Promise<string> {
  const d = resolveDeps(deps);
  const links = d.isSetSupported('ExcelApi', '1.7');
  const rows = reportSheetRows(report, lang).map((r) => r.map(asText));
  const findings = report.findings;

  return runBatch(d, async (ctx) => {
    // ── phase 1: which names are taken ──
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const name = uniqueSheetName(REPORT_SHEET_NAME, sheets.items.map((w) => w.name));

    // ── phase 2…: the sheet, its layout and the rows, ROWS_PER_SYNC findings at a time ──
    const ws = sheets.add(name);
    const head = ws.getRange(rangeA1({ top: 1, left: 1, bottom: HEADER_ROWS, right: COLUMNS }));
    head.values = rows.slice(0, HEADER_ROWS);
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A1').format.font.size = 13;
    ws.getRange(rangeA1({ top: HEADER_ROWS, left: 1, bottom: HEADER_ROWS, right: COLUMNS })).format.font.bold = true;
    const widths = [56, 72, 180, 440, 360];
    widths.forEach((w, i) => {
      ws.getRange(rangeA1({ top: 1, left: i + 1, bottom: 1, right: i + 1 })).getEntireColumn().format.columnWidth = w;
    });
    ws.getRange('D:E').format.wrapText = true;
    ws.freezePanes.freezeRows(HEADER_ROWS);

    const body = rows.slice(HEADER_ROWS);
    for (let start = 0; start < body.length; start += ROWS_PER_SYNC) {
      const block = body.slice(start, start + ROWS_PER_SYNC);
      const top = HEADER_ROWS + 1 + start;
      const range = ws.getRange(rangeA1({ top, left: 1, bottom: top + block.length - 1, right: COLUMNS }));
      range.values = block;
      range.format.verticalAlignment = 'Top';
      if (links) {
        for (let i = 0; i < block.length; i++) {
          const f = findings[start + i];
          if (!f) continue;
          ws.getRange(`A${top + i}`).hyperlink = {
            documentReference: `${quoteSheet(report.sheet)}!${f.cell}`,
            textToDisplay: f.cell,
            screenTip: (f.message?.[lang] ?? f.cell).slice(0, 250), // Excel caps screen tips at 255 characters
          };
        }
      }
      if (start === 0) ws.activate();
      await ctx.sync();
    }
    return name;
  }, { writes: true });
}
