/**
 * Findings, the report, and the rule catalogue (ids, default severity, vi/en titles).
 * Every message is rendered in both languages when the finding is made, so hosts need no engine to show it.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'vi' | 'en';
export interface Text {
  vi: string;
  en: string;
}

export type RuleId =
  | 'table-not-found'
  | 'missing-column'
  | 'repeated-header'
  | 'row-fragment'
  | 'numbering-gap'
  | 'numbering-duplicate'
  | 'missing-required'
  | 'number-as-text'
  | 'invalid-number'
  | 'negative-amount'
  | 'cell-error'
  | 'budget-subtotal-mismatch'
  | 'budget-total-mismatch'
  | 'budget-words-mismatch'
  | 'deadline-unparsed'
  | 'deadline-invalid'
  | 'deadline-overdue'
  | 'deadline-late'
  | 'deadline-outside-plan-year'
  | 'plan-year-doubt'
  | 'legacy-encoding'
  | 'score-exceeds-max'
  | 'score-negative'
  | 'score-rollup-mismatch'
  | 'score-total-mismatch'
  | 'score-below-threshold'
  | 'check-failed';

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  title: Text;
}

/** The catalogue: one entry per rule. Severity here is the default; a rule may raise or lower it per finding. */
export const RULES: readonly RuleInfo[] = [
  { id: 'table-not-found', severity: 'info', title: { vi: 'Không thấy bảng phụ lục', en: 'No appendix table found' } },
  { id: 'missing-column', severity: 'warning', title: { vi: 'Thiếu cột bắt buộc', en: 'Mandatory column missing' } },
  { id: 'repeated-header', severity: 'info', title: { vi: 'Dòng tiêu đề lặp lại (ngắt trang)', en: 'Header row repeated (page break)' } },
  { id: 'row-fragment', severity: 'warning', title: { vi: 'Dòng bị ngắt trang', en: 'Row split by a page break' } },
  { id: 'numbering-gap', severity: 'warning', title: { vi: 'Số thứ tự bị thiếu', en: 'Gap in numbering' } },
  { id: 'numbering-duplicate', severity: 'warning', title: { vi: 'Số thứ tự bị trùng', en: 'Duplicate number' } },
  { id: 'missing-required', severity: 'error', title: { vi: 'Thiếu nội dung bắt buộc', en: 'Mandatory cell empty' } },
  { id: 'number-as-text', severity: 'info', title: { vi: 'Số ghi dạng văn bản', en: 'Number stored as text' } },
  { id: 'invalid-number', severity: 'error', title: { vi: 'Số không hợp lệ', en: 'Invalid number' } },
  { id: 'negative-amount', severity: 'warning', title: { vi: 'Kinh phí âm', en: 'Negative amount' } },
  { id: 'cell-error', severity: 'error', title: { vi: 'Ô bị lỗi công thức', en: 'Cell shows an error' } },
  { id: 'budget-subtotal-mismatch', severity: 'error', title: { vi: 'Cộng mục sai', en: 'Section subtotal wrong' } },
  { id: 'budget-total-mismatch', severity: 'error', title: { vi: 'Tổng kinh phí sai', en: 'Budget total wrong' } },
  { id: 'budget-words-mismatch', severity: 'error', title: { vi: 'Số tiền bằng chữ không khớp', en: 'Amount in words differs' } },
  { id: 'deadline-unparsed', severity: 'warning', title: { vi: 'Không đọc được thời hạn', en: 'Deadline not understood' } },
  { id: 'deadline-invalid', severity: 'error', title: { vi: 'Ngày tháng không hợp lệ', en: 'Invalid date' } },
  { id: 'deadline-overdue', severity: 'warning', title: { vi: 'Quá hạn', en: 'Overdue' } },
  { id: 'deadline-late', severity: 'warning', title: { vi: 'Hoàn thành trễ hạn', en: 'Completed late' } },
  { id: 'deadline-outside-plan-year', severity: 'warning', title: { vi: 'Thời hạn ngoài năm kế hoạch', en: 'Deadline outside the plan year' } },
  { id: 'plan-year-doubt', severity: 'warning', title: { vi: 'Năm kế hoạch có thể sai', en: 'Plan year in doubt' } },
  { id: 'score-exceeds-max', severity: 'error', title: { vi: 'Điểm vượt điểm tối đa', en: 'Score above its maximum' } },
  { id: 'score-negative', severity: 'error', title: { vi: 'Điểm âm', en: 'Negative score' } },
  { id: 'score-rollup-mismatch', severity: 'error', title: { vi: 'Điểm mục cha khác tổng mục con', en: 'Parent score ≠ sum of its children' } },
  { id: 'score-total-mismatch', severity: 'error', title: { vi: 'Tổng điểm sai', en: 'Score total wrong' } },
  { id: 'score-below-threshold', severity: 'warning', title: { vi: 'Lĩnh vực dưới 50% điểm tối đa', en: 'Area under 50 % of its maximum' } },
  { id: 'legacy-encoding', severity: 'info', title: { vi: 'Phông chữ cũ (TCVN3 / VNI)', en: 'Legacy encoding (TCVN3 / VNI)' } },
  { id: 'check-failed', severity: 'error', title: { vi: 'Không kiểm tra được trang', en: 'Sheet could not be checked' } },
];

