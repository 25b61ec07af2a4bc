/** repeated-header, row-fragment: how the table was laid out by page breaks. */
import type { Finding } from '../report';
import { Rule, finding, itemLabel } from './context';
import { a1 } from '../snapshot';

export const structureRule: Rule = ({ table, grid }) => {
  const out: Finding[] = [];
  const firstCol = table.col.number ?? grid.left;
  const repeated = new Set(table.repeatedHeaders);
  for (const row of table.repeatedHeaders) {
    // one page break, one finding: the second line of a repeated two-row header (or its column numbers) is the same one
    if (repeated.has(row - 1)) continue;
    out.push(
      finding('repeated-header', row, firstCol, {
        vi: `Dòng ${row} lặp lại tiêu đề bảng (do ngắt trang khi sao chép) — không tính là nhiệm vụ.`,
        en: `Row ${row} repeats the table header (a page break in the copied document) — not read as a task.`,
      }),
    );
  }
  const contentCol = table.col.content ?? firstCol;
  for (const { row, item } of table.fragments) {
    const label = itemLabel(item);
    const target = item ? a1(item.row, contentCol) : '';
    out.push(
      finding(
        'row-fragment',
        row,
        contentCol,
        item
          ? {
              vi: `Dòng ${row} là phần cuối của nhiệm vụ ${label} (dòng ${item.row}) bị ngắt trang; nên gộp vào ô ${target}.`,
              en: `Row ${row} is the tail of task ${label} (row ${item.row}) cut by a page break; merge it into ${target}.`,
            }
          : {
              vi: `Dòng ${row} chỉ có nội dung, không có số thứ tự — có thể là phần bị ngắt trang.`,
              en: `Row ${row} has text but no number — probably cut by a page break.`,
            },
        { related: item ? [target] : undefined, expected: item ? target : undefined },
      ),
    );
  }
  return out;
};
