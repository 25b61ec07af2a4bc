/**
 * jest's jsdom environment lacks TextEncoder/TextDecoder, which every browser, Web Worker and Node has; the file layer
 * (src/io) uses them, and the pane tests read the fixtures through it. Node's own classes stand in.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = NodeTextDecoder;
if (typeof g.TextEncoder === 'undefined') g.TextEncoder = NodeTextEncoder;

/**
 * jsdom computes styles by walking every CSS rule of the document for every element, and the Testing Library's role
 * queries ask for the computed style of each element (is it hidden?) and of each node they name. Fluent UI (Griffel)
 * inserts its atomic rules into the document — some 700 after a check — so one `getByRole(…, { name })` took 7–9 s
 * on a busy two-core machine (about 15 ms per getComputedStyle) and the pane suites timed out under load. The tests
 * assert behaviour, not looks: only the rules that hide an element (display: none, visibility: hidden) are kept, so
 * the queries still see what a user cannot; the others are dropped before jsdom stores them.
 */
if (typeof window !== 'undefined' && typeof CSSStyleSheet !== 'undefined') {
  const insert = CSSStyleSheet.prototype.insertRule;
  const HIDES = /display:\s*none|visibility:\s*hidden/;
  CSSStyleSheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number) {
    if (!HIDES.test(rule)) return index ?? this.cssRules.length;
    return insert.call(this, rule, index === undefined ? this.cssRules.length : Math.min(index, this.cssRules.length));
  };
}
