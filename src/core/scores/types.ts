/**
 * The parts of a sheet's report that PAR-Index scoring adds: evidence, self against appraisal (in one sheet or
 * across two files), the draft explanation table (bảng giải trình) and the ranking of units. Plain data: hosts show
 * them without the engine.
 */
import type { AdjustmentKind } from './adjustments';

export type { AdjustmentKind };

/** A criterion as a list names it. */
export interface CriterionRef {
  /** the matching key: "1.3.1", "I.2"; "+thuong" / "-tru" for bonus / penalty rows */
  code: string;
  /** as written in the sheet ("1.3.1", "2", "" for an unnumbered bonus row) */
  number: string;
  row: number;
  label: string;
  /** the cell a host goes to for it */
  cell: string;
}

/** Evidence (tài liệu kiểm chứng) and explanation (giải trình) of the self-assessed scores. */
export interface EvidenceSummary {
  /** letter of the evidence column, when the table has one */
  column?: string;
  /** letter of the explanation column, when the table has one */
  explanationColumn?: string;
  /** the score column whose points need evidence (the self-assessment) */
  scoreColumn: string;
  /** leaf criteria with a positive score checked */
  checked: number;
  /** leaf criteria with a positive score and neither evidence nor explanation */
  missing: CriterionRef[];
  /** full marks while the evidence says "không có" / "chưa có" */
  saysNone: CriterionRef[];
}

/** A criterion's two scores, self-assessed and appraised, as a comparison and the bảng giải trình both give them. */
export interface ScorePair {
  /** the maximum (the self-assessment's; the appraisal's when only it has one) */
  max: number | null;
  self: number | null;
  appraised: number | null;
  /** "Không áp dụng" on that side */
  selfNa: boolean;
  appraisedNa: boolean;
  /** appraised − self (a penalty counts as negative); null when either side is not applicable or empty */
  diff: number | null;
}

/** One criterion, self-assessed against appraised. */
export interface CriterionDiff extends ScorePair {
  code: string;
  number: string;
  label: string;
  /** row in the self-assessment sheet (the appraisal sheet's row, for a criterion only it has) */
  row: number;
  /** row in the appraisal sheet */
  appraisalRow: number;
  selfCell: string;
  appraisedCell: string;
  /** the self-assessment's evidence for the criterion (its own, or its parent's when it has none) */
  evidence: string;
  /** decimals the two cells show */
  decimals: number;
  adjustment?: AdjustmentKind;
}

export interface DiffSide {
  sheet: string;
  /** the file, when comparing two files */
  file?: string;
  column: string;
  header: string;
  total: number | null;
  /** maximum of the criteria that apply on this side */
  applicableMax: number | null;
  percent: number | null;
}

export interface MaxDifference {
  code: string;
  number: string;
  label: string;
  selfMax: number;
  appraisalMax: number;
  row: number;
  appraisalRow: number;
}

/** A self-assessment against an appraisal: per criterion, largest cut first, and the draft explanation table. */
export interface ScoreDiff {
  self: DiffSide;
  appraisal: DiffSide;
  /** self total − appraised total (positive: points were cut) */
  totalCut: number | null;
  /** criteria compared */
  compared: number;
  /** appraised below self, largest cut first (sheet order on ties) */
  cuts: CriterionDiff[];
  /** appraised above self */
  raised: CriterionDiff[];
  /** not applicable on one side only */
  naChanged: CriterionDiff[];
  /** a self-assessed score the appraisal has not scored (empty cell) */
  notAppraised: CriterionRef[];
  /** two files: criteria only one of them has */
  onlyInSelf: CriterionRef[];
  onlyInAppraisal: CriterionRef[];
  /** two files: the same criterion with different maxima */
  maxDiffers: MaxDifference[];
  /** the draft explanation table (bảng giải trình) */
  explanation: ExplanationRow[];
  decimals: number;
}

/** A row of the bảng giải trình: one criterion whose appraised score differs from the self-assessment. */
export interface ExplanationRow extends ScorePair {
  /** 1, 2, 3 … */
  stt: number;
  code: string;
  /** "1.3.1. Xử lý các vấn đề phát hiện qua kiểm tra" */
  criterion: string;
  evidence: string;
  /** lý do đề nghị: left empty for the unit to write */
  reason: string;
  decimals: number;
}

/** One unit's place on one score column. */
export interface UnitRank {
  /** 1, 1, 3 … (ties share a rank, the next rank skips); null when the unit has no value on this column */
  rank: number | null;
  /** units ranked on this column */
  of: number;
  /** the value ranked on: percent of the applicable maximum where known, else the total */
  value: number | null;
  by: 'percent' | 'total';
}
