/**
 * Ignores ("Bỏ qua"): the engine hides exactly the finding an ignore names, finds it again after rows are inserted
 * above, and shows it again as soon as its cell (or what it is compared with) changes.
 */
import { check } from '../../src/core/check';
import { applyIgnores, ignoreFor, validateIgnores, type Ignore } from '../../src/core/ignores';
import type { Finding, SheetReport } from '../../src/core/report';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { byRule, checkTasks, fixtureSnapshot } from '../helpers';

let hue: SheetSnapshot;
beforeAll(async () => {
  hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
});
const AS_OF = '2018-02-15';
const run = (s: SheetSnapshot, ignores?: Ignore[], asOf = AS_OF) => check(s, { asOf, ignores });
const find = (r: SheetReport, rule: Finding['rule'], cell: string) => r.findings.find((f) => f.rule === rule && f.cell === cell);

/** `n` empty rows inserted before row `at` (values, formulas, formats and merges move like Excel moves them). */
function insertRows(s: SheetSnapshot, at: number, n: number): SheetSnapshot {
  const shift = <T>(rows: T[][] | undefined, blank: () => T[]): T[][] | undefined =>
    rows ? [...rows.slice(0, at - 1), ...Array.from({ length: n }, blank), ...rows.slice(at - 1)] : undefined;
  const moveRef = (f: string | null | undefined) => (f ? f.replace(/([A-Z]+)(\d+)/g, (m, c: string, r: string) => (Number(r) >= at ? `${c}${Number(r) + n}` : m)) : f);
  return {
    ...s,
    values: shift(s.values, () => [])!,
    formulas: shift(s.formulas, () => [])?.map((r) => r.map(moveRef)),
    numberFormats: shift(s.numberFormats, () => []),
    merges: s.merges?.map((m) => ({ ...m, top: m.top >= at ? m.top + n : m.top, bottom: m.bottom >= at ? m.bottom + n : m.bottom })),
  };
}

function edit(s: SheetSnapshot, cell: [number, number], v: CellValue): SheetSnapshot {
  const values = s.values.map((r) => [...r]);
  values[cell[0] - 1][cell[1] - 1] = v;
  return { ...s, values };
}

test('every finding carries a fingerprint; the same sheet gives the same fingerprints', () => {
  const a = run(hue);
  const b = run({ ...hue, values: hue.values.map((r) => [...r]) });
  expect(a.findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint ?? ''))).toBe(true);
  expect(b.findings.map((f) => f.fingerprint)).toEqual(a.findings.map((f) => f.fingerprint));
  // two findings of one rule on two tasks differ
  const overdue = byRule(a, 'deadline-overdue');
  expect(new Set(overdue.map((f) => f.fingerprint)).size).toBe(overdue.length);
});

test('an ignored finding leaves the findings, is listed as ignored, and nothing else changes', () => {
  const base = run(hue);
  const f21 = find(base, 'number-as-text', 'F21')!;
  const ig = ignoreFor(f21, 'Phụ lục', '2018-02-15')!;
  const r = run(hue, [ig]);
  expect(find(r, 'number-as-text', 'F21')).toBeUndefined();
  expect(r.findings).toHaveLength(base.findings.length - 1);
  expect(r.ignored).toEqual([{ finding: expect.objectContaining({ rule: 'number-as-text', cell: 'F21' }), ignore: ig }]);
  expect(r.staleIgnores).toBeUndefined();
  // the other finding on F61 and the total are untouched
  expect(find(r, 'budget-total-mismatch', 'F61')).toBeDefined();
  expect(r.budget).toEqual(base.budget);
});

test('an ignore of another sheet, or of another rule on the same cell, hides nothing', () => {
  const f21 = find(run(hue), 'number-as-text', 'F21')!;
  const other = { ...ignoreFor(f21, 'Phụ lục')!, sheet: 'Sheet2' };
  const wrongRule = { ...ignoreFor(f21, 'Phụ lục')!, rule: 'invalid-number' as const };
  const r = run(hue, [other, wrongRule]);
  expect(find(r, 'number-as-text', 'F21')).toBeDefined();
  expect(r.ignored).toBeUndefined();
  expect(r.staleIgnores).toEqual([wrongRule]); // the other sheet's ignore is not this sheet's business
});

