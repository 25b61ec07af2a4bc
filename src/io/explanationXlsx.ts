/** The draft bảng giải trình as its own small .xlsx file (the preview's download, `phuluc compare --out`). */
import type { Lang } from '../core/report';
import type { ScoreDiff } from '../core/scores/types';
import { EXPLANATION_SHEET_NAME, explanationLayout, explanationTable } from '../core/scores/explanation';
import { writeXlsx } from './tableXlsx';

export function explanationXlsx(diff: ScoreDiff, lang: Lang): Uint8Array {
  const layout = explanationLayout(explanationTable(diff, lang));
  return writeXlsx([{ name: EXPLANATION_SHEET_NAME[lang], rows: layout.rows, widths: layout.widths, merges: layout.merges, freezeRows: layout.headerRows }]);
}

/** "Bảng giải trình - tu-danh-gia.xlsx" → a file name without characters file systems refuse. */
export function explanationFileName(base: string, lang: Lang): string {
  const stem = base.replace(/\.(xlsx|xlsm|xls)$/i, '').replace(/[\\/:*?"<>|]+/g, '-').trim() || 'phu-luc';
  return `${stem}-${lang === 'vi' ? 'bang-giai-trinh' : 'explanation'}.xlsx`;
}
