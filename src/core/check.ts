/** check(): finds the table, runs every rule, builds the sheet's report. Pure: no Office, no DOM, no Node. */
import { Grid, SheetSnapshot, columnLetter as letterOf, columnNumber } from './snapshot';
import type { CheckOptions } from './options';
import type { Finding, Report, SheetReport } from './report';
import { severityRank } from './report';
import { buildTable } from './table/rows';
import { NumberReader, Rule, RuleContext, finding, resolveOptions } from './rules/context';
import { structureRule } from './rules/structure';
import { requiredRule } from './rules/required';
import { numbersRule } from './rules/numbers';
import { numberingRule } from './rules/numbering';
import { checkBudget } from './rules/budget';
import { checkDeadlines } from './rules/deadlines';
import { scoreFindings } from './rules/scores';
import { buildScoreTree, pointsLost, recalcPlan, summaries, toCriterionNodes } from './scores/tree';
import { attachFixes } from './fixes';

const SIMPLE_RULES: Rule[] = [structureRule, numberingRule, requiredRule, numbersRule];

function emptyCounts(): SheetReport['counts'] {
  return { rows: 0, sections: 0, items: 0, subItems: 0, repeatedHeaders: 0, fragments: 0 };
}

function sortFindings(findings: Finding[]): Finding[] {
  // Sheet order (row, then column), errors first within a cell; numeric keys keep this cheap for many findings.
  const keyed = findings.map((f, i) => ({ f, k: (f.row * 20000 + columnNumber(f.column)) * 4 + severityRank(f.severity), i }));
  keyed.sort((a, b) => a.k - b.k || a.i - b.i);
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i].f;
  return findings;
}

/** Checks one sheet. Never throws: an unexpected failure becomes a `check-failed` finding. */
export function check(snapshot: SheetSnapshot, options: CheckOptions): SheetReport {
  const name = snapshot?.name ?? '';
  try {
    return checkSheet(snapshot, options);
  } catch (e) {
    return {
      sheet: name,
      found: false,
      counts: emptyCounts(),
      findings: [
        finding('check-failed', 1, 1, {
          vi: `Không kiểm tra được trang «${name}»: ${(e as Error)?.message ?? e}. Dữ liệu trong trang không bị thay đổi.`,
          en: `Sheet "${name}" could not be checked: ${(e as Error)?.message ?? e}. Nothing in the sheet was changed.`,
        }),
      ],
    };
  }
}

function checkSheet(snapshot: SheetSnapshot, options: CheckOptions): SheetReport {
  const grid = new Grid(snapshot);
  const resolved = resolveOptions(options);
  const table = grid.rowCount ? buildTable(grid, resolved.planYear) : null;
  if (!table) {
    return {
      sheet: grid.name,
      found: false,
      counts: emptyCounts(),
      findings: [
        finding('table-not-found', grid.top, grid.left, {
          vi: `Trang «${grid.name}» không có bảng phụ lục (không thấy dòng tiêu đề có các cột như STT, Nội dung, Cơ quan chủ trì, Thời gian).`,
          en: `Sheet "${grid.name}" holds no appendix table (no header row with columns such as STT, Nội dung, Cơ quan chủ trì, Thời gian).`,
        }),
      ],
    };
  }
  const ctx: RuleContext = { table, grid, options: resolved, planYear: table.planYear, numbers: new NumberReader(grid) };
  const findings: Finding[] = [];
  const add = (list: Finding[]) => {
    for (const f of list) findings.push(f);
  };
  for (const rule of SIMPLE_RULES) add(rule(ctx));
  const budget = checkBudget(ctx);
  add(budget.findings);
  const deadlines = checkDeadlines(ctx);
  add(deadlines.findings);

  const report: SheetReport = {
    sheet: grid.name,
    found: true,
    table: {
      headerRows: table.header.headerRows,
      firstDataRow: table.firstDataRow,
      lastDataRow: table.lastDataRow,
      columns: Object.fromEntries(Object.entries(table.col).map(([k, c]) => [k, letterOf(c as number)])),
      headers: Object.fromEntries([...table.header.titles].map(([c, t]) => [letterOf(c), t.replace(/\s+/g, ' ').trim()])),
      scoreColumns: table.header.scoreColumns.map(({ col: _c, ...s }) => s),
      kind: table.col.maxScore !== undefined || table.header.scoreColumns.length ? 'scores' : 'tasks',
    },
    ...(table.planYear ? { planYear: table.planYear } : {}),
    counts: {
      rows: count(table.rows, (r) => r.kind !== 'blank'),
      sections: table.sections.length,
      items: count(table.items, (i) => i.kind === 'item'),
      subItems: count(table.items, (i) => i.kind === 'subitem'),
      repeatedHeaders: table.repeatedHeaders.length,
      fragments: table.fragments.length,
    },
    findings,
  };
  if (budget.summary) report.budget = budget.summary;
  if (deadlines.summary) report.deadlines = deadlines.summary;

  const tree = buildScoreTree(table, ctx.numbers);
  if (tree) {
    add(scoreFindings(ctx, tree));
    report.scores = summaries(tree, resolved.bands);
    report.criteria = toCriterionNodes(tree);
    report.recalc = recalcPlan(tree, table);
    report.pointsLost = pointsLost(tree);
  }
  const budgetCol = table.col.budget;
  attachFixes(findings, {
    grid,
    numbers: ctx.numbers,
    budget,
    budgetHeader: budgetCol !== undefined ? table.header.titles.get(budgetCol) : undefined,
    scores: tree,
  });
  sortFindings(findings);
  return report;
}

function count<T>(list: readonly T[], test: (x: T) => boolean): number {
  let n = 0;
  for (const x of list) if (test(x)) n++;
  return n;
}

export function checkAll(snapshots: SheetSnapshot[], options: CheckOptions): Report {
  return { version: 1, asOf: options.asOf, sheets: snapshots.map((s) => check(s, options)) };
}
