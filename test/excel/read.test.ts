import { groupChunks, planChunks, readActiveSheet, readSheet, BYTES_PER_CELL, MAX_CELLS_PER_CHUNK, toCellValue } from '../../src/excel/read';
import { MAX_SYNC_BYTES } from '../../src/excel/deps';
import { MemorySettingsStore } from '../../src/excel/settings';
import { FakeExcel, type FakeCell } from './fakeExcel';

const COLS = 11;
const CONTENT = 'Rà soát, đơn giản hóa thủ tục hành chính trong lĩnh vực đất đai năm 2024';

/** An appendix-like sheet: header row, then rows of STT, task, product, agency, partner, budget, deadline, … */
function appendixCell(r: number, c: number): FakeCell | undefined {
  if (r === 1) return { value: `Cột ${c}` };
  const n = r - 1;
  switch (c) {
    case 1:
      return { value: n };
    case 2:
      return { value: `${CONTENT} (${n})` };
    case 3:
      return { value: 'Quyết định phê duyệt' };
    case 4:
      return { value: 'Sở Nội vụ' };
    case 5:
      return { value: 'Các sở, ban, ngành' };
    case 6:
      return { value: 12500.5 + n, numberFormat: '#,##0.0' };
    case 7:
      return { value: 45291 + (n % 300), numberFormat: 'dd/mm/yyyy' };
    case 8:
      return n % 5 === 0 ? undefined : { value: 'Đã hoàn thành' };
    case 9:
      return { value: n % 7, numberFormat: '0.00' };
    case 10:
      return { value: 10 };
    default:
      return { value: n % 7, formula: `=I${r}`, numberFormat: '0.00' };
  }
}

function bookWith(rows: number, cols = COLS, cell = appendixCell) {
  const x = new FakeExcel();
  x.addSheet('Phụ lục 1').generate(rows, cols, cell);
  return x;
}

const deps = (x: FakeExcel) => ({ run: x.run, isSetSupported: x.isSetSupported, store: new MemorySettingsStore() });

describe('planChunks / groupChunks', () => {
  test.each([
    [100, 11],
    [10_000, 11],
    [100_000, 11],
    [3, 16_384],
    [1_000_000, 1],
  ])('%i rows × %i columns: contiguous, complete, each chunk within the byte budget (or one row)', (rows, cols) => {
    const chunks = planChunks(rows, cols);
    let next = 0;
    for (const c of chunks) {
      expect(c.startRow).toBe(next);
      expect(c.rowCount).toBeGreaterThanOrEqual(1);
      expect(c.cells).toBe(c.rowCount * cols);
      expect(c.estimatedBytes).toBe(c.cells * BYTES_PER_CELL);
      expect(c.cells).toBeLessThanOrEqual(Math.max(MAX_CELLS_PER_CHUNK, cols));
      if (c.rowCount > 1) expect(c.estimatedBytes).toBeLessThanOrEqual(MAX_SYNC_BYTES);
      next += c.rowCount;
    }
    expect(next).toBe(rows);
    for (const g of groupChunks(chunks)) {
      const total = g.reduce((s, c) => s + c.estimatedBytes, 0);
      if (g.length > 1) expect(total).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    }
  });

  test('rows per chunk follow 4 MB / (cols × 4 arrays × 64 bytes)', () => {
    const perChunk = Math.floor(MAX_SYNC_BYTES / (COLS * 4 * 64));
    expect(perChunk).toBe(1489);
    expect(planChunks(10_000, COLS).map((c) => c.rowCount)).toEqual([1489, 1489, 1489, 1489, 1489, 1489, 1066]);
  });

  test('the cell cap applies when the byte estimate alone would allow more', () => {
    const chunks = planChunks(2_000_000, 1, MAX_SYNC_BYTES, 1);
    expect(chunks[0].cells).toBe(MAX_CELLS_PER_CHUNK);
    expect(chunks).toHaveLength(4);
  });

  test('a very wide row still gets a chunk of one row', () => {
    const chunks = planChunks(3, 16_384);
    expect(chunks.map((c) => c.rowCount)).toEqual([1, 1, 1]);
  });

  test('small chunks share one sync while the total stays under the budget', () => {
    const chunks = planChunks(10_000, COLS, MAX_SYNC_BYTES, 16);
    expect(chunks).toHaveLength(1);
    const small = planChunks(1000, 10, 100_000);
    const groups = groupChunks(small, 250_000);
    expect(small.length).toBeGreaterThan(groups.length);
    for (const g of groups) expect(g.reduce((s, c) => s + c.estimatedBytes, 0)).toBeLessThanOrEqual(250_000);
    expect(groupChunks([])).toEqual([]);
    expect(planChunks(0, 11)).toEqual([]);
  });
});

