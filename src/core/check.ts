/** check(): finds the table, runs every rule, builds the sheet's report. Pure: no Office, no DOM, no Node. */
import { Grid, SheetSnapshot, a1, columnLetter as letterOf, columnNumber } from './snapshot';
import type { CheckOptions } from './options';
import type { Finding, Report, SheetReport } from './report';
import { severityRank } from './report';
import { notCheckedScope, tableScope } from './scope';
import { LegacyResult, decodeSnapshot } from './vn/legacy';
import { excerpt } from './vn/text';
import { buildTable, moneyTitle, type Item, type TableRow } from './table/rows';
import { findTableEnd, type TableEnd } from './table/extent';
import { deadlineByContent } from './table/deadline-by-content';
import { NumberReader, ROLE_NAMES, Rule, RuleContext, finding, resolveOptions } from './rules/context';
import { structureRule } from './rules/structure';
import { requiredRule } from './rules/required';
import { numbersRule } from './rules/numbers';
import { numberingRule } from './rules/numbering';
import { checkBudget, unitExponent } from './rules/budget';
import { parseMoneyUnit } from './vn/number';
import { checkDeadlines } from './rules/deadlines';
import { scoreReport } from './scores/sheet';
import { attachFixes } from './fixes';
import { applyIgnores, attachFingerprints, type FingerprintContext } from './ignores';

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
      scope: notCheckedScope('check-failed'),
      counts: emptyCounts(),
      findings: [
        finding('check-failed', 1, 1, {
          vi: `Không kiểm tra được trang tính «${name}»: ${(e as Error)?.message ?? e}. Dữ liệu trong trang tính không bị thay đổi.`,
          en: `Sheet "${name}" could not be checked: ${(e as Error)?.message ?? e}. Nothing in the sheet was changed.`,
        }),
      ],
    };
  }
}

function checkSheet(original: SheetSnapshot, options: CheckOptions): SheetReport {
  // TCVN3 / VNI text is decoded to Unicode first (only when detection is confident), and the report says so.
  const { snapshot, legacy } = decodeSnapshot(original);
  const { report, keys } = checkDecoded(snapshot, options);
  if (legacy?.decoded) dropDecodedFixes(report.findings, original);
  if (legacy) {
    report.findings.unshift(legacyFinding(legacy, snapshot));
    sortFindings(report.findings);
  }
  // every finding gets the fingerprint an ignore is keyed by (unless the host wants none and gives no ignores); then
  // the workbook's ignores of this sheet apply
  if (options.fingerprints !== false || options.ignores?.length) attachFingerprints(report.findings, keys);
  if (options.ignores?.length) {
    const { findings, ignored, stale } = applyIgnores(report.findings, options.ignores, report.sheet);
    report.findings = findings;
    if (ignored.length) report.ignored = ignored;
    if (stale.length) report.staleIgnores = stale;
  }
  return report;
}

/**
 * A fix plan that would rewrite a cell whose text was decoded from TCVN3 / VNI is dropped: the plan's "before" is the
 * Unicode text, not what the sheet holds (a host would rightly refuse it as changed), and Unicode words written into
 * a cell set in a legacy font would show as garbage. The file should be converted to Unicode first.
 */
function dropDecodedFixes(findings: Finding[], original: SheetSnapshot): void {
  const top = original.origin?.row ?? 1;
  const left = original.origin?.col ?? 1;
  for (const f of findings) {
    if (!f.fix) continue;
    const decoded = f.fix.edits.some((e) => typeof e.before.value === 'string' && original.values[e.row - top]?.[columnNumber(e.column) - left] !== e.before.value);
    if (decoded) delete f.fix;
  }
}

const ENCODING_NAMES = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' } as const;

