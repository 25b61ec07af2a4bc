/**
 * The workbook's ignores ("Bỏ qua", src/core/ignores.ts) in Workbook.settings under `phuluc.ignores`: saved with the
 * file (Excel writes an add-in's settings into the .xlsx's web-extension part, xl/webextensions/webextension*.xml),
 * so every copy of the file carries them and the CLI and the browser preview honour them too (src/io).
 *
 * Renamed sheets: each ignore the add-in adds carries its worksheet's id (Worksheet.id, which "remains the same even
 * when the worksheet is renamed or moved"). Loading follows a renamed sheet by its id, in memory only — a load runs on
 * every check, also the automatic ones, and never writes; the new name reaches the stored list with the next explicit
 * change (Bỏ qua, Đưa lại). Until then the CLI and the preview, which see names only, show those findings again and
 * count the ignores as no longer matching: shown, never hidden by guess.
 */
import { IGNORES_KEY, sameIgnore, storedIgnores, validateIgnores, MAX_IGNORES, type Ignore } from '../core/ignores';
import type { ExcelRunner } from './deps';
import { AdapterError } from './errors';
import type { SettingsStore } from './settings';

export { IGNORES_KEY };

/** The workbook's sheets, id and name. */
export type SheetIdsReader = () => Promise<{ id: string; name: string }[]>;

/** Reads the sheets' ids and names in one sync. */
export function sheetIdsReader(run: ExcelRunner): SheetIdsReader {
  return () =>
    run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      await context.sync();
      return sheets.items.map((w) => ({ id: w.id, name: w.name }));
    });
}

/** The ignores with the current names of the sheets they were made on (by id); those of other sheets as stored. */
function followRenames(list: Ignore[], sheets: readonly { id: string; name: string }[]): Ignore[] {
  const nameOf = new Map(sheets.map((s) => [s.id, s.name]));
  return list.map((ig) => {
    const now = ig.sheetId !== undefined ? nameOf.get(ig.sheetId) : undefined;
    return now !== undefined && now !== ig.sheet ? { ...ig, sheet: now } : ig;
  });
}

/**
 * The stored ignores, validated; none when nothing (or garbage) is stored. A store that cannot be read throws.
 * With `sheets`, an ignore made on a sheet renamed since carries the sheet's name now.
 */
export async function loadIgnores(store: SettingsStore, sheets?: SheetIdsReader): Promise<Ignore[]> {
  const list = validateIgnores(await store.get(IGNORES_KEY));
  if (!sheets || !list.some((ig) => ig.sheetId !== undefined)) return list;
  return followRenames(list, await sheets());
}

/**
 * Adds and removes ignores against what is stored now (another pane may have changed it); resolves with the new list.
 * With `sheets`, the list follows renamed sheets (and is stored so) and each added ignore gets its sheet's id.
 */
export async function updateIgnores(
  store: SettingsStore,
  change: { add?: readonly Ignore[]; remove?: readonly Ignore[] | 'all'; sheet?: string },
  sheets?: SheetIdsReader,
): Promise<Ignore[]> {
  const all = sheets ? await sheets() : [];
  let list = validateIgnores(await store.get(IGNORES_KEY));
  if (all.length) list = followRenames(list, all);
  const remove = change.remove;
  // "all": every ignore of `sheet` (of the whole workbook when no sheet is named)
  if (remove === 'all') list = list.filter((x) => change.sheet !== undefined && x.sheet !== change.sheet);
  else if (remove) list = list.filter((x) => !remove.some((y) => sameIgnore(x, y)));
  const idOf = new Map(all.map((s) => [s.name, s.id]));
  for (const a of change.add ?? []) {
    if (list.some((x) => sameIgnore(x, a))) continue;
    const id = a.sheetId ?? idOf.get(a.sheet);
    list.push(id !== undefined ? { ...a, sheetId: id } : a);
  }
  if (list.length > MAX_IGNORES)
    throw new AdapterError(
      'too-large',
      `Tệp đã có quá nhiều mục bỏ qua (tối đa ${MAX_IGNORES}). Hãy đưa lại một số mục đã bỏ qua rồi thử lại.`,
      `The file already holds too many ignored findings (at most ${MAX_IGNORES}). Bring some back and try again.`,
    );
  if (list.length) await store.set(IGNORES_KEY, storedIgnores(list));
  else await store.remove(IGNORES_KEY);
  return list;
}
