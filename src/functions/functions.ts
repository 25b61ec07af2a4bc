/**
 * The Excel functions =PHULUC.BANGCHU, =PHULUC.SO, =PHULUC.HAN, =PHULUC.XEPLOAI, in the add-in's shared runtime.
 *
 * The JSDoc below is the source of dist/functions.json: custom-functions-metadata-plugin (webpack.config.js) reads
 * it — the descriptions and parameter help Excel shows — and appends the CustomFunctions.associate calls to this
 * file. Parameter names are what Excel shows in its formula help, hence Vietnamese (the one place identifiers are
 * not English). The work is done by ./engine.ts; a failure becomes an Excel error with its message (#VALUE! with
 * "không đọc được …"), never a wrong value.
 *
 * Excel (the shared runtime, manifest.xml <ExtensionPoint xsi:type="CustomFunctions">) provides the global
 * CustomFunctions. Where it does not (an Excel without custom functions, the preview, tests) the local stand-in
 * below takes its place, so loading this module never fails.
 */
import { FunctionFailure, amountInWords, dueDate, numberFromText, scoreBand, type CellInput, type FailureCode } from './engine';

interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<FailureCode, string>;
}

/** Excel's error values, as CustomFunctions.ErrorCode names them. */
const ERROR_VALUES: Record<FailureCode, string> = { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' };

class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

function runtime(): CustomFunctionsRuntime {
  const real = (globalThis as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
  if (real && typeof real.associate === 'function' && typeof real.Error === 'function') return real as CustomFunctionsRuntime;
  return { associate: () => undefined, Error: StandInError, ErrorCode: ERROR_VALUES };
}

// Shadows the global on purpose: the associate calls appended by the metadata plugin resolve to this binding.
const CustomFunctions = runtime();

/** Runs `work`; a FunctionFailure becomes the Excel error it names, with its message. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof FunctionFailure) throw new CustomFunctions.Error(CustomFunctions.ErrorCode[e.code] ?? ERROR_VALUES[e.code], e.message);
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue ?? ERROR_VALUES.invalidValue, `Không tính được: ${(e as Error)?.message ?? e}`);
  }
}

// The parameters are typed `any` on purpose: custom-functions-metadata-plugin turns the TypeScript types into the
// functions.json Excel reads, and "any" is what lets a cell pass a number or a text ("21.950") to the same argument.
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata's parameter type, see above */

/**
 * Đọc số tiền thành chữ, ví dụ 26979 (triệu đồng) → "Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng".
 * @customfunction BANGCHU
 * @param số Số tiền: một số, hoặc văn bản như "21.950".
 * @param [đơn_vị] Đơn vị của số tiền: "đồng" (mặc định), "nghìn đồng", "triệu đồng" hoặc "tỷ đồng".
 * @returns Số tiền bằng chữ.
 */
export function bangChu(số: any, đơn_vị?: any): string {
  return guarded(() => amountInWords(số as CellInput, đơn_vị as CellInput));
}

/**
 * Đọc số được ghi dạng văn bản theo kiểu Việt Nam: "21.950" → 21950; "26.979,5" → 26979,5.
 * @customfunction SO
 * @param văn_bản Ô hoặc văn bản chứa số, ví dụ "21.950" hay "26.979,5".
 * @returns Con số.
 */
export function so(văn_bản: any): number {
  return guarded(() => numberFromText(văn_bản as CellInput));
}

/**
 * Ngày hết hạn của một thời hạn như "Quý IV/2017", "Trước ngày 20/3/2024", "Tháng 01/2018" (định dạng ô là Ngày để xem). Nhiều kỳ thì lấy hạn cuối cùng.
 * @customfunction HAN
 * @param văn_bản Thời hạn như được ghi trong phụ lục.
 * @param [năm_kế_hoạch] Năm kế hoạch, dùng khi thời hạn không ghi năm (ví dụ "Quý IV").
 * @returns Ngày hết hạn (số ngày kiểu Excel).
 */
export function han(văn_bản: any, năm_kế_hoạch?: any): number {
  return guarded(() => dueDate(văn_bản as CellInput, năm_kế_hoạch as CellInput));
}

/**
 * Xếp loại theo tỷ lệ điểm đạt được trên điểm tối đa: A từ 90%, B từ 80%, C từ 70%, D từ 50%, E dưới 50%.
 * @customfunction XEPLOAI
 * @param điểm Điểm đạt được, ví dụ 65,65.
 * @param điểm_tối_đa Điểm tối đa, ví dụ 100.
 * @returns Loại (A, B, C, D hoặc E).
 */
export function xepLoai(điểm: any, điểm_tối_đa: any): string {
  return guarded(() => scoreBand(điểm as CellInput, điểm_tối_đa as CellInput));
}
