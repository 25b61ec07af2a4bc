/** `phuluc check`: reads .xlsx files (or every .xlsx in a folder), checks every sheet, prints the results. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { checkAll } from '../core/check';
import { todayIso } from '../core/options';
import { readSnapshots } from '../io/xlsx';
import { FileResult, exitCode, findingsCsv, safe, safeJson, summaryCsv, summaryRows, summaryText, toJson, toText } from './output';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTty: boolean;
  now: Date;
}

// `phuluc check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  now: new Date(),
});

async function expand(paths: string[]): Promise<{ files: string[]; missing: FileResult[] }> {
  const files: string[] = [];
  const missing: FileResult[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch {
      missing.push({ file: p, sheets: [], error: 'Không tìm thấy tệp hoặc thư mục. / No such file or folder.' });
      continue;
    }
    if (st.isDirectory()) {
      const names = (await fs.readdir(p)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort((a, b) => a.localeCompare(b));
      if (!names.length) missing.push({ file: p, sheets: [], error: 'Thư mục không có tệp .xlsx nào. / The folder holds no .xlsx file.' });
      files.push(...names.map((n) => path.join(p, n)));
    } else files.push(p);
  }
  return { files, missing };
}

export async function run(args: CliArgs, io: Io): Promise<number> {
  const asOf = args.asOf ?? todayIso(io.now);
  const { files, missing } = await expand(args.paths);
  const results: FileResult[] = [...missing];
  for (const file of files) {
    try {
      const bytes = await fs.readFile(file);
      let snapshots = await readSnapshots(bytes);
      if (args.sheet !== undefined) {
        snapshots = snapshots.filter((s) => s.name === args.sheet);
        if (!snapshots.length) {
          results.push({ file, sheets: [], error: `Không có trang «${args.sheet}». / No sheet named "${args.sheet}".` });
          continue;
        }
      }
      const report = checkAll(snapshots, { asOf, planYear: args.planYear, required: args.required });
      results.push({ file, sheets: report.sheets });
    } catch (e) {
      results.push({ file, sheets: [], error: (e as Error).message });
    }
  }
  const color = args.color ?? io.isTty;
  if (args.summary) {
    const rows = summaryRows(results);
    if (args.format === 'json') io.out(safeJson(JSON.stringify({ version: 1, asOf, files: rows }, null, 2)) + '\n');
    else if (args.format === 'csv') io.out(summaryCsv(rows));
    else io.out(summaryText(rows, args.lang, color));
  } else if (args.format === 'json') io.out(toJson(results, asOf, args.lang) + '\n');
  else if (args.format === 'csv') io.out(findingsCsv(results, args.lang));
  else io.out(toText(results, args.lang, color));
  for (const r of results) if (r.error) io.err(`phuluc: ${safe(r.file)}: ${safe(r.error)}\n`);
  return exitCode(results);
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`phuluc: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    io.out('phuluc 0.1.0\n');
    return 0;
  }
  return run(args, io);
}
