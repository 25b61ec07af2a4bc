/**
 * Unicode text and sheets written back in TCVN3, as an office typing with the .VnTime fonts would hold them: for the
 * legacy-encoding tests and the speed pass's golden check (scripts/perf-golden.ts).
 */
import { decodeTcvn3 } from '../src/core/vn/legacy';
import type { SheetSnapshot } from '../src/core/snapshot';

/** TCVN3: the inverse of the decoder's chart, capitals written with the lower-case codes (as .VnTimeH fonts do). */
export function encodeTcvn3(text: string): string {
  const inverse = new Map<string, string>();
  for (let code = 0xa1; code <= 0xfe; code++) {
    const ch = String.fromCharCode(code);
    const letter = decodeTcvn3(ch);
    if (letter !== ch) inverse.set(letter, ch);
  }
  let out = '';
  for (const ch of text.normalize('NFC')) out += inverse.get(ch) ?? inverse.get(ch.toLowerCase()) ?? ch;
  return out;
}

/** Every text cell of a sheet through `enc`; the rest as it is. */
export function encodeSheet(snap: SheetSnapshot, enc: (s: string) => string): SheetSnapshot {
  return { ...snap, values: snap.values.map((row) => row.map((v) => (typeof v === 'string' ? enc(v) : v))) };
}

/** A sheet typed in TCVN3 in the .VnTime font. */
export function tcvn3Sheet(snap: SheetSnapshot): SheetSnapshot {
  return { ...encodeSheet(snap, encodeTcvn3), fonts: ['.VnTime'] };
}
