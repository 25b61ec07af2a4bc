/**
 * `phuluc check`: reads workbooks (or every file of a folder), checks every sheet, prints the results, and with
 * `--annotate DIR` writes each checked file's annotated copy there.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CliArgs, UsageError, langOf, parseArgs, usage } from './args';
import { checkAll } from '../core/check';
import { todayIso } from '../core/options';
import type { Lang, SheetReport } from '../core/report';
import { readWorkbookFile, type WorkbookFile } from '../io/xlsx';
import { asReadError } from '../io/errors';
import { annotatedName } from '../io/names';
import { useNativeInflate } from '../io/zip';
import { FileResult, exitCode, findingsCsv, rankSummary, safe, safeJson, summaryCsv, summaryRows, summaryText, toJson, toText } from './output';
import { RANK_CONVENTION } from '../core/scores/rank';
import { runScores } from './scores';
import { zlibInflate } from './zlibInflate';

// Node's own zlib inflates parts several times faster than the portable fflate the preview uses (./zlibInflate.ts).
useNativeInflate(zlibInflate);

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** raw bytes to standard output (an .xlsx piped to a file); default: refused */
  outBytes?: (b: Uint8Array) => void;
  /** colour the text output (a terminal, and NO_COLOR unset) */
  isTty: boolean;
  /** standard output is a terminal (whatever NO_COLOR says); default: isTty */
  terminal?: boolean;
  now: Date;
}

// `phuluc check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  outBytes: (b) => process.stdout.write(b),
  err: (s) => process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  terminal: Boolean(process.stdout.isTTY),
  now: new Date(),
});

/** What a folder holds that is checked: workbooks by their extension (the bytes decide the format). */
const WORKBOOK_EXT = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods)$/i;

const SKIP = {
  lock: { vi: 'bỏ qua: tệp khóa tạm của Excel (~$…), không phải bảng tính', en: 'skipped: an Excel lock file (~$…), not a workbook' },
  copy: { vi: 'bỏ qua: bản có đánh dấu do phuluc tạo', en: 'skipped: an annotated copy made by phuluc' },
  folder: { vi: 'bỏ qua: thư mục con (hãy kiểm tra riêng)', en: 'skipped: a subfolder (check it on its own)' },
  other: { vi: 'bỏ qua: không phải tệp bảng tính ({ext})', en: 'skipped: not a spreadsheet file ({ext})' },
};

function skipReason(name: string, isDir: boolean, lang: Lang): string | null {
  if (isDir) return SKIP.folder[lang];
  if (name.startsWith('~$')) return SKIP.lock[lang];
  if (!WORKBOOK_EXT.test(name)) return SKIP.other[lang].replace('{ext}', path.extname(name) || (lang === 'vi' ? 'không có phần mở rộng' : 'no extension'));
  if (/-phuluc\.(xlsx|xlsm|xltx|xltm)$/i.test(name)) return SKIP.copy[lang];
  return null;
}

/** A file to check, or a result already known (skipped, missing). */
type Entry = { file: string; check: true } | FileResult;

/** The files in the order given (a folder's in name order); every entry of a folder is to be checked or listed as skipped with why. */
async function expand(paths: string[], lang: Lang): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      out.push({ file: p, sheets: [], error: lang === 'vi' ? 'Không tìm thấy tệp hoặc thư mục.' : 'No such file or folder.' });
      continue;
    }
    if (!st.isDirectory()) {
      out.push({ file: p, check: true });
      continue;
    }
    const entries = (await fs.readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    let workbooks = 0;
    for (const e of entries) {
      const full = path.join(p, e.name);
      const why = skipReason(e.name, e.isDirectory(), lang);
      if (why) out.push({ file: full, sheets: [], skipped: why });
      else {
        out.push({ file: full, check: true });
        workbooks++;
      }
    }
    if (!workbooks)
      out.push({
        file: p,
        sheets: [],
        error: lang === 'vi' ? 'Thư mục không có tệp bảng tính nào (.xlsx, .xlsm, .xls, .xlsb, .ods).' : 'The folder holds no workbook (.xlsx, .xlsm, .xls, .xlsb, .ods).',
      });
  }
  return out;
}

/** Writes the annotated copy of one checked file into `dir`; the name is unique within the run and never an input. */
async function writeCopy(dir: string, file: string, book: WorkbookFile, bytes: Uint8Array, reports: SheetReport[], args: CliArgs, asOf: string, taken: Set<string>, inputs: Set<string>): Promise<string> {
  const wanted = annotatedName(path.basename(file), book.format);
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()) || inputs.has(path.resolve(dir, name)); i++) name = wanted.replace(/(-phuluc)(\.\w+)$/, `$1 (${i})$2`);
  taken.add(name.toLowerCase());
  // loaded only when copies are asked for: a plain check does not pay for the patcher
  const { annotateWorkbook } = await import('../io/annotate');
  const out = await annotateWorkbook(bytes, reports, { lang: args.lang, asOf, fileName: path.basename(file) });
  const target = path.join(dir, name);
  await fs.writeFile(target, out);
  return target;
}

