/** `phuluc check` arguments. */
import type { ColumnRole, Lang } from '../core/report';
import { UsageError, langOf, usage, usageError } from './usage';

export { UsageError, langOf, usage };

export interface CliArgs {
  command: 'check' | 'compare' | 'explain' | 'help' | 'version';
  paths: string[];
  asOf?: string;
  format: 'text' | 'json' | 'csv' | 'xlsx';
  sheet?: string;
  planYear?: number;
  summary: boolean;
  lang: Lang;
  color?: boolean;
  required?: ColumnRole[];
  /** criteria that do not apply to the unit (--not-applicable 3.3,3.4.2) */
  notApplicable?: string[];
  /** compare / explain: also write the bảng giải trình to this .xlsx file; check --summary --format xlsx: the overview */
  out?: string;
  /** compare: the appraisal file's sheet (default: --sheet, else the first sheet with scores) */
  appraisalSheet?: string;
  /** folder to write each checked file's annotated copy into */
  annotate?: string;
}

/** Vietnamese names of the commands. */
const COMMANDS: Record<string, CliArgs['command']> = { check: 'check', 'kiem-tra': 'check', compare: 'compare', 'so-sanh': 'compare', explain: 'explain', 'giai-trinh': 'explain' };

const ROLES: ColumnRole[] = ['number', 'content', 'product', 'leadAgency', 'partner', 'budget', 'deadline', 'status', 'completedOn', 'maxScore'];

/** Refusals (UsageError) speak the language the arguments ask for: Vietnamese unless `--lang en`. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', paths: [], format: 'text', summary: false, lang: langOf(argv) };
  const rest = [...argv];
  const first = rest.shift();
  if (first === undefined || first === 'help' || first === '--help' || first === '-h' || first === '--lang' || first?.startsWith('--lang=')) return args;
  if (first === '--version' || first === '-v' || first === 'version') return { ...args, command: 'version' };
  const command = COMMANDS[first];
  if (!command || command === 'help' || command === 'version') throw usageError('unknownCommand', { x: first });
  args.command = command;
  const value = (flag: string, inline?: string): string => {
    const v = inline ?? rest.shift();
    if (v === undefined || v.startsWith('--')) throw usageError('needsValue', { flag });
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
        const iso = parseAsOf(v);
        if (!iso) throw usageError('asOf', { x: v });
        args.asOf = iso;
        break;
      }
      case '--format': {
        const v = value(flag, inline);
        if (v !== 'text' && v !== 'json' && v !== 'csv' && v !== 'xlsx') throw usageError('format', { x: v });
        args.format = v;
        break;
      }
      case '--sheet':
        args.sheet = value(flag, inline);
        break;
      case '--plan-year': {
        const v = value(flag, inline);
        if (!/^\d{4}$/.test(v)) throw usageError('planYear', { x: v });
        args.planYear = parseInt(v, 10);
        break;
      }
      case '--lang': {
        const v = value(flag, inline);
        if (v !== 'vi' && v !== 'en') throw usageError('lang', { x: v });
        args.lang = v;
        break;
      }
      case '--required': {
        const list = value(flag, inline).split(',').map((s) => s.trim()).filter(Boolean);
        for (const r of list) if (!ROLES.includes(r as ColumnRole)) throw usageError('required', { x: r, known: ROLES.join(', ') });
        args.required = list as ColumnRole[];
        break;
      }
      case '--summary':
        args.summary = true;
        break;
      case '--not-applicable': {
        const list = value(flag, inline).split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);
        for (const c of list) if (!/^([IVXL]+(\.\d+)*|\d+(\.\d+)*)\.?$/i.test(c)) throw usageError('notApplicable', { x: c });
        args.notApplicable = list;
        break;
      }
      case '--out': {
        const v = value(flag, inline);
        if (!/\.xlsx$/i.test(v)) throw usageError('out', { x: v });
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
        throw usageError('unknownOption', { x: flag });
    }
  }
  if (args.command !== 'check' && args.format === 'xlsx') throw usageError('xlsxSummary');
  if (args.command === 'compare') {
    if (args.paths.length !== 2) throw usageError('compareFiles');
    if (args.summary || args.annotate) throw usageError('checkOnly', { x: args.summary ? '--summary' : '--annotate' });
  } else if (args.command === 'explain') {
    if (args.paths.length !== 1) throw usageError('explainFile');
    if (args.summary || args.annotate) throw usageError('checkOnly', { x: args.summary ? '--summary' : '--annotate' });
  } else {
    if (!args.paths.length) throw usageError('noPaths');
    if (args.appraisalSheet) throw usageError('scoresOnly', { x: '--appraisal-sheet' });
    if (args.format === 'xlsx' && !args.summary) throw usageError('xlsxSummary');
    if (args.out && args.format !== 'xlsx') throw usageError('outSummary');
  }
  return args;
}

/**
 * The as-of date as ISO: "15/02/2018" (also 15-02-2018, 15.02.2018, 5/2/2018), the way Vietnamese offices write a
 * date, or "2018-02-15". Null when it is no real day (31/02/2018, 2018-13-01).
 */
export function parseAsOf(v: string): string | null {
  const t = v.trim();
  let y: number, m: number, d: number;
  let x = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (x) [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  else if ((x = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t))) [d, m, y] = [Number(x[1]), Number(x[3]), Number(x[4])];
  else return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** The help text in Vietnamese (the default); `usage('en')` for English. */
export const USAGE = usage('vi');
