/**
 * Ribbon buttons (manifest.xml, Home tab › "Phụ lục"). With the shared runtime there is no separate
 * commands page: src/taskpane/index.tsx imports this module, so the functions are registered in the same
 * runtime as the pane. The names must match <FunctionName> in manifest.xml (scripts/validate-manifest.js
 * and test/manifest.test.ts check both sides).
 *
 * Placeholder handlers: they only signal completion. The lead wires them to the engine.
 */

/** Ribbon function names, exactly as in manifest.xml. */
export const RIBBON_FUNCTIONS = ['checkActiveSheet', 'recalcScores', 'clearMarks'] as const;
export type RibbonFunction = (typeof RIBBON_FUNCTIONS)[number];

type CommandEvent = Office.AddinCommands.Event;

function checkActiveSheet(event: CommandEvent): void {
  event.completed();
}

function recalcScores(event: CommandEvent): void {
  event.completed();
}

function clearMarks(event: CommandEvent): void {
  event.completed();
}

export const ribbonHandlers: Record<RibbonFunction, (event: CommandEvent) => void> = {
  checkActiveSheet,
  recalcScores,
  clearMarks,
};

/**
 * Associates the handlers with the ribbon. Returns false when there is nothing to associate with: a plain
 * browser without office.js, or an Office build without the shared runtime (Office.actions missing).
 */
export function registerRibbonCommands(): boolean {
  if (typeof Office === 'undefined' || !Office.actions || typeof Office.actions.associate !== 'function') {
    return false;
  }
  Office.actions.associate('checkActiveSheet', checkActiveSheet);
  Office.actions.associate('recalcScores', recalcScores);
  Office.actions.associate('clearMarks', clearMarks);
  return true;
}

registerRibbonCommands();
