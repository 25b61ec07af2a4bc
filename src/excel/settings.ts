/**
 * Per-workbook settings.
 *
 * One store for everything the add-in keeps in a workbook: the user's check settings (`phuluc.check`), the original
 * fills/notes behind the marks (`phuluc.marks.<sheet>`) and the values a recalculation replaced
 * (`phuluc.recalc.<sheet>`). In Office it is `Office.context.document.settings` (Common API, every Excel version):
 * the property bag is loaded with the add-in and `saveAsync` writes it into the document, so marks can be cleared and
 * recalculations reverted after the task pane is closed and reopened (and, once the workbook is saved, after it is
 * reopened). We deliberately do NOT also use `context.workbook.settings` (ExcelApi 1.4): both views share the same
 * storage but keep separate in-memory copies, and a later `saveAsync` of a stale copy could drop keys written
 * through the other one. Keeping one view makes "save before writing to the sheet" a simple, ordered operation.
 */
import { DEFAULT_BANDS, DEFAULT_REQUIRED, type Band } from '../core/options';
import type { ColumnRole, Lang } from '../core/report';

export interface SettingsStore {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** persists every pending set/remove into the document */
  save(): Promise<void>;
}

/** `Office.context.document.settings` behind the `SettingsStore` interface (resolved lazily, on each call). */
export function officeSettingsStore(settings?: () => Office.Settings): SettingsStore {
  const bag = settings ?? (() => Office.context.document.settings);
  return {
    get<T>(key: string): T | undefined {
      const v = bag().get(key);
      return v === null || v === undefined ? undefined : (v as T);
    },
    set(key, value) {
      bag().set(key, value);
    },
    remove(key) {
      bag().remove(key);
    },
    save() {
      return new Promise<void>((resolve, reject) => {
        bag().saveAsync((result) => {
          if ((result.status as unknown as string) === 'failed') reject(result.error ?? new Error('settings.saveAsync failed'));
          else resolve();
        });
      });
    },
  };
}

/**
 * In-memory store with the same semantics as Office's: values round-trip through JSON (so callers get copies), and
 * `reload()` drops unsaved changes, like closing and reopening the task pane.
 */
export class MemorySettingsStore implements SettingsStore {
  private live = new Map<string, string>();
  private saved = new Map<string, string>();
  saves = 0;
  /** when set, the next save() rejects with this error (and persists nothing) */
  failNextSave?: Error;

  constructor(initial?: Record<string, unknown>) {
    for (const [k, v] of Object.entries(initial ?? {})) this.live.set(k, JSON.stringify(v));
    this.saved = new Map(this.live);
  }

  get<T = unknown>(key: string): T | undefined {
    const s = this.live.get(key);
    return s === undefined ? undefined : (JSON.parse(s) as T);
  }

  set(key: string, value: unknown): void {
    if (value === undefined) this.live.delete(key);
    else this.live.set(key, JSON.stringify(value));
  }

  remove(key: string): void {
    this.live.delete(key);
  }

  async save(): Promise<void> {
    if (this.failNextSave) {
      const e = this.failNextSave;
      this.failNextSave = undefined;
      throw e;
    }
    this.saves++;
    this.saved = new Map(this.live);
  }

  /** what a freshly loaded task pane would see */
  reload(): void {
    this.live = new Map(this.saved);
  }

  /** raw stored text, for tests that plant bad data */
  setRaw(key: string, json: string): void {
    this.live.set(key, json);
    this.saved.set(key, json);
  }

  keys(): string[] {
    return [...this.live.keys()];
  }
}

// ───────────────────────────── check settings ─────────────────────────────

export interface CheckSettings {
  /** columns whose cells must not be empty */
  required?: ColumnRole[];
  planYear?: number;
  /** ISO date (yyyy-mm-dd) the deadlines are judged on; absent = today */
  asOf?: string;
  bands?: Band[];
  lang?: Lang;
  autoRefresh?: boolean;
}

export const CHECK_SETTINGS_KEY = 'phuluc.check';
const CHECK_SETTINGS_VERSION = 1;

export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = Object.freeze({ lang: 'vi', autoRefresh: false });

const ROLES: readonly ColumnRole[] = [
  'number',
  'content',
  'product',
  'leadAgency',
  'partner',
  'budget',
  'deadline',
  'status',
  'completedOn',
  'maxScore',
];

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
  return out;
}

export function loadCheckSettings(store: SettingsStore = officeSettingsStore()): CheckSettings {
  let raw: unknown;
  try {
    raw = store.get(CHECK_SETTINGS_KEY);
  } catch {
    raw = undefined;
  }
  return validateCheckSettings(raw);
}

/** Validates, stores and persists; returns what was stored. */
export async function saveCheckSettings(settings: CheckSettings, store: SettingsStore = officeSettingsStore()): Promise<CheckSettings> {
  const clean = validateCheckSettings(settings);
  store.set(CHECK_SETTINGS_KEY, { v: CHECK_SETTINGS_VERSION, ...clean });
  await store.save();
  return clean;
}

/** Defaults the engine would use, for a settings form to show. */
export const ENGINE_DEFAULTS = { required: DEFAULT_REQUIRED, bands: DEFAULT_BANDS } as const;
