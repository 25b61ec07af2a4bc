/**
 * What the pane needs from wherever it runs. The same React components serve Excel (src/taskpane/excelHost.ts)
 * and a plain browser page over an .xlsx file (the preview host): the pane only ever talks to a PaneHost.
 *
 * Hosts bring a sheet and carry out writes; they never judge it — `check()` does that, in the pane.
 */
import type { SheetSnapshot } from '../core/snapshot';
import type { Finding, FixPlan, Lang, RecalcCell, SheetReport, Text } from '../core/report';
import type { Ignore } from '../core/ignores';
import type { CheckSettings } from '../core/settings';
import type { ScoreDiff } from '../core/scores/types';
import { CHUNK_FAILED, isChunkLoadFailure } from './chunks';

/** The per-workbook settings the pane edits (src/core/settings.ts `CheckSettings`, with lang/autoRefresh resolved). */
export type PaneSettings = Omit<CheckSettings, 'lang' | 'autoRefresh'> & { lang: Lang; autoRefresh: boolean };

export const DEFAULT_PANE_SETTINGS: Readonly<PaneSettings> = Object.freeze({ lang: 'vi', autoRefresh: false });

/** A cell's previous content as the host found it ("" or null = empty). */
export type PreviousValue = number | string | boolean | null;

export interface RecalcOutcome {
  sheet: string;
  /** cells written: the value before and the computed value now in the cell */
  changed: { cell: string; before: PreviousValue; after: number }[];
  /** formula cells are never written: Excel's value compared with the computed one */
  verifiedFormulas: { cell: string; expected: number; actual: number | null; ok: boolean }[];
}

export interface RevertOutcome {
  sheet: string;
  /** cells put back to their value before the recalculation */
  restored: string[];
  /** cells edited since the recalculation, left alone */
  skipped: string[];
  /** false when there was nothing to revert */
  hadRecalc: boolean;
}

export interface MarkOutcome {
  sheet: string;
  /** cells coloured */
  cells: number;
  /** cells where the host could not add a note (Excel refused it): fill only */
  refused?: string[];
  /** cells not coloured because their fill could not be put back afterwards (a gradient) */
  unrestorable?: string[];
  /** findings' cells left unmarked: the record of what was replaced would be larger than the workbook can keep */
  omitted?: number;
}

export interface ClearOutcome {
  sheet: string;
  /** cells whose original fill came back */
  restored: number;
  /** marked cells the user re-coloured since (left alone) */
  skipped: string[];
  hadMarks: boolean;
  /** cells already as they were (Excel's Ctrl+Z) */
  already?: number;
  /** notes the add-in added that the user edited since (left) */
  keptEdited?: string[];
  /** marked cells the user deleted since */
  gone?: number;
}

/** What a host could not read as it should, so the pane can say where its findings may be wrong. */
export type ReadLimit = 'merges-unreadable';

export type PaneSnapshot = SheetSnapshot & { limits?: ReadLimit[] };

/** One cell a fix wrote: what it held and what it holds now (a formula's text when `…Formula`). */
export interface FixCellChange {
  cell: string;
  before: PreviousValue;
  beforeFormula?: string;
  after: PreviousValue;
  afterFormula?: boolean;
  /** the number format before and after, when the fix changed it (a Text cell "@" given the column's format) */
  format?: { before: string; after: string };
}

export interface FixOutcome {
  sheet: string;
  /** the fix's number on the sheet (Hoàn tác undoes the last first) */
  batch: number;
  description: Text;
  written: FixCellChange[];
}

export interface FixUndoOutcome {
  sheet: string;
  hadFix: boolean;
  batch: number;
  description?: Text;
  restored: string[];
  /** cells edited since the fix: left alone */
  skipped: string[];
  /** fixes still to undo on the sheet */
  remaining: number;
}

/** A fix written on the sheet and not undone yet (the add-in keeps it in the workbook). */
export interface FixBatchView {
  batch: number;
  description?: Text;
  at?: string;
  cells: FixCellChange[];
}

