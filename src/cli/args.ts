/** `phuluc check` arguments. */
import type { ColumnRole, Lang } from '../core/report';

export interface CliArgs {
  command: 'check' | 'compare' | 'explain' | 'help' | 'version';
  paths: string[];
  asOf?: string;
  format: 'text' | 'json' | 'csv';
  sheet?: string;
  planYear?: number;
  summary: boolean;
  lang: Lang;
  color?: boolean;
  required?: ColumnRole[];
  /** criteria that do not apply to the unit (--not-applicable 3.3,3.4.2) */
  notApplicable?: string[];
  /** compare / explain: also write the bảng giải trình to this .xlsx file */
  out?: string;
  /** compare: the appraisal file's sheet (default: --sheet, else the first sheet with scores) */
  appraisalSheet?: string;
  /** folder to write each checked file's annotated copy into */
  annotate?: string;
}

/** Vietnamese names of the commands. */
const COMMANDS: Record<string, CliArgs['command']> = { check: 'check', 'kiem-tra': 'check', compare: 'compare', 'so-sanh': 'compare', explain: 'explain', 'giai-trinh': 'explain' };

export class UsageError extends Error {}

const ROLES: ColumnRole[] = ['number', 'content', 'product', 'leadAgency', 'partner', 'budget', 'deadline', 'status', 'completedOn', 'maxScore'];

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', paths: [], format: 'text', summary: false, lang: 'vi' };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return args;
  if (first === '--version' || first === '-v' || first === 'version') return { ...args, command: 'version' };
  const command = COMMANDS[first];
  if (!command || command === 'help' || command === 'version') throw new UsageError(`Unknown command "${first}". Try: phuluc check FILE.xlsx`);
  args.command = command;
  const value = (flag: string, inline?: string): string => {
    const v = inline ?? rest.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (rest.length) {
    const a = rest.shift()!;
    if (!a.startsWith('--') || a === '-') {
      args.paths.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    switch (flag) {
      case '--as-of': {
        const v = value(flag, inline);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v + 'T00:00:00Z')) || new Date(v + 'T00:00:00Z').toISOString().slice(0, 10) !== v)
          throw new UsageError(`--as-of must be a real date YYYY-MM-DD, got "${v}"`);
        args.asOf = v;
        break;
      }
      case '--format': {
        const v = value(flag, inline);
        if (v !== 'text' && v !== 'json' && v !== 'csv') throw new UsageError(`--format must be text, json or csv, got "${v}"`);
        args.format = v;
        break;
      }
      case '--sheet':
        args.sheet = value(flag, inline);
        break;
      case '--plan-year': {
        const v = value(flag, inline);
        if (!/^\d{4}$/.test(v)) throw new UsageError(`--plan-year must be a year like 2024, got "${v}"`);
        args.planYear = parseInt(v, 10);
        break;
      }
      case '--lang': {
        const v = value(flag, inline);
        if (v !== 'vi' && v !== 'en') throw new UsageError(`--lang must be vi or en, got "${v}"`);
        args.lang = v;
        break;
      }
      case '--required': {
        const list = value(flag, inline).split(',').map((s) => s.trim()).filter(Boolean);
        for (const r of list) if (!ROLES.includes(r as ColumnRole)) throw new UsageError(`--required: unknown column "${r}" (known: ${ROLES.join(', ')})`);
        args.required = list as ColumnRole[];
        break;
      }
      case '--summary':
        args.summary = true;
        break;
      case '--not-applicable': {
        const list = value(flag, inline).split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);
        for (const c of list) if (!/^([IVXL]+(\.\d+)*|\d+(\.\d+)*)\.?$/i.test(c)) throw new UsageError(`--not-applicable: "${c}" is not a criterion code like 3.3 or 3.4.2`);
        args.notApplicable = list;
        break;
      }
      case '--out': {
        const v = value(flag, inline);
        if (!/\.xlsx$/i.test(v)) throw new UsageError(`--out must name an .xlsx file, got "${v}"`);
        args.out = v;
        break;
      }
      case '--appraisal-sheet':
        args.appraisalSheet = value(flag, inline);
        break;
      case '--annotate':
        args.annotate = value(flag, inline);
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--help':
        return { ...args, command: 'help' };
      default:
        throw new UsageError(`Unknown option ${flag}`);
    }
  }
  if (args.command === 'compare') {
    if (args.paths.length !== 2) throw new UsageError('compare needs two files: the self-assessment, then the appraisal');
    if (args.summary || args.annotate) throw new UsageError(`${args.summary ? '--summary' : '--annotate'} is for check`);
  } else if (args.command === 'explain') {
    if (args.paths.length !== 1) throw new UsageError('explain needs one file, whose sheet has a self-assessment and an appraisal column');
    if (args.summary || args.annotate) throw new UsageError(`${args.summary ? '--summary' : '--annotate'} is for check`);
  } else {
    if (!args.paths.length) throw new UsageError('Give at least one workbook file or folder');
    if (args.out || args.appraisalSheet) throw new UsageError(`${args.out ? '--out' : '--appraisal-sheet'} is for compare and explain`);
  }
  return args;
}

export const USAGE = `phuluc — kiểm tra phụ lục kế hoạch CCHC / check CCHC plan appendix sheets

Usage:
  phuluc check FILE|FOLDER… [options]
  phuluc compare SELF APPRAISAL [options]   self-assessment against appraisal, two files (so-sanh)
  phuluc explain FILE [options]             the sheet's own self and appraisal columns (giai-trinh)

  FILE: .xlsx, .xlsm, .xls (Excel 97–2003), .xlsb or .ods — told by its contents, whatever its name.
  FOLDER: every file in it is listed — each workbook checked, anything else shown as skipped with why.

Options:
  --as-of YYYY-MM-DD     judge deadlines on this date (default: today)
  --format text|json|csv output for people (text), one JSON document, or CSV (with --summary: one row per file)
  --summary              one row per file: errors, warnings, overdue, budget, score totals, and each
                         unit's rank on every score column (ties share a rank: 1, 1, 3)
  --not-applicable 3.3,… criteria that do not apply to the unit (as "Không áp dụng" in their cells)
  --out FILE.xlsx        compare / explain: also write the bảng giải trình as an .xlsx file
  --appraisal-sheet NAME compare: the appraisal file's sheet (default: --sheet, else the first with scores)
  --sheet NAME           only this sheet
  --plan-year YYYY       override the plan year read from the title
  --required a,b,…       mandatory columns (content, leadAgency, deadline, product, partner, budget, status, …)
  --lang vi|en           language of the messages (default vi)
  --no-color / --color   colour in text output (default: when writing to a terminal)
  --annotate DIR         write each checked file's marked copy to DIR as <name>-phuluc.xlsx (.xlsm stays .xlsm):
                         fills and notes on the finding cells and a report sheet; every other part kept as it was

compare / explain print the points cut per criterion (largest first), the total cut, and the draft
bảng giải trình (STT, tiêu chí, điểm tối đa, tự đánh giá, thẩm định, chênh lệch, tài liệu kiểm chứng,
lý do đề nghị); --format csv prints only that table, --format json everything.

Exit code: 0 no errors, 1 errors found, 2 a file could not be read or its marked copy could not be written, or no
           readable workbook was given (the other files are still checked),
           3 a file was not checked (no sheet holds an appendix table: not a pass).
Limits: 256 MB per file, 3 000 000 filled cells per workbook, 256 MB per part once unpacked (see README).
compare / explain: 0 compared, 2 a file could not be read or has nothing to compare.
`;
