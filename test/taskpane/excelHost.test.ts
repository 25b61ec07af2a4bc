/** The Excel host: settings through the workbook store, sheet-change events, and the report sheet's writes. */
import { createExcelHost, isReportSheet } from '../../src/taskpane/excelHost';
import { REPORT_SHEET_NAME, ROWS_PER_SYNC, asText, reportSheetRows, uniqueSheetName, writeReportSheet } from '../../src/taskpane/reportSheet';
import { MemorySettingsStore, type ExcelDeps, type ExcelRunner } from '../../src/excel';
import { RULE_BY_ID, type Finding, type SheetReport } from '../../src/core/report';
import { FakeExcel } from '../excel/fakeExcel';

// ───────────── a recording stand-in for the few Excel objects these functions touch ─────────────

interface RangeRecord {
  address: string;
  values?: unknown[][];
  hyperlink?: Excel.RangeHyperlink;
  format: { font: Record<string, unknown>; columnWidth?: number; wrapText?: boolean; verticalAlignment?: string };
}

function fakeExcel(existing: string[]) {
  const ranges: RangeRecord[] = [];
  const state = { syncs: 0, added: [] as string[], activated: 0, frozen: 0, changedHandler: undefined as undefined | ((e: unknown) => Promise<void>), removed: 0, activeId: 'ws1' };
  const range = (address: string): RangeRecord & { getEntireColumn(): RangeRecord } => {
    const r: RangeRecord = { address, format: { font: {} } };
    ranges.push(r);
    return Object.assign(r, { getEntireColumn: () => range(`${address}:column`) });
  };
  const sheet = {
    getRange: range,
    activate: () => void state.activated++,
    freezePanes: { freezeRows: () => void state.frozen++ },
  };
  const ctx = {
    sync: async () => void state.syncs++,
    workbook: {
      worksheets: {
        load: () => undefined,
        items: existing.map((name) => ({ name })),
        add: (name: string) => {
          state.added.push(name);
          return sheet;
        },
        getActiveWorksheet: () => ({ load: () => undefined, id: state.activeId }),
        onChanged: {
          add: (h: (e: unknown) => Promise<void>) => {
            state.changedHandler = h;
            return { remove: () => void state.removed++ };
          },
        },
      },
    },
  };
  const run = (async (batch: (c: unknown) => Promise<unknown>) => batch(ctx)) as unknown as ExcelRunner;
  return { ranges, state, run };
}

function finding(cell: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  return { rule: 'budget-total-mismatch', severity, cell, row: Number(m[2]), column: m[1], message: { vi: message, en: message } };
}

function report(findings: Finding[], sheet = 'Phụ lục'): SheetReport {
  return { sheet, found: true, counts: { rows: 0, sections: 0, items: 0, subItems: 0, repeatedHeaders: 0, fragments: 0 }, findings };
}

// ───────────── report sheet ─────────────

