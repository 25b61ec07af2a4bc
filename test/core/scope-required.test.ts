/**
 * A mandatory column the table does not have is said in the sheet's scope: the mandatory-cells check ran without it,
 * and "nothing found" about products must not read as "every task has a product" (before: silent).
 */
import { check } from '../../src/core/check';
import { notRunText } from '../../src/core/scope';
import { fixtureSnapshot, sheet } from '../helpers';

const TITLE = ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'];
const task = (n: number) => [n, `Nhiệm vụ ${n}`, 'Sở Nội vụ', 10, 'Quý IV/2024'];

test('a task table without a product column: "ô bắt buộc: không có cột «Sản phẩm»" in the scope', () => {
  const r = check(sheet([TITLE, [], ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'], task(1), task(2)]), { asOf: '2024-06-15' });
  expect(r.scope!.ran).toContain('required');
  expect(r.scope!.notRun[0]).toEqual(
    { family: 'required', reason: 'no-required-column', message: { vi: 'ô bắt buộc: không có cột «Sản phẩm»', en: 'mandatory cells: no "Product" column' } },
  );
  expect(notRunText(r.scope!, 'vi')).toBe('ô bắt buộc: không có cột «Sản phẩm»; điểm: không có cột điểm');
});

test('two absent; a deadline column that is absent is said once, by the deadlines family', () => {
  const r = check(sheet([TITLE, [], ['TT', 'Nội dung', 'Kinh phí (triệu đồng)'], [1, 'Nhiệm vụ 1', 10], [2, 'Nhiệm vụ 2', 5]]), { asOf: '2024-06-15' });
  expect(r.scope!.notRun.map((n) => n.message.vi)).toEqual(['ô bắt buộc: không có cột «Cơ quan chủ trì», «Sản phẩm»', 'thời hạn: không có cột thời hạn', 'điểm: không có cột điểm']);
});

test('columns the user made mandatory get missing-column findings instead; criteria sheets and full tables say nothing', async () => {
  const head = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'];
  const r = check(sheet([TITLE, [], head, task(1)]), { asOf: '2024-06-15', required: ['content', 'product'] });
  expect(r.findings.filter((f) => f.rule === 'missing-column')).toHaveLength(1);
  expect(r.scope!.notRun.filter((n) => n.family === 'required')).toEqual([]);
  for (const f of ['hue-2018-nhiem-vu.xlsx', 'hagiang-2024-chi-so.xlsx', 'cathai-2023-danh-muc.xlsx']) {
    const rep = check(await fixtureSnapshot(f), { asOf: '2024-06-15' });
    expect(rep.scope!.notRun.filter((n) => n.family === 'required')).toEqual([]);
  }
});
