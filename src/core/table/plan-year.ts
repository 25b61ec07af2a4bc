/**
 * The plan year from the title block. A title may name several years ("KẾT QUẢ THỰC HIỆN NĂM 2023 VÀ MỤC TIÊU NĂM
 * 2024", "(Kèm theo Kế hoạch số … ngày 31/5/2024)"); the plan year is the year the tasks are FOR. The order:
 *   1. a target year: "năm Y" after mục tiêu / kế hoạch / nhiệm vụ / phương hướng / chỉ tiêu / định hướng / dự
 *      kiến (not after kết quả / thực hiện / đánh giá, which name a year already past) — the latest such year;
 *   2. else the latest "năm Y" named in the title;
 *   3. else the year of the attached plan's date ("Kèm theo Kế hoạch số … ngày 31/5/2024");
 *   4. else a year in the sheet's name.
 * A date ("ngày 08 tháng 12 năm 2017", "ngày 31/5/2024") is never a "năm Y" of steps 1–2, nor is the first year of
 * a span ("5 năm 2021-2025", "năm 2021 đến năm 2025": a multi-year plan has no one plan year, so none is read and
 * the plan-year checks say they could not run, rather than flag every deadline after 2021).
 */
import type { Grid } from '../snapshot';
import { fold } from '../vn/text';

export interface PlanYearFound {
  year: number;
  /** where it was read: the title cell, or (for the sheet name) the sheet's first cell */
  row: number;
  col: number;
  source: 'title' | 'sheet-name';
}

const YEAR_NAMED = /\bnam (?:ke hoach )?((?:19|20)\d{2})\b/g;
const DATE_BEFORE = /ngay\s*\d{0,2}\s*thang\s*\d{0,2}\s*$/;
const YEAR_SPAN_BEFORE = /\b(?:19|20)\d{2}\s*(?:[-–—]|den|toi)\s*(?:het\s*)?$/;
const YEAR_SPAN_AFTER = /^\s*(?:[-–—]|den|toi)\s*(?:het\s*)?(?:nam\s*)?(?:19|20)\d{2}\b/;
const TARGET_WORDS = /\b(muc tieu|ke hoach|nhiem vu|phuong huong|chi tieu|dinh huong|du kien|ket qua|thuc hien|danh gia)\b/g;
const PAST_WORDS = new Set(['ket qua', 'thuc hien', 'danh gia']);
const ATTACHED_DATE = /\b(?:kem theo|ban hanh kem theo)\b.*?\bngay\s*\d{1,2}\s*(?:\/|-|\.|thang)\s*\d{1,2}\s*(?:\/|-|\.|nam)\s*((?:19|20)\d{2})\b/;

export function findPlanYear(grid: Grid, headerRow: number, sheetName: string): number | undefined {
  return findPlanYearCell(grid, headerRow, sheetName)?.year;
}

export function findPlanYearCell(grid: Grid, headerRow: number, sheetName: string): PlanYearFound | undefined {
  let target: PlanYearFound | undefined;
  let latest: PlanYearFound | undefined;
  let attached: PlanYearFound | undefined;
  for (let r = grid.top; r < headerRow; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v !== 'string' || v.length > 2000) continue;
      const h = fold(v);
      // The nearest target / past word before each year decides whether it is a target year.
      const words: { at: number; past: boolean }[] = [];
      for (const m of h.matchAll(TARGET_WORDS)) words.push({ at: m.index ?? 0, past: PAST_WORDS.has(m[1]) });
      for (const m of h.matchAll(YEAR_NAMED)) {
        const at = m.index ?? 0;
        if (DATE_BEFORE.test(h.slice(0, at))) continue;
        // "5 năm 2021-2025", "năm 2021 đến năm 2025": a span of years is a multi-year plan, not one plan year
        if (YEAR_SPAN_AFTER.test(h.slice(at + m[0].length)) || YEAR_SPAN_BEFORE.test(h.slice(0, at))) continue;
        const year = parseInt(m[1], 10);
        const found: PlanYearFound = { year, row: r, col: c, source: 'title' };
        if (!latest || year > latest.year) latest = found;
        let nearest: { at: number; past: boolean } | undefined;
        for (const w of words) if (w.at < at && at - w.at <= 80) nearest = w;
        if (nearest && !nearest.past && (!target || year > target.year)) target = found;
      }
      const a = ATTACHED_DATE.exec(h);
      if (a && !attached) attached = { year: parseInt(a[1], 10), row: r, col: c, source: 'title' };
    }
  }
  const found = target ?? latest ?? attached;
  if (found) return found;
  const fromName = /((?:19|20)\d{2})/.exec(sheetName);
  return fromName ? { year: parseInt(fromName[1], 10), row: grid.top, col: grid.left, source: 'sheet-name' } : undefined;
}
