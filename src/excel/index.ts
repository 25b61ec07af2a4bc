/** The Office.js adapter: SheetSnapshot in, marks / recalculated values / settings out, and the self-test. */
export * from './deps';
export * from './errors';
export * from './addresses';
export * from './settings';
export * from './fills';
export * from './tracking';
export * from './journal';
export * from './read';
export * from './marks';
export * from './writes';
export * from './recalc';
export * from './select';
export * from './selftest';
export * from './fixes';
export * from './ignores';
