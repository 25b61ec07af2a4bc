/**
 * "Tự kiểm tra Excel": the add-in tests itself inside the user's Excel. On a temporary sheet it exercises every API
 * the add-in relies on — the chunked read, capturing and exactly restoring fills (a theme-like colour with a tint,
 * No Fill, white, a pattern), notes or threaded comments, marks that follow their cells through an inserted row and a
 * renamed sheet, the values journal, Workbook.settings, the merged undo group, events — then deletes the sheet and
 * reports: Excel's version and platform, the requirement sets, and each check passed / failed (with Excel's error) /
 * skipped (with why). The report is plain text the user copies and sends back; it is how the add-in gets verified on
 * the Excel versions its users have (there is no Excel where it is developed).
 *
 * Deleting a sheet is one of the APIs that do not support undo (undo article): running the self-test empties the
 * undo stack, and the pane says so before it starts.
 */
import { MARK_COLORS, uniqueSheetName } from '../core/marks';
import type { Finding, Text } from '../core/report';
import { columnLetter } from '../core/snapshot';
import { posOf } from './addresses';
import { keepsUndo, resolveDeps, runBatch, type ExcelDeps } from './deps';
import { normalizeFill, queueFillCapture, sameFill, type FillState } from './fills';
import { applyMarks, clearMarks, MARK_COLOR_SET } from './marks';
import { readSheet } from './read';
import { applyRecalc, revertRecalc } from './recalc';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

export interface SelfTestCheck {
  id: string;
  title: Text;
  status: CheckStatus;
  /** Excel's error, or what was seen, or why it was skipped */
  detail?: string;
}

export interface HostInfo {
  host?: string;
  platform?: string;
  version?: string;
  userAgent?: string;
  language?: string;
}

export interface SelfTestReport {
  at: string;
  info: HostInfo;
  requirementSets: { name: string; version: string; supported: boolean }[];
  /** the highest ExcelApi 1.x answered yes */
  excelApi: string;
  checks: SelfTestCheck[];
  /** whether the temporary sheet was deleted */
  sheetRemoved: boolean;
  sheetName?: string;
}

export interface SelfTestDeps extends ExcelDeps {
  /** Office.context.diagnostics and friends */
  info?: () => HostInfo;
  /** how long to wait for a change event (ms) */
  eventWaitMs?: number;
}

export const SELF_TEST_SHEET = 'Phuluc tự kiểm tra';

/** Requirement sets reported (ExcelUndoApiAll is the undo check an earlier version of the undo article named). */
const SETS: [string, string][] = [
  ...Array.from({ length: 20 }, (_, i) => ['ExcelApi', `1.${i + 1}`] as [string, string]),
  ['ExcelApiOnline', '1.1'],
  ['ExcelApiDesktop', '1.1'],
  ['ExcelUndoApiAll', '1.0'],
  ['SharedRuntime', '1.1'],
  ['RibbonApi', '1.1'],
  ['AddinCommands', '1.1'],
  ['DialogApi', '1.1'],
];

function defaultInfo(): HostInfo {
  const out: HostInfo = {};
  try {
    if (typeof Office !== 'undefined') {
      const d = Office.context?.diagnostics;
      out.host = String(d?.host ?? Office.context?.host ?? '');
      out.platform = String(d?.platform ?? Office.context?.platform ?? '');
      out.version = d?.version;
      out.language = Office.context?.displayLanguage;
    }
    if (typeof navigator !== 'undefined') out.userAgent = navigator.userAgent;
  } catch {
    // diagnostics are optional
  }
  return out;
}

const errorText = (e: unknown): string => {
  const o = e as { code?: unknown; message?: unknown; en?: unknown } | null;
  const code = o && typeof o.code === 'string' ? `${o.code}: ` : '';
  const msg = o && typeof o.en === 'string' ? o.en : o && typeof o.message === 'string' ? o.message : String(e);
  return `${code}${msg}`.slice(0, 500);
};

function finding(cell: string): Finding {
  const p = posOf(cell);
  return { rule: 'missing-required', severity: 'error', cell, row: p.row, column: columnLetter(p.col), message: { vi: `Tự kiểm tra ${cell}`, en: `Self-test ${cell}` } };
}