test('rows inserted above: the ignore follows its finding to the new address', () => {
  const base = run(hue);
  const ig = ignoreFor(find(base, 'number-as-text', 'F21')!, 'Phụ lục')!;
  const igOverdue = ignoreFor(find(base, 'deadline-overdue', 'G8')!, 'Phụ lục')!;
  const moved = insertRows(hue, 7, 2);
  const r = run(moved, [ig, igOverdue]);
  expect(find(r, 'number-as-text', 'F23')).toBeUndefined();
  expect(find(r, 'deadline-overdue', 'G10')).toBeUndefined();
  expect(r.ignored?.map((x) => x.finding.cell).sort()).toEqual(['F23', 'G10']);
  // the neighbours with the same deadline text are still there
  expect(find(r, 'deadline-overdue', 'G11')).toBeDefined();
  expect(find(r, 'deadline-overdue', 'G6')).toBeDefined();
});

test('the cell changed since: the ignore matches nothing and the finding is back (an ignore never hides a new mistake)', () => {
  const base = run(hue);
  const ig = ignoreFor(find(base, 'number-as-text', 'F21')!, 'Phụ lục')!;
  const changed = edit(hue, [21, 6], '2.109');
  const r = run(changed, [ig]);
  expect(find(r, 'number-as-text', 'F21')).toBeDefined();
  expect(r.ignored).toBeUndefined();
  expect(r.staleIgnores).toEqual([ig]);
});

test('a total ignored while it is wrong comes back when its items change (what it is compared with is in the fingerprint)', () => {
  const base = run(hue);
  const ig = ignoreFor(find(base, 'budget-total-mismatch', 'F61')!, 'Phụ lục')!;
  expect(find(run(hue, [ig]), 'budget-total-mismatch', 'F61')).toBeUndefined();
  const items = edit(hue, [21, 6], 2020); // an item changes; the typed total F61 does not
  expect(find(run(items, [ig]), 'budget-total-mismatch', 'F61')).toBeDefined();
});

test('an overdue task stays ignored as days pass (the as-of date is not part of the fingerprint)', () => {
  const ig = ignoreFor(find(run(hue), 'deadline-overdue', 'G8')!, 'Phụ lục')!;
  const later = run(hue, [ig], '2018-06-30');
  expect(find(later, 'deadline-overdue', 'G8')).toBeUndefined();
  expect(later.ignored).toHaveLength(1);
});

test('the same task twice: an ignore takes the one at its cell; moved away from both, it takes neither', () => {
  const rows: CellValue[][] = [
    [1, 'Rà soát thủ tục', 'Báo cáo', 'Sở Nội vụ', 'NS tỉnh', 'Năm 2024'],
    [2, 'Rà soát thủ tục', 'Báo cáo', 'Sở Nội vụ', 'NS tỉnh', 'Năm 2024'],
  ];
  const r = checkTasks(rows);
  const [a, b] = byRule(r, 'invalid-number');
  expect(a.fingerprint).toBe(b.fingerprint);
  const ig = ignoreFor(b, 'Test')!;
  const res = applyIgnores(r.findings, [ig], 'Test');
  expect(res.ignored.map((x) => x.finding.cell)).toEqual([b.cell]);
  expect(res.findings).toContain(a);
  // recorded at a cell where neither is now: ambiguous → shown
  const away = applyIgnores(r.findings, [{ ...ig, cell: 'E99' }], 'Test');
  expect(away.ignored).toEqual([]);
  expect(away.stale).toHaveLength(1);
  // two ignores, two findings: both hidden, one each
  const both = applyIgnores(r.findings, [ig, ignoreFor(a, 'Test')!], 'Test');
  expect(both.ignored.map((x) => x.finding.cell).sort()).toEqual([a.cell, b.cell].sort());
});

