/**
 * Ignoring a finding for one cell ("Bỏ qua"): e.g. «Theo dự toán» in a budget column, a task knowingly carried over.
 * Pure: the Excel add-in stores the list in the workbook (Workbook.settings key `phuluc.ignores`, which Excel saves
 * in the .xlsx's web-extension part), the file readers read it back (src/io), and `check()` applies it.
 *
 * An ignore names the rule, the sheet, the cell where it was made, and the finding's FINGERPRINT: a hash of
 *   - the column, by its header text when the column is one of the table's (so inserting a column does not matter),
 *     else by its letter;
 *   - the row's identity: the text of its content cell (the task), or its number when that is empty;
 *   - the cell's own content: its value as Excel shows it (text in NFC), and whether it is a formula;
 *   - for findings that compare the cell with other cells (totals, roll-ups, the maximum), what was expected; for
 *     those that sit on one cell but read another (an empty evidence cell and the score it should back), that figure.
 * Not the address: after rows are inserted above, the same finding is found again by its fingerprint. And not the
 * as-of date: an overdue task stays ignored as days pass.
 *
 * Matching, per ignore: the findings of its rule with its fingerprint; the one at its cell if there is one, else the
 * only one. Two candidates, neither at the recorded cell (the same task twice) → none: the finding is shown, never
 * hidden by guess. An ignore whose cell changed (other content, another expected total) matches nothing, so the
 * finding comes back — an ignore never hides a new mistake. Ignores that match nothing are reported as `stale`.
 */
import type { Finding, RuleId } from './report';
import { Grid, columnNumber, isCellError } from './snapshot';
import { collapseSpaces } from './vn/text';

export interface Ignore {
  rule: RuleId;
  /** the sheet's name */
  sheet: string;
  /**
   * The worksheet's id in Excel (Worksheet.id), when the add-in made the ignore: the add-in follows a renamed sheet
   * by it and writes the new name back on its next change to the list. The CLI and the preview match by name.
   */
  sheetId?: string;
  /** the cell when the finding was ignored ("F21"); where it is looked for first */
  cell: string;
  /** the finding's fingerprint when it was ignored (Finding.fingerprint) */
  fingerprint: string;
  /** ISO date it was ignored */
  at?: string;
  /** the finding's message when it was ignored (Vietnamese), for the list of ignores */
  message?: string;
}

/** A finding hidden by an ignore, kept in the report so hosts can list it and bring it back. */
export interface IgnoredFinding {
  finding: Finding;
  ignore: Ignore;
}

/** Rules whose finding depends on other cells (a total vs its items, a score vs its maximum): what was expected counts. */
const COMPARES = new Set<RuleId>([
  'budget-subtotal-mismatch',
  'budget-total-mismatch',
  'budget-words-mismatch',
  'score-rollup-mismatch',
  'score-total-mismatch',
  'score-exceeds-max',
  'numbering-gap',
  'deadline-late',
  'deadline-outside-plan-year',
  'plan-year-doubt',
  'evidence-says-none',
]);
/** Rules whose finding sits on one cell but reads its figure from another (an empty evidence cell, the score it backs) */
const READS_OTHER = new Set<RuleId>(['evidence-missing']);

/** FNV-1a, two rounds with different seeds, over the parts joined by U+241F (fed one part after the other): 16 hex digits. */
function hash(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      a = Math.imul(a ^ SEPARATOR, 0x01000193) >>> 0;
      b = Math.imul(b ^ SEPARATOR, 0x5bd1e995) >>> 0;
      b ^= b >>> 15;
    }
    const s = parts[p];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
      b ^= b >>> 15;
    }
  }
  return hex8(a) + hex8(b >>> 0);
}
const SEPARATOR = 0x241f;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** `x.toString(16).padStart(8, '0')` for an unsigned 32-bit x, without the slow radix conversion. */
function hex8(x: number): string {
  return HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

function contentText(grid: Grid, row: number, col: number): string {
  const v = grid.value(row, col);
  const text = v === null ? '' : isCellError(v) ? v.error : typeof v === 'string' ? v.normalize('NFC') : String(v);
  return grid.formula(row, col) ? `ƒ${text}` : text;
}

export interface FingerprintContext {
  grid: Grid;
  /** the table's column of each role (content, number) */
  contentCol?: number;
  numberCol?: number;
  /** header text by column */
  headers?: ReadonlyMap<number, string>;
}

/** What findings of one sheet share: the key of each column, the anchor of the last row asked for. */
interface Shared {
  columns: Map<number, string>;
  row: number;
  anchor: string;
}

/** The fingerprint of a finding (see the module comment). */
export function fingerprint(f: Finding, ctx: FingerprintContext): string {
  return fingerprintWith(f, ctx, { columns: new Map(), row: -1, anchor: '' });
}

function fingerprintWith(f: Finding, ctx: FingerprintContext, shared: Shared): string {
  const col = columnNumber(f.column);
  let column = shared.columns.get(col);
  if (column === undefined) {
    const header = ctx.headers?.get(col);
    column = header ? `h:${collapseSpaces(header.normalize('NFC')).toLowerCase()}` : `c:${f.column}`;
    shared.columns.set(col, column);
  }
  if (shared.row !== f.row) {
    let anchor = '';
    if (ctx.contentCol !== undefined) anchor = contentText(ctx.grid, f.row, ctx.contentCol).trim();
    if (!anchor && ctx.numberCol !== undefined) anchor = `#${contentText(ctx.grid, f.row, ctx.numberCol).trim()}`;
    shared.row = f.row;
    shared.anchor = anchor;
  }
  const own = contentText(ctx.grid, f.row, col);
  const expected = COMPARES.has(f.rule) && f.expected !== undefined ? String(f.expected) : '';
  const other = READS_OTHER.has(f.rule) && f.actual !== undefined ? String(f.actual) : '';
  return hash([f.rule, column, shared.anchor, own, expected, other]);
}

/** Attaches its fingerprint to every finding. */
export function attachFingerprints(findings: Finding[], ctx: FingerprintContext): void {
  const shared: Shared = { columns: new Map(), row: -1, anchor: '' };
  for (let i = 0; i < findings.length; i++) findings[i].fingerprint = fingerprintWith(findings[i], ctx, shared);
}

export interface IgnoreResult {
  /** the findings still shown */
  findings: Finding[];
  ignored: IgnoredFinding[];
  /** ignores of this sheet that matched no finding: the cell changed, the mistake was corrected, or it is ambiguous */
  stale: Ignore[];
}

/** Applies the ignores of `sheet` to its findings (each ignore hides at most one finding). */
export function applyIgnores(findings: readonly Finding[], ignores: readonly Ignore[] | undefined, sheet: string): IgnoreResult {
  const mine = (ignores ?? []).filter((ig) => ig && ig.sheet === sheet);
  if (!mine.length) return { findings: [...findings], ignored: [], stale: [] };
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!canIgnore(f)) continue;
    const k = `${f.rule}|${f.fingerprint}`;
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  }
  const taken = new Set<Finding>();
  const ignored: IgnoredFinding[] = [];
  const stale: Ignore[] = [];
  // ignores at their own cell first, so a moved one never takes the finding another ignore names exactly
  const ordered = [...mine].sort((a, b) => Number(!atCell(a, byKey)) - Number(!atCell(b, byKey)));
  for (const ig of ordered) {
    const cands = (byKey.get(`${ig.rule}|${ig.fingerprint}`) ?? []).filter((f) => !taken.has(f));
    const pick = cands.find((f) => f.cell === ig.cell) ?? (cands.length === 1 ? cands[0] : undefined);
    if (!pick) {
      stale.push(ig);
      continue;
    }
    taken.add(pick);
    ignored.push({ finding: pick, ignore: ig });
  }
  return { findings: findings.filter((f) => !taken.has(f)), ignored, stale };
}

