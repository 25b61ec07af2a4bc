/**
 * Self-assessment against appraisal, criterion by criterion: in one sheet (a "Điểm tự đánh giá" and a "Điểm thẩm
 * định" column) or across two files (the unit's self-assessment and the appraisal council's result, each its own
 * report). Criteria are matched by their code (1, 1.3, 1.3.1 — "I.2" under Roman areas) whatever the row order;
 * criteria only one side has and different maxima are listed, since criteria sets change between years and levels.
 *
 * Comparison happens at the deepest level both sides score: normally the leaves; at a parent when one side scored
 * only the parent (the council wrote 1,5 for criterion 1.3 without its sub-criteria).
 */
import type { CriterionNode, ScoreSummary, SheetReport } from '../report';
import { Dec } from '../decimal';
import type { CriterionDiff, CriterionRef, DiffSide, ExplanationRow, MaxDifference, ScoreDiff } from './types';

/** What a comparison needs of a sheet's report. */
export type ScoredSheet = Pick<SheetReport, 'sheet' | 'scores' | 'criteria'>;

export interface DiffInput {
  report: ScoredSheet;
  /** letter of the score column on this side */
  column: string;
  file?: string;
}

const d = (n: number | null | undefined): Dec | null => (n === null || n === undefined ? null : Dec.fromNumber(n));

/** The column a self-assessment is read from: "Tự đánh giá", else a plain score, else a result. */
export function selfScoreColumn(report: ScoredSheet): ScoreSummary | undefined {
  const s = report.scores ?? [];
  return s.find((c) => c.kind === 'self') ?? s.find((c) => c.kind === 'score') ?? s.find((c) => c.kind === 'result');
}

/** The column an appraisal is read from: "Thẩm định", else a plain score, else a result, else a self-assessment. */
export function appraisedScoreColumn(report: ScoredSheet): ScoreSummary | undefined {
  const s = report.scores ?? [];
  return s.find((c) => c.kind === 'appraised') ?? s.find((c) => c.kind === 'score') ?? s.find((c) => c.kind === 'result') ?? s.find((c) => c.kind === 'self');
}

/** The sheet's own appraisal: its self-assessment column against its appraisal column, when it has both. */
export function sheetAppraisal(report: ScoredSheet): ScoreDiff | undefined {
  const s = report.scores ?? [];
  const selfCol = s.find((c) => c.kind === 'self') ?? s.find((c) => c.kind === 'score');
  const appraised = s.find((c) => c.kind === 'appraised');
  if (!selfCol || !appraised || !report.criteria) return undefined;
  // an appraisal column nobody has filled in yet is not an appraisal
  const anyAppraised = (nodes: CriterionNode[]): boolean =>
    nodes.some((n) => n.values[appraised.column]?.stated !== null || n.values[appraised.column]?.na || anyAppraised(n.children));
  if (!anyAppraised(report.criteria)) return undefined;
  return diffScores({ report, column: selfCol.column }, { report, column: appraised.column });
}

function index(nodes: CriterionNode[], into = new Map<string, CriterionNode>()): Map<string, CriterionNode> {
  for (const n of nodes) {
    if (n.code && !into.has(n.code)) into.set(n.code, n);
    index(n.children, into);
  }
  return into;
}

function ref(n: CriterionNode, column: string): CriterionRef {
  return { code: n.code, number: n.number, row: n.row, label: n.label, cell: n.values[column]?.cell ?? '' };
}

function side(input: DiffInput): DiffSide {
  const sc = input.report.scores?.find((s) => s.column === input.column);
  return {
    sheet: input.report.sheet,
    ...(input.file !== undefined ? { file: input.file } : {}),
    column: input.column,
    header: sc?.header ?? input.column,
    total: sc?.total ?? null,
    applicableMax: sc?.applicableMax ?? null,
    percent: sc?.percent ?? null,
  };
}