/** The fills the test sets, and what each stands for. */
const TEST_FILLS: { cell: string; what: string; set: Excel.CellPropertiesFill | null }[] = [
  { cell: 'F2', what: 'theme-like colour with a tint (tintAndShade 0.4)', set: { color: '#4472C4', tintAndShade: 0.4 } },
  { cell: 'F3', what: 'No Fill', set: null },
  { cell: 'F4', what: 'white fill', set: { color: '#FFFFFF' } },
  { cell: 'F5', what: 'pattern Gray25 with a red pattern colour', set: { color: '#FFFF00', pattern: 'Gray25' as Excel.FillPattern, patternColor: '#FF0000' } },
  { cell: 'F6', what: 'solid yellow', set: { color: '#FFFF00' } },
];

const describe = (f: FillState | undefined) => JSON.stringify(f ?? null);

export async function runSelfTest(depsIn?: Partial<SelfTestDeps>, onStep?: (done: number, total: number, id: string) => void): Promise<SelfTestReport> {
  const base = resolveDeps(depsIn);
  const deps: SelfTestDeps = { ...base, info: depsIn?.info, eventWaitMs: depsIn?.eventWaitMs };
  const has = (v: string) => deps.isSetSupported('ExcelApi', v);
  const requirementSets = SETS.map(([name, version]) => {
    let supported = false;
    try {
      supported = deps.isSetSupported(name, version);
    } catch {
      supported = false;
    }
    return { name, version, supported };
  });
  const excelApi = requirementSets.filter((s) => s.name === 'ExcelApi' && s.supported).map((s) => s.version).pop() ?? '—';
  const report: SelfTestReport = { at: new Date().toISOString(), info: (deps.info ?? defaultInfo)(), requirementSets, excelApi, checks: [], sheetRemoved: false };
  const steps = ['sheet', 'read', 'fills', 'annotations', 'moves', 'values', 'settings', 'undo', 'events', 'cleanup'];
  let done = 0;
  const step = (id: string) => {
    done++;
    try {
      onStep?.(done, steps.length, id);
    } catch {
      // progress is optional
    }
  };
  const check = async (id: string, title: Text, needs: string | null, body: () => Promise<string | void>): Promise<boolean> => {
    if (needs && !has(needs)) {
      report.checks.push({ id, title, status: 'skipped', detail: `needs ExcelApi ${needs}` });
      step(id);
      return false;
    }
    try {
      const detail = await body();
      report.checks.push({ id, title, status: 'passed', ...(detail ? { detail } : {}) });
      return true;
    } catch (e) {
      report.checks.push({ id, title, status: 'failed', detail: errorText(e) });
      return false;
    } finally {
      if (report.checks[report.checks.length - 1]?.id === id) step(id);
    }
  };

  // ── the temporary sheet ──
  let name = SELF_TEST_SHEET;
  const made = await check('sheet', { vi: 'Tạo trang tính tạm và ghi dữ liệu mẫu', en: 'Create a temporary sheet and write sample data' }, null, async () => {
    await runBatch(
      deps,
      async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        name = uniqueSheetName(SELF_TEST_SHEET, sheets.items.map((s) => s.name));
        const ws = sheets.add(name);
        const rows: (string | number)[][] = [['Phuluc tự kiểm tra', '', '', '']];
        for (let i = 1; i < 40; i++) rows.push([i, `Nhiệm vụ số ${i} — kiểm tra đọc tiếng Việt`, i * 1.5, i % 7 === 0 ? '' : `Quý ${(i % 4) + 1}/2024`]);
        ws.getRange('A1:D40').values = rows;
        if (has('1.2')) ws.getRange('A1:D1').merge();
        await ctx.sync();
      },
      { writes: true },
    );
    report.sheetName = name;
  });
  if (!made) {
    for (const id of steps.slice(1)) report.checks.push({ id, title: { vi: id, en: id }, status: 'skipped', detail: 'the temporary sheet could not be created' });
    return report;
  }

  try {
    await check('read', { vi: 'Đọc trang tính theo từng phần (như khi kiểm tra)', en: 'Chunked read (as a check does)' }, null, async () => {
      const snap = await readSheet(name, deps, { maxBytesPerSync: 2500, firstChunkRows: 5 });
      const v = snap.values;
      const problems: string[] = [];
      if (v[0]?.[0] !== 'Phuluc tự kiểm tra') problems.push(`A1 = ${JSON.stringify(v[0]?.[0])}`);
      if (v[20]?.[1] !== 'Nhiệm vụ số 20 — kiểm tra đọc tiếng Việt') problems.push(`B21 = ${JSON.stringify(v[20]?.[1])}`);
      if (v[39]?.[2] !== 58.5) problems.push(`C40 = ${JSON.stringify(v[39]?.[2])}`);
      const merged = !!snap.merges?.some((m) => m.top === 1 && m.left === 1 && m.right === 4);
      if (has('1.13') && !merged) problems.push('merged A1:D1 not reported');
      if (problems.length) throw new Error(problems.join('; '));
      return `${snap.excel.syncs} syncs, ${snap.excel.chunks.length} chunks${has('1.13') ? ', merged areas read' : ', merged areas NOT readable (ExcelApi 1.13 missing)'}`;
    });

    const original = new Map<string, FillState>();
    await check('fills', { vi: 'Ghi nhận và khôi phục đúng màu nền (màu chủ đề có sắc độ, Không tô, trắng, hoa văn)', en: 'Capture and exactly restore fills (tinted colour, No Fill, white, pattern)' }, '1.9', async () => {
      await runBatch(
        deps,
        async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          for (const f of TEST_FILLS) {
            const r = ws.getRange(f.cell);
            if (f.set) r.setCellProperties([[{ format: { fill: f.set } }]]);
            else r.format.fill.clear();
          }
          await ctx.sync();
          const cap = await queueFillCapture(ctx, ws, TEST_FILLS.map((f) => posOf(f.cell)));
          await ctx.sync();
          for (const [k, v] of cap()) original.set(k, v);
        },
        { writes: true },
      );
      const problems: string[] = [];
      if (!('none' in (original.get('F3') ?? {}))) problems.push(`No Fill was read as ${describe(original.get('F3'))}: it cannot be told from white`);
      if ('none' in (original.get('F4') ?? { none: true })) problems.push('a white fill was read as No Fill');
      await applyMarks(TEST_FILLS.map((f) => finding(f.cell)), deps, { sheet: name, annotate: false });
      const marked = await captureOn(deps, name, TEST_FILLS.map((f) => f.cell));
      for (const f of TEST_FILLS) if ((marked.get(f.cell) as { color?: string })?.color !== MARK_COLORS.error.toUpperCase()) problems.push(`${f.cell} not marked: ${describe(marked.get(f.cell))}`);
      const cleared = await clearMarks(deps, { sheet: name });
      const after = await captureOn(deps, name, TEST_FILLS.map((f) => f.cell));
      for (const f of TEST_FILLS)
        if (!sameFill(after.get(f.cell) ?? { none: true }, original.get(f.cell) ?? { none: true }))
          problems.push(`${f.cell} (${f.what}): before ${describe(original.get(f.cell))}, after ${describe(after.get(f.cell))}`);
      if (problems.length) throw new Error(problems.join('; '));
      return `${cleared.restored} restored; read as ${TEST_FILLS.map((f) => `${f.cell} ${describe(original.get(f.cell))}`).join(', ')}`;
    });

    const mode = has('1.18') ? 'note' : has('1.10') ? 'comment' : 'none';
    await check(
      'annotations',
      mode === 'note' ? { vi: 'Thêm và xóa ghi chú (Note)', en: 'Add and remove a note' } : { vi: 'Thêm và xóa chú thích (Comment)', en: 'Add and remove a threaded comment' },
      '1.10',
      async () => {
        const res = await applyMarks([finding('H2')], deps, { sheet: name });
        if (res.annotated !== 1) throw new Error(`the ${mode} was not added (${JSON.stringify(res)})`);
        const cleared = await clearMarks(deps, { sheet: name });
        if (cleared.removed !== 1) throw new Error(`the ${mode} was not removed (${JSON.stringify(cleared)})`);
        return `${mode}s (ExcelApi ${mode === 'note' ? '1.18' : '1.10'})`;
      },
    );

    await check('moves', { vi: 'Dấu đi theo ô khi chèn dòng và đổi tên trang tính', en: 'Marks follow their cells through an inserted row and a renamed sheet' }, '1.9', async () => {
      await applyMarks([finding('H5'), finding('H9')], deps, { sheet: name, annotate: false });
      const renamed = uniqueSheetName(`${SELF_TEST_SHEET} 2`, [name]);
      await runBatch(
        deps,
        async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          ws.getRange('7:7').insert('Down' as Excel.InsertShiftDirection);
          ws.name = renamed;
          await ctx.sync();
        },
        { writes: true },
      );
      name = renamed;
      report.sheetName = name;
      const cleared = await clearMarks(deps, { sheet: name });
      const after = await captureOn(deps, name, ['H5', 'H10']);
      const left = [...after].filter(([, f]) => !('none' in f)).map(([c, f]) => `${c} ${describe(f)}`);
      if (!cleared.hadMarks) throw new Error('the marks were not found after the rename');
      if (left.length) throw new Error(`marks left after clearing: ${left.join(', ')}`);
      return `${cleared.restored} restored at their new places`;
    });

    await check('values', { vi: 'Ghi giá trị và hoàn tác (Tính lại điểm › Hoàn tác)', en: 'Write values and undo them (recalculation, Hoàn tác)' }, null, async () => {
      const res = await applyRecalc([{ cell: 'C3', row: 3, column: 'C', current: 3, computed: 9.25, formula: false, criterion: 'self-test' }], deps, { sheet: name });
      if (res.changed.length !== 1) throw new Error(`nothing written: ${JSON.stringify(res)}`);
      const back = await revertRecalc(deps, { sheet: name });
      if (back.restored.length !== 1) throw new Error(`not restored: ${JSON.stringify(back)}`);
      const v = await valueOf(deps, name, 'C3');
      if (v !== 3) throw new Error(`C3 is ${JSON.stringify(v)} after Hoàn tác, not 3`);
      return res.undoGrouped ? 'written as one undo step (mergeUndoGroup)' : 'written without an undo group';
    });

    await check('settings', { vi: 'Lưu cài đặt trong tệp (Workbook.settings)', en: 'Settings stored in the file (Workbook.settings)' }, '1.4', async () => {
      const key = 'phuluc.selftest';
      const value = { at: report.at, n: Math.round(Math.random() * 1e6) };
      await deps.store.set(key, value);
      const back = await deps.store.get<typeof value>(key);
      await deps.store.remove(key);
      const gone = await deps.store.get(key);
      if (JSON.stringify(back) !== JSON.stringify(value)) throw new Error(`read back ${JSON.stringify(back)}`);
      if (gone !== undefined) throw new Error('not removed');
    });

    await check('undo', { vi: 'Gộp các thao tác thành một lần hoàn tác (Ctrl+Z)', en: 'One undo step for a batch (mergeUndoGroup)' }, '1.20', async () => {
      await deps.run(
        async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          ws.getRange('J2').values = [[1]];
          await ctx.sync();
          ws.getRange('J3').values = [[2]];
          await ctx.sync();
        },
        { mergeUndoGroup: true, delayForCellEdit: true },
      );
      return keepsUndo(deps) ? 'accepted (whether Ctrl+Z then undoes both cells at once can only be seen by pressing it)' : undefined;
    });

    await check('events', { vi: 'Nhận biết khi trang tính thay đổi (tự kiểm tra lại)', en: 'Sheet-change events (auto refresh)' }, '1.9', async () => testEvents(deps, name));
  } finally {
    await check('cleanup', { vi: 'Xóa trang tính tạm', en: 'Delete the temporary sheet' }, null, async () => {
      await runBatch(
        deps,
        async (ctx) => {
          ctx.workbook.worksheets.getItem(name).delete();
          await ctx.sync();
        },
        { writes: true },
      );
      report.sheetRemoved = true;
    });
  }
  return report;
}

