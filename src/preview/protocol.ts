/**
 * Messages between the preview page and its Web Worker. Everything is plain data (structured clone); the page never
 * parses a workbook or runs the engine — the worker does both and sends back snapshots (for the grid) and reports.
 */
import type { CheckOptions } from '../core/options';
import type { Lang, SheetReport, Text } from '../core/report';
import type { SheetSnapshot } from '../core/snapshot';
import type { GridLayout } from './format';

export type FileId = string;

export interface SheetView {
  snapshot: SheetSnapshot;
  report: SheetReport;
  layout: GridLayout;
}

export type ToWorker =
  /** read, parse and check a file; `file` is the picked/dropped File (or the example's Blob) */
  | { type: 'open'; id: FileId; name: string; file: Blob; options: CheckOptions }
  /** check every open file again with new options (as-of date) */
  | { type: 'recheck'; options: CheckOptions }
  /** build the annotated copy of a file from its latest reports */
  | { type: 'annotate'; id: FileId; requestId: number; lang: Lang }
  /** forget a file */
  | { type: 'close'; id: FileId };

export type Phase = 'reading' | 'parsing' | 'checking';

export type FromWorker =
  | { type: 'progress'; id: FileId; phase: Phase; done?: number; total?: number }
  | { type: 'loaded'; id: FileId; sheets: SheetView[]; asOf: string; timings: { read: number; parse: number; check: number } }
  | { type: 'failed'; id: FileId; error: Text; code?: string }
  | { type: 'rechecked'; id: FileId; reports: SheetReport[]; asOf: string }
  | { type: 'annotated'; requestId: number; id: FileId; bytes: ArrayBuffer }
  | { type: 'annotate-failed'; requestId: number; id: FileId; error: Text };