interface Val {
  v: Dec | null;
  na: boolean;
  decimals: number;
  cell: string;
}

function valueOf(n: CriterionNode, column: string): Val {
  const x = n.values[column];
  if (!x) return { v: null, na: false, decimals: 0, cell: '' };
  return { v: d(x.stated ?? x.computed), na: !!x.na, decimals: x.decimals ?? 2, cell: x.cell };
}

const effective = (n: CriterionNode, v: Dec) => (n.adjustment === 'penalty' ? v.abs().neg() : v);

export function diffScores(selfIn: DiffInput, appraisalIn: DiffInput): ScoreDiff {
  const sCol = selfIn.column;
  const aCol = appraisalIn.column;
  const sRoots = selfIn.report.criteria ?? [];
  const aRoots = appraisalIn.report.criteria ?? [];
  const sIndex = index(sRoots);
  const aIndex = index(aRoots);
  const sameSheet = selfIn.report === appraisalIn.report;

  const cuts: CriterionDiff[] = [];
  const raised: CriterionDiff[] = [];
  const naChanged: CriterionDiff[] = [];
  const notAppraised: CriterionRef[] = [];
  const maxDiffers: MaxDifference[] = [];
  let compared = 0;
  let decimals = 0;

  const complete = (kids: CriterionNode[], other: Map<string, CriterionNode>, col: string, otherCol: string) =>
    kids.every((k) => {
      const o = other.get(k.code);
      if (!o) return true;
      const kv = valueOf(k, col);
      const ov = valueOf(o, otherCol);
      return (kv.v !== null || kv.na) && (ov.v !== null || ov.na);
    });

  const sumMax = (kids: CriterionNode[]) => kids.reduce<Dec>((acc, k) => (k.adjustment ? acc : acc.add(d(k.max) ?? Dec.ZERO)), Dec.ZERO);

  const compareAt = (s: CriterionNode, a: CriterionNode, inherited: string) => {
    // a parent takes its evidence from its children
    const evidence = inherited || childEvidence(s);
    const sv = valueOf(s, sCol);
    const av = valueOf(a, aCol);
    const dec = Math.max(sv.decimals, av.decimals);
    const base: CriterionDiff = {
      code: s.code,
      number: s.number,
      label: s.label,
      row: s.row,
      appraisalRow: a.row,
      max: s.max ?? a.max,
      self: sv.v?.toNumber() ?? null,
      appraised: av.v?.toNumber() ?? null,
      selfNa: sv.na,
      appraisedNa: av.na,
      diff: null,
      selfCell: sv.cell,
      appraisedCell: av.cell,
      evidence,
      decimals: dec,
      ...(s.adjustment ? { adjustment: s.adjustment } : {}),
    };
    if (sv.na && av.na) return void compared++;
    if (sv.na !== av.na) {
      compared++;
      decimals = Math.max(decimals, dec);
      naChanged.push(base);
      return;
    }
    if (av.v === null) {
      if (sv.v !== null) notAppraised.push(ref(s, sCol));
      return;
    }
    compared++;
    decimals = Math.max(decimals, dec);
    const diff = effective(a, av.v).sub(effective(s, sv.v ?? Dec.ZERO));
    if (diff.isZero()) return;
    base.diff = diff.toNumber();
    (diff.sign() < 0 ? cuts : raised).push(base);
  };

  const visit = (s: CriterionNode, a: CriterionNode, evidenceAbove: string) => {
    const evidence = s.evidence ?? evidenceAbove;
    const sMax = d(s.max);
    const aMax = d(a.max);
    if (sMax && aMax && !sMax.eq(aMax)) {
      // listed where the difference arises, not again at every parent it adds up into
      const explained = s.children.length > 0 && a.children.length > 0 && sumMax(s.children).sub(sumMax(a.children)).eq(sMax.sub(aMax));
      if (!explained)
        maxDiffers.push({ code: s.code, number: s.number, label: s.label, selfMax: sMax.toNumber(), appraisalMax: aMax.toNumber(), row: s.row, appraisalRow: a.row });
    }
    // the sub-criteria when both sides score them; the criterion itself when the appraisal scored only it
    const appraisedHere = a.values[aCol]?.stated !== null && a.values[aCol]?.stated !== undefined;
    const descend = s.children.length > 0 && a.children.length > 0 && (complete(s.children, aIndex, sCol, aCol) || !appraisedHere);
    if (!descend) return compareAt(s, a, evidence);
    for (const k of s.children) {
      const o = aIndex.get(k.code);
      if (o) visit(k, o, evidence);
    }
  };
  for (const s of walkPairs(sRoots, aIndex)) visit(s.self, s.other, '');

  // criteria one side has and the other has not (the top-most of each missing branch)
  const onlyIn = (roots: CriterionNode[], other: Map<string, CriterionNode>, col: string): CriterionRef[] => {
    const out: CriterionRef[] = [];
    const hasAny = (n: CriterionNode): boolean => other.has(n.code) || n.children.some(hasAny);
    const walk = (list: CriterionNode[]) => {
      for (const n of list) {
        if (other.has(n.code)) walk(n.children);
        else if (n.children.some(hasAny)) walk(n.children);
        else out.push(ref(n, col));
      }
    };
    walk(roots);
    return out;
  };

  const byRow = (x: CriterionDiff, y: CriterionDiff) => x.row - y.row || x.appraisalRow - y.appraisalRow;
  cuts.sort((x, y) => x.diff! - y.diff! || byRow(x, y));
  raised.sort((x, y) => y.diff! - x.diff! || byRow(x, y));
  naChanged.sort(byRow);

  const selfSide = side(selfIn);
  const appraisal = side(appraisalIn);
  const totalCut = selfSide.total !== null && appraisal.total !== null ? d(selfSide.total)!.sub(d(appraisal.total)!).toNumber() : null;
  return {
    self: selfSide,
    appraisal,
    totalCut,
    compared,
    cuts,
    raised,
    naChanged,
    notAppraised,
    onlyInSelf: sameSheet ? [] : onlyIn(sRoots, aIndex, sCol),
    onlyInAppraisal: sameSheet ? [] : onlyIn(aRoots, sIndex, aCol),
    maxDiffers: sameSheet ? [] : maxDiffers,
    explanation: explanationRows([...cuts, ...naChanged]),
    decimals,
  };
}

