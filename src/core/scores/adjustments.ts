/**
 * Bonus and penalty rows of a criteria set ("Điểm thưởng", "Điểm trừ", "Điểm bị trừ"). They are not areas: a bonus
 * adds to the total, a penalty takes its points off (written 0,5 or −0,5 alike), and neither counts in the areas'
 * maximum unless the sheet's own maximum says so.
 */
import { fold, leadCode } from '../vn/text';

export type AdjustmentKind = 'bonus' | 'penalty';

/** The kind of adjustment a row's title names, or null: "Điểm thưởng (tối đa 2 điểm)" → bonus. */
export function adjustmentKind(title: string | null | undefined): AdjustmentKind | null {
  // cheap test first: every row without a number of every sheet passes here
  if (!title || title.length > 300) return null;
  const lead = leadCode(title, '(*-–+'); // /^[\s(*\-–+]*[ĐđDd]/
  if (lead !== 0x110 && lead !== 0x111 && lead !== 68 && lead !== 100) return null;
  const f = fold(title).replace(/^[\s(*\-–+]+/, '');
  if (/^(diem thuong|diem cong them|diem cong)\b/.test(f)) return 'bonus';
  if (/^(diem bi tru|diem tru)\b/.test(f)) return 'penalty';
  return null;
}
