/**
 * The file layer's documented bounds. A workbook beyond one of them is refused with a clear message (never a hang,
 * never an out-of-memory crash), and the other files of the run are still checked. The README's "Limits" section
 * lists the same numbers.
 */
export const LIMITS = {
  /** a file larger than this is not opened at all */
  fileBytes: 256 * 1024 * 1024,
  /** entries in one zip package (a real workbook has a few dozen; thousands of sheets or images still fit) */
  zipEntries: 50_000,
  /** the uncompressed size of one part of the package the reader has to read (a sheet, the shared strings, styles) */
  partBytes: 256 * 1024 * 1024,
  /** all the parts read from one package, uncompressed (a "zip bomb" hits this or partBytes first) */
  totalBytes: 1024 * 1024 * 1024,
  /** cells that hold something (a value or a formula), over all the sheets of a workbook */
  filledCells: 3_000_000,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** Bytes as people read them: "512 MB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