function childEvidence(n: CriterionNode): string {
  const out: string[] = [];
  const walk = (list: CriterionNode[]) => {
    for (const k of list) {
      if (k.evidence && !out.includes(k.evidence)) out.push(k.evidence);
      else if (!k.evidence) walk(k.children);
    }
  };
  walk(n.children);
  return out.join('\n');
}

/** The pairs to start from: every self criterion whose code the other side has and whose parent it has not. */
function* walkPairs(roots: CriterionNode[], other: Map<string, CriterionNode>): Generator<{ self: CriterionNode; other: CriterionNode }> {
  for (const n of roots) {
    const o = other.get(n.code);
    if (o) yield { self: n, other: o };
    else yield* walkPairs(n.children, other);
  }
}

/** The draft bảng giải trình: every cut (and every criterion applicable on one side only), in the criteria's order. */
export function explanationRows(diffs: CriterionDiff[]): ExplanationRow[] {
  return [...diffs]
    .sort((x, y) => x.row - y.row || x.appraisalRow - y.appraisalRow)
    .map((x, i) => ({
      stt: i + 1,
      code: x.code,
      criterion: x.number ? `${x.number}. ${x.label}` : x.label,
      max: x.max,
      self: x.self,
      appraised: x.appraised,
      selfNa: x.selfNa,
      appraisedNa: x.appraisedNa,
      diff: x.diff,
      evidence: x.evidence,
      reason: '',
      decimals: x.decimals,
    }));
}