async function captureOn(deps: ExcelDeps, sheet: string, cells: string[]): Promise<Map<string, FillState>> {
  return runBatch(deps, async (ctx) => {
    const cap = await queueFillCapture(ctx, ctx.workbook.worksheets.getItem(sheet), cells.map(posOf));
    await ctx.sync();
    return cap();
  });
}

async function valueOf(deps: ExcelDeps, sheet: string, cell: string): Promise<unknown> {
  return runBatch(deps, async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(cell);
    r.load('values');
    await context.sync();
    return r.values[0][0];
  });
}

/** A change on the sheet must raise an event; with events turned off (how the add-in hides its own writes below 1.14) none. */
async function testEvents(deps: SelfTestDeps, sheet: string): Promise<string> {
  const wait = deps.eventWaitMs ?? 3000;
  const seen: Record<string, unknown>[] = [];
  let resolveSeen: (() => void) | undefined;
  let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await deps.run(async (ctx) => {
    handler = ctx.workbook.worksheets.onChanged.add(async (e) => {
      seen.push(e as unknown as Record<string, unknown>);
      resolveSeen?.();
    });
    await ctx.sync();
  });
  const writeAndWait = async (cell: string, eventsOff: boolean): Promise<boolean> => {
    const before = seen.length;
    const got = new Promise<void>((r) => (resolveSeen = r));
    await deps.run(async (ctx) => {
      if (eventsOff) ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem(sheet).getRange(cell).values = [[42]];
      await ctx.sync();
      if (eventsOff) {
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      }
    });
    await Promise.race([got, new Promise((r) => setTimeout(r, eventsOff ? Math.min(wait, 1000) : wait))]);
    return seen.length > before;
  };
  try {
    if (!(await writeAndWait('K2', false))) throw new Error(`no WorksheetChanged event within ${wait} ms`);
    const source = seen[seen.length - 1]?.triggerSource;
    const notes: string[] = [`event received${source !== undefined ? `, triggerSource ${String(source)}` : ', no triggerSource (ExcelApi 1.14 missing)'}`];
    if (deps.isSetSupported('ExcelApi', '1.8')) {
      if (await writeAndWait('K3', true)) throw new Error('an event arrived while events were turned off (Runtime.enableEvents)');
      notes.push('none while events were off');
    }
    return notes.join('; ');
  } finally {
    const h = handler;
    // an event handler is removed in the request context it was added with
    if (h)
      await deps
        .run(
          async (ctx) => {
            h.remove();
            await ctx.sync();
          },
          { previousObjects: h.context as Excel.RequestContext },
        )
        .catch(() => undefined);
  }
}