function atCell(ig: Ignore, byKey: ReadonlyMap<string, Finding[]>): boolean {
  return (byKey.get(`${ig.rule}|${ig.fingerprint}`) ?? []).some((f) => f.cell === ig.cell);
}

/** Findings that say a sheet (or a table of it) was not checked: never hidden (an ignore would make "not checked" look like a pass). */
const NEVER_IGNORED = new Set<RuleId>(['table-not-found', 'second-table', 'check-failed']);

/** Whether a finding may be ignored ("Bỏ qua" is offered). */
export function canIgnore(f: Finding): boolean {
  return !!f.fingerprint && !NEVER_IGNORED.has(f.rule);
}

/** The ignore a host stores for a finding of `sheet`. */
export function ignoreFor(f: Finding, sheet: string, at?: string): Ignore | null {
  if (!canIgnore(f) || !f.fingerprint) return null;
  const ig: Ignore = { rule: f.rule, sheet, cell: f.cell, fingerprint: f.fingerprint, message: f.message.vi.slice(0, 300) };
  if (at) ig.at = at;
  return ig;
}

/** Whether two ignores are the same entry. */
export function sameIgnore(a: Ignore, b: Ignore): boolean {
  return a.rule === b.rule && a.sheet === b.sheet && a.cell === b.cell && a.fingerprint === b.fingerprint;
}

export const IGNORES_KEY = 'phuluc.ignores';
export const IGNORES_VERSION = 1;
/** at most this many ignores are kept (a workbook's add-in settings hold about 2 MB in all) */
export const MAX_IGNORES = 5000;

/** Whatever was stored (an object, a JSON string, garbage) → the valid ignores in it. Never throws. */
export function validateIgnores(raw: unknown): Ignore[] {
  let o: unknown = raw;
  if (typeof o === 'string') {
    try {
      o = JSON.parse(o);
    } catch {
      return [];
    }
  }
  const items = Array.isArray(o) ? o : o && typeof o === 'object' && Array.isArray((o as { items?: unknown }).items) ? (o as { items: unknown[] }).items : [];
  const out: Ignore[] = [];
  for (const x of items) {
    const r = x as Record<string, unknown> | null;
    if (!r || typeof r !== 'object') continue;
    if (typeof r.rule !== 'string' || typeof r.sheet !== 'string' || typeof r.cell !== 'string' || typeof r.fingerprint !== 'string') continue;
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(r.cell) || !/^[0-9a-f]{16}$/.test(r.fingerprint)) continue;
    const ig: Ignore = { rule: r.rule as RuleId, sheet: r.sheet, cell: r.cell, fingerprint: r.fingerprint };
    if (typeof r.at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.at)) ig.at = r.at;
    if (typeof r.message === 'string') ig.message = r.message.slice(0, 300);
    if (typeof r.sheetId === 'string' && r.sheetId.length > 0 && r.sheetId.length <= 100) ig.sheetId = r.sheetId;
    if (!out.some((y) => sameIgnore(y, ig))) out.push(ig);
    if (out.length >= MAX_IGNORES) break;
  }
  return out;
}

/** What is stored under IGNORES_KEY. */
export function storedIgnores(list: readonly Ignore[]): { v: number; items: Ignore[] } {
  return { v: IGNORES_VERSION, items: list.slice(0, MAX_IGNORES) };
}
