/**
 * The overview of many units' files as an .xlsx workbook (the preview's "Xuất Excel"; usable by the CLI): one row per
 * file from src/core/summary.ts, numbers as numbers, the header row frozen and filterable (Excel's sort and filter
 * buttons), the rank column with the ranking convention and the as-of date on a second sheet. Written by the project's
 * own small writer (tableXlsx.ts): no workbook library.
 */
import type { Lang } from '../core/report';
import { RANK_CONVENTION } from '../core/scores/rank';
import { summaryTable, type SummaryRow } from '../core/summary';
import { writeXlsx, type XlsxCell } from './tableXlsx';

const NAMES = {
  vi: { sheet: 'Tổng hợp', notes: 'Ghi chú', asOf: 'Ngày đối chiếu thời hạn', files: 'Số tệp', ranking: 'Cách xếp hạng', source: 'Lập bằng Phuluc (kiểm tra phụ lục kế hoạch CCHC)' },
  en: { sheet: 'Overview', notes: 'Notes', asOf: 'Deadlines judged as of', files: 'Files', ranking: 'Ranking', source: 'Made with Phuluc (CCHC appendix checker)' },
};

function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "2018-02-15" → "15/02/2018" in Vietnamese; ISO in English. */
function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function summaryXlsx(rows: readonly SummaryRow[], options: { lang: Lang; asOf: string }): Uint8Array {
  const { lang, asOf } = options;
  const t = NAMES[lang];
  const table = summaryTable(rows, lang);
  const head: XlsxCell[] = table.header.map((v) => ({ v, bold: true, wrap: true }));
  const body: XlsxCell[][] = table.rows.map((r) => r.map((v, c) => (typeof v === 'number' && table.decimals[c] !== null ? { v, decimals: table.decimals[c]! } : v)));
  const widths = table.header.map((h, c) => {
    const longest = Math.max(...table.rows.map((r) => String(r[c] ?? '').length), 0);
    return c === 0 ? Math.min(48, Math.max(16, longest + 2)) : Math.min(40, Math.max(10, Math.min(h.length, 24), longest + 2));
  });
  const lastCol = columnName(table.header.length - 1);
  return writeXlsx([
    { name: t.sheet, rows: [head, ...body], widths, freezeRows: 1, autoFilter: `A1:${lastCol}${Math.max(2, body.length + 1)}` },
    {
      name: t.notes,
      rows: [
        [{ v: t.asOf, bold: true }, dateText(asOf, lang)],
        [{ v: t.files, bold: true }, rows.length],
        [{ v: t.ranking, bold: true }, { v: RANK_CONVENTION[lang], wrap: true }],
        [t.source],
      ],
      widths: [26, 90],
    },
  ]);
}

/** "phuluc-tong-hop-2018-02-15.xlsx" */
export function summaryFileName(asOf: string, lang: Lang): string {
  return `phuluc-${lang === 'vi' ? 'tong-hop' : 'overview'}-${asOf}.xlsx`;
}
