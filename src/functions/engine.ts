/**
 * What the Excel functions compute, without Excel: each takes what a cell can hand a custom function (a number,
 * a text, a boolean, nothing) and returns the answer or throws a FunctionFailure — the Excel error it must show and a
 * Vietnamese message saying what could not be read. Never another value: these are thin wrappers over src/core.
 */
import { Dec } from '../core/decimal';
import { DEFAULT_BANDS, type Band } from '../core/options';
import { bandFor } from '../core/scores/bands';
import { parseMoneyUnit, parseNumber, type NumberHint } from '../core/vn/number';
import { isoToExcelSerial, excelSerialToIso, parseDeadline, parseDeadlineCell, MIN_YEAR, MAX_YEAR, type DeadlinePart } from '../core/vn/period';
import { parseWords, toWords } from '../core/vn/words';
import { excerpt } from '../core/vn/text';

/** The Excel error a function shows: #VALUE!, #N/A or #NUM!. */
export type FailureCode = 'invalidValue' | 'notAvailable' | 'invalidNumber';

export class FunctionFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionFailure';
  }
}

/** What a cell hands a custom function. */
export type CellInput = number | string | boolean | null | undefined;

const fail = (code: FailureCode, message: string): never => {
  throw new FunctionFailure(code, message);
};

function isBlankInput(v: CellInput): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number from a cell: a number as it is, a text read the Vietnamese way ("21.950", "26.979,5"). */
function readNumber(v: CellInput, hint: NumberHint, what: string): Dec {
  if (isBlankInput(v)) return fail('invalidValue', `${what}: ô trống, không có số để đọc.`);
  if (typeof v === 'boolean') return fail('invalidValue', `${what}: không đọc được «${v ? 'TRUE' : 'FALSE'}» thành số.`);
  if (typeof v === 'number') {
    const d = Dec.fromExcel(v); // as Excel shows it: 15 significant digits
    return d ?? fail('invalidNumber', `${what}: không đọc được số ${String(v)}.`);
  }
  const p = parseNumber(v, hint);
  if (!p) return fail('invalidValue', `${what}: không đọc được «${excerpt(v, 40)}» thành số.`);
  if (!p.ok && p.reason === 'too large') return fail('invalidNumber', `${what}: «${excerpt(v, 40)}» quá lớn (từ 10^18 trở lên).`);
  if (!p.ok) return fail('invalidValue', `${what}: không đọc được «${excerpt(v, 40)}» thành số (${REASONS[p.reason] ?? p.reason}).`);
  // a unit written in the cell ("1.500đ", "1,5 tỷ đồng"): the amount in đồng
  return p.unit ? p.value.shift(p.unit.exponent) : p.value;
}

const REASONS: Record<string, string> = {
  'repeated separator': 'hai dấu phân cách liền nhau',
  'several decimal separators': 'nhiều dấu thập phân',
  'separator after the decimal point': 'dấu phân cách sau phần thập phân',
  'digit groups must have 3 digits': 'mỗi nhóm chữ số phải có 3 chữ số',
  'malformed digit groups': 'nhóm chữ số không đúng',
  'missing integer part': 'thiếu phần nguyên',
  'trailing separator': 'thừa dấu phân cách ở cuối',
  'repeated sign': 'thừa dấu',
  'sign inside accounting parentheses': 'dấu trừ trong ngoặc',
};

/** A JS number that is exactly `d`, or a #NUM! failure (more than 15 significant digits). */
function exact(d: Dec, what: string): number {
  const n = d.toNumber();
  const back = Dec.fromNumber(n);
  if (!back || !back.eq(d)) fail('invalidNumber', `${what}: số có quá nhiều chữ số để Excel giữ chính xác.`);
  return n;
}

/**
 * =PHULUC.BANGCHU(số; [đơn vị]) — the amount in words: 26979 with "triệu đồng" → "Hai mươi sáu tỷ chín trăm bảy
 * mươi chín triệu đồng". The words are read back before they are returned.
 */
export function amountInWords(amount: CellInput, unit?: CellInput): string {
  const value = readNumber(amount, 'money', 'Số tiền');
  let factor = Dec.fromInt(1);
  if (!isBlankInput(unit)) {
    if (typeof unit !== 'string') return fail('invalidValue', `Đơn vị: cần ghi «đồng», «nghìn đồng», «triệu đồng» hoặc «tỷ đồng», không phải ${String(unit)}.`);
    const u = parseMoneyUnit(unit) ?? parseMoneyUnit(`(${unit})`);
    if (!u) return fail('invalidValue', `Đơn vị: không hiểu «${excerpt(unit, 30)}» (ghi «đồng», «nghìn đồng», «triệu đồng» hoặc «tỷ đồng»).`);
    factor = u.factor;
  }
  const dong = value.mul(factor);
  // amounts in words in documents are whole đồng: a fraction of a đồng is refused, not written "phẩy"
  if (dong.decimals > 0) return fail('invalidValue', `Số tiền ${dong.toString()} đồng có phần lẻ dưới một đồng, không đọc thành chữ được.`);
  let words: string;
  try {
    words = toWords(dong);
  } catch {
    return fail('invalidValue', `Số tiền ${dong.toString()} đồng có phần lẻ dưới một đồng, không đọc thành chữ được.`);
  }
  const back = parseWords(words);
  if (!back || !back.value.eq(dong)) return fail('invalidNumber', `Số tiền ${dong.toString()} đồng nằm ngoài khoảng đọc được thành chữ.`);
  return words;
}

