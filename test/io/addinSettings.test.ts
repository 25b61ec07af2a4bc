/**
 * The add-in's settings as a saved .xlsx carries them (xl/webextensions/webextension*.xml, MS-OWEXML): the part of
 * this add-in found by the manifest's Id, values JSON inside JSON, entities decoded, other add-ins' parts ignored.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { ADDIN_ID, readAddinSettings, readWebExtensions, readWorkbookIgnores, type PackageParts } from '../../src/io/addinSettings';

const IGNORE = { rule: 'number-as-text', sheet: 'Phụ lục', cell: 'F21', fingerprint: '0123456789abcdef', at: '2018-02-15', message: 'Số «2.019» …' };

/** an attribute value as Excel writes it */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** what Workbook.settings.add(key, JSON.stringify(v)) ends up as in the part: the JSON of that JSON text */
const stored = (v: unknown) => attr(JSON.stringify(JSON.stringify(v)));

function part(id: string, props: Record<string, string>, prefix = 'we'): string {
  const p = Object.entries(props)
    .map(([k, v]) => `<${prefix}:property name="${attr(k)}" value="${v}"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}:webextension xmlns:${prefix}="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{63D3F5EF-0625-4C39-A49D-EEB3A4D217E1}">` +
    `<${prefix}:reference id="${id}" version="1.0.0.0" store="developer" storeType="Registry"/><${prefix}:alternateReferences/>` +
    `<${prefix}:properties>${p}</${prefix}:properties><${prefix}:bindings/><${prefix}:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></${prefix}:webextension>`
  );
}

function pkg(parts: Record<string, string>): PackageParts {
  return { names: ['[Content_Types].xml', 'xl/workbook.xml', ...Object.keys(parts)], read: (n) => parts[n] ?? null };
}

test('the manifest and the reader name the same add-in Id', () => {
  const manifest = readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  expect(/<Id>([^<]+)<\/Id>/.exec(manifest)![1]).toBe(ADDIN_ID);
});

test('the ignores and the check settings of this add-in, decoded from JSON inside JSON', () => {
  const p = pkg({
    'xl/webextensions/webextension1.xml': part(ADDIN_ID, {
      'phuluc.ignores': stored({ v: 1, items: [IGNORE] }),
      'phuluc.check': stored({ v: 1, lang: 'en', planYear: 2018 }),
      'Office.AutoShowTaskpaneWithDocument': 'true',
    }),
  });
  const s = readAddinSettings(p);
  expect(s.get('phuluc.check')).toEqual({ v: 1, lang: 'en', planYear: 2018 });
  expect(s.get('Office.AutoShowTaskpaneWithDocument')).toBe(true);
  expect(readWorkbookIgnores(p)).toEqual([IGNORE]);
});

test('the reference id matches with braces or another case; another add-in\'s part is not read', () => {
  const other = part('WA104380646', { 'phuluc.ignores': stored({ v: 1, items: [{ ...IGNORE, cell: 'F22' }] }) });
  const mine = part(`{${ADDIN_ID.toUpperCase()}}`, { 'phuluc.ignores': stored({ v: 1, items: [IGNORE] }) }, 'x');
  const p = pkg({ 'xl/webextensions/webextension1.xml': other, 'xl/webextensions/webextension2.xml': mine });
  expect(readWorkbookIgnores(p).map((i) => i.cell)).toEqual(['F21']);
  expect(readWebExtensions(p).map((w) => w.referenceId)).toEqual(['WA104380646', `{${ADDIN_ID.toUpperCase()}}`]);
});

test('a store-deployed add-in (referenced by its asset id): the one part with phuluc.* settings; none when two', () => {
  const store = part('WA200009999', { 'phuluc.ignores': stored({ v: 1, items: [IGNORE] }) });
  const unrelated = part('WA104380646', { foo: attr('"bar"') });
  expect(readWorkbookIgnores(pkg({ 'xl/webextensions/webextension1.xml': store, 'xl/webextensions/webextension2.xml': unrelated }))).toEqual([IGNORE]);
  expect(readWorkbookIgnores(pkg({ 'xl/webextensions/webextension1.xml': store, 'xl/webextensions/webextension2.xml': store }))).toEqual([]);
});

test('no web extension, a damaged part or damaged values: no ignores, never an exception', () => {
  expect(readWorkbookIgnores(pkg({}))).toEqual([]);
  expect(readWorkbookIgnores(pkg({ 'xl/webextensions/webextension1.xml': '<<<not xml' }))).toEqual([]);
  expect(readWorkbookIgnores(pkg({ 'xl/webextensions/webextension1.xml': part(ADDIN_ID, { 'phuluc.ignores': attr('{broken') }) }))).toEqual([]);
  const throwing: PackageParts = { names: ['xl/webextensions/webextension1.xml'], read: () => { throw new Error('inflate'); } };
  expect(readWorkbookIgnores(throwing)).toEqual([]);
  // an older version that stored the object itself (document.settings) is read too
  expect(readWorkbookIgnores(pkg({ 'xl/webextensions/webextension1.xml': part(ADDIN_ID, { 'phuluc.ignores': attr(JSON.stringify({ v: 1, items: [IGNORE] })) }) }))).toEqual([IGNORE]);
});