export async function run(args: CliArgs, io: Io): Promise<number> {
  const asOf = args.asOf ?? todayIso(io.now);
  const lang = args.lang;
  const entries = await expand(args.paths, lang);
  const results: FileResult[] = [];
  const inputs = new Set(entries.filter((e) => 'check' in e).map((e) => path.resolve(e.file)));
  const taken = new Set<string>();
  if (args.annotate) {
    try {
      await fs.mkdir(args.annotate, { recursive: true });
    } catch (e) {
      io.err(`phuluc: --annotate ${args.annotate}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  for (const entry of entries) {
    if (!('check' in entry)) {
      results.push(entry);
      continue;
    }
    const file = entry.file;
    let bytes: Uint8Array;
    let book: WorkbookFile;
    try {
      bytes = await fs.readFile(file);
      book = await readWorkbookFile(bytes);
    } catch (e) {
      const err = asReadError(e);
      results.push({ file, sheets: [], error: err.text[lang], ...(err.detail ? { detail: err.detail } : {}) });
      continue;
    }
    let snapshots = book.sheets;
    if (args.sheet !== undefined) {
      snapshots = snapshots.filter((s) => s.name === args.sheet);
      if (!snapshots.length) {
        results.push({ file, sheets: [], error: lang === 'vi' ? `Không có trang tính «${args.sheet}».` : `No sheet named "${args.sheet}".` });
        continue;
      }
    }
    // the ignores the workbook carries ("Bỏ qua" in the Excel add-in) are honoured, and the output says what they hid
    const report = checkAll(snapshots, {
      asOf,
      planYear: args.planYear,
      required: args.required,
      notApplicable: args.notApplicable,
      ...(book.ignores ? { ignores: book.ignores } : {}),
      // what the output never uses is not made: fix plans for the marked copies and the text list (where a finding
      // with a suggestion is told on its own), not for JSON, CSV or a summary; fingerprints only to match ignores
      fixPlans: Boolean(args.annotate) || (args.format === 'text' && !args.summary),
      fingerprints: false,
    });
    const result: FileResult = { file, sheets: report.sheets, format: book.format };
    if (args.annotate) {
      try {
        result.annotated = await writeCopy(args.annotate, file, book, bytes, report.sheets, args, asOf, taken, inputs);
      } catch (e) {
        const err = asReadError(e);
        result.annotateError = err.text[lang];
      }
    }
    results.push(result);
  }
  const color = args.color ?? io.isTty;
  if (args.summary && args.format === 'xlsx') {
    const code = await writeSummaryXlsx(rankSummary(summaryRows(results), results), args, asOf, io);
    if (code) return code;
  } else if (args.summary) {
    const rows = rankSummary(summaryRows(results), results);
    if (args.format === 'json') io.out(safeJson(JSON.stringify({ version: 1, asOf, ranking: RANK_CONVENTION[args.lang], files: rows }, null, 2)) + '\n');
    else if (args.format === 'csv') io.out(summaryCsv(rows));
    else io.out(summaryText(rows, args.lang, color, asOf));
  } else if (args.format === 'json') io.out(toJson(results, asOf, args.lang) + '\n');
  else if (args.format === 'csv') io.out(findingsCsv(results, args.lang));
  else io.out(toText(results, args.lang, color, asOf));
  // The text output already tells a person about an unreadable file (once); JSON and CSV are data, so the person
  // running the command hears of it on stderr.
  if (args.format !== 'text') {
    for (const r of results) {
      if (r.error) io.err(`phuluc: ${safe(r.file)}: ${safe(r.error)}${r.detail ? ` (${safe(r.detail)})` : ''}\n`);
      if (r.annotateError) io.err(`phuluc: ${safe(r.file)}: ${safe(r.annotateError)}\n`);
    }
  }
  if (!results.some((r) => !r.error && !r.skipped)) {
    io.err(`phuluc: ${lang === 'vi' ? 'không có tệp bảng tính nào đọc được để kiểm tra.' : 'no readable workbook to check.'}\n`);
    return 2;
  }
  return exitCode(results);
}

/**
 * `--summary --format xlsx`: the overview as a workbook (src/io/summaryXlsx.ts, the preview's export: numbers as
 * numbers, the header filterable and sortable, the rank columns, a notes sheet with the as-of date and the ranking
 * rule). Written to `--out FILE.xlsx`; without it, to standard output when that goes to a file or a program
 * (`> tong-hop.xlsx`) — never to a terminal, where a workbook's bytes would be noise. Returns 2 when it cannot.
 */
async function writeSummaryXlsx(rows: ReturnType<typeof summaryRows>, args: CliArgs, asOf: string, io: Io): Promise<number> {
  const { summaryXlsx } = await import('../io/summaryXlsx');
  const bytes = summaryXlsx(rows, { lang: args.lang, asOf });
  const vi = args.lang === 'vi';
  if (args.out) {
    try {
      await fs.writeFile(args.out, bytes);
    } catch (e) {
      io.err(`phuluc: ${vi ? 'không ghi được' : 'cannot write'} ${safe(args.out)}: ${safe((e as Error).message)}\n`);
      return 2;
    }
    io.out(`${vi ? 'Đã ghi bảng tổng hợp' : 'Overview written to'} ${safe(args.out)} (${rows.length} ${vi ? 'tệp' : 'files'}).\n`);
    return 0;
  }
  if ((io.terminal ?? io.isTty) || !io.outBytes) {
    io.err(
      vi
        ? 'phuluc: --format xlsx ghi ra một tệp Excel: hãy thêm --out TỆP.xlsx, hoặc chuyển đầu ra vào một tệp (> tong-hop.xlsx).\n'
        : 'phuluc: --format xlsx writes an Excel file: add --out FILE.xlsx, or redirect the output to a file (> overview.xlsx).\n',
    );
    return 2;
  }
  io.outBytes(bytes);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      const lang = langOf(argv);
      io.err(`phuluc: ${e.text[lang]}\n${lang === 'vi' ? 'Gõ «phuluc --help» để xem cách dùng.' : 'Run "phuluc --help --lang en" for the usage.'}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.out(usage(args.lang));
    return 0;
  }
  if (args.command === 'version') {
    io.out('phuluc 0.1.0\n');
    return 0;
  }
  if (args.command === 'compare' || args.command === 'explain') return runScores(args, io);
  return run(args, io);
}
