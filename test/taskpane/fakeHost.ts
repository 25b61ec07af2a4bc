/**
 * An in-memory PaneHost for the pane's tests: it serves a snapshot read from a fixture .xlsx and records every call.
 * Also installs the browser APIs jsdom lacks and Fluent UI uses (ResizeObserver, matchMedia).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readSnapshots } from '../../src/io/xlsx';
import type { SheetSnapshot } from '../../src/core/snapshot';
import type { Finding, Lang, RecalcCell, SheetReport } from '../../src/core/report';
import type { ScoreDiff } from '../../src/core/scores/types';
import type { ClearOutcome, MarkOutcome, PaneHost, PaneSettings, RecalcOutcome, RevertOutcome } from '../../src/ui/host';

export function installDomPolyfills(): void {
  const w = window as unknown as Record<string, unknown>;
  if (!w.ResizeObserver) {
    w.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (!w.matchMedia) {
    w.matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    });
  }
}

export async function fixtureSnapshot(name: string): Promise<SheetSnapshot> {
  const [s] = await readSnapshots(readFileSync(path.join(__dirname, '..', 'fixtures', name)));
  return s;
}

/** deep copy, so a test may edit its snapshot without touching another's */
export function cloneSnapshot(s: SheetSnapshot): SheetSnapshot {
  return JSON.parse(JSON.stringify(s)) as SheetSnapshot;
}

export class FakeHost implements PaneHost {
  kind: 'preview' | 'excel' = 'preview';
  keepsUndo?: boolean;
  selfTest?: PaneHost['selfTest'];
  settings: PaneSettings = { lang: 'vi', autoRefresh: false };
  changeListeners = new Set<() => void>();

  constructor(public snapshot: SheetSnapshot) {}

  readActiveSheet = jest.fn(async (onProgress?: (p: number) => void): Promise<SheetSnapshot> => {
    onProgress?.(0.5);
    return cloneSnapshot(this.snapshot);
  });
  selectCell = jest.fn(async (_address: string, _sheet?: string): Promise<void> => undefined);
  applyMarks = jest.fn(async (findings: readonly Finding[], opts: { sheet: string; lang: Lang }): Promise<MarkOutcome> => ({
    sheet: opts.sheet,
    cells: new Set(findings.map((f) => f.cell)).size,
  }));
  clearMarks = jest.fn(async (sheet?: string): Promise<ClearOutcome> => ({ sheet: sheet ?? this.snapshot.name, restored: 3, skipped: [], hadMarks: true }));
  /** writes the plan's non-formula cells whose value differs, as the Excel adapter does */
  applyRecalc = jest.fn(async (plan: readonly RecalcCell[], sheet: string): Promise<RecalcOutcome> => ({
    sheet,
    changed: plan.filter((p) => !p.formula && p.current !== p.computed).map((p) => ({ cell: p.cell, before: p.current, after: p.computed })),
    verifiedFormulas: [],
  }));
  revertRecalc = jest.fn(async (sheet?: string): Promise<RevertOutcome> => ({ sheet: sheet ?? this.snapshot.name, restored: ['D109', 'E109'], skipped: [], hadRecalc: true }));
  loadSettings = jest.fn(async (): Promise<PaneSettings> => ({ ...this.settings }));
  saveSettings = jest.fn(async (s: PaneSettings): Promise<PaneSettings> => {
    this.settings = { ...s };
    return { ...s };
  });
  onSheetChanged = jest.fn((cb: () => void, _onError?: (e: unknown) => void) => {
    this.changeListeners.add(cb);
    return () => {
      this.changeListeners.delete(cb);
    };
  });
  writeReportSheet = jest.fn(async (_report: SheetReport, _lang: Lang): Promise<string> => 'Phuluc – Báo cáo');
  /** the workbook's other sheets (the active one is `snapshot`) */
  others: SheetSnapshot[] = [];
  listSheets = jest.fn(async () => ({ names: [this.snapshot.name, ...this.others.map((s) => s.name)], active: this.snapshot.name }));
  readSheet = jest.fn(async (name: string, onProgress?: (p: number) => void): Promise<SheetSnapshot> => {
    const s = [this.snapshot, ...this.others].find((x) => x.name === name);
    if (!s) throw Object.assign(new Error(`no sheet ${name}`), { code: 'ItemNotFound' });
    onProgress?.(1);
    return cloneSnapshot(s);
  });
  writeExplanationSheet = jest.fn(async (_diff: ScoreDiff, _lang: Lang): Promise<string> => 'Bảng giải trình');

  /** an edit in the sheet */
  emitChange(): void {
    for (const cb of [...this.changeListeners]) cb();
  }
}
