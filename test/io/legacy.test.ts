/**
 * The older and other formats read through SheetJS (src/io/legacy.ts): the Huế appendix saved as .xls and .ods by
 * LibreOffice headless and as .xlsb by SheetJS (LibreOffice cannot write .xlsb) gives the same findings as the .xlsx.
 * How the files were made: test/fixtures/README.md.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { readWorkbookFile } from '../../src/io/xlsx';
import { check } from '../../src/core/check';
import { cellMap } from './reference';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const AS_OF = '2018-02-15';
const read = (name: string) => readWorkbookFile(new Uint8Array(readFileSync(path.join(FIXTURES, name))));

describe('legacy formats', () => {
  let base: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    base = await read('hue-2018-nhiem-vu.xlsx');
  });

  it.each([
    ['hue-2018-nhiem-vu.xls', 'xls'],
    ['hue-2018-nhiem-vu.ods', 'ods'],
    ['hue-2018-nhiem-vu.xlsb', 'xlsb'],
  ])('%s is read as %s and gives the same findings as the .xlsx', async (file, format) => {
    const wb = await read(file);
    expect(wb.format).toBe(format);
    expect(wb.annotatable).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(base.sheets.map((s) => s.name));
    const [a] = base.sheets;
    const [b] = wb.sheets;
    // the same values in the same cells
    const va = [...cellMap(a)].map(([k, v]) => [k, v.value]);
    const vb = [...cellMap(b)].map(([k, v]) => [k, v.value]);
    expect(vb).toEqual(va);
    expect([...b.merges!].sort((x, y) => x.top - y.top || x.left - y.left)).toEqual([...a.merges!].sort((x, y) => x.top - y.top || x.left - y.left));
    const ra = check(a, { asOf: AS_OF });
    const rb = check(b, { asOf: AS_OF });
    expect(rb.findings).toEqual(ra.findings);
    expect(rb.budget).toEqual(ra.budget);
    expect(rb.findings.some((f) => f.rule === 'budget-total-mismatch' && f.cell === 'F61')).toBe(true);
  });
});
