/**
 * Where the add-in keeps what it needs in the workbook: the user's check settings (`phuluc.check`) and the journal
 * of its own writes (`phuluc.marks.<sheet id>`, `phuluc.recalc.<sheet id>`, src/excel/journal.ts).
 *
 * Everything goes through Workbook.settings (Excel.SettingCollection, ExcelApi 1.4), never through
 * Office.context.document.settings:
 * - `Office.context.document.settings.saveAsync()` empties Excel's undo stack (office-js issue #3141, open since
 *   2023), and the add-in would call it on every check — with automatic re-checks on every edit of the user. A
 *   Workbook.settings write is an ordinary workbook change made inside an Excel.run: no saveAsync at all, and the undo
 *   article lists no Setting/SettingCollection API among those without undo support, so from ExcelApi 1.20 it does not
 *   empty the stack (below 1.20 every add-in write empties it anyway — see the README, "What Ctrl+Z undoes").
 * - Both views write to the same place (office-js-docs-reference #769: "these write to the same location … prefer
 *   Excel.SettingCollection"), so what older versions of the add-in saved through document.settings is read here.
 *   Only one view is ever written, so there is no stale in-memory copy to save over newer keys.
 * Values are stored as JSON text (a predictable size; Excel caps the settings of a document at about 2 MB — office-js
 * #621, #3957), and a single value over MAX_SETTING_BYTES is refused with a clear message before Excel is asked.
 */
import { DEFAULT_BANDS, DEFAULT_REQUIRED } from '../core/options';
import { CHECK_SETTINGS_KEY, CHECK_SETTINGS_VERSION, DEFAULT_CHECK_SETTINGS, validateCheckSettings, type CheckSettings } from '../core/settings';
import type { ExcelRunner } from './deps';
import { AdapterError } from './errors';

export interface SettingsStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** stores and persists (in the workbook; it reaches the file when the user saves it) */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The largest single value the add-in stores: half of what Excel holds for all of an add-in's settings. */
export const MAX_SETTING_BYTES = 1_000_000;

/** UTF-8 bytes of a value stored as JSON */
export function settingBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** A stored value back: JSON text is parsed; a value stored as an object (older versions, document.settings) is used as is. */
export function decodeSetting(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? undefined;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function tooLargeError(bytes: number): AdapterError {
  const mb = (bytes / 1_000_000).toFixed(1).replace('.', ',');
  return new AdapterError(
    'too-large',
    `Dữ liệu cần lưu trong tệp (${mb} MB) vượt quá mức Excel cho phép đối với một phần bổ trợ. Chưa ghi gì vào trang. Hãy kiểm tra từng phần nhỏ hơn của bảng, hoặc xóa đánh dấu ở các trang tính khác.`,
    `The data to keep in the file (${mb} MB) is more than Excel holds for one add-in. Nothing was written. Check a smaller part of the table, or clear the marks of other sheets.`,
  );
}

/** Queues the read of one setting; the getter (after the caller's sync) gives its decoded value or undefined. */
export function queueSettingRead(ctx: Excel.RequestContext, key: string): () => unknown {
  const s = ctx.workbook.settings.getItemOrNullObject(key);
  s.load('value');
  // read by the getter, which the caller runs after its own context.sync() (the rule sees no sync in this function)
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read after the caller's sync
  return () => (s.isNullObject ? undefined : decodeSetting(s.value));
}

/** Queues the read of every setting of the add-in (one round trip; they hold at most ~2 MB). */
export function queueAllSettings(ctx: Excel.RequestContext): () => Map<string, unknown> {
  const all = ctx.workbook.settings;
  all.load('items/key,items/value');
  return () => new Map(all.items.map((s) => [s.key, decodeSetting(s.value)]));
}

/** Queues a write (or, with `undefined`, the removal of a setting known to exist). */
export function queueSettingWrite(ctx: Excel.RequestContext, key: string, value: unknown): void {
  if (value === undefined) ctx.workbook.settings.getItem(key).delete();
  else {
    const bytes = settingBytes(value);
    if (bytes > MAX_SETTING_BYTES) throw tooLargeError(bytes);
    ctx.workbook.settings.add(key, JSON.stringify(value));
  }
}

/** Workbook.settings behind the SettingsStore interface: each call is one Excel.run with one sync. */
export function workbookSettingsStore(run: ExcelRunner): SettingsStore {
  return {
    get<T>(key: string): Promise<T | undefined> {
      return run(async (ctx) => {
        const read = queueSettingRead(ctx, key);
        await ctx.sync();
        return read() as T | undefined;
      });
    },
    set(key, value) {
      return run(async (ctx) => {
        queueSettingWrite(ctx, key, value);
        await ctx.sync();
      });
    },
    remove(key) {
      return run(async (context) => {
        const s = context.workbook.settings.getItemOrNullObject(key);
        s.load('key');
        await context.sync();
        if (s.isNullObject) return;
        s.delete();
        await context.sync();
      });
    },
  };
}

/** An in-memory store for tests of what sits above the adapter (values round-trip through JSON, like the workbook). */
export class MemorySettingsStore implements SettingsStore {
  private data = new Map<string, string>();
  writes = 0;
  /** when set, the next set/remove rejects with this error (and stores nothing) */
  failNext?: Error;

  constructor(initial?: Record<string, unknown>) {
    for (const [k, v] of Object.entries(initial ?? {})) this.data.set(k, JSON.stringify(v));
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const s = this.data.get(key);
    return s === undefined ? undefined : (JSON.parse(s) as T);
  }

  private fail(): void {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    this.fail();
    const bytes = settingBytes(value);
    if (bytes > MAX_SETTING_BYTES) throw tooLargeError(bytes);
    this.writes++;
    this.data.set(key, JSON.stringify(value));
  }

  async remove(key: string): Promise<void> {
    this.fail();
    this.writes++;
    this.data.delete(key);
  }

  /** raw stored text, for tests that plant bad data */
  setRaw(key: string, json: string): void {
    this.data.set(key, json);
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}

// ───────────────────────────── check settings ─────────────────────────────

export { CHECK_SETTINGS_KEY, DEFAULT_CHECK_SETTINGS, validateCheckSettings, type CheckSettings };

/** The stored settings, validated; defaults when nothing (or garbage) is stored or the store cannot be read. */
export async function loadCheckSettings(store: SettingsStore): Promise<CheckSettings> {
  let raw: unknown;
  try {
    raw = await store.get(CHECK_SETTINGS_KEY);
  } catch {
    raw = undefined;
  }
  return validateCheckSettings(raw);
}

/** Validates, stores; returns what was stored. */
export async function saveCheckSettings(settings: CheckSettings, store: SettingsStore): Promise<CheckSettings> {
  const clean = validateCheckSettings(settings);
  await store.set(CHECK_SETTINGS_KEY, { v: CHECK_SETTINGS_VERSION, ...clean });
  return clean;
}

/** Defaults the engine would use, for a settings form to show. */
export const ENGINE_DEFAULTS = { required: DEFAULT_REQUIRED, bands: DEFAULT_BANDS } as const;
