/**
 * What the reader needs from styles.xml: each cell style's (xf's) number format and font name. Built-in number
 * formats (ids below 164) are not written in the file; their codes are ECMA-376 Part 1, §18.8.30.
 */
import { parseAttrs, tokenize } from './xml';

/** ECMA-376 §18.8.30 built-in formats that do not depend on the locale. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Ids the standard leaves to the locale. 5–8 are currency formats; 27–36 and 50–81 are East Asian date and time
 * formats, shown here as an unambiguous date so a date stays a date.
 */
function localeFormat(id: number): string | undefined {
  if (id >= 5 && id <= 8) return id % 2 ? '#,##0;(#,##0)' : '#,##0.00;(#,##0.00)';
  if ((id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81)) return 'yyyy-mm-dd';
  if (id === 32 || id === 33) return 'h:mm:ss';
  return undefined;
}

export interface CellStyles {
  /** per xf index: its number format, null for General */
  formats: (string | null)[];
  /** per xf index: its font's name, or null */
  fonts: (string | null)[];
  /** the number of cell xfs */
  count: number;
}

export const NO_STYLES: CellStyles = { formats: [], fonts: [], count: 0 };

export function parseStyles(xml: string | null): CellStyles {
  if (xml === null) return NO_STYLES;
  const custom = new Map<number, string>();
  const fontNames: (string | null)[] = [];
  const formats: (string | null)[] = [];
  const fontOfXf: (string | null)[] = [];
  const xfFont: number[] = [];
  let depth = 0;
  let section = '';
  let inFont = false;
  tokenize(xml, {
    wantText: false,
    open(name, raw, self) {
      if (depth === 1) section = name;
      else if (depth === 2) {
        if (section === 'numFmts' && name === 'numFmt') {
          const a = parseAttrs(raw);
          const id = Number(a.numFmtId);
          if (Number.isInteger(id) && a.formatCode !== undefined) custom.set(id, a.formatCode);
        } else if (section === 'fonts' && name === 'font') {
          fontNames.push(null);
          inFont = !self;
        } else if (section === 'cellXfs' && name === 'xf') {
          const a = parseAttrs(raw);
          const id = a.numFmtId === undefined ? 0 : Number(a.numFmtId);
          const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? localeFormat(id) ?? null;
          formats.push(code === 'General' ? null : code);
          xfFont.push(a.fontId === undefined ? 0 : Number(a.fontId));
        }
      } else if (depth === 3 && inFont && name === 'name') {
        const v = parseAttrs(raw).val;
        if (v) fontNames[fontNames.length - 1] = v;
      }
      if (!self) depth++;
    },
    close(name) {
      depth--;
      if (depth === 2 && name === 'font') inFont = false;
      if (depth === 1) section = '';
    },
    text() {},
  });
  for (let i = 0; i < xfFont.length; i++) fontOfXf.push(fontNames[xfFont[i]] ?? null);
  return { formats, fonts: fontOfXf, count: formats.length };
}
