import { displayValue, formatNumberCell, formatSerialDate, gridLayout, isDateFormat, MAX_COL_WIDTH, MIN_COL_WIDTH } from '../../src/preview/format';
import type { SheetSnapshot } from '../../src/core/snapshot';

describe('displayValue', () => {
  it('shows text, booleans and errors as they are', () => {
    expect(displayValue('=1+1', null, 'vi')).toBe('=1+1');
    expect(displayValue(true, null, 'vi')).toBe('TRUE');
    expect(displayValue({ error: '#REF!' }, null, 'en')).toBe('#REF!');
    expect(displayValue(null, '0.00', 'vi')).toBe('');
  });

  it('numbers with their format, the Vietnamese or English way', () => {
    expect(formatNumberCell(21950, '#,##0', 'vi')).toBe('21.950');
    expect(formatNumberCell(21950, '#,##0', 'en')).toBe('21,950');
    expect(formatNumberCell(65.85, '0.00', 'vi')).toBe('65,85');
    expect(formatNumberCell(0.5, '0.00', 'en')).toBe('0.50');
    expect(formatNumberCell(0.125, '0.0%', 'en')).toBe('12.5%');
    expect(formatNumberCell(0.8617, 'General', 'vi')).toBe('0,8617');
    expect(formatNumberCell(1234567, null, 'en')).toBe('1234567');
    expect(formatNumberCell(1234.5, '#,##0.00;[Red]-#,##0.00', 'en')).toBe('1,234.50');
  });

  it('dates from Excel serials with the date format', () => {
    const serial = 45371; // 2024-03-20
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(formatSerialDate(serial, 'dd/mm/yyyy')).toBe('20/03/2024');
    expect(formatSerialDate(serial, 'mm-dd-yy')).toBe('20/03/2024'); // Excel's built-in short date, shown day first
    expect(formatSerialDate(serial, 'yyyy-mm-dd')).toBe('2024-03-20');
    expect(formatSerialDate(serial + 0.5, 'dd/mm/yyyy hh:mm')).toBe('20/03/2024 12:00');
    expect(displayValue(serial, 'd/m/yyyy', 'en')).toBe('20/3/2024');
  });
});

describe('gridLayout', () => {
  it('counts rows and columns from A1 (merges included) and sizes columns from their text', () => {
    const s: SheetSnapshot = {
      name: 'S',
      values: [
        ['KẾ HOẠCH NĂM 2018 — a long title spread over the merged area', null, null],
        ['TT', 'Nội dung', 'x'],
        [1, 'a'.repeat(200), null],
      ],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 3 },
        { top: 3, left: 3, bottom: 5, right: 4 },
      ],
    };
    const l = gridLayout(s);
    expect(l.rows).toBe(5);
    expect(l.cols).toBe(4);
    expect(l.colWidths[0]).toBeLessThan(60); // the merged title does not widen column A
    expect(l.colWidths[1]).toBe(MAX_COL_WIDTH);
    expect(l.colWidths[3]).toBe(MIN_COL_WIDTH);
  });
});

describe('MarkIndex (the grid’s marks, worked out per drawn cell)', () => {
  it('gives what planMarks gives for the add-in, moved to the top-left cell of merged areas', async () => {
    const { readFileSync } = await import('fs');
    const path = await import('path');
    const { readSnapshots } = await import('../../src/io/xlsx');
    const { check } = await import('../../src/core/check');
    const { planCellMarks } = await import('../../src/core/marks');
    const { MergeLookup } = await import('../../src/preview/merges');
    const { MarkIndex } = await import('../../src/preview/markIndex');
    const [s] = await readSnapshots(readFileSync(path.join(__dirname, '..', 'fixtures', 'hue-2018-nhiem-vu.xlsx')));
    const r = check(s, { asOf: '2018-02-15' });
    const merges = new MergeLookup(s.merges);
    const index = new MarkIndex(r.findings, merges, 'vi');
    for (const m of planCellMarks(r.findings, 'vi')) {
      const at = merges.master(m.address);
      const mark = index.get(at)!;
      expect(mark.text).toContain(m.text);
      expect(['error', 'warning', 'info'].indexOf(mark.severity)).toBeLessThanOrEqual(['error', 'warning', 'info'].indexOf(m.severity));
    }
    expect(index.get('F61')).toMatchObject({ severity: 'error', text: expect.stringMatching(/21\.950.*\n.*21\.950|26\.979/) });
    expect(index.get('Z999')).toBeUndefined();
    // a finding in a covered cell of A6:A7 marks A6
    expect(merges.master('A7')).toBe('A6');
  });
});
