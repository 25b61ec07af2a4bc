/** Everything a score sheet adds to its report, in one call from check(): findings and summaries. */
import type { Finding, SheetReport } from '../report';
import type { RuleContext } from '../rules/context';
import { scoreFindings } from '../rules/scores';
import { evidenceFindings } from '../rules/scoresEvidence';
import { buildScoreTree, type ScoreTree } from './tree';
import { pointsLost, recalcPlan, summaries, toCriterionNodes } from './summary';
import { reviewEvidence } from './evidence';
import { sheetAppraisal } from './diff';

export type ScoreParts = Pick<SheetReport, 'scores' | 'criteria' | 'recalc' | 'pointsLost' | 'evidence' | 'appraisal'> & {
  findings: Finding[];
  /** the criterion tree, for the fix plans (not part of the report) */
  tree: ScoreTree;
};

export function scoreReport(ctx: RuleContext, sheet: string): ScoreParts | null {
  const tree = buildScoreTree(ctx.table, ctx.numbers, { notApplicable: ctx.options.notApplicable });
  if (!tree) return null;
  const findings = scoreFindings(ctx, tree);
  const parts: ScoreParts = {
    findings,
    tree,
    scores: summaries(tree, ctx.options.bands),
    criteria: toCriterionNodes(tree),
    recalc: recalcPlan(tree, ctx.table),
    pointsLost: pointsLost(tree),
  };
  const evidence = reviewEvidence(tree, ctx.table);
  if (evidence) {
    findings.push(...evidenceFindings(ctx, evidence));
    parts.evidence = evidence.summary;
  }
  const appraisal = sheetAppraisal({ sheet, scores: parts.scores, criteria: parts.criteria });
  if (appraisal) parts.appraisal = appraisal;
  return parts;
}
