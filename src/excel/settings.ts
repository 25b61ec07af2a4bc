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
import { DEFAULT_BANDS, DEFAULT_REQUIRED } from '../core/options';
import { CHECK_SETTINGS_KEY, CHECK_SETTINGS_VERSION, DEFAULT_CHECK_SETTINGS, validateCheckSettings, type CheckSettings } from '../core/settings';

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

export { CHECK_SETTINGS_KEY, DEFAULT_CHECK_SETTINGS, validateCheckSettings, type CheckSettings };

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
