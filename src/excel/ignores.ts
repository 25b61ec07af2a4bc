/**
 * The workbook's ignores ("Bỏ qua", src/core/ignores.ts) in Workbook.settings under `phuluc.ignores`: saved with the
 * file (Excel writes an add-in's settings into the .xlsx's web-extension part, xl/webextensions/webextension*.xml),
 * so every copy of the file carries them and the CLI and the browser preview honour them too (src/io).
 */
import { IGNORES_KEY, sameIgnore, storedIgnores, validateIgnores, MAX_IGNORES, type Ignore } from '../core/ignores';
import { AdapterError } from './errors';
import type { SettingsStore } from './settings';

export { IGNORES_KEY };

/** The stored ignores, validated; none when nothing (or garbage) is stored. A store that cannot be read throws. */
export async function loadIgnores(store: SettingsStore): Promise<Ignore[]> {
  return validateIgnores(await store.get(IGNORES_KEY));
}

/** Adds and removes ignores against what is stored now (another pane may have changed it); resolves with the new list. */
export async function updateIgnores(store: SettingsStore, change: { add?: readonly Ignore[]; remove?: readonly Ignore[] | 'all'; sheet?: string }): Promise<Ignore[]> {
  let list = await loadIgnores(store);
  const remove = change.remove;
  // "all": every ignore of `sheet` (of the whole workbook when no sheet is named)
  if (remove === 'all') list = list.filter((x) => change.sheet !== undefined && x.sheet !== change.sheet);
  else if (remove) list = list.filter((x) => !remove.some((y) => sameIgnore(x, y)));
  for (const a of change.add ?? []) if (!list.some((x) => sameIgnore(x, a))) list.push(a);
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