export interface IgnoreChange {
  add?: readonly Ignore[];
  /** these, or 'all' of `sheet` */
  remove?: readonly Ignore[] | 'all';
  sheet?: string;
}

export interface SelfTestOutcome {
  /** the report as plain text, to copy and send */
  text: string;
  passed: number;
  failed: number;
  skipped: number;
}

export interface PaneHost {
  kind: 'excel' | 'preview';
  /** reads the active sheet; `onProgress` gets 0..1 when the host can tell (large sheets) */
  readActiveSheet(onProgress?: (p: number) => void): Promise<PaneSnapshot>;
  /**
   * false when the host's writes wipe the user's undo history (Excel before ExcelApi 1.20): then an automatic re-check
   * does not re-mark the sheet, so a user's own edit can still be undone.
   */
  keepsUndo?: boolean;
  /** goes to a cell ("F61") of `sheet` (default: the active sheet) */
  selectCell(address: string, sheet?: string): Promise<void>;
  /** colours the findings' cells (clearing earlier marks first); an empty list only clears */
  applyMarks(findings: readonly Finding[], opts: { sheet: string; lang: Lang }): Promise<MarkOutcome>;
  clearMarks(sheet?: string): Promise<ClearOutcome>;
  /** writes the report's recalculation plan (formula cells are only verified) */
  applyRecalc(plan: readonly RecalcCell[], sheet: string): Promise<RecalcOutcome>;
  revertRecalc(sheet?: string): Promise<RevertOutcome>;
  loadSettings(): Promise<PaneSettings>;
  /** validates and stores; resolves with what was stored */
  saveSettings(s: PaneSettings): Promise<PaneSettings>;
  /** subscribes to edits of the workbook's sheets (not the host's own writes); returns unsubscribe */
  /** `onError` hears when the host could not start listening (auto refresh then cannot work) */
  onSheetChanged?(cb: () => void, onError?: (e: unknown) => void): () => void;
  /** adds a sheet listing the report's findings with links to their cells; resolves with the new sheet's name */
  writeReportSheet?(report: SheetReport, lang: Lang): Promise<string>;
  /** tests the host itself (Excel: on a temporary sheet) and reports */
  selfTest?(onStep?: (done: number, total: number) => void): Promise<SelfTestOutcome>;
  /**
   * writes a fix plan of the report (one batch, checked against what the check saw, refused on a protected sheet);
   * resolves with what was written
   */
  applyFix?(plan: FixPlan, sheet: string): Promise<FixOutcome>;
  /** undoes the last fix of the sheet */
  undoFix?(sheet?: string): Promise<FixUndoOutcome>;
  /** the fixes of the sheet not undone yet, the last first */
  fixHistory?(sheet?: string): Promise<FixBatchView[]>;
  /** the ignores the workbook carries */
  loadIgnores?(): Promise<Ignore[]>;
  /** adds / removes ignores in the workbook; resolves with the list now stored */
  updateIgnores?(change: IgnoreChange): Promise<Ignore[]>;
  /** the workbook's sheet names and the active one (to compare a self-assessment sheet with an appraisal sheet) */
  listSheets?(): Promise<{ names: string[]; active: string }>;
  /** reads a sheet by name, as readActiveSheet reads the active one */
  readSheet?(name: string, onProgress?: (p: number) => void): Promise<SheetSnapshot>;
  /** adds a sheet with the draft bảng giải trình; resolves with the new sheet's name */
  writeExplanationSheet?(diff: ScoreDiff, lang: Lang): Promise<string>;
}

/**
 * Any error → what the user reads, in both languages: what happened and what to do, naming Vietnamese Excel's menus.
 * Raw error codes and messages never go here; they are in `errorDetail`, behind "Chi tiết kỹ thuật".
 * Adapter errors (src/excel/errors.ts) and other hosts' typed errors carry `vi` / `en`; Office.js errors a `code`.
 */
