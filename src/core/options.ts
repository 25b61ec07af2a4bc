import type { ColumnRole } from './report';
import type { Ignore } from './ignores';

export interface Band {
  label: string;
  /** lowest percent (inclusive) of the maximum that earns this band */
  minPercent: number;
}

export interface CheckOptions {
  /** ISO date the deadlines are judged on; hosts pass today's date by default */
  asOf: string;
  /** overrides the year read from the title block */
  planYear?: number;
  /** columns whose cells must not be empty (default: content, leadAgency, deadline, product) */
  required?: ColumnRole[];
  /** score bands, highest first (default A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D ≥ 50 %, E below) */
  bands?: Band[];
  /** deadlines due within this many days after asOf are listed as "due soon" (default 14) */
  dueSoonDays?: number;
  /** an area under this percent of its maximum is flagged (default 50) */
  areaThresholdPercent?: number;
  /** findings the workbook says to ignore ("Bỏ qua", src/core/ignores.ts); those of other sheets are left alone */
  ignores?: readonly Ignore[];
  /**
   * criteria that do not apply to this unit ("3.3", "3.4.2": a code covers its sub-criteria), as the guidance removes
   * them for some kinds of unit; the same as "Không áp dụng" written in their score cells
   */
  notApplicable?: string[];
  /**
   * attach a fix plan to each finding that has a certain one (Finding.fix); default true. A host that never shows or
   * applies fixes (the CLI, unless it writes marked copies) turns it off and is spared that work.
   */
  fixPlans?: boolean;
  /**
   * attach each finding's ignore fingerprint (Finding.fingerprint); default true. A host that never offers "Bỏ qua"
   * (the CLI) turns it off; they are attached all the same whenever `ignores` are given, which are matched by them.
   */
  fingerprints?: boolean;
}

export const DEFAULT_REQUIRED: ColumnRole[] = ['content', 'leadAgency', 'deadline', 'product'];

export const DEFAULT_BANDS: Band[] = [
  { label: 'A', minPercent: 90 },
  { label: 'B', minPercent: 80 },
  { label: 'C', minPercent: 70 },
  { label: 'D', minPercent: 50 },
  { label: 'E', minPercent: 0 },
];

export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
