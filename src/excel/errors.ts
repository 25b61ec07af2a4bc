/** Typed errors of the Office.js adapter, each with a Vietnamese and an English message. */
export type AdapterErrorCode = 'protected' | 'unsupported' | 'stale' | 'invalid-address';

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly vi: string;
  readonly en: string;
  /** cells involved (e.g. the cells that changed since the check) */
  readonly cells: string[];
  constructor(code: AdapterErrorCode, vi: string, en: string, cells: string[] = []) {
    super(`${vi} / ${en}`);
    this.code = code;
    this.vi = vi;
    this.en = en;
    this.cells = cells;
    this.name = new.target.name;
  }
}

export class MarkError extends AdapterError {}
export class RecalcError extends AdapterError {}

export function protectedMessage(sheet: string): [string, string] {
  return [
    `Trang "${sheet}" đang được bảo vệ; hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi thử lại. Chưa ghi gì vào trang.`,
    `Sheet "${sheet}" is protected; unprotect it (Review › Unprotect Sheet) and try again. Nothing was written.`,
  ];
}

export function unsupportedMessage(featureVi: string, featureEn: string, apiSet: string): [string, string] {
  return [
    `Phiên bản Excel này không hỗ trợ ${featureVi} (cần ExcelApi ${apiSet}). Chưa ghi gì vào trang.`,
    `This version of Excel cannot ${featureEn} (needs ExcelApi ${apiSet}). Nothing was written.`,
  ];
}