/** The rule families a sheet's scope is told in: what ran, and what could not run and why. */
export type RuleFamily = 'table' | 'required' | 'numbers' | 'budget' | 'deadlines' | 'plan-year' | 'scores';

export const FAMILIES: readonly { id: RuleFamily; name: Text }[] = [
  { id: 'table', name: { vi: 'cấu trúc bảng', en: 'table structure' } },
  { id: 'required', name: { vi: 'ô bắt buộc', en: 'mandatory cells' } },
  { id: 'numbers', name: { vi: 'số liệu', en: 'numbers' } },
  { id: 'budget', name: { vi: 'kinh phí', en: 'budget' } },
  { id: 'deadlines', name: { vi: 'thời hạn', en: 'deadlines' } },
  { id: 'plan-year', name: { vi: 'năm kế hoạch', en: 'plan year' } },
  { id: 'scores', name: { vi: 'điểm', en: 'scores' } },
];

/**
 * Per rule: its family and what it finds (the README's rule table is generated from this and RULES:
 * `npm run docs:rules`; a test fails when they differ).
 */
export const RULE_DOCS: Readonly<Record<RuleId, { family: RuleFamily; finds: string }>> = {
  'table-not-found': { family: 'table', finds: 'the sheet holds no appendix table: the sheet is **not checked** (never a crash, never a pass)' },
  'missing-column': { family: 'table', finds: 'a column you made mandatory (`--required`, settings) is not in the table' },
  'repeated-header': { family: 'table', finds: 'a header row repeated by a page break; not read as data' },
  'row-fragment': { family: 'table', finds: 'a row that is the tail of the item above, cut by a page break' },
  'numbering-gap': { family: 'table', finds: 'I, II, IV…; 1, 2, 4…; sub-items starting at b)' },
  'numbering-duplicate': { family: 'table', finds: 'the same number twice in one list' },
  'missing-required': { family: 'required', finds: 'an empty mandatory cell (default: Nội dung, Cơ quan chủ trì, Thời gian, Sản phẩm — those the table has); parents of sub-items are exempt' },
  'number-as-text': { family: 'numbers', finds: '"21.950" typed as text, or "1.500 triệu" / "1.500đ" with a unit (converted to the column\'s unit); read and counted, but Excel cannot add it' },
  'invalid-number': { family: 'numbers', finds: 'malformed number ("12..5", 10^18 or more) / text in a number column ("Lồng ghép"), a unit in a column whose header names none: left out of the sums' },
  'negative-amount': { family: 'budget', finds: 'a negative amount ("-30", "(30)") in the budget column: added as written, so it lowers the total' },
  'cell-error': { family: 'numbers', finds: '#REF!, #VALUE!, #N/A … inside the table' },
  'budget-subtotal-mismatch': { family: 'budget', finds: '"Cộng mục I" (or a parent\'s amount) ≠ the sum of its items' },
  'budget-total-mismatch': { family: 'budget', finds: 'the total row ≠ the sum of the items (merged amounts once, subtotals never)' },
  'budget-words-mismatch': { family: 'budget', finds: 'the amount in words ≠ the total in figures (warning when the words cannot be read)' },
  'deadline-unparsed': { family: 'deadlines', finds: 'a deadline the grammar does not read precisely (never guessed)' },
  'deadline-invalid': { family: 'deadlines', finds: 'an impossible date (31/02/2024, Tháng 13/2024), or a number and its words that disagree ("06 (bảy)")' },
  'deadline-overdue': { family: 'deadlines', finds: 'due before the as-of date and not done: error when the status column says not done, warning when there is no status' },
  'deadline-late': { family: 'deadlines', finds: 'done after the due date (completion-date column)' },
  'deadline-outside-plan-year': { family: 'plan-year', finds: 'a whole-year deadline of another year, or a date before Q4 of the previous year / after Q1 of the next; says so when it is also overdue (one finding per cell; error when the status says not done)' },
  'plan-year-doubt': { family: 'plan-year', finds: 'most deadlines that name a year fall in another year than the plan year read from the title: one finding at the title (instead of one per deadline)' },
  'score-exceeds-max': { family: 'scores', finds: 'a score above the criterion\'s maximum' },
  'score-negative': { family: 'scores', finds: 'a negative score' },
  'score-rollup-mismatch': { family: 'scores', finds: 'a parent criterion ≠ the sum of its sub-criteria' },
  'score-total-mismatch': { family: 'scores', finds: 'the total row ≠ the sum of the areas' },
  'score-below-threshold': { family: 'scores', finds: 'an area under 50 % of its maximum (no emulation award below that)' },
  'legacy-encoding': { family: 'table', finds: 'text typed in a legacy Vietnamese encoding (TCVN3 / VNI): decoded to Unicode for the check; convert the file to Unicode' },
  'check-failed': { family: 'table', finds: 'an unexpected internal failure on one sheet; the other sheets are still checked' },
};