describe('sync counts', () => {
  const measured: Record<string, unknown> = {};
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log('read sync counts (11 columns):\n' + JSON.stringify(measured, null, 1));
  });

  test.each([
    [100, 2],
    [10_000, 8],
    [100_000, 69],
  ])('%i rows × 11 columns → %i syncs (1 + one per ~4 MB of estimated payload)', async (rows, expected) => {
    const x = bookWith(rows + 1);
    const snap = await readActiveSheet(deps(x));
    const plan = planChunks(rows + 1, COLS);
    const estimated = plan.reduce((s, c) => s + c.estimatedBytes, 0);
    expect(x.syncCount).toBe(expected);
    expect(x.syncCount).toBe(1 + groupChunks(plan).length);
    expect(snap.excel.syncs).toBe(x.syncCount);
    expect(snap.values).toHaveLength(rows + 1);
    expect(snap.values[rows]).toHaveLength(COLS);
    // the estimate is conservative: no sync came close to Excel's 5 MB limit
    for (const s of x.syncLog) expect(s.responseBytes).toBeLessThanOrEqual(MAX_SYNC_BYTES);
    measured[`${rows} rows`] = {
      syncs: x.syncCount,
      chunks: plan.map((c) => c.rowCount).join('+'),
      estimatedMB: +(estimated / 1048576).toFixed(2),
      largestResponseMB: +(Math.max(...x.syncLog.map((s) => s.responseBytes)) / 1048576).toFixed(2),
    };
  }, 60_000);

  test('the count depends on payload, not on rows: 100 × 11 and 16 000 × 1 both take 2 syncs', async () => {
    const a = bookWith(100);
    await readActiveSheet(deps(a));
    const b = bookWith(16_000, 1);
    const snap = await readActiveSheet(deps(b));
    expect(a.syncCount).toBe(2);
    expect(b.syncCount).toBe(2);
    expect(snap.values).toHaveLength(16_000);
  });

  test('a sheet wordier than the estimate is split and retried instead of failing', async () => {
    const long = 'Nhiệm vụ '.repeat(400); // ~3 600 characters per cell
    const x = bookWith(300, COLS, (r, c) => ({ value: `${long}${r}:${c}` }));
    const snap = await readActiveSheet(deps(x));
    expect(snap.values[299][10]).toBe(`${long}300:11`);
    expect(snap.values.every((row) => row.length === COLS)).toBe(true);
    const failed = x.syncLog.filter((s) => s.error);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((s) => s.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    for (const s of x.syncLog.filter((s) => !s.error)) expect(s.responseBytes).toBeLessThanOrEqual(x.maxPayloadBytes);
  }, 60_000);
});

