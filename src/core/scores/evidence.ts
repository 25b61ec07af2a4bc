/**
 * Evidence of the self-assessed scores: the points an appraiser cuts first. A leaf criterion claiming points needs
 * evidence (tài liệu kiểm chứng) or an explanation (giải trình); a parent takes its evidence from its children, and
 * evidence written once on a parent's row covers the sub-criteria below it. Full marks whose evidence says
 * "không có" / "chưa có" are the other weak point.
 */
import type { Table } from '../table/rows';
import { a1, columnLetter } from '../snapshot';
import { fold } from '../vn/text';
import type { CriterionRef, EvidenceSummary } from './types';
import type { Node, ScoreColumn, ScoreTree } from './tree';

/** The self-assessment column: "Điểm tự đánh giá", else a plain "Điểm" column. */
export function selfColumn(tree: ScoreTree): ScoreColumn | undefined {
  return tree.columns.find((c) => c.kind === 'self') ?? tree.columns.find((c) => c.kind === 'score');
}

const NONE = new RegExp(
  '^(khong|chua)( co| duoc cung cap| cung cap| gui| nop)?' +
    '( tai lieu( kiem chung)?| tlkc| van ban| bao cao| minh chung| ho so| san pham| ke hoach| quyet dinh| kiem chung)?$',
);

/** "Không có", "Chưa có tài liệu", "(chưa có)", "- Không có TLKC." — the evidence says there is none. */
export function saysNone(text: string): boolean {
  if (!text || text.length > 80) return false;
  const f = fold(text).replace(/[()[\]"'.,;:!*]/g, ' ').replace(/^[\s\-–+•]+/, '').replace(/\s+/g, ' ').trim();
  return NONE.test(f);
}

/** The evidence that counts for `n`: its own, else the nearest ancestor's. */
function inherited(n: Node, pick: (n: Node) => string): string {
  for (let p: Node | undefined = n; p; p = p.parent) if (pick(p)) return pick(p);
  return '';
}

export interface EvidenceIssue {
  node: Node;
  ref: CriterionRef;
  /** where the finding goes */
  row: number;
  col: number;
  score: number;
  max: number | null;
  evidence: string;
}

export interface EvidenceReview {
  summary: EvidenceSummary;
  missing: EvidenceIssue[];
  saysNone: EvidenceIssue[];
  self: ScoreColumn;
}

export function reviewEvidence(tree: ScoreTree, table: Table): EvidenceReview | null {
  const evCol = table.col.evidence;
  const exCol = table.col.explanation;
  if (evCol === undefined && exCol === undefined) return null;
  const selfCol = selfColumn(tree);
  if (!selfCol) return null;
  const missing: EvidenceIssue[] = [];
  const none: EvidenceIssue[] = [];
  let checked = 0;
  for (const n of tree.nodes) {
    // leaves only (a parent's evidence is its children's); a penalty needs none
    if (n.children.length || n.adjustment === 'penalty') continue;
    const v = n.values.get(selfCol.col)!;
    if (v.na || !v.stated || v.stated.sign() <= 0) continue;
    checked++;
    const evidence = inherited(n, (x) => x.evidence);
    const explanation = inherited(n, (x) => x.explanation);
    const max = tree.maxCol !== undefined ? n.values.get(tree.maxCol)!.stated : null;
    const col = evCol ?? exCol!;
    const issue: EvidenceIssue = {
      node: n,
      ref: { code: n.code, number: n.item.number, row: n.item.row, label: n.item.title, cell: a1(n.item.row, col) },
      row: n.item.row,
      col,
      score: v.stated.toNumber(),
      max: max?.toNumber() ?? null,
      evidence,
    };
    const none_ = !!evidence && saysNone(evidence);
    if (none_ && max && max.sign() > 0 && v.stated.cmp(max) >= 0) {
      none.push({ ...issue, col: selfCol.col, ref: { ...issue.ref, cell: a1(n.item.row, selfCol.col) } });
    } else if ((!evidence || none_) && !explanation) {
      // evidence that says there is none is no evidence
      missing.push(issue);
    }
  }
  const summary: EvidenceSummary = {
    ...(evCol !== undefined ? { column: columnLetter(evCol) } : {}),
    ...(exCol !== undefined ? { explanationColumn: columnLetter(exCol) } : {}),
    scoreColumn: selfCol.letter,
    checked,
    missing: missing.map((m) => m.ref),
    saysNone: none.map((m) => m.ref),
  };
  return { summary, missing, saysNone: none, self: selfCol };
}
