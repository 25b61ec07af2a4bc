/**
 * Hidden rows and columns: part of the file a unit submits, so they are checked like any other (a task hidden to tidy a
 * printout is still a task; a hidden column still holds the agency). The readers keep their cells; SheetSnapshot has
 * no notion of hidden, and the engine none either. (Office.js Range.values also returns hidden cells.)
 */
import { readSnapshots } from '../../src/io/xlsx';
import { check } from '../../src/core/check';
import { cellsOf } from '../helpers';
import { sheetXml, workbook } from './pkg';

const t = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
const n = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

describe('hidden rows and columns', () => {
  it('are read and checked: a task in a hidden row with no deadline, a hidden lead agency column', async () => {
    const rows =
      `<row r="1">${t('A1', 'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024')}</row>` +
      `<row r="3">${t('A3', 'TT')}${t('B3', 'Nội dung')}${t('C3', 'Cơ quan chủ trì')}${t('D3', 'Sản phẩm')}${t('E3', 'Thời gian hoàn thành')}</row>` +
      `<row r="4">${n('A4', 1)}${t('B4', 'Việc một')}${t('C4', 'Sở Nội vụ')}${t('D4', 'Báo cáo')}${t('E4', 'Quý IV/2024')}</row>` +
      `<row r="5" hidden="1">${n('A5', 2)}${t('B5', 'Việc hai')}${t('D5', 'Báo cáo')}</row>` +
      `<row r="6">${n('A6', 3)}${t('B6', 'Việc ba')}${t('C6', 'Sở Tư pháp')}${t('D6', 'Báo cáo')}${t('E6', 'Quý IV/2024')}</row>`;
    const xml = sheetXml(rows, '', '<cols><col min="3" max="3" width="0" hidden="1" customWidth="1"/></cols>');
    const [s] = await readSnapshots(workbook({ sheets: [{ name: 'Phụ lục', xml }] }));
    const r = check(s, { asOf: '2024-06-15' });
    expect(r.table!.columns).toMatchObject({ leadAgency: 'C', deadline: 'E' });
    expect(r.counts.items).toBe(3);
    expect(cellsOf(r, 'missing-required')).toEqual(['C5', 'E5']);
  });
});
