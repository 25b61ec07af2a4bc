/** The fake must behave like Office where the adapter's tests rely on it, or those tests prove nothing. */
import { FakeExcel, OfficeError } from './fakeExcel';

function book() {
  const x = new FakeExcel();
  x.addSheet('Sheet1').put('A1', [['a', 1], [{ error: '#REF!' }, { value: 2, formula: '=1+1' }]]);
  return x;
}

test('reading a property before load + sync throws PropertyNotLoaded', async () => {
  const x = book();
  await x.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    r.load('values');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(r.values).toEqual([['a', 1], ['#REF!', 2]]);
    expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  expect(x.syncCount).toBe(1);
});

test('isNullObject needs a sync; missing getItem fails the sync', async () => {
  const x = new FakeExcel();
  x.addSheet('Empty');
  await x.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    used.load('address');
    expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(used.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem('Nope').load('name');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

test('writes happen at sync, are logged, and are refused on a protected sheet', async () => {
  const x = book();
  await x.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('C1');
    r.values = [[5]];
    expect(x.sheet('Sheet1')!.cell('C1')).toBeUndefined();
    await ctx.sync();
  });
  expect(x.sheet('Sheet1')!.cell('C1')!.value).toBe(5);
  expect(x.writes).toBe(1);
  x.sheet('Sheet1')!.protected = true;
  await expect(
    x.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('C1').values = [[6]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
  expect(x.sheet('Sheet1')!.cell('C1')!.value).toBe(5);
});

test('payload, address-length and API-set limits fail the sync', async () => {
  const x = book();
  x.sheet('Sheet1')!.put('E1', [['x'.repeat(1000)]]);
  x.maxPayloadBytes = 500; // the request is ~200 bytes, the response ~1 000
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRange('E1').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
  x.maxPayloadBytes = 5 * 1024 * 1024;
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRanges(Array(2000).fill('A1:B2').join(',')).load('address');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
  x.apiVersion = '1.8';
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRanges('A1').load('address');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

test('an injected failure keeps earlier operations and drops later ones', async () => {
  const x = book();
  x.failure = { sync: 1, afterOps: 3, error: new OfficeError('GeneralException') };
  await x.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.getRange('D1').values = [[1]]; // ops: bind sheet, getRange, write …
    ws.getRange('D2').values = [[2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
  });
  expect(x.sheet('Sheet1')!.cell('D1')!.value).toBe(1);
  expect(x.sheet('Sheet1')!.cell('D2')).toBeUndefined();
});

test('getUsedRange gives A1 on a blank sheet; getIntersectionOrNullObject clips, is null when apart, needs ExcelApi 1.4', async () => {
  const x = new FakeExcel();
  x.addSheet('Blank');
  x.addSheet('Data').put('C3', [[1, 2], [3, 4], [5, 6]]);
  await x.run(async (ctx) => {
    const blank = ctx.workbook.worksheets.getItem('Blank').getUsedRange(true);
    blank.load(['address', 'values']);
    const ws = ctx.workbook.worksheets.getItem('Data');
    const used = ws.getUsedRange(true);
    const top = used.getIntersectionOrNullObject('A1:XFD4');
    top.load(['address', 'values']);
    const apart = used.getIntersectionOrNullObject('A10:B12');
    apart.load('values');
    await ctx.sync();
    expect(blank.address).toBe('Blank!A1');
    expect(blank.values).toEqual([['']]);
    expect(top.address).toBe('Data!C3:D4');
    expect(top.values).toEqual([[1, 2], [3, 4]]);
    expect(apart.isNullObject).toBe(true);
    expect(() => apart.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  x.apiVersion = '1.3';
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Data').getUsedRange(true).getIntersectionOrNullObject('A1:B2').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

// ───────────────────────── what real Excel does that a kind fake would not ─────────────────────────

test('fills are reported as Excel reports them: No Fill = #FFFFFF with tintAndShade null, solid with pattern null (office-js #4900, #6218)', async () => {
  const x = book();
  const s = x.sheet('Sheet1')!;
  s.mutable(3, 1).fill = { color: '#FFFFFF', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
  s.mutable(4, 1).fill = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 };
  await x.run(async (ctx) => {
    const props = ctx.workbook.worksheets.getActiveWorksheet().getRange('A2:A4').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    await ctx.sync();
    expect(props.value.map((r) => r[0].format!.fill)).toEqual([
      { color: '#FFFFFF', pattern: null, tintAndShade: null },
      { color: '#FFFFFF', pattern: null, tintAndShade: 0 },
      { color: '#FFFF00', pattern: 'Gray25', tintAndShade: 0 },
    ]);
  });
});

test('null is refused as a fill property and gradients cannot be set (docs: blank and null values)', async () => {
  const x = book();
  for (const props of [{ color: '#FF0000', pattern: null }, { pattern: 'LinearGradient' }]) {
    await x.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').setCellProperties([[{ format: { fill: props as Excel.CellPropertiesFill } }]]);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  }
  expect(x.sheet('Sheet1')!.cell('A1')!.fill).toBeUndefined();
});

test('notes need ExcelApi 1.18, comments 1.10 and CommentCollection.getItemOrNullObject 1.14; a cell holds a note or a threaded comment, not both', async () => {
  const x = book();
  x.apiVersion = '1.13';
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().comments.getItemOrNullObject('x').load('id');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    ctx.workbook.worksheets.getActiveWorksheet().notes.getItemOrNullObject('A1').load('content');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
  x.apiVersion = '1.20';
  await x.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.comments.add(ws.getRange('A1'), 'bình luận');
    await ctx.sync();
    ws.notes.add(ws.getRange('A1'), 'ghi chú');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

test('a loaded RangeAreas address over 8 192 characters is cut at the last whole area, silently', async () => {
  const x = book();
  const cells = Array.from({ length: 1500 }, (_, i) => `A${i * 2 + 1}`);
  x.sheet('Sheet1')!.merges = cells.map((c) => ({ top: Number(c.slice(1)), bottom: Number(c.slice(1)), left: 1, right: 2 }));
  await x.run(async (ctx) => {
    const m = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:B3000').getMergedAreasOrNullObject();
    x.maxMergedAreas = 5000;
    m.load('address,areaCount');
    await ctx.sync();
    expect(m.address.length).toBeLessThanOrEqual(8192);
    expect(m.address.split(',').length).toBeLessThan(1500);
  });
});

test('on the web an oversized sync may fail with a bare GeneralException (office-js #1314); a huge range read returns null or RangeExceedsLimit', async () => {
  const x = book();
  x.platform = 'OfficeOnline';
  x.maxPayloadBytes = 200;
  x.sheet('Sheet1')!.put('E1', [['x'.repeat(1000)]]);
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRange('E1').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
  });
  x.maxPayloadBytes = 5 * 1024 * 1024;
  x.maxRangeCells = 10;
  await x.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:D5');
    r.load('values');
    await ctx.sync();
    expect(r.values).toBeNull();
  });
  x.largeRead = 'RangeExceedsLimit';
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:D5').load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });
});

test('names follow their cells through inserts, deletes (→ #REF!) and a rename', async () => {
  const x = book();
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().names.add('_t', '=Sheet1!$B$5,Sheet1!$C$9');
    await ctx.sync();
  });
  x.insertRows('Sheet1', 2, 2);
  x.deleteRows('Sheet1', 11);
  x.renameSheet('Sheet1', 'Bảng 1');
  await x.run(async (ctx) => {
    const n = ctx.workbook.worksheets.getActiveWorksheet().names.getItem('_t');
    n.load('formula');
    await ctx.sync();
    expect(n.formula).toBe("='Bảng 1'!$B$7,'Bảng 1'!#REF!");
  });
});

test('Workbook.settings: JSON values, about 2 MB in all (office-js #621, #3957)', async () => {
  const x = book();
  x.maxSettingsBytes = 100;
  await x.run(async (ctx) => {
    ctx.workbook.settings.add('a', { b: 1 });
    await ctx.sync();
    ctx.workbook.settings.add('big', 'x'.repeat(200));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    const s = ctx.workbook.settings.getItemOrNullObject('a');
    s.load('value');
    await ctx.sync();
    expect(s.value).toEqual({ b: 1 });
  });
});

test('undo: below ExcelApi 1.20 a write empties the stack; from 1.20 one record per sync, or per merged run; Worksheet.delete empties it; inside a merged group it throws UndoNotSupported', async () => {
  const write = (ctx: Excel.RequestContext, cell: string) => (ctx.workbook.worksheets.getActiveWorksheet().getRange(cell).values = [[1]]);
  const x = book();
  x.apiVersion = '1.19';
  await x.run(async (ctx) => {
    write(ctx, 'C1');
    await ctx.sync();
  });
  expect(x.undo.clears).toHaveLength(1);
  x.apiVersion = '1.20';
  x.resetLogs();
  await x.run(async (ctx) => {
    write(ctx, 'C1');
    await ctx.sync();
    write(ctx, 'C2');
    await ctx.sync();
  });
  await x.run(
    async (ctx) => {
      write(ctx, 'C1');
      await ctx.sync();
      write(ctx, 'C2');
      await ctx.sync();
    },
    { mergeUndoGroup: true },
  );
  expect(x.undo).toEqual({ records: 3, clears: [] });
  x.addSheet('Tạm');
  await x.run(
    async (ctx) => {
      ctx.workbook.worksheets.getItem('Tạm').delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'UndoNotSupported' });
    },
    { mergeUndoGroup: true },
  );
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Tạm').delete();
    await ctx.sync();
  });
  expect(x.undo.clears.map((c) => c.reason)).toEqual(['Worksheet.delete does not support undo']);
});

test('events: a user edit and the add-in’s own writes (triggerSource from 1.14), none for the add-in while events are off', async () => {
  const x = book();
  const seen: Record<string, unknown>[] = [];
  x.changeHandlers.add((e) => void seen.push(e));
  x.userEdit('Sheet1', 'A1', 5);
  await x.run(async (ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRange('B1').values = [[1]];
    await ctx.sync();
    ctx.runtime.enableEvents = false;
    ctx.workbook.worksheets.getActiveWorksheet().getRange('B2').values = [[1]];
    await ctx.sync();
    ctx.runtime.enableEvents = true;
    await ctx.sync();
  });
  await new Promise((r) => setTimeout(r, 10));
  expect(seen.map((e) => [e.address, e.triggerSource])).toEqual([
    ['A1', 'Unknown'],
    ['B1', 'ThisLocalAddin'],
  ]);
});

test('cell-edit mode: a batch fails with InvalidOperationInCellEditMode unless it asked to wait (delayForCellEdit)', async () => {
  const x = book();
  x.startCellEdit();
  await expect(
    x.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  const waited = x.run(
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await ctx.sync();
      return ws.name;
    },
    { delayForCellEdit: true },
  );
  setTimeout(() => x.endCellEdit(), 5);
  await expect(waited).resolves.toBe('Sheet1');
});
