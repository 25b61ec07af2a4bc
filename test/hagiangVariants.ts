/**
 * Hand-made variants of the real Hà Giang criteria sheet (test/fixtures/hagiang-2024-chi-so.xlsx), shared by the
 * engine's, the CLI's and the hosts' tests: the sheet as a unit fills it in for self-assessment, with the appraisal
 * council's column, and the council's own file (rows in another order, one criterion more, another maximum).
 */
import type { CellValue, SheetSnapshot } from '../src/core/snapshot';
import { editSnapshot, insertRows, reorderRows } from './helpers';

/** The unit's self-assessment: column D is its own score (the 2023 figures), its total corrected to 60,59. */
export function selfSheet(hagiang: SheetSnapshot, cells: Record<string, CellValue> = {}): SheetSnapshot {
  return editSnapshot(hagiang, { D5: 'Điểm tự đánh giá', D109: 60.59, ...cells });
}

/**
 * Column E becomes "Điểm thẩm định": the council's score, the self-assessment's figures with four changes —
 * 1.5: 1 → 0,5; 3.2.3: 0,8617 → 0,8; 7.3.5: 0,83 → 0,5; 6.1.1: 0,86 → 0,9 (raised) — and the parents as the council
 * wrote them.
 */
export function appraisedSheet(hagiang: SheetSnapshot, cells: Record<string, CellValue> = {}): SheetSnapshot {
  const e: Record<string, CellValue> = { E5: 'Điểm thẩm định' };
  for (let r = 7; r <= 109; r++) e[`E${r}`] = hagiang.values[r - 1][3];
  Object.assign(e, {
    E14: 0.5, E7: 7.33, // 1.5, area 1
    E30: 0.8, E27: 2.3, E25: 12.24, // 3.2.3, 3.2, area 3
    E71: 0.9, E70: 2.89, E69: 7.39, // 6.1.1, 6.1, area 6
    E98: 0.5, E93: 4.68, E83: 10.09, // 7.3.5, 7.3, area 7
    E109: 59.74,
  });
  return selfSheet(hagiang, { ...e, ...cells });
}

/**
 * The council's own file: column D "Điểm thẩm định" with 1.5 cut to 0,5; 5.4 worth 1 point in this year's set
 * (area 5: 5,5); rows in another order (1.5 before 1.4, area 2 after area 3); a criterion 1.8 added after 1.7 (row 17).
 */
export function appraisalFile(hagiang: SheetSnapshot): SheetSnapshot {
  let s = editSnapshot(hagiang, { D5: 'Điểm thẩm định', D14: 0.5, C66: 1, C57: 5.5 });
  s = reorderRows(s, 13, 44, [
    [14, 14],
    [13, 13],
    [15, 16],
    [25, 44],
    [17, 24],
  ]);
  s = insertRows(s, 17, [['1.8', 'Ứng dụng công nghệ thông tin trong công tác CCHC', 0.5, 0.5, 0.5, 'Báo cáo CCHC năm']]);
  return editSnapshot(s, { C7: 10, D7: 7.83, E7: 10, C110: 68, D110: 60.59 });
}