describe('report sheet', () => {
  test('every text is written as text: "=…", "+…", "-…", "@…" never become formulas', () => {
    expect(asText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(asText('+1')).toBe("'+1");
    expect(asText('-1')).toBe("'-1");
    expect(asText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(asText('Lỗi')).toBe("'Lỗi");
    expect(asText('')).toBe('');
  });

  test('rows: title, summary, headers, then cell / severity / rule / message / how to fix', () => {
    const rows = reportSheetRows(report([finding('F61', 'Tổng cộng sai')]), 'vi');
    const advice = RULE_BY_ID['budget-total-mismatch'].howToFix.vi;
    expect(rows[3]).toEqual(['Ô', 'Mức độ', 'Quy tắc', 'Nội dung', 'Cách sửa']);
    expect(rows[4]).toEqual(['F61', 'Lỗi', 'Tổng kinh phí sai', 'Tổng cộng sai', advice]);
    expect(rows[1][0]).toBe('1 lỗi, 0 cảnh báo, 0 lưu ý');
    expect(reportSheetRows(report([]), 'en')[4]).toEqual(['', '', '', 'No findings.', '']);
  });

  test('the how-to-fix column carries the finding\'s suggested fix when it has one', () => {
    const f = finding('F61', 'Tổng cộng sai');
    f.fix = { kind: 'sum-formula', description: { vi: 'Ghi công thức =SUM(F6:F59) vào F61 (kết quả 26.979).', en: 'Write =SUM(F6:F59) into F61.' }, edits: [] };
    const [, , , , vi] = reportSheetRows(report([f]), 'vi')[4];
    expect(vi).toBe(`${RULE_BY_ID['budget-total-mismatch'].howToFix.vi}\nĐề xuất: Ghi công thức =SUM(F6:F59) vào F61 (kết quả 26.979).`);
    expect(reportSheetRows(report([f]), 'en')[4][4]).toMatch(/\nSuggested fix: Write =SUM\(F6:F59\) into F61\.$/);
  });

  test('a unique name when the sheet exists (names compare without case)', () => {
    expect(uniqueSheetName(REPORT_SHEET_NAME, ['Phụ lục'])).toBe(REPORT_SHEET_NAME);
    expect(uniqueSheetName(REPORT_SHEET_NAME, ['phuluc – báo cáo', 'Phuluc – Báo cáo (2)'])).toBe('Phuluc – Báo cáo (3)');
    expect(uniqueSheetName('x'.repeat(31), ['x'.repeat(31)])).toBe('x'.repeat(27) + ' (2)');
  });

  test('writes the values as text and links each finding to its cell, in two syncs', async () => {
    const { ranges, state, run } = fakeExcel(['Phụ lục', REPORT_SHEET_NAME]);
    const r = report([finding('F61', '=cmd|" /c calc"!A0'), finding('G6', '<script>alert(1)</script>', 'warning')], "It's");
    const name = await writeReportSheet(r, 'vi', { run, isSetSupported: () => true, store: new MemorySettingsStore() });
    expect(name).toBe('Phuluc – Báo cáo (2)');
    expect(state.added).toEqual([name]);
    expect(state.syncs).toBe(2);
    expect(state.activated).toBe(1);
    const body = ranges.find((x) => x.address === 'A5:E6')!;
    const advice = "'" + RULE_BY_ID['budget-total-mismatch'].howToFix.vi;
    expect(body.values).toEqual([
      ["'F61", "'Lỗi", "'Tổng kinh phí sai", '\'=cmd|" /c calc"!A0', advice],
      ["'G6", "'Cảnh báo", "'Tổng kinh phí sai", "'<script>alert(1)</script>", advice],
    ]);
    for (const x of ranges) for (const row of x.values ?? []) for (const v of row) if (typeof v === 'string' && v) expect(v.startsWith("'")).toBe(true);
    expect(ranges.find((x) => x.address === 'A5')!.hyperlink).toMatchObject({ documentReference: "'It''s'!F61", textToDisplay: 'F61' });
    expect(ranges.find((x) => x.address === 'A6')!.hyperlink).toMatchObject({ documentReference: "'It''s'!G6", textToDisplay: 'G6' });
  });

  test('many findings are written in blocks, one sync each', async () => {
    const { ranges, state, run } = fakeExcel([]);
    const many = Array.from({ length: ROWS_PER_SYNC + 10 }, (_, i) => finding(`B${i + 1}`, 'x'));
    await writeReportSheet(report(many), 'en', { run, isSetSupported: () => true, store: new MemorySettingsStore() });
    expect(state.syncs).toBe(3);
    expect(ranges.filter((x) => x.hyperlink).length).toBe(many.length);
  });

  test('without ExcelApi 1.7 the cells are written without links', async () => {
    const { ranges, run } = fakeExcel([]);
    await writeReportSheet(report([finding('F61', 'x')]), 'vi', { run, isSetSupported: () => false, store: new MemorySettingsStore() });
    expect(ranges.some((x) => x.hyperlink)).toBe(false);
    expect(ranges.find((x) => x.address === 'A5:E5')!.values![0][0]).toBe("'F61");
  });
});

// ───────────── host ─────────────

describe('excel host', () => {
  const deps = (over: Partial<ExcelDeps> = {}): Partial<ExcelDeps> => ({ run: fakeExcel([]).run, isSetSupported: () => true, store: new MemorySettingsStore(), ...over });

  test('readActiveSheet passes the pane\'s progress callback to the reader: increasing fractions, ending with 1', async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục').generate(30_000, 3, (r, c) => ({ value: r === 1 ? ['STT', 'Nội dung', 'Ghi chú'][c - 1] : `Nhiệm vụ ${r}:${c}` }));
    const host = createExcelHost(deps({ run: x.run, isSetSupported: x.isSetSupported }));
    const seen: number[] = [];
    const snap = await host.readActiveSheet((p) => seen.push(p));
    expect(snap.values).toHaveLength(30_000);
    expect(x.syncCount).toBeGreaterThan(1);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.length).toBeLessThanOrEqual(x.syncCount);
    seen.forEach((p, i) => expect(p).toBeGreaterThan(i ? seen[i - 1] : 0));
    expect(seen[seen.length - 1]).toBe(1);
    // a throwing callback does not break the read; no callback at all is fine too
    const again = await host.readActiveSheet(() => {
      throw new Error('x');
    });
    expect(again.values).toEqual(snap.values);
    expect((await host.readActiveSheet()).values).toEqual(snap.values);
  });

  test('settings: defaults, then what was saved (validated), in the workbook (Workbook.settings) for the next pane', async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục');
    const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported });
    expect(await host.loadSettings()).toEqual({ lang: 'vi', autoRefresh: false });
    const stored = await host.saveSettings({ lang: 'en', autoRefresh: true, planYear: 2018, required: ['content', 'status'], asOf: '2018-02-30' });
    expect(stored).toEqual({ lang: 'en', autoRefresh: true, planYear: 2018, required: ['content', 'status'] }); // an impossible date is dropped
    expect(await createExcelHost({ run: x.run, isSetSupported: x.isSetSupported }).loadSettings()).toEqual(stored);
    expect(x.undo.clears).toEqual([]);
  });

  test('keepsUndo: only where Excel keeps the add-in’s writes on the undo stack (ExcelApi 1.20)', () => {
    expect(createExcelHost(deps({ isSetSupported: (_n, v) => v !== '1.20' })).keepsUndo).toBe(false);
    expect(createExcelHost(deps()).keepsUndo).toBe(true);
  });

  test('a sheet read without its merged areas (below ExcelApi 1.13) says so, for the pane to warn', async () => {
    const x = new FakeExcel();
    x.apiVersion = '1.12';
    x.addSheet('Phụ lục').put('A1', [['STT', 'Nội dung'], [1, 'x']]);
    const snap = await createExcelHost({ run: x.run, isSetSupported: x.isSetSupported }).readActiveSheet();
    expect(snap.limits).toEqual(['merges-unreadable']);
    x.apiVersion = '1.13';
    expect((await createExcelHost({ run: x.run, isSetSupported: x.isSetSupported }).readActiveSheet()).limits).toBeUndefined();
  });

  test('no sheet-change events below ExcelApi 1.9', () => {
    expect(createExcelHost(deps({ isSetSupported: (_n, v) => v !== '1.9' })).onSheetChanged).toBeUndefined();
    expect(createExcelHost(deps()).onSheetChanged).toBeDefined();
  });

  test('sheet changes: a failure to subscribe reaches onError (auto refresh must not fail silently)', async () => {
    const failing = (async () => {
      throw Object.assign(new Error('no events'), { code: 'ApiNotFound' });
    }) as unknown as ExcelDeps['run'];
    const host = createExcelHost(deps({ run: failing }));
    const onError = jest.fn();
    const unsubscribe = host.onSheetChanged!(jest.fn(), onError);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0][0] as Error).message).toBe('no events');
    unsubscribe();
  });

  test("sheet changes: the user's edits on the active sheet only — not the add-in's, not another sheet's, not a report sheet's", async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục').put('A1', [[1]]);
    x.addSheet('Khác');
    x.addSheet(`${REPORT_SHEET_NAME} (2)`);
    const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported });
    const cb = jest.fn();
    const unsubscribe = host.onSheetChanged!(cb);
    const settle = () => new Promise((r) => setTimeout(r, 20));
    await settle();
    expect(x.changeHandlers.size).toBe(1);
    x.userEdit('Phụ lục', 'B2', 5);
    await settle();
    expect(cb).toHaveBeenCalledTimes(1);
    x.userEdit('Khác', 'B2', 5); // another sheet
    await x.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Phụ lục').getRange('C3').values = [[1]]; // the add-in's own write
      await ctx.sync();
    });
    x.activeName = `${REPORT_SHEET_NAME} (2)`;
    x.userEdit(`${REPORT_SHEET_NAME} (2)`, 'D5', 'ghi chú'); // the report sheet, even when active
    await settle();
    expect(cb).toHaveBeenCalledTimes(1);
    unsubscribe();
    await settle();
    expect(x.changeHandlers.size).toBe(0);
    expect(isReportSheet(REPORT_SHEET_NAME)).toBe(true);
    expect(isReportSheet('Phụ lục')).toBe(false);
  });

  test('Tự kiểm tra Excel: every check passes on an Excel with ExcelApi 1.20; the temporary sheet is gone; the report names the version', async () => {
    const x = new FakeExcel();
    x.addSheet('Phụ lục').put('A1', [['STT']]);
    const host = createExcelHost({ run: x.run, isSetSupported: x.isSetSupported, info: () => ({ host: 'Excel', platform: 'PC', version: '16.0.19231' }), eventWaitMs: 200 });
    const steps: number[] = [];
    const out = await host.selfTest!((done) => steps.push(done));
    expect(out.failed).toBe(0);
    expect(out.skipped).toBe(0);
    expect(out.passed).toBe(10);
    expect(out.text).toMatch(/16\.0\.19231/);
    expect(out.text).toMatch(/ExcelApi cao nhất \/ highest: 1\.20/);
    expect(out.text).toMatch(/Trang tính tạm đã được xóa/);
    expect(x.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
    expect(x.settings.size).toBe(0);
    expect(x.names).toEqual([]);
    expect(steps[steps.length - 1]).toBe(10);
  }, 30_000);

  test('Tự kiểm tra Excel on Office 2021 (ExcelApi 1.14): comments instead of notes, the undo group skipped with why — nothing fails', async () => {
    const x = new FakeExcel();
    x.apiVersion = '1.14';
    x.addSheet('Phụ lục');
    const out = await createExcelHost({ run: x.run, isSetSupported: x.isSetSupported, eventWaitMs: 200 }).selfTest!();
    expect(out.failed).toBe(0);
    expect(out.text).toMatch(/bỏ qua \/ skipped\] Gộp các thao tác/);
    expect(out.text).toMatch(/needs ExcelApi 1\.20/);
    expect(out.text).toMatch(/chú thích \(Comment\)/);
  }, 30_000);

  test('Tự kiểm tra Excel reports a real failure with Excel’s error, and still removes its sheet', async () => {
    const x = new FakeExcel();
    x.apiVersion = '1.14';
    x.addSheet('Phụ lục');
    // an Excel that claims the notes API (ExcelApi 1.18) but has not got it
    const out = await createExcelHost({ run: x.run, isSetSupported: (n, v) => n === 'ExcelApi' && (v === '1.18' || x.supports(v)), eventWaitMs: 100 }).selfTest!();
    expect(out.failed).toBe(1);
    expect(out.text).toMatch(/\[LỖI \/ FAILED\] Thêm và xóa ghi chú \(Note\)/);
    expect(out.text).toMatch(/ApiNotFound/);
    expect(x.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  }, 30_000);
});
