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
