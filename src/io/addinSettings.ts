/**
 * The add-in's settings as a saved workbook carries them, for the hosts that read files (the CLI, the browser
 * preview): what the Excel add-in stored in Workbook.settings — the check settings, the ignores ("Bỏ qua").
 *
 * Excel saves an add-in's settings in the package's web-extension parts, `xl/webextensions/webextension<N>.xml`
 * (MS-OWEXML, CT_OsfWebExtension): a `<we:reference id="…">` naming the add-in — the manifest's <Id> for a sideloaded
 * or centrally deployed add-in — and a `<we:properties>` bag of `<we:property name="…" value="…"/>`, each value the
 * JSON of the setting (`value="&quot;e1c6&quot;"` for the string "e1c6"). The add-in stores JSON text
 * (src/excel/settings.ts), so a value is JSON inside JSON: both layers are undone here.
 *
 * The part of this add-in is the one whose reference id is the manifest's Id. A store-deployed add-in is referenced
 * by its store asset id instead, which the file cannot be matched against: then the one part that carries settings
 * under this add-in's own key prefix (`phuluc.`) is taken, and none when several do.
 *
 * Independent of the zip reader: it is given the package's part names and a way to read one part as text.
 */
import { IGNORES_KEY, validateIgnores, type Ignore } from '../core/ignores';

/** manifest.xml <Id> (a test keeps the two equal) */
export const ADDIN_ID = '4ea6f5db-5541-4f32-aef4-e4803be88534';
/** the prefix of every key the add-in stores */
export const KEY_PREFIX = 'phuluc.';

export interface PackageParts {
  /** every part name of the package ("xl/webextensions/webextension1.xml") */
  names: readonly string[];
  /** a part as text, or null when it cannot be read */
  read(name: string): string | null;
}

const PART = /^\/?xl\/webextensions\/webextension\d*\.xml$/i;

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'quot') return '"';
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The attributes of one start tag ("name", "value", "id"), prefix-free, values decoded. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const name = m[1].replace(/^.*:/, '');
    out.set(name, decodeXml(m[3] ?? m[4] ?? ''));
  }
  return out;
}

/** A setting's value as stored: JSON, and the add-in's own JSON text inside it. */
function settingValue(raw: string): unknown {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (typeof v === 'string') {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  return v;
}

export interface WebExtension {
  part: string;
  /** the reference id (manifest Id or store asset id), braces and case as written */
  referenceId: string | null;
  properties: Map<string, string>;
}

/** Every web extension of the package with its raw properties. Never throws: an unreadable part is left out. */
export function readWebExtensions(parts: PackageParts): WebExtension[] {
  const out: WebExtension[] = [];
  for (const name of parts.names) {
    if (!PART.test(name)) continue;
    let xml: string | null;
    try {
      xml = parts.read(name);
    } catch {
      xml = null;
    }
    if (!xml) continue;
    const ref = /<(?:[\w.-]+:)?reference\b[^>]*>/.exec(xml);
    const properties = new Map<string, string>();
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const key = a.get('name');
      if (key !== undefined && a.has('value')) properties.set(key, a.get('value')!);
    }
    out.push({ part: name, referenceId: ref ? (attributes(ref[0]).get('id') ?? null) : null, properties });
  }
  return out;
}

const normId = (id: string) => id.replace(/[{}]/g, '').trim().toLowerCase();

/** This add-in's settings in the package (key → decoded value); empty when the file carries none. */
export function readAddinSettings(parts: PackageParts, addinId: string = ADDIN_ID): Map<string, unknown> {
  const all = readWebExtensions(parts);
  let mine = all.filter((w) => w.referenceId !== null && normId(w.referenceId) === normId(addinId));
  if (!mine.length) {
    const candidates = all.filter((w) => [...w.properties.keys()].some((k) => k.startsWith(KEY_PREFIX)));
    mine = candidates.length === 1 ? candidates : [];
  }
  const out = new Map<string, unknown>();
  for (const w of mine) for (const [k, v] of w.properties) if (!out.has(k)) out.set(k, settingValue(v));
  return out;
}

/** The ignores a workbook file carries (none when it carries none or they cannot be read). */
export function readWorkbookIgnores(parts: PackageParts, addinId?: string): Ignore[] {
  return validateIgnores(readAddinSettings(parts, addinId).get(IGNORES_KEY));
}
