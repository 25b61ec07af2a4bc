/** The sideload plan per platform (no Excel on this machine, so the plan is checked as data). */
import { readFileSync } from 'fs';
import * as path from 'path';
const { plan, addinId } = require('../../scripts/sideload.js');

const xml = readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
const id = addinId(xml);

it('reads the add-in id from the manifest', () => {
  expect(id).toMatch(/^[0-9a-f-]{36}$/i);
});

it('Windows: registers the manifest under the WEF developer key, and removes it', () => {
  expect(plan('win32', { id, manifest: 'C:\\phuluc\\manifest.xml' })).toEqual([
    { run: ['reg', ['add', 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer', '/v', id, '/t', 'REG_SZ', '/d', 'C:\\phuluc\\manifest.xml', '/f']] },
  ]);
  expect(plan('win32', { id, remove: true })[0].run[1][0]).toBe('delete');
});

it('macOS: copies the manifest into Excel’s wef folder', () => {
  const steps = plan('darwin', { id, manifest: '/p/manifest.xml', home: '/Users/a' });
  const dir = '/Users/a/Library/Containers/com.microsoft.Excel/Data/Documents/wef';
  expect(steps).toEqual([{ mkdir: dir }, { copy: ['/p/manifest.xml', `${dir}/${id}.manifest.xml`] }]);
});

it('Linux: explains how to upload to Excel on the web', () => {
  expect(plan('linux', { id })[0].say).toContain('Upload My Add-in');
});
