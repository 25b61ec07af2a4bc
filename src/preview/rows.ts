/**
 * The cells the grid shows, fetched from the worker in blocks of rows as they come into view and kept for a while
 * (the least recently used blocks go first). The page never holds a whole large sheet.
 */
import type { FileId, RowData } from './protocol';

export const BLOCK = 200;
/** blocks kept per sheet (40 000 rows) */
export const MAX_BLOCKS = 200;

type Request = (id: FileId, sheet: number, from: number, to: number) => void;

/** What the grid reads: the rows of one sheet. */
export interface RowSource {
  get(row: number): RowData | undefined;
  /** asks for the rows from…to if they are not here yet */
  ensure(from: number, to: number): void;
  subscribe(listener: () => void): () => void;
  /** changes whenever rows arrive */
  version(): number;
}

export class RowStore {
  private readonly sheets = new Map<string, Map<number, RowData[] | null>>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly request: Request) {}

  private static k(id: FileId, sheet: number): string {
    return `${id}|${sheet}`;
  }

  get(id: FileId, sheet: number, row: number): RowData | undefined {
    const block = this.sheets.get(RowStore.k(id, sheet))?.get(Math.floor((row - 1) / BLOCK));
    return block ? block[(row - 1) % BLOCK] : undefined;
  }

  ensure(id: FileId, sheet: number, from: number, to: number): void {
    const k = RowStore.k(id, sheet);
    let blocks = this.sheets.get(k);
    if (!blocks) this.sheets.set(k, (blocks = new Map()));
    for (let b = Math.floor((Math.max(1, from) - 1) / BLOCK); b <= Math.floor((Math.max(1, to) - 1) / BLOCK); b++) {
      const have = blocks.get(b);
      if (have !== undefined) {
        // recently used: to the end of the eviction order
        blocks.delete(b);
        blocks.set(b, have);
        continue;
      }
      blocks.set(b, null);
      this.request(id, sheet, b * BLOCK + 1, (b + 1) * BLOCK);
    }
    while (blocks.size > MAX_BLOCKS) blocks.delete(blocks.keys().next().value as number);
  }

  receive(id: FileId, sheet: number, from: number, rows: RowData[]): void {
    const k = RowStore.k(id, sheet);
    const blocks = this.sheets.get(k);
    if (!blocks) return; // closed meanwhile
    const b = Math.floor((from - 1) / BLOCK);
    blocks.set(b, rows);
    this.versions.set(k, (this.versions.get(k) ?? 0) + 1);
    for (const l of [...(this.listeners.get(k) ?? [])]) l();
  }

  drop(id: FileId): void {
    for (const k of [...this.sheets.keys()]) if (k.startsWith(`${id}|`)) this.sheets.delete(k);
  }

  source(id: FileId, sheet: number): RowSource {
    const k = RowStore.k(id, sheet);
    return {
      get: (row) => this.get(id, sheet, row),
      ensure: (from, to) => this.ensure(id, sheet, from, to),
      subscribe: (listener) => {
        let set = this.listeners.get(k);
        if (!set) this.listeners.set(k, (set = new Set()));
        set.add(listener);
        return () => set!.delete(listener);
      },
      version: () => this.versions.get(k) ?? 0,
    };
  }
}
