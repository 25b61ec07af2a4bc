/**
 * Legacy Vietnamese encodings → Unicode. Many older provincial files were typed with 8-bit fonts: TCVN3 (ABC,
 * fonts ".VnTime", ".VnArial", capitals ".VnTimeH") puts each accented letter on one Latin-1 code ("Hµ Néi" = Hà
 * Nội); VNI ("VNI-Times") writes a base letter followed by mark characters ("Haø Noäi" = Hà Nội). In the workbook
 * they are ordinary Unicode strings of Latin-1 characters, so synonyms, deadlines and amounts in words cannot be read.
 *
 * Detection is by letters (per cell: marks next to ASCII letters that Unicode Vietnamese never has) and by font names
 * (SheetSnapshot.fonts). A sheet is decoded only when detection is confident, and a cell holding any letter that
 * only Unicode Vietnamese has (ư ơ ă đ ạ ả … U+1EA0–1EF9) is never decoded. No npm package was used: the only
 * converters on the registry have no detection and one of them maps ỷ/ỹ wrongly; the tables below follow the
 * TCVN 5712:1993 (VN3) and VNI-Windows code charts.
 */

import type { SheetSnapshot } from '../snapshot';

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---- TCVN3 (ABC): one code per letter ----
/** Code (as the Latin-1 character Excel keeps) → letter, in the order of the chart: a, ă, â, đ, e, ê, i, o, ô, ơ, u, ư, y. */
const TCVN3_CHART: [number, string][] = [
  [0xb5, 'à'], [0xb8, 'á'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb9, 'ạ'],
  [0xa8, 'ă'], [0xbb, 'ằ'], [0xbe, 'ắ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xc6, 'ặ'],
  [0xa9, 'â'], [0xc7, 'ầ'], [0xca, 'ấ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xcb, 'ậ'],
  [0xae, 'đ'],
  [0xcc, 'è'], [0xd0, 'é'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd1, 'ẹ'],
  [0xaa, 'ê'], [0xd2, 'ề'], [0xd5, 'ế'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xdd, 'í'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe3, 'ó'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe4, 'ọ'],
  [0xab, 'ô'], [0xe5, 'ồ'], [0xe8, 'ố'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe9, 'ộ'],
  [0xac, 'ơ'], [0xea, 'ờ'], [0xed, 'ớ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf3, 'ú'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf4, 'ụ'],
  [0xad, 'ư'], [0xf5, 'ừ'], [0xf8, 'ứ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfd, 'ý'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfe, 'ỵ'],
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
];
const TCVN3 = new Map<string, string>(TCVN3_CHART.map(([code, letter]) => [String.fromCharCode(code), letter]));

/** Latin-1 letters that Unicode Vietnamese uses itself: ambiguous as TCVN3 evidence. */
const VN_LATIN1 = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');
/** TCVN3 codes that are also common punctuation or symbols: evidence only between two letters ("c«ng", "H×nh"). */
const TCVN3_SYMBOLS = new Set('«»·§©®ª¬\u00ad¹×÷');

// ---- VNI: base letter + mark characters ----
type Marks = Record<string, string>;
const TONES = 'ùøûõï'; // sắc, huyền, hỏi, ngã, nặng
const withTones = (toned: string): Marks => {
  const m: Marks = {};
  for (let i = 0; i < 5; i++) m[TONES[i]] = toned[i];
  return m;
};
const CIRCUMFLEX = 'âáàåãä'; // ^ alone, then ^ with sắc, huyền, hỏi, ngã, nặng
const BREVE = 'êéèúüë';
const VNI_LOWER: Record<string, Marks> = {
  a: { ...withTones('áàảãạ'), ...zip(CIRCUMFLEX, 'âấầẩẫậ'), ...zip(BREVE, 'ăắằẳẵặ') },
  e: { ...withTones('éèẻẽẹ'), ...zip(CIRCUMFLEX, 'êếềểễệ') },
  o: { ...withTones('óòỏõọ'), ...zip(CIRCUMFLEX, 'ôốồổỗộ') },
  ô: withTones('ớờởỡợ'),
  u: withTones('úùủũụ'),
  ö: withTones('ứừửữự'),
  y: withTones('ýỳỷỹ\u0000'),
};
function zip(keys: string, values: string): Marks {
  const m: Marks = {};
  for (let i = 0; i < keys.length; i++) m[keys[i]] = values[i];
  return m;
}
/** VNI letters written as one character. */
const VNI_SINGLE: Record<string, string> = { ô: 'ơ', ö: 'ư', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ', ñ: 'đ' };
/** Marks that Unicode Vietnamese never writes after a vowel: VNI evidence. */
const VNI_EVIDENCE_MARKS = new Set('øûïåäëüÿØÛÏÅÄËÜ');
const VOWELS = new Set('aeiouyAEIOUYôöÔÖâêÂÊ');

/** Letters only Unicode Vietnamese has (and combining marks of decomposed text): such a cell is never legacy. */
// the combining marks U+0300–U+0323 are in the class on purpose: one of them alone marks decomposed Unicode text
// eslint-disable-next-line no-misleading-character-class -- the marks are meant as single characters here
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]/;
const HIGH = /[\u00a0-\u00ff]/;
const ASCII_LETTER = /[A-Za-z]/;

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  // typed in a capitals font (.VnTimeH): ASCII capitals with lower-case codes ("KÕ HO¹CH"); "Sè TT" stays mixed
  if (!/[a-z]/.test(text) && (text.match(/[A-Z]/g)?.length ?? 0) >= 4) out = out.toUpperCase();
  return out.normalize('NFC');
}

export function decodeVni(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lower = c.toLowerCase();
    const upper = c !== lower;
    const marks = VNI_LOWER[lower];
    const next = chars[i + 1];
    if (marks && next !== undefined) {
      const r = marks[next.toLowerCase()];
      if (r && r !== '\u0000') {
        out += upper ? r.toUpperCase() : r;
        i++;
        continue;
      }
    }
    const single = VNI_SINGLE[lower];
    if (single) {
      out += upper ? single.toUpperCase() : single;
      continue;
    }
    out += c;
  }
  return out.normalize('NFC');
}

export function decode(text: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
}

export interface CellEvidence {
  /** the cell holds letters only Unicode Vietnamese has */
  unicode: boolean;
  tcvn3: number;
  vni: number;
}

/** How strongly one text looks TCVN3 or VNI (counts of marks that Unicode Vietnamese never writes). */
export function evidence(text: string): CellEvidence {
  if (UNICODE_ONLY.test(text)) return { unicode: true, tcvn3: 0, vni: 0 };
  if (!HIGH.test(text)) return { unicode: false, tcvn3: 0, vni: 0 };
  const chars = [...text];
  let tcvn3 = 0;
  let vni = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const before = ASCII_LETTER.test(prev);
    const after = ASCII_LETTER.test(next);
    // a mark right after a vowel is VNI ("Haø"); TCVN3 never puts a toned vowel after a vowel in those codes
    if (VNI_EVIDENCE_MARKS.has(c) && VOWELS.has(prev)) vni++;
    else if (TCVN3.has(c) && !VN_LATIN1.has(c)) {
      if (TCVN3_SYMBOLS.has(c) ? before && after : before || after) tcvn3++;
    }
  }
  return { unicode: false, tcvn3, vni };
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** decode every text cell without Unicode-only letters, or only the cells with evidence (a mixed sheet) */
  mode: 'all' | 'evidence';
  fonts: string[];
}

const TCVN3_FONT = /^\.?vn[a-z]/i; // .VnTime, .VnArial, .VnTimeH, VnTime
const VNI_FONT = /^vni[- ]/i; // VNI-Times, VNI-Helve

export function legacyFonts(fonts: readonly string[] | undefined): { tcvn3: string[]; vni: string[] } {
  const out = { tcvn3: [] as string[], vni: [] as string[] };
  for (const f of fonts ?? []) {
    if (typeof f !== 'string') continue;
    if (VNI_FONT.test(f.trim())) out.vni.push(f);
    else if (TCVN3_FONT.test(f.trim())) out.tcvn3.push(f);
  }
  return out;
}

/** Cells with Unicode Vietnamese and no legacy mark seen: after this many, the sheet is taken as Unicode. */
const UNICODE_ENOUGH = 500;

/**
 * Decides from the texts of a sheet (and its fonts) whether it is TCVN3 or VNI. Confident means: at least three
 * cells with marks Unicode Vietnamese never has, or one such cell and a legacy font of that encoding; and more such
 * cells than for the other encoding. Otherwise null: nothing is decoded.
 */
export function detectLegacy(texts: Iterable<string>, fonts?: readonly string[]): LegacyDetection | null {
  const named = legacyFonts(fonts);
  let unicodeCells = 0;
  let tcvnCells = 0;
  let vniCells = 0;
  for (const t of texts) {
    const e = evidence(t);
    if (e.unicode) unicodeCells++;
    if (e.tcvn3 > e.vni) tcvnCells++;
    else if (e.vni > 0) vniCells++;
    if (unicodeCells >= UNICODE_ENOUGH && tcvnCells + vniCells === 0 && !named.tcvn3.length && !named.vni.length) return null;
  }
  const pick = (encoding: LegacyEncoding, cells: number, other: number, font: string[]): LegacyDetection | null =>
    cells > other && (cells >= 3 || (cells >= 1 && font.length > 0)) ? { encoding, mode: unicodeCells === 0 ? 'all' : 'evidence', fonts: font } : null;
  return pick('tcvn3', tcvnCells, vniCells, named.tcvn3) ?? pick('vni', vniCells, tcvnCells, named.vni);
}

/** Whether this cell's text is decoded under `d`. */
export function shouldDecode(text: string, d: LegacyDetection): boolean {
  const e = evidence(text);
  if (e.unicode) return false;
  if (d.mode === 'evidence') return d.encoding === 'tcvn3' ? e.tcvn3 > 0 : e.vni > 0;
  return HIGH.test(text);
}

export interface LegacyResult {
  encoding: LegacyEncoding;
  /** false: a legacy font is named but the text could not be decoded with confidence */
  decoded: boolean;
  fonts: string[];
  /** number of cells decoded */
  cells: number;
  /** the first decoded cell (absolute sheet coordinates), for the report */
  first?: { row: number; col: number; before: string; after: string };
}

/**
 * The snapshot with its legacy-encoded cells decoded to Unicode (a new object; the host's snapshot is not changed,
 * nor is the sheet's name, which hosts use to find the sheet). `legacy` is null for ordinary Unicode sheets.
 */
export function decodeSnapshot(snapshot: SheetSnapshot): { snapshot: SheetSnapshot; legacy: LegacyResult | null } {
  const values = snapshot.values ?? [];
  function* texts(): Generator<string> {
    for (const row of values) if (row) for (const v of row) if (typeof v === 'string' && v.length <= 4000) yield v;
  }
  const d = detectLegacy(texts(), snapshot.fonts);
  if (!d) {
    const named = legacyFonts(snapshot.fonts);
    const encoding: LegacyEncoding | null = named.tcvn3.length ? 'tcvn3' : named.vni.length ? 'vni' : null;
    if (!encoding) return { snapshot, legacy: null };
    // a legacy font, but no text that only it explains: say so only when some cell could be in it
    for (const t of texts()) if (!evidence(t).unicode && HIGH.test(t)) return { snapshot, legacy: { encoding, decoded: false, fonts: encoding === 'tcvn3' ? named.tcvn3 : named.vni, cells: 0 } };
    return { snapshot, legacy: null };
  }
  const top = snapshot.origin?.row ?? 1;
  const left = snapshot.origin?.col ?? 1;
  let cells = 0;
  let first: LegacyResult['first'];
  const decodedValues = values.map((row, r) =>
    row
      ? row.map((v, c) => {
          if (typeof v !== 'string' || !shouldDecode(v, d)) return v;
          const after = decode(v, d.encoding);
          if (after === v) return v;
          cells++;
          first ??= { row: top + r, col: left + c, before: v, after };
          return after;
        })
      : row,
  );
  return { snapshot: { ...snapshot, values: decodedValues }, legacy: { encoding: d.encoding, decoded: true, fonts: d.fonts, cells, first } };
}