/** =PHULUC.SO(văn bản) — the number written in a cell: "21.950" → 21950, "26.979,5" → 26979,5. */
export function numberFromText(text: CellInput): number {
  return exact(readNumber(text, 'any', 'Văn bản'), 'Văn bản');
}

function readYear(v: CellInput): number | undefined {
  if (isBlankInput(v)) return undefined;
  const d = typeof v === 'boolean' ? null : readNumber(v, 'any', 'Năm kế hoạch');
  const n = d ? d.toNumber() : NaN;
  if (!Number.isInteger(n) || n < MIN_YEAR || n > MAX_YEAR) return fail('invalidValue', `Năm kế hoạch: «${String(v)}» không phải một năm (${MIN_YEAR}–${MAX_YEAR}).`);
  return n;
}

const KIND_NAMES: Record<string, string> = { recurring: 'định kỳ', ongoing: 'thường xuyên', 'on-request': 'theo yêu cầu' };

/**
 * =PHULUC.HAN(văn bản; [năm kế hoạch]) — the due date of a deadline ("Quý IV/2017" → 31/12/2017) as an Excel date
 * serial. Several periods ("Quý II và Quý III/2024") give the last due date; "Trước ngày X" is due on X.
 */
export function dueDate(text: CellInput, planYear?: CellInput): number {
  const year = readYear(planYear);
  if (isBlankInput(text)) return fail('invalidValue', 'Thời hạn: ô trống.');
  if (typeof text === 'boolean') return fail('invalidValue', `Thời hạn: không đọc được «${text ? 'TRUE' : 'FALSE'}».`);
  let parts: DeadlinePart[];
  let shown: string;
  if (typeof text === 'number') {
    if (Number.isInteger(text) && text >= MIN_YEAR && text <= MAX_YEAR) {
      parts = parseDeadlineCell(text, { planYear: year });
      shown = String(text);
    } else {
      const iso = excelSerialToIso(text);
      if (!iso) return fail('invalidValue', `Thời hạn: ${String(text)} không phải một ngày.`);
      return isoToExcelSerial(iso);
    }
  } else {
    parts = parseDeadline(text, { planYear: year });
    shown = excerpt(text, 50);
  }
  const bad = parts.find((p) => p.kind === 'invalid');
  if (bad) return fail('invalidValue', `Thời hạn: ngày không hợp lệ — ${bad.reason ?? bad.text}.`);
  const unparsed = parts.find((p) => p.kind === 'unparsed');
  if (unparsed) {
    const needsYear = year === undefined && typeof text === 'string' && parseDeadline(text, { planYear: 2000 }).every((p) => p.kind !== 'unparsed');
    return fail(
      'invalidValue',
      needsYear
        ? `Thời hạn: «${shown}» không ghi năm — cần năm kế hoạch ở tham số thứ hai.`
        : `Thời hạn: không đọc được «${excerpt(unparsed.text, 50)}» (ví dụ cách ghi: 20/3/2024, Quý IV/2024, Tháng 01/2024, Năm 2024).`,
    );
  }
  const dues = parts.filter((p) => p.kind === 'fixed' && p.period).map((p) => p.period!.due);
  if (!dues.length) {
    if (parts.some((p) => p.kind === 'done')) return fail('notAvailable', `Thời hạn «${shown}» chỉ ghi nhiệm vụ đã hoàn thành, không có một ngày cụ thể.`);
    const kinds = [...new Set(parts.map((p) => KIND_NAMES[p.kind] ?? p.kind))].join(', ');
    return fail('notAvailable', `Thời hạn «${shown}» là thời hạn ${kinds}, không có một ngày cụ thể.`);
  }
  const last = dues.reduce((a, b) => (b > a ? b : a));
  const serial = isoToExcelSerial(last);
  if (!Number.isFinite(serial)) return fail('invalidNumber', `Thời hạn «${shown}» (${last}) nằm ngoài các ngày Excel hiển thị được.`);
  return serial;
}

/**
 * =PHULUC.XEPLOAI(điểm; điểm tối đa) — the band the score earns: the percent of the maximum, to one decimal as the
 * pane shows it, against the default bands (A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D ≥ 50 %, E below).
 */
export function scoreBand(score: CellInput, max: CellInput, bands: readonly Band[] = DEFAULT_BANDS): string {
  const s = readNumber(score, 'score', 'Điểm');
  const m = readNumber(max, 'score', 'Điểm tối đa');
  if (m.sign() <= 0) return fail('invalidNumber', 'Điểm tối đa phải lớn hơn 0.');
  if (s.sign() < 0) return fail('invalidNumber', `Điểm ${s.toString()} là số âm.`);
  if (s.cmp(m) > 0) return fail('invalidNumber', `Điểm ${s.toString()} vượt điểm tối đa ${m.toString()}.`);
  const percent = s.mul(Dec.fromInt(100)).div(m, 1)!;
  const band = bandFor(percent, [...bands].sort((a, b) => b.minPercent - a.minPercent));
  return band ?? fail('notAvailable', `Không có loại nào cho ${percent.toString()}% điểm tối đa.`);
}