test('validateIgnores keeps only well-formed entries, once each', () => {
  const good = { rule: 'number-as-text', sheet: 'Phụ lục', cell: 'F21', fingerprint: '0123456789abcdef', at: '2024-01-02', message: 'x' };
  expect(validateIgnores({ v: 1, items: [good, good, { ...good, cell: 'nope' }, { ...good, fingerprint: 'xyz' }, null, 3] })).toEqual([good]);
  expect(validateIgnores(JSON.stringify([good]))).toEqual([good]);
  expect(validateIgnores('garbage')).toEqual([]);
  expect(validateIgnores(undefined)).toEqual([]);
});

test('"not checked" is never hidden: no ignore is made for it, and a hand-made one hides nothing', () => {
  const r = check({ name: 'Trống', values: [['Ghi chú linh tinh'], ['không có bảng']] }, { asOf: AS_OF });
  const [f] = r.findings;
  expect(f.rule).toBe('table-not-found');
  expect(ignoreFor(f, 'Trống')).toBeNull();
  const forged: Ignore = { rule: 'table-not-found', sheet: 'Trống', cell: f.cell, fingerprint: f.fingerprint! };
  expect(check({ name: 'Trống', values: [['Ghi chú linh tinh'], ['không có bảng']] }, { asOf: AS_OF, ignores: [forged] }).findings).toHaveLength(1);
});

/**
 * Fingerprints are stored in users' workbooks: their recipe must never drift. The module comment's recipe, written out
 * plainly here (the parts joined by U+241F, FNV-1a in two rounds, 16 hex digits), gives every finding's fingerprint.
 */
test('the fingerprint is the documented hash of the documented parts', async () => {
  const plainHash = (s: string) => {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
      b ^= b >>> 15;
    }
    return a.toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  };
  const compares = new Set(['budget-subtotal-mismatch', 'budget-total-mismatch', 'budget-words-mismatch', 'score-rollup-mismatch', 'score-total-mismatch', 'score-exceeds-max', 'numbering-gap', 'deadline-late', 'deadline-outside-plan-year', 'plan-year-doubt', 'evidence-says-none']);
  const text = (s: SheetSnapshot, row: number, col: number) => {
    const v = s.values[row - 1]?.[col - 1] ?? null;
    const t = v === null ? '' : typeof v === 'object' ? v.error : typeof v === 'string' ? v.normalize('NFC') : String(v);
    const f = s.formulas?.[row - 1]?.[col - 1];
    return typeof f === 'string' && f.startsWith('=') ? `ƒ${t}` : t;
  };
  const colOf = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  let seen = 0;
  for (const [name, asOf] of [['hue-2018-nhiem-vu.xlsx', AS_OF], ['cathai-2023-danh-muc.xlsx', '2023-01-10'], ['hagiang-2024-chi-so.xlsx', '2024-06-01']] as const) {
    const s = await fixtureSnapshot(name);
    const r = check(s, { asOf });
    const byLetter = new Map(Object.entries(r.table!.columns).map(([role, letter]) => [role, colOf(letter!)]));
    for (const f of r.findings) {
      const header = r.table!.headers[f.column];
      // the report's header is already NFC with single spaces; the fingerprint lower-cases it
      const column = header ? `h:${header.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()}` : `c:${f.column}`;
      let anchor = byLetter.has('content') ? text(s, f.row, byLetter.get('content')!).trim() : '';
      if (!anchor && byLetter.has('number')) anchor = `#${text(s, f.row, byLetter.get('number')!).trim()}`;
      const expected = compares.has(f.rule) && f.expected !== undefined ? String(f.expected) : '';
      const other = f.rule === 'evidence-missing' && f.actual !== undefined ? String(f.actual) : '';
      expect(f.fingerprint).toBe(plainHash([f.rule, column, anchor, text(s, f.row, colOf(f.column)), expected, other].join('\u241f')));
      seen++;
    }
  }
  expect(seen).toBeGreaterThan(40);
});
