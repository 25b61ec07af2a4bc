/**
 * Typed errors of the Office.js adapter, each with a Vietnamese and an English message for the user — naming
 * Vietnamese Excel's own menus, never API set names — and, apart, a technical detail (which API set is missing,
 * Excel's error code) that the pane shows behind "Chi tiết kỹ thuật".
 */
export type AdapterErrorCode = 'protected' | 'unsupported' | 'stale' | 'invalid-address' | 'too-large' | 'failed';

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly vi: string;
  readonly en: string;
  /** cells involved (e.g. the cells that changed since the check) */
  readonly cells: string[];
  /** for the "technical details" line: API sets, Excel's error codes */
  readonly detail?: string;
  constructor(code: AdapterErrorCode, vi: string, en: string, cells: string[] = [], detail?: string) {
    super(`${vi} / ${en}`);
    this.code = code;
    this.vi = vi;
    this.en = en;
    this.cells = cells;
    this.detail = detail;
    this.name = new.target.name;
  }
}

export class MarkError extends AdapterError {}
export class RecalcError extends AdapterError {}

export function protectedMessage(sheet: string): [string, string] {
  return [
    `Trang tính «${sheet}» đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ Trang tính) rồi thử lại. Chưa ghi gì vào trang tính.`,
    `Sheet “${sheet}” is protected. Unprotect it (Review › Unprotect Sheet) and try again. Nothing was written.`,
  ];
}

/** `apiSet` goes to the technical detail only; the user reads what to do. */
export function unsupportedMessage(featureVi: string, featureEn: string): [string, string] {
  return [
    `Phiên bản Excel này chưa cho phần bổ trợ ${featureVi}. Hãy cập nhật Microsoft 365 (Tệp › Tài khoản › Tùy chọn Cập nhật › Cập nhật Ngay), dùng Excel trên web, hoặc kiểm tra tệp bằng trang xem trước (preview.html) trên trình duyệt. Chưa ghi gì vào trang tính.`,
    `This version of Excel does not let add-ins ${featureEn}. Update Microsoft 365 (File › Account › Update Options › Update Now), use Excel on the web, or check the file in the preview page (preview.html) in a browser. Nothing was written.`,
  ];
}

export function unsupportedError(featureVi: string, featureEn: string, apiSet: string): MarkError {
  const [vi, en] = unsupportedMessage(featureVi, featureEn);
  return new MarkError('unsupported', vi, en, [], `ExcelApi ${apiSet}`);
}
