/**
 * Merged areas for the grid, never expanded cell by cell (one area can cover a million cells): areas are kept in
 * buckets of rows, so "which area covers this cell" and "which areas cross these rows" look at a few areas only.
 */
import type { MergedArea } from '../core/snapshot';
import { columnLetter, parseA1 } from '../core/snapshot';

const BUCKET = 256;

export class MergeLookup {
  readonly all: readonly MergedArea[];
  private readonly buckets = new Map<number, MergedArea[]>();
  /** top-left cell key → area */
  private readonly masters = new Map<number, MergedArea>();

  constructor(merges: readonly MergedArea[] | undefined) {
    this.all = merges ?? [];
    for (const m of this.all) {
      this.masters.set(MergeLookup.key(m.top, m.left), m);
      for (let b = Math.floor(m.top / BUCKET); b <= Math.floor(m.bottom / BUCKET); b++) {
        const list = this.buckets.get(b);
        if (list) list.push(m);
        else this.buckets.set(b, [m]);
      }
    }
  }

  /** cell key: row × 2^14 + column (Excel has at most 16 384 columns) */
  static key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The area whose top-left cell this is. */
  masterAt(row: number, col: number): MergedArea | undefined {
    return this.masters.get(MergeLookup.key(row, col));
  }

  /** The area covering a cell, if any. */
  covering(row: number, col: number): MergedArea | undefined {
    for (const m of this.buckets.get(Math.floor(row / BUCKET)) ?? []) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return undefined;
  }

  /** The areas that cross rows from…to (each once). */
  crossing(from: number, to: number): MergedArea[] {
    const out = new Set<MergedArea>();
    for (let b = Math.floor(from / BUCKET); b <= Math.floor(to / BUCKET); b++)
      for (const m of this.buckets.get(b) ?? []) if (m.bottom >= from && m.top <= to) out.add(m);
    return [...out];
  }

  /** The address a cell is shown at: the top-left cell of its merged area, or itself. */
  master(address: string): string {
    const p = parseA1(address);
    if (!p) return address;
    const m = this.covering(p.row, p.col);
    return m ? columnLetter(m.left) + m.top : columnLetter(p.col) + p.row;
  }
}
