/** The Office.js adapter: SheetSnapshot in, marks / recalculated values / settings out. */
export * from './deps';
export * from './errors';
export * from './addresses';
export * from './settings';
export * from './read';
export * from './marks';
export * from './recalc';
export * from './select';
