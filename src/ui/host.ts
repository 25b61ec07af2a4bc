/**
 * What the pane needs from wherever it runs. The same React components serve Excel (src/taskpane/excelHost.ts)
 * and a plain browser page over an .xlsx file (the preview host): the pane only ever talks to a PaneHost.
 *
 * Hosts bring a sheet and carry out writes; they never judge it — `check()` does that, in the pane.
 */
import type { SheetSnapshot } from '../core/snapshot';
import type { Finding, Lang, RecalcCell, SheetReport, Text } from '../core/report';
import type { CheckSettings } from '../core/settings';

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
}

export interface ClearOutcome {
  sheet: string;
  /** cells whose original fill came back */
  restored: number;
  /** marked cells the user re-coloured since (left alone) */
  skipped: string[];
  hadMarks: boolean;
}

export interface PaneHost {
  kind: 'excel' | 'preview';
  /** reads the active sheet; `onProgress` gets 0..1 when the host can tell (large sheets) */
  readActiveSheet(onProgress?: (p: number) => void): Promise<SheetSnapshot>;
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
}

/**
 * Any error → a message in both languages. Adapter errors (src/excel/errors.ts) and other hosts' typed errors carry
 * `vi` / `en`; Office.js errors carry a `code`; anything else shows its own message after a generic sentence.
 */
export function errorText(e: unknown): Text {
  const o = e as { vi?: unknown; en?: unknown; code?: unknown; message?: unknown } | null | undefined;
  if (o && typeof o.vi === 'string' && typeof o.en === 'string') return { vi: o.vi, en: o.en };
  const code = o && typeof o.code === 'string' ? o.code : '';
  const detail = o && typeof o.message === 'string' && o.message ? o.message : String(e ?? '');
  switch (code) {
    case 'AccessDenied':
      return {
        vi: `Excel không cho phép thao tác này (trang hoặc sổ tính đang được bảo vệ, hoặc đang sửa một ô). Chi tiết: ${detail}`,
        en: `Excel refused this operation (the sheet or workbook is protected, or a cell is being edited). Details: ${detail}`,
      };
    case 'InvalidOperationInCellEditMode':
      return {
        vi: 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
        en: 'Excel is in cell-edit mode. Press Enter or Esc to leave the cell and try again.',
      };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return {
        vi: `Trang quá lớn để Excel trả về trong một lần. Chi tiết: ${detail}`,
        en: `The sheet is too large for Excel to return at once. Details: ${detail}`,
      };
    default: {
      // a few hosts' messages are written "tiếng Việt / English"
      const parts = detail.split(' / ');
      if (parts.length === 2 && parts[0] && parts[1]) return { vi: parts[0], en: parts[1] };
      return {
        vi: `Đã xảy ra lỗi${code ? ` (${code})` : ''}: ${detail}`,
        en: `Something went wrong${code ? ` (${code})` : ''}: ${detail}`,
      };
    }
  }
}