function legacyFinding(legacy: LegacyResult, snapshot: SheetSnapshot): Finding {
  const enc = ENCODING_NAMES[legacy.encoding];
  const fonts = legacy.fonts.length ? ` (${legacy.fonts.slice(0, 3).join(', ')})` : '';
  const at = legacy.first ?? { row: snapshot.origin?.row ?? 1, col: snapshot.origin?.col ?? 1 };
  if (!legacy.decoded) {
    return finding('legacy-encoding', at.row, at.col, {
      vi: `Trang tính dùng phông chữ của bảng mã cũ ${enc}${fonts} nhưng không xác định chắc chắn được chữ nào gõ bằng bảng mã đó, nên chưa chuyển sang Unicode: chữ có thể bị đọc sai. Hãy chuyển tệp sang Unicode (ví dụ Unikey › Công cụ chuyển mã) rồi kiểm tra lại.`,
      en: `The sheet uses fonts of the legacy ${enc} encoding${fonts}, but which text is in that encoding could not be told with confidence, so nothing was converted: text may be misread. Convert the file to Unicode (e.g. Unikey › conversion tool) and check again.`,
    }, { severity: 'warning', actual: legacy.encoding });
  }
  const ex = legacy.first ? { vi: ` (ví dụ ô ${a1(legacy.first.row, legacy.first.col)}: «${excerpt(legacy.first.before, 30)}» → «${excerpt(legacy.first.after, 30)}»)`, en: ` (e.g. cell ${a1(legacy.first.row, legacy.first.col)}: "${excerpt(legacy.first.before, 30)}" → "${excerpt(legacy.first.after, 30)}")` } : { vi: '', en: '' };
  return finding('legacy-encoding', at.row, at.col, {
    vi: `Trang tính được gõ bằng bảng mã cũ ${enc}${fonts}: đã chuyển ${legacy.cells} ô sang Unicode để kiểm tra${ex.vi}; tệp không bị thay đổi. Nên chuyển cả tệp sang Unicode (ví dụ Unikey › Công cụ chuyển mã).`,
    en: `The sheet is typed in the legacy ${enc} encoding${fonts}: ${legacy.cells} cells were converted to Unicode for the check${ex.en}; the file is unchanged. Convert the whole file to Unicode (e.g. Unikey › conversion tool).`,
  }, { actual: legacy.encoding, expected: 'unicode' });
}

/** The snapshot without its rows from `row` (a sheet row) on: the table's own rows, for the rules. */
function rowsAbove(snapshot: SheetSnapshot, row: number): SheetSnapshot {
  const n = Math.max(0, row - (snapshot.origin?.row ?? 1));
  return {
    ...snapshot,
    values: snapshot.values.slice(0, n),
    formulas: snapshot.formulas?.slice(0, n),
    numberFormats: snapshot.numberFormats?.slice(0, n),
  };
}

