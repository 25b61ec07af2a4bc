/**
 * Messages between the preview page and its Web Worker. Everything is plain data (structured clone); the page never
 * parses a workbook or runs the engine. The worker answers an 'open' with the findings first — each sheet's report and
 * what the grid needs to lay itself out (name, size, column widths, merged areas), a few kilobytes — and sends the
 * cells of a range of rows only when the grid asks for them, so opening a 50 000-row workbook never hands the page
 * one huge message to unpack.
 */
import type { CheckOptions } from '../core/options';
import type { Finding, Lang, SheetReport, Text } from '../core/report';
import type { CellValue, MergedArea } from '../core/snapshot';
import type { GridLayout } from './format';

export type FileId = string;

/** What the page knows of a sheet without its cells. */
export interface SheetMeta {
  name: string;
  visibility?: 'hidden' | 'veryHidden';
  /** merged areas, clamped to the data (never expanded cell by cell) */
  merges: MergedArea[];
  layout: GridLayout;
}

export interface SheetView {
  meta: SheetMeta;
  report: SheetReport;
}

/** The cells of one row from column A: values and number formats (the grid formats the visible ones). */
export interface RowData {
  values: CellValue[];
  formats: (string | null | undefined)[];
}

export type ToWorker =
  /** read, parse and check a file; `file` is the picked/dropped File (or the example's Blob) */
  | { type: 'open'; id: FileId; name: string; file: Blob; options: CheckOptions }
  /** check every open file again with new options (as-of date) */
  | { type: 'recheck'; options: CheckOptions }
  /** the cells of rows `from`…`to` (1-based, inclusive) of a sheet */
  | { type: 'rows'; id: FileId; sheet: number; from: number; to: number }
  /** build the annotated copy of a file from its latest reports */
  | { type: 'annotate'; id: FileId; requestId: number; lang: Lang }
  /**
   * "Tải tất cả": the annotated copies of `ids` in one zip, with a text file listing what is in it and what is not —
   * `without` are the files the page knows have no copy (unreadable ones), with the reason
   */
  | { type: 'annotate-all'; requestId: number; lang: Lang; ids: FileId[]; without: WithoutCopy[]; asOf: string }
  /** forget a file */
  | { type: 'close'; id: FileId };

export type Phase = 'reading' | 'parsing' | 'checking';

/** A file that has no annotated copy in the zip, and why. */
export interface WithoutCopy {
  name: string;
  reason: Text;
}

/** How long each step of opening a file took, in ms (this file only: the queue before it is not counted). */
export interface Timings {
  read: number;
  parse: number;
  check: number;
}

export type FromWorker =
  | { type: 'progress'; id: FileId; phase: Phase; done?: number; total?: number }
  | {
      type: 'loaded';
      id: FileId;
      sheets: SheetView[];
      asOf: string;
      /** "xlsx", "xls", "ods"… */
      format: string;
      /** an annotated copy can be made (an .xlsx/.xlsm package) */
      annotatable: boolean;
      timings: Timings;
      /** per sheet, how many findings its report has: the ones beyond the first come in 'findings' messages */
      findingsTotal?: number[];
    }
  | { type: 'failed'; id: FileId; error: Text; detail?: string; code?: string }
  | { type: 'rechecked'; id: FileId; reports: SheetReport[]; asOf: string; findingsTotal?: number[] }
  /** more findings of a sheet's report (a large report is sent in parts: no single message takes long to unpack) */
  | { type: 'findings'; id: FileId; sheet: number; from: number; findings: Finding[] }
  | { type: 'rows'; id: FileId; sheet: number; from: number; rows: RowData[] }
  | { type: 'annotated'; requestId: number; id: FileId; bytes: ArrayBuffer; name: string }
  | { type: 'annotate-failed'; requestId: number; id: FileId; error: Text }
  | { type: 'annotate-all-progress'; requestId: number; done: number; total: number }
  /** the zip: `copies` are the annotated copies' names in it, `without` the files that have none */
  | { type: 'annotated-all'; requestId: number; bytes: ArrayBuffer; name: string; copies: string[]; without: WithoutCopy[] }
  | { type: 'annotate-all-failed'; requestId: number; error: Text; without: WithoutCopy[] };
