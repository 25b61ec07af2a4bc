/**
 * "Tạo bảng giải trình" inside Excel: a new worksheet with the draft explanation table. Loaded by the Excel host when
 * the button is first used (src/taskpane/excelHost.ts); the list of sheets to compare is in ./sheetNames.ts.
 *
 * The new sheet is written in two syncs (the names taken, then everything): texts go in with Excel's text prefix (a
 * criterion starting with "=" never becomes a formula), numbers as numbers with their decimals as number formats.
 */
import type { Lang } from '../core/report';
import type { ScoreDiff } from '../core/scores/types';
import { EXPLANATION_SHEET_NAME, explanationLayout, explanationTable } from '../core/scores/explanation';
import { uniqueSheetName } from '../core/marks';
import { rangeA1 } from '../core/snapshot';
import { resolveDeps, runBatch, type ExcelDeps } from '../excel/deps';
import { asText } from './reportSheet';

export { isExplanationSheet, listSheetNames } from './sheetNames';

/** The values and number formats of the explanation sheet, as Office.js takes them. */
export function explanationSheetCells(diff: ScoreDiff, lang: Lang) {
  const layout = explanationLayout(explanationTable(diff, lang));
  const values = layout.rows.map((row) => row.map((c) => (typeof c.v === 'number' ? c.v : asText(c.v ?? ''))));
  const formats = layout.rows.map((row) => row.map((c) => (typeof c.v === 'number' && c.decimals !== undefined ? (c.decimals > 0 ? `0.${'0'.repeat(c.decimals)}` : '0') : 'General')));
  const boldRows = layout.rows.map((row, i) => i).filter((i) => layout.rows[i].some((c) => c.bold));
  return { layout, values, formats, boldRows };
}

export async function writeExplanationSheet(diff: ScoreDiff, lang: Lang, deps?: Partial<ExcelDeps>): Promise<string> {
  const { layout, values, formats, boldRows } = explanationSheetCells(diff, lang);
  const cols = layout.columns;
  return runBatch(resolveDeps(deps), async (ctx) => {
    // ── sync 1: which names are taken ──
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const name = uniqueSheetName(EXPLANATION_SHEET_NAME[lang], sheets.items.map((w) => w.name));

    // ── sync 2: the sheet, its values, formats and layout ──
    const ws = sheets.add(name);
    const all = ws.getRange(rangeA1({ top: 1, left: 1, bottom: values.length, right: cols }));
    all.values = values;
    all.numberFormat = formats;
    all.format.verticalAlignment = 'Top';
    for (const r of boldRows) ws.getRange(rangeA1({ top: r + 1, left: 1, bottom: r + 1, right: cols })).format.font.bold = true;
    ws.getRange('A1').format.font.size = 13;
    for (const m of layout.merges) ws.getRange(m).merge(false);
    ws.getRange('A2').format.wrapText = true;
    ws.getRange('A2').format.rowHeight = 32;
    layout.widths.forEach((w, i) => {
      const col = ws.getRange(rangeA1({ top: 1, left: i + 1, bottom: 1, right: i + 1 })).getEntireColumn();
      col.format.columnWidth = Math.round(w * 6.5);
      // the criterion, the evidence and the reason wrap inside their column
      if (i === 1 || i >= 6) col.format.wrapText = true;
    });
    ws.getRange(rangeA1({ top: layout.headerRows, left: 1, bottom: layout.headerRows, right: cols })).format.wrapText = true;
    ws.freezePanes.freezeRows(layout.headerRows);
    ws.activate();
    await ctx.sync();
    return name;
  }, { writes: true });
}