export function errorText(e: unknown): Text {
  const o = e as { vi?: unknown; en?: unknown; code?: unknown; message?: unknown } | null | undefined;
  if (o && typeof o.vi === 'string' && typeof o.en === 'string') return { vi: o.vi, en: o.en };
  // a part of the add-in that did not arrive (./chunks.ts): the network, not the sheet
  if (isChunkLoadFailure(e)) return { ...CHUNK_FAILED };
  const code = o && typeof o.code === 'string' ? o.code : '';
  const detail = o && typeof o.message === 'string' && o.message ? o.message : String(e ?? '');
  switch (code) {
    case 'AccessDenied':
      return {
        vi: 'Excel không cho phép thao tác này: trang tính hoặc sổ làm việc đang được bảo vệ (Xem lại › Bỏ bảo vệ Trang tính), hoặc tệp đang mở ở chế độ chỉ đọc.',
        en: 'Excel refused this operation: the sheet or workbook is protected (Review › Unprotect Sheet), or the file is open read-only.',
      };
    case 'InvalidOperationInCellEditMode':
      return {
        vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
        en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell and try again.',
      };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return {
        vi: 'Trang tính quá lớn để Excel gửi trong một lần. Hãy thử lại; nếu vẫn lỗi, hãy xóa các dòng, cột trống ở cuối trang tính.',
        en: 'The sheet is too large for Excel to send at once. Try again; if it still fails, delete the empty rows and columns at the end of the sheet.',
      };
    case 'ApiNotFound':
      return {
        vi: 'Phiên bản Excel này chưa có chức năng phần bổ trợ cần. Hãy cập nhật Microsoft 365 (Tệp › Tài khoản › Tùy chọn Cập nhật › Cập nhật Ngay), dùng Excel trên web, hoặc kiểm tra tệp bằng trang xem trước trên trình duyệt.',
        en: 'This version of Excel lacks a feature the add-in needs. Update Microsoft 365 (File › Account › Update Options › Update Now), use Excel on the web, or check the file in the preview page in a browser.',
      };
    case 'ItemNotFound':
      return {
        vi: 'Không tìm thấy trang tính hoặc ô cần thao tác (có thể vừa bị đổi tên hoặc xóa). Hãy bấm «Kiểm tra» lại.',
        en: 'The sheet or cell to work on was not found (it may have just been renamed or deleted). Press “Check” again.',
      };
    default: {
      // a few hosts' messages are written "tiếng Việt / English"
      const parts = detail.split(' / ');
      if (!code && parts.length === 2 && parts[0] && parts[1]) return { vi: parts[0], en: parts[1] };
      return {
        vi: 'Đã xảy ra lỗi không mong muốn; trang tính không bị thay đổi dở dang. Hãy thử lại. Nếu vẫn lỗi, hãy chạy «Tự kiểm tra Excel» trong Cài đặt và gửi báo cáo.',
        en: 'Something unexpected went wrong; nothing was left half-written. Try again. If it persists, run “Excel self-test” in Settings and send the report.',
      };
    }
  }
}

/** The technical line behind "Chi tiết kỹ thuật": Excel's code and message, an adapter's detail, a rollback error. */
export function errorDetail(e: unknown): string | undefined {
  const o = e as { vi?: unknown; code?: unknown; message?: unknown; detail?: unknown; rollbackError?: unknown; name?: unknown } | null | undefined;
  if (!o || typeof o !== 'object') return e === undefined || e === null ? undefined : String(e);
  const parts: string[] = [];
  if (typeof o.code === 'string') parts.push(o.code);
  if (typeof o.detail === 'string') parts.push(o.detail);
  if (typeof o.vi !== 'string' && typeof o.message === 'string' && o.message) parts.push(o.message);
  if (o.rollbackError) parts.push(`rollback: ${errorDetail(o.rollbackError) ?? ''}`);
  return parts.length ? parts.join(' — ').slice(0, 1000) : undefined;
}
