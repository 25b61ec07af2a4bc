/**
 * jest's jsdom environment lacks TextEncoder/TextDecoder, which every browser, Web Worker and Node has; the file layer
 * (src/io) uses them, and the pane tests read the fixtures through it. Node's own classes stand in.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextDecoder === 'undefined') g.TextDecoder = NodeTextDecoder;
if (typeof g.TextEncoder === 'undefined') g.TextEncoder = NodeTextEncoder;
