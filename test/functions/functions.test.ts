/**
 * The Excel functions: answers, Excel errors with a Vietnamese message (never a wrong value), the registration with
 * CustomFunctions.associate, and the metadata Excel reads (generated from the JSDoc by custom-functions-metadata,
 * the library behind the webpack plugin).
 */
import { FunctionFailure, amountInWords, dueDate, numberFromText, scoreBand, type CellInput } from '../../src/functions/engine';
import { isoToExcelSerial } from '../../src/core/vn/period';

function failure(work: () => unknown): { code: string; message: string } {
  try {
    const v = work();
    return { code: 'no failure', message: String(v) };
  } catch (e) {
    if (e instanceof FunctionFailure) return { code: e.code, message: e.message };
    throw e;
  }
}

describe('PHULUC.BANGCHU', () => {
  it('reads amounts in words', () => {
    expect(amountInWords(26979, 'triệu đồng')).toBe('Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng');
    expect(amountInWords(21950000000)).toBe('Hai mươi mốt tỷ chín trăm năm mươi triệu đồng');
    expect(amountInWords('21.950', 'triệu')).toBe('Hai mươi mốt tỷ chín trăm năm mươi triệu đồng');
    expect(amountInWords(1500, 'nghìn đồng')).toBe('Một triệu năm trăm nghìn đồng');
    expect(amountInWords(2.5, 'tỷ đồng')).toBe('Hai tỷ năm trăm triệu đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });
  it('refuses what it cannot say exactly', () => {
    expect(failure(() => amountInWords(0.5))).toEqual({ code: 'invalidValue', message: 'Số tiền 0.5 đồng có phần lẻ dưới một đồng, không đọc thành chữ được.' });
    expect(failure(() => amountInWords(1e18)).code).toBe('invalidNumber');
    expect(failure(() => amountInWords(5, 'đô la'))).toEqual({ code: 'invalidValue', message: 'Đơn vị: không hiểu «đô la» (ghi «đồng», «nghìn đồng», «triệu đồng» hoặc «tỷ đồng»).' });
    expect(failure(() => amountInWords('hai mươi'))).toEqual({ code: 'invalidValue', message: 'Số tiền: không đọc được «hai mươi» thành số.' });
    expect(failure(() => amountInWords(true)).code).toBe('invalidValue');
    expect(failure(() => amountInWords(null)).message).toBe('Số tiền: ô trống, không có số để đọc.');
  });
});

describe('PHULUC.SO', () => {
  it('reads numbers written the Vietnamese way', () => {
    expect(numberFromText('21.950')).toBe(21950);
    expect(numberFromText('26.979,5')).toBe(26979.5);
    expect(numberFromText(' 1 234 567 ')).toBe(1234567);
    expect(numberFromText('0,8617')).toBe(0.8617);
    expect(numberFromText(42)).toBe(42);
  });
  it('says what it could not read', () => {
    expect(failure(() => numberFromText('Lồng ghép'))).toEqual({ code: 'invalidValue', message: 'Văn bản: không đọc được «Lồng ghép» thành số.' });
    expect(failure(() => numberFromText('12..5'))).toEqual({ code: 'invalidValue', message: 'Văn bản: không đọc được «12..5» thành số (hai dấu phân cách liền nhau).' });
    expect(failure(() => numberFromText('1.234.567.890.123.456.789')).code).toBe('invalidNumber');
    expect(failure(() => numberFromText('')).code).toBe('invalidValue');
  });
  // A unit after the number (issue 7): the amount in đồng.
  it('"1.500đ" → 1500, "1,5 tỷ đồng" → 1 500 000 000, "(1.500)" → −1500', () => {
    expect(numberFromText('1.500đ')).toBe(1500);
    expect(numberFromText('1.234.568 ₫')).toBe(1234568);
    expect(numberFromText('1,5 tỷ đồng')).toBe(1500000000);
    expect(numberFromText('(1.500)')).toBe(-1500);
  });
});

describe('PHULUC.HAN', () => {
  const serial = (iso: string) => isoToExcelSerial(iso);
  it('gives the due date as an Excel date serial', () => {
    expect(dueDate('Quý IV/2017')).toBe(serial('2017-12-31'));
    expect(serial('2017-12-31')).toBe(43100);
    expect(dueDate('Trước ngày 20/3/2024')).toBe(serial('2024-03-20'));
    expect(dueDate('Tháng 01/2018')).toBe(serial('2018-01-31'));
    expect(dueDate('Quý II và Quý III/2024')).toBe(serial('2024-09-30'));
    // the whole line is read: a refinement, alternatives, a postponement
    expect(dueDate('Quý I: Trước 20/3/2024')).toBe(serial('2024-03-20'));
    expect(dueDate('Quý III/2024 hoặc Quý IV/2024')).toBe(serial('2024-12-31'));
    expect(dueDate('Tháng 5/2024 (lùi sang tháng 8/2024)')).toBe(serial('2024-08-31'));
    expect(dueDate('Quý IV', 2018)).toBe(serial('2018-12-31'));
    expect(dueDate('Quý IV', '2018')).toBe(serial('2018-12-31'));
    expect(dueDate(2018)).toBe(serial('2018-12-31'));
    expect(dueDate(45000.75)).toBe(45000);
  });
  it('an error with its reason, never a guessed date', () => {
    expect(failure(() => dueDate('Quý IV'))).toEqual({ code: 'invalidValue', message: 'Thời hạn: «Quý IV» không ghi năm — cần năm kế hoạch ở tham số thứ hai.' });
    expect(failure(() => dueDate('Sớm nhất có thể')).message).toMatch(/^Thời hạn: không đọc được «Sớm nhất có thể»/);
    expect(failure(() => dueDate('31/02/2024'))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^Thời hạn: ngày không hợp lệ — /) });
    expect(failure(() => dueDate('Hàng quý'))).toEqual({ code: 'notAvailable', message: 'Thời hạn «Hàng quý» là thời hạn định kỳ, không có một ngày cụ thể.' });
    expect(failure(() => dueDate('Đã hoàn thành'))).toEqual({ code: 'notAvailable', message: 'Thời hạn «Đã hoàn thành» chỉ ghi nhiệm vụ đã hoàn thành, không có một ngày cụ thể.' });
    expect(failure(() => dueDate('Quý IV/2024 (nếu có)')).message).toMatch(/^Thời hạn: không đọc được «Quý IV\/2024 \(nếu có\)»/);
    expect(failure(() => dueDate('Quý IV', 'năm nay')).code).toBe('invalidValue');
    expect(failure(() => dueDate('Quý IV', 1800)).message).toMatch(/không phải một năm/);
    expect(failure(() => dueDate(-3)).code).toBe('invalidValue');
  });
});

describe('PHULUC.XEPLOAI', () => {
  it('bands as the pane does (percent to one decimal)', () => {
    expect(scoreBand(65.65, 100)).toBe('D');
    expect(scoreBand('65,65', '100')).toBe('D');
    expect(scoreBand(90, 100)).toBe('A');
    expect(scoreBand(89.95, 100)).toBe('A'); // 89,95 % shows as 90,0 %
    expect(scoreBand(89.94, 100)).toBe('B');
    expect(scoreBand(10, 100)).toBe('E');
    expect(scoreBand(0, 9.5)).toBe('E');
  });
  it('refuses impossible scores', () => {
    expect(failure(() => scoreBand(101, 100))).toEqual({ code: 'invalidNumber', message: 'Điểm 101 vượt điểm tối đa 100.' });
    expect(failure(() => scoreBand(5, 0))).toEqual({ code: 'invalidNumber', message: 'Điểm tối đa phải lớn hơn 0.' });
    expect(failure(() => scoreBand(-1, 10)).code).toBe('invalidNumber');
    expect(failure(() => scoreBand('abc', 10)).code).toBe('invalidValue');
  });
});

describe('the functions module in Excel', () => {
  type Fn = (...args: CellInput[]) => unknown;
  class FakeError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' };

  function load(withRuntime: boolean): { associated: Map<string, Fn>; mod: typeof import('../../src/functions/functions') } {
    const associated = new Map<string, Fn>();
    const g = globalThis as { CustomFunctions?: unknown };
    if (withRuntime) g.CustomFunctions = { associate: (id: string, fn: Fn) => associated.set(id, fn), Error: FakeError, ErrorCode };
    let mod!: typeof import('../../src/functions/functions');
    jest.isolateModules(() => {
      mod = require('../../src/functions/functions');
    });
    delete g.CustomFunctions;
    return { associated, mod };
  }

  it('a failure is an Excel error carrying its message', () => {
    const { mod } = load(true);
    expect(mod.bangChu(26979, 'triệu đồng')).toBe('Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng');
    let caught: unknown;
    try {
      mod.so('Lồng ghép');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FakeError);
    expect(caught).toMatchObject({ code: '#VALUE!', message: 'Văn bản: không đọc được «Lồng ghép» thành số.' });
    expect(() => mod.han('Hàng quý')).toThrow(expect.objectContaining({ code: '#N/A' }));
    expect(() => mod.xepLoai(120, 100)).toThrow(expect.objectContaining({ code: '#NUM!' }));
  });
  it('loads without Excel (no CustomFunctions global) and still answers', () => {
    const { mod } = load(false);
    expect(mod.so('21.950')).toBe(21950);
    expect(() => mod.so('x')).toThrow(expect.objectContaining({ code: '#VALUE!' }));
  });
});

describe('metadata (custom-functions-metadata, as the webpack plugin runs it)', () => {
  it('four functions with Vietnamese descriptions and parameter help, matching the exported functions', async () => {
    const { generateCustomFunctionsMetadata } = require('custom-functions-metadata') as {
      generateCustomFunctionsMetadata: (files: string[], wantAssociations: boolean) => Promise<{ errors: string[]; metadataJson: string; associate: { id: string; functionName: string }[] }>;
    };
    const result = await generateCustomFunctionsMetadata([require.resolve('../../src/functions/functions.ts')], true);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson) as { functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean }[] }[] };
    expect(meta.functions.map((f) => [f.id, f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))])).toEqual([
      ['BANGCHU', ['số', '[đơn_vị]']],
      ['SO', ['văn_bản']],
      ['HAN', ['văn_bản', '[năm_kế_hoạch]']],
      ['XEPLOAI', ['điểm', 'điểm_tối_đa']],
    ]);
    for (const f of meta.functions) {
      expect(f.description).toMatch(/[ạảãàáâậầấẩẫăắằẳẵặđêệềếểễôộồốổỗơợờớởỡưựừứửữ]/);
      for (const p of f.parameters) expect(p.description.length).toBeGreaterThan(10);
    }
    const mod = require('../../src/functions/functions') as Record<string, unknown>;
    for (const a of result.associate) expect(typeof mod[a.functionName]).toBe('function');
  });
});