export const RULE_BY_ID: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleInfo
>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** "F61" — every finding has a cell */
  cell: string;
  row: number;
  column: string;
  message: Text;
  /** what the checker expected and what it found, for machines (numbers are plain decimals) */
  expected?: string | number;
  actual?: string | number;
  /** other cells involved (e.g. the item rows of a total) */
  related?: string[];
}

export type ColumnRole =
  | 'number'
  | 'content'
  | 'product'
  | 'leadAgency'
  | 'partner'
  | 'budget'
  | 'deadline'
  | 'status'
  | 'completedOn'
  | 'maxScore';

export type ScoreKind = 'self' | 'result' | 'appraised' | 'target' | 'score';

export interface ScoreColumnInfo {
  column: string;
  header: string;
  kind: ScoreKind;
  /** year named in the header ("Kết quả năm 2023" → 2023) */
  year?: number;
}

export interface TableInfo {
  /** sheet rows holding the header (1 or 2) */
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** role → column letter */
  columns: Partial<Record<ColumnRole, string>>;
  /** header text of each recognised column, by letter */
  headers: Record<string, string>;
  scoreColumns: ScoreColumnInfo[];
  kind: 'tasks' | 'scores';
}

export interface Counts {
  rows: number;
  sections: number;
  items: number;
  subItems: number;
  repeatedHeaders: number;
  fragments: number;
}

export interface BudgetSection {
  label: string;
  row: number;
  sum: number;
  /** a subtotal row's own figure, when the section has one */
  stated?: number;
  statedCell?: string;
}

export interface BudgetSummary {
  column: string;
  /** Σ items (merged amounts once, subtotal rows never), in the sheet's unit */
  total: number;
  /** the total row's figure */
  stated: number | null;
  statedCell?: string;
  unit: string;
  /** the amount in words, converted to the sheet's unit */
  words?: { cell: string; text: string; amount: number | null };
  sections: BudgetSection[];
  /** shown decimals of the total, for display */
  decimals: number;
}

export interface ScoreSummary {
  column: string;
  header: string;
  kind: ScoreKind;
  year?: number;
  /** Σ of the top-level areas as computed from their children */
  total: number;
  stated: number | null;
  statedCell?: string;
  max: number | null;
  /** total / max × 100, one decimal */
  percent: number | null;
  band: string | null;
  decimals: number;
}

export interface CriterionNode {
  number: string;
  row: number;
  label: string;
  max: number | null;
  /** per score column letter: the stated value and the value computed from the children (leaves: computed = stated) */
  values: Record<string, { stated: number | null; computed: number | null; cell: string }>;
  children: CriterionNode[];
}

export interface RecalcCell {
  cell: string;
  row: number;
  column: string;
  /** the value in the sheet now (null when empty or not a number) */
  current: number | null;
  /** what the roll-up gives, rounded to the decimals the cell shows */
  computed: number;
  /** the cell holds a formula: Excel computes it; the host only verifies it */
  formula: boolean;
  /** criterion number, or "total" */
  criterion: string;
}

export interface PointsLost {
  number: string;
  row: number;
  label: string;
  column: string;
  max: number;
  score: number;
  lost: number;
}

export interface DeadlineRef {
  cell: string;
  row: number;
  text: string;
  /** ISO date the task was due */
  due: string;
  task: string;
  status: 'done' | 'not-done' | 'unknown';
  completedOn?: string;
}

export interface DeadlineSummary {
  asOf: string;
  overdue: DeadlineRef[];
  late: DeadlineRef[];
  dueSoon: DeadlineRef[];
  unparsed: { cell: string; row: number; text: string }[];
  parsed: number;
}

/** Why a rule family could not run on a sheet. */
export type ScopeReason = 'no-table' | 'no-budget-column' | 'no-deadline-column' | 'no-score-columns' | 'no-plan-year' | 'check-failed';

/**
 * What was checked on a sheet, so "nothing found" is never confused with "nothing checked". `checked` is false when
 * no appendix table was recognised (or the check failed): the sheet was NOT checked, which is not a pass.
 */
export interface SheetScope {
  checked: boolean;
  ran: RuleFamily[];
  notRun: { family: RuleFamily; reason: ScopeReason; message: Text }[];
}

export interface SheetReport {
  sheet: string;
  found: boolean;
  /** always set by check(); hosts read it through scopeOf() (core/scope.ts), which also covers older reports */
  scope?: SheetScope;
  table?: TableInfo;
  planYear?: number;
  counts: Counts;
  findings: Finding[];
  budget?: BudgetSummary;
  scores?: ScoreSummary[];
  criteria?: CriterionNode[];
  recalc?: RecalcCell[];
  pointsLost?: PointsLost[];
  deadlines?: DeadlineSummary;
}

export interface Report {
  version: 1;
  asOf: string;
  sheets: SheetReport[];
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
