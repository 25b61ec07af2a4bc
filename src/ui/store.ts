/**
 * The pane's state, outside React, so the ribbon commands (src/commands) and the pane share it: a check run from the
 * ribbon is what the pane shows when it opens, and an error in a ribbon command is shown there.
 */
import type { SheetReport, Text } from '../core/report';
import type { Ignore } from '../core/ignores';
import type { FixBatchView, RecalcOutcome, RevertOutcome } from './host';
import type { ScoreDiff } from '../core/scores/types';

export type Phase =
  | 'reading'
  | 'checking'
  | 'marking'
  | 'clearing'
  | 'recalculating'
  | 'reverting'
  | 'report'
  | 'selftest'
  | 'comparing'
  | 'explanation'
  | 'fixing'
  | 'ignoring'
  /** a part of the add-in is being fetched for the action the user asked for (./chunks.ts) */
  | 'loading';

export interface PaneMessage {
  intent: 'error' | 'warning' | 'success' | 'info';
  /** what happened, in both languages */
  text: Text;
  /** a sentence put before the text ("Checked, but the cells could not be marked.") */
  context?: Text;
  /** Excel's own code and message, shown folded under "Chi tiết kỹ thuật" */
  detail?: string;
}

export interface PaneState {
  report?: SheetReport;
  /** the day deadlines were judged on for `report` */
  asOf?: string;
  /** the last recalculation, shown until the next one or an undo */
  recalc?: RecalcOutcome;
  revert?: RevertOutcome;
  /** the fixes written on the checked sheet and not undone yet, the last first (hosts that can fix) */
  fixes?: FixBatchView[];
  /** the ignores the workbook carries (hosts that keep them) */
  ignores?: Ignore[];
  /** the last comparison of two sheets (self-assessment against appraisal) */
  comparison?: ScoreDiff;
  error?: PaneMessage;
  notice?: PaneMessage;
  busy?: { phase: Phase; progress?: number };
}

export interface PaneStore {
  get(): PaneState;
  set(patch: Partial<PaneState>): void;
  subscribe(listener: () => void): () => void;
  /** runs `job` after every job queued before it (one operation on the workbook at a time) */
  exclusive<T>(job: () => Promise<T>): Promise<T>;
}

export function createPaneStore(initial: PaneState = {}): PaneStore {
  let state: PaneState = { ...initial };
  const listeners = new Set<() => void>();
  let tail: Promise<unknown> = Promise.resolve();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const l of [...listeners]) {
        try {
          l();
        } catch {
          // a listener's failure must not stop the others
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    exclusive<T>(job: () => Promise<T>): Promise<T> {
      const run = tail.then(job, job);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/** The one store of this runtime: the pane and the ribbon commands both use it. */
export const paneStore: PaneStore = createPaneStore();