describe('conversion', () => {
  function smallBook() {
    const x = new FakeExcel();
    x.addSheet('Sheet1');
    x.addSheet('Phụ lục 2').put('B3', [
      ['STT', 'Nội dung', 'Kinh phí', 'Thời hạn', 'Ghi chú'],
      [1, 'Việc A', { value: 21950, numberFormat: '#,##0' }, { value: 45291, numberFormat: 'dd/mm/yyyy' }, { error: '#REF!' }],
      [2, '', { value: 100, formula: '=SUM(D4:D4)' }, 'Quý II/2024', { error: '#DIV/0!' }],
      [3, 'Việc C', true, { value: '=not a formula', numberFormat: '@' }, '#REF!'],
    ]);
    x.activeName = 'Phụ lục 2';
    return x;
  }

  test('values, errors, empties, dates, formulas and origin', async () => {
    const x = smallBook();
    const snap = await readActiveSheet(deps(x));
    expect(snap.name).toBe('Phụ lục 2');
    expect(snap.origin).toEqual({ row: 3, col: 2 });
    expect(snap.excel.address).toBe("'Phụ lục 2'!B3:F6");
    expect(snap.values[1]).toEqual([1, 'Việc A', 21950, 45291, { error: '#REF!' }]);
    expect(snap.values[2]).toEqual([2, null, 100, 'Quý II/2024', { error: '#DIV/0!' }]);
    // a text cell that merely reads "#REF!" is text, not an error
    expect(snap.values[3]).toEqual([3, 'Việc C', true, '=not a formula', '#REF!']);
    expect(snap.numberFormats![1][3]).toBe('dd/mm/yyyy');
    expect(snap.numberFormats![1][2]).toBe('#,##0');
    expect(snap.formulas![2][2]).toBe('=SUM(D4:D4)');
    expect(snap.formulas![1]).toEqual([null, null, null, null, null]);
    expect(snap.formulas![3][3]).toBeNull(); // a text constant starting with "=": values and formulas agree, so it is no formula
    expect(x.syncCount).toBe(2);
  });

  test('readSheet reads a named sheet that is not active', async () => {
    const x = smallBook();
    x.activeName = 'Sheet1';
    const snap = await readSheet('Phụ lục 2', deps(x));
    expect(snap.values).toHaveLength(4);
    await expect(readSheet('Không có', deps(x))).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('toCellValue', () => {
    expect(toCellValue('#N/A', 'Error')).toEqual({ error: '#N/A' });
    expect(toCellValue('', 'Empty')).toBeNull();
    expect(toCellValue(0, 'Double')).toBe(0);
    expect(toCellValue(false, 'Boolean')).toBe(false);
  });

  test('empty sheet → one sync, no values', async () => {
    const x = new FakeExcel();
    x.addSheet('Trống');
    const snap = await readActiveSheet(deps(x));
    expect(snap).toMatchObject({ name: 'Trống', values: [], excel: { address: null } });
    expect(snap.origin).toBeUndefined();
    expect(x.syncCount).toBe(1);
  });

  test('protection is reported', async () => {
    const x = smallBook();
    x.sheet('Phụ lục 2')!.protected = true;
    expect((await readActiveSheet(deps(x))).excel.protected).toBe(true);
  });
});

describe('merged areas', () => {
  test('merged areas come with the first data sync', async () => {
    const x = bookWith(50);
    x.sheet('Phụ lục 1')!.merges = [
      { top: 1, left: 1, bottom: 1, right: 11 },
      { top: 5, left: 2, bottom: 7, right: 2 },
      { top: 200, left: 1, bottom: 201, right: 2 }, // outside the used range
    ];
    const snap = await readActiveSheet(deps(x));
    expect(snap.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 11 },
      { top: 5, left: 2, bottom: 7, right: 2 },
    ]);
    expect(snap.excel.mergesComplete).toBe(true);
    expect(x.syncCount).toBe(2);
  });

  test('without ExcelApi 1.13 there are no merges and the snapshot says so', async () => {
    const x = bookWith(50);
    x.apiVersion = '1.12';
    x.sheet('Phụ lục 1')!.merges = [{ top: 5, left: 2, bottom: 7, right: 2 }];
    const snap = await readActiveSheet(deps(x));
    expect(snap.merges).toBeUndefined();
    expect(snap.excel.mergesComplete).toBe(false);
    expect(x.syncCount).toBe(2);
  });

  test('more than 512 merged areas: data re-read without them, merges fetched in bands', async () => {
    const x = bookWith(2000);
    const merges = Array.from({ length: 1500 }, (_, i) => ({ top: 2 + i, left: 3, bottom: 2 + i, right: 4 }));
    x.sheet('Phụ lục 1')!.merges = merges;
    const snap = await readActiveSheet(deps(x));
    expect(snap.merges).toEqual(merges);
    expect(snap.excel.mergesComplete).toBe(true);
    expect(snap.values).toHaveLength(2000);
    expect(x.syncLog[1].error).toBe('GeneralException');
  });
});
