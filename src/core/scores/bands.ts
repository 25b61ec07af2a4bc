/** The band a percent earns (A ≥ 90 % …): on its own, so =PHULUC.XEPLOAI loads it without the criteria tree. */
import type { Band } from '../options';
import { Dec } from '../decimal';

/** The band a percent earns: the first (highest) band whose minimum it reaches. */
export function bandFor(percent: Dec, bands: Band[]): string | null {
  for (const b of bands) if (percent.cmp(Dec.fromNumber(b.minPercent) ?? Dec.ZERO) >= 0) return b.label;
  return null;
}
