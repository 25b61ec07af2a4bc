/** Hand-made .xlsx packages for the file-layer tests: parts as text, zipped by the project's own writer. */
import { openZip, readEntry, writeZip } from '../../src/io/zip';

export const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(
    new Uint8Array(0),
    Object.entries(parts).map(([name, data]) => ({ name, data: typeof data === 'string' ? enc.encode(data) : data })),
  );
}

export interface SheetSpec {
  name: string;
  /** the worksheet part's XML (whole document) */
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** extra relationships of the sheet: [id, type, target] */
  rels?: [string, string, string][];
}

/** A workbook package: sheets, optional shared strings and styles, any extra parts. */
export function workbook(opts: {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  styles?: string;
  date1904?: boolean;
  extra?: Record<string, string | Uint8Array>;
  contentTypes?: string;
  /** extra <Override> entries */
  overrides?: [string, string][];
}): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ...opts.sheets.map((_, i): [string, string] => [`/xl/worksheets/sheet${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']),
    ...(opts.overrides ?? []),
  ];
  const wbRels: string[] = opts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.sharedStrings !== undefined) {
    const sst =
      typeof opts.sharedStrings === 'string'
        ? opts.sharedStrings
        : `${DECL}<sst xmlns="${NS}" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`;
    parts['xl/sharedStrings.xml'] = sst;
    wbRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml']);
  }
  if (opts.styles !== undefined) {
    parts['xl/styles.xml'] = opts.styles;
    wbRels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    overrides.push(['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml']);
  }
  parts['[Content_Types].xml'] =
    opts.contentTypes ??
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`;
  parts['_rels/.rels'] = `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] =
    `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>` +
    opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  parts['xl/_rels/workbook.xml.rels'] = `${DECL}<Relationships xmlns="${PKG_REL}">${wbRels.join('')}</Relationships>`;
  opts.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    if (s.rels?.length)
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] =
        `${DECL}<Relationships xmlns="${PKG_REL}">${s.rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${REL}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;
  });
  Object.assign(parts, opts.extra ?? {});
  return zip(parts);
}

/** A worksheet document around `sheetData` content (and anything after it). */
export function sheetXml(rows: string, after = '', before = ''): string {
  return `${DECL}<worksheet xmlns="${NS}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A styles part with custom number formats and cell styles: xfs as [numFmtId, fontId]. */
export function stylesXml(numFmts: [number, string][], xfs: [number, number][], fonts: string[] = ['Calibri']): string {
  return (
    `${DECL}<styleSheet xmlns="${NS}">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` : '') +
    `<fonts count="${fonts.length}">${fonts.map((f) => `<font><sz val="11"/><name val="${f}"/></font>`).join('')}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.map(([n, f]) => `<xf numFmtId="${n}" fontId="${f}" fillId="0" borderId="0" xfId="0"${n ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** The same package as a macro-enabled workbook (.xlsm): the workbook's content type changed, a vbaProject part added. */
export function asXlsm(bytes: Uint8Array): Uint8Array {
  const z = openZip(bytes);
  const parts: Record<string, Uint8Array | string> = {};
  for (const e of z.entries) parts[e.name] = readEntry(z, e);
  parts['[Content_Types].xml'] = new TextDecoder()
    .decode(parts['[Content_Types].xml'] as Uint8Array)
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
  return zip(parts);
}

/**
 * A copy of a workbook package carrying an add-in's settings the way Excel saves them: a task pane part
 * (xl/webextensions/taskpanes.xml, related from the package root) pointing to xl/webextensions/webextension1.xml,
 * whose <we:reference id> is the add-in's manifest Id and whose properties hold each setting's value as the JSON of
 * what the add-in stored (Workbook.settings.add(key, JSON.stringify(value))), XML-escaped.
 */
export function withAddinSettings(bytes: Uint8Array, addinId: string, settings: Record<string, unknown>): Uint8Array {
  const z = openZip(bytes);
  const parts: Record<string, Uint8Array | string> = {};
  for (const e of z.entries) parts[e.name] = readEntry(z, e);
  const dec = new TextDecoder();
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const props = Object.entries(settings)
    .map(([k, v]) => `<we:property name="${esc(k)}" value="${esc(JSON.stringify(JSON.stringify(v)))}"/>`)
    .join('');
  parts['xl/webextensions/webextension1.xml'] =
    `${DECL}<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{2B3C4D5E-0000-4000-8000-000000000001}">` +
    `<we:reference id="${addinId}" version="1.0.0.0" store="\\\\server\\share" storeType="Filesystem"/><we:alternateReferences/>` +
    `<we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`;
  parts['xl/webextensions/taskpanes.xml'] =
    `${DECL}<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="1">` +
    `<wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;
  parts['xl/webextensions/_rels/taskpanes.xml.rels'] =
    `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`;
  parts['_rels/.rels'] = dec
    .decode(parts['_rels/.rels'] as Uint8Array)
    .replace('</Relationships>', '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>');
  parts['[Content_Types].xml'] = dec
    .decode(parts['[Content_Types].xml'] as Uint8Array)
    .replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    );
  return zip(parts);
}
