/**
 * The check settings a workbook carries (mandatory columns, plan year, as-of date, score bands, language, auto
 * refresh): their shape and their validation. Pure: where they are stored is the host's business (the Excel add-in
 * keeps them in the workbook, src/excel/settings.ts).
 */
import type { Band } from './options';
import type { ColumnRole, Lang } from './report';

export interface CheckSettings {
  /** columns whose cells must not be empty */
  required?: ColumnRole[];
  planYear?: number;
  /** ISO date (yyyy-mm-dd) the deadlines are judged on; absent = today */
  asOf?: string;
  bands?: Band[];
  lang?: Lang;
  autoRefresh?: boolean;
  /** the user has acknowledged that a check colours cells and adds notes (the first-check notice) */
  marksNoticeSeen?: boolean;
}

export const CHECK_SETTINGS_KEY = 'phuluc.check';
export const CHECK_SETTINGS_VERSION = 1;

export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = Object.freeze({ lang: 'vi', autoRefresh: false });

const ROLES: readonly ColumnRole[] = ['number', 'content', 'product', 'leadAgency', 'partner', 'budget', 'deadline', 'status', 'completedOn', 'maxScore'];

function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Whatever was stored (an object, a JSON string, garbage, an older shape) → valid settings. Each field is kept only
 * when it is valid; everything else falls back to its default. Never throws.
 */
export function validateCheckSettings(raw: unknown): CheckSettings {
  let o: unknown = raw;
  if (typeof o === 'string') {
    try {
      o = JSON.parse(o);
    } catch {
      return { ...DEFAULT_CHECK_SETTINGS };
    }
  }
  const out: CheckSettings = { ...DEFAULT_CHECK_SETTINGS };
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return out;
  const r = o as Record<string, unknown>;

  if (Array.isArray(r.required)) {
    const roles = [...new Set(r.required.filter((x): x is ColumnRole => typeof x === 'string' && ROLES.includes(x as ColumnRole)))];
    // an old/foreign list that names no known column means "use the default", not "nothing is required"
    if (roles.length > 0 || r.required.length === 0) out.required = roles;
  }
  if (typeof r.planYear === 'number' && Number.isInteger(r.planYear) && r.planYear >= 1990 && r.planYear <= 2100) out.planYear = r.planYear;
  if (isIsoDate(r.asOf)) out.asOf = r.asOf;
  if (Array.isArray(r.bands)) {
    const bands: Band[] = [];
    let ok = r.bands.length > 0;
    for (const b of r.bands) {
      const label = (b as Band | null)?.label;
      const min = (b as Band | null)?.minPercent;
      if (typeof label !== 'string' || !label.trim() || typeof min !== 'number' || !Number.isFinite(min) || min < 0 || min > 100) {
        ok = false;
        break;
      }
      bands.push({ label: label.trim(), minPercent: min });
    }
    if (ok) out.bands = bands.sort((a, b) => b.minPercent - a.minPercent);
  }
  if (r.lang === 'vi' || r.lang === 'en') out.lang = r.lang;
  if (typeof r.autoRefresh === 'boolean') out.autoRefresh = r.autoRefresh;
  if (r.marksNoticeSeen === true) out.marksNoticeSeen = true;
  return out;
}