function checkDecoded(snapshot: SheetSnapshot, options: CheckOptions): { report: SheetReport; keys: FingerprintContext } {
  const whole = new Grid(snapshot);
  const resolved = resolveOptions(options);
  // A signature / notes block or a second table under the table is no part of it: the rules see the rows above only.
  const end = whole.rowCount ? findTableEnd(whole) : null;
  const grid = end ? new Grid(rowsAbove(snapshot, end.row)) : whole;
  const table = grid.rowCount ? buildTable(grid, resolved.planYear) : null;
  if (!table) {
    return { keys: { grid }, report: {
      sheet: grid.name,
      found: false,
      scope: notCheckedScope('no-table'),
      counts: emptyCounts(),
      findings: [
        finding('table-not-found', grid.top, grid.left, {
          vi: `Trang tính «${grid.name}» không có bảng phụ lục (không thấy dòng tiêu đề có các cột như STT, Nội dung, Cơ quan chủ trì, Thời gian): trang tính này CHƯA được kiểm tra.`,
          en: `Sheet "${grid.name}" holds no appendix table (no header row with columns such as STT, Nội dung, Cơ quan chủ trì, Thời gian): this sheet was NOT checked.`,
        }),
      ],
    } };
  }
  // "Tiến độ thực hiện": the deadline column when what it holds reads as deadlines (see deadline-by-content.ts)
  const byContent = deadlineByContent(table, grid);
  if (byContent !== undefined) {
    table.col.deadline = byContent;
    const rows = table.header.headerRows;
    const titled = [...rows].reverse().map((r) => grid.value(r, byContent)).find((v) => typeof v === 'string' && v.trim());
    if (!table.header.titles.has(byContent) && typeof titled === 'string') table.header.titles.set(byContent, titled.trim());
  }
  const numbers = new NumberReader(grid);
  if (table.col.budget !== undefined) {
    // a budget over several columns ("Tổng số | Ngân sách tỉnh | …"): every one counts in the group's unit
    for (const c of [table.col.budget, ...table.budgetSources]) {
      const unit = parseMoneyUnit(moneyTitle(table, c));
      numbers.setColumnUnit(c, unit ? unitExponent(unit) : null);
    }
  }
  const ctx: RuleContext = { table, grid, options: resolved, planYear: table.planYear, numbers };
  const findings: Finding[] = [];
  // indexed loops over the per-row lists: a for…of makes an iterator object per step until the code is optimised,
  // which a first check of a large sheet (the CLI's only one) pays in full
  const add = (list: Finding[]) => {
    for (let i = 0; i < list.length; i++) findings.push(list[i]);
  };
  for (let i = 0; i < SIMPLE_RULES.length; i++) add(SIMPLE_RULES[i](ctx));
  if (end?.second) findings.push(secondTableFinding(end.second, table.col.number ?? grid.left));
  const budget = checkBudget(ctx);
  add(budget.findings);
  const deadlines = checkDeadlines(ctx);
  add(deadlines.findings);

  const report: SheetReport = {
    sheet: grid.name,
    found: true,
    scope: notCheckedScope('no-table'), // replaced below, once the score tree is known
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
      rows: filledRows(table.rows),
      sections: table.sections.length,
      items: itemsOfKind(table.items, 'item'),
      subItems: itemsOfKind(table.items, 'subitem'),
      repeatedHeaders: table.repeatedHeaders.length,
      fragments: table.fragments.length,
    },
    findings,
  };
  if (budget.summary) report.budget = budget.summary;
  if (deadlines.summary) report.deadlines = deadlines.summary;

  const scored = scoreReport(ctx, grid.name);
  const tree = scored?.tree ?? null;
  // default mandatory columns this task table lacks (a criteria sheet has no task columns by nature; a missing
  // deadline column is said by the deadlines family; columns the user made mandatory get missing-column findings)
  const requiredAbsent =
    tree === null && !ctx.options.requiredExplicit
      ? ctx.options.required.filter((role) => role !== 'deadline' && table.col[role] === undefined).map((role) => ROLE_NAMES[role])
      : [];
  report.scope = tableScope({
    budget: table.col.budget !== undefined,
    deadline: table.col.deadline !== undefined,
    planYear: table.planYear !== undefined,
    scores: tree !== null,
    requiredAbsent,
  });
  if (scored) {
    const { findings: scoreFindings, tree: _tree, ...parts } = scored;
    add(scoreFindings);
    Object.assign(report, parts);
  }
  const budgetCol = table.col.budget;
  if (options.fixPlans !== false)
    attachFixes(findings, {
      grid,
      numbers: ctx.numbers,
      budget,
      budgetHeader: budgetCol !== undefined ? moneyTitle(table, budgetCol) : undefined,
      scores: tree,
    });
  sortFindings(findings);
  return { report, keys: { grid, contentCol: table.col.content, numberCol: table.col.number, headers: table.header.titles } };
}

function secondTableFinding(second: NonNullable<TableEnd['second']>, col: number): Finding {
  const row = second.headerRow;
  const t = second.title ? { vi: ` («${excerpt(second.title, 40)}»)`, en: ` ("${excerpt(second.title, 40)}")` } : { vi: '', en: '' };
  return finding('second-table', row, col, {
    vi: `Dòng ${row} là tiêu đề của một bảng khác${t.vi}: bảng đó CHƯA được kiểm tra (chỉ bảng đầu tiên của trang tính được kiểm tra, các dòng của bảng sau không bị đọc như nhiệm vụ của bảng đầu). Hãy chuyển bảng sau sang một trang tính riêng.`,
    en: `Row ${row} is the header of another table${t.en}: that table was NOT checked (only the sheet's first table is; its rows were not read as tasks of the first). Move it to a sheet of its own.`,
  });
}

// Plain counting loops, one per question: a generic count(list, test) given three different tests was optimised and
// thrown away three times in a first check of a large sheet.
function filledRows(rows: readonly TableRow[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i].kind !== 'blank') n++;
  return n;
}

function itemsOfKind(items: readonly Item[], kind: Item['kind']): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) if (items[i].kind === kind) n++;
  return n;
}

export function checkAll(snapshots: SheetSnapshot[], options: CheckOptions): Report {
  return { version: 1, asOf: options.asOf, sheets: snapshots.map((s) => check(s, options)) };
}