/** The report as plain text (what the user copies and sends back). */
export function formatSelfTestReport(r: SelfTestReport): string {
  const mark: Record<CheckStatus, string> = { passed: 'ĐẠT / passed', failed: 'LỖI / FAILED', skipped: 'bỏ qua / skipped' };
  const lines = [
    'phuluc — Tự kiểm tra Excel / Excel self-test',
    `Thời điểm / at: ${r.at}`,
    `Excel: ${r.info.host ?? '?'} ${r.info.version ?? '?'} · nền tảng / platform: ${r.info.platform ?? '?'}${r.info.language ? ` · ${r.info.language}` : ''}`,
    `ExcelApi cao nhất / highest: ${r.excelApi}`,
    `Bộ API / requirement sets: ${r.requirementSets.filter((s) => s.supported && s.name !== 'ExcelApi').map((s) => `${s.name} ${s.version}`).join(', ') || '—'}`,
    r.info.userAgent ? `Trình duyệt nhúng / webview: ${r.info.userAgent}` : '',
    '',
    ...r.checks.map((c) => `[${mark[c.status]}] ${c.title.vi} / ${c.title.en}${c.detail ? `\n      ${c.detail}` : ''}`),
    '',
    r.sheetRemoved ? 'Trang tính tạm đã được xóa. / The temporary sheet was deleted.' : `Trang tính tạm «${r.sheetName ?? SELF_TEST_SHEET}» CHƯA xóa được — hãy xóa bằng tay. / The temporary sheet was NOT deleted — delete it by hand.`,
  ];
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

export { MARK_COLOR_SET, normalizeFill };
