/** The scoring columns' titles, and the words for "not applicable" and for bonus / penalty rows. */
import { classifyHeader } from '../../../src/core/table/header';
import { isNotApplicableText, codeCovered } from '../../../src/core/scores/applicable';
import { adjustmentKind } from '../../../src/core/scores/adjustments';
import { saysNone } from '../../../src/core/scores/evidence';
import { check } from '../../../src/core/check';
import { sheet } from '../../helpers';

describe('column titles', () => {
  it.each([
    ['Tài liệu kiểm chứng', { role: 'evidence' }],
    ['TLKC', { role: 'evidence' }],
    ['Yêu cầu của sản phẩm đầu ra (Tài liệu kiểm chứng)', { role: 'evidence' }],
    ['Tài liệu minh chứng', { role: 'evidence' }],
    ['Giải trình', { role: 'explanation' }],
    ['Thuyết minh, giải trình của đơn vị', { role: 'explanation' }],
    ['Điểm thẩm định', { score: 'appraised' }],
    ['Điểm Hội đồng thẩm định', { score: 'appraised' }],
    ['Điểm HĐTĐ', { score: 'appraised' }],
    ['Điểm sau giải trình', { score: 'appraised' }],
    ['Điểm tự đánh giá', { score: 'self' }],
    ['Sản phẩm', { role: 'product' }],
  ])('%s', (title, expected) => {
    expect(classifyHeader(title)).toMatchObject(expected);
  });

  it('a task table whose product column is titled as evidence still requires its products', () => {
    const head = ['TT', 'Nội dung', 'Sản phẩm (tài liệu kiểm chứng)', 'Cơ quan chủ trì', 'Kinh phí (triệu đồng)', 'Thời gian hoàn thành'];
    const r = check(sheet([['KẾ HOẠCH CCHC NĂM 2024'], [], head, ['1', 'Nhiệm vụ', null, 'Sở Nội vụ', 10, 'Quý I/2024']]), { asOf: '2024-01-10' });
    expect(r.table!.columns).toMatchObject({ product: 'C', evidence: 'C' });
    expect(r.findings.filter((f) => f.rule === 'missing-required').map((f) => f.cell)).toEqual(['C4']);
  });
});

describe('words', () => {
  it('not applicable', () => {
    for (const t of ['Không áp dụng', 'KHÔNG ÁP DỤNG', 'không áp dụng (không có TTHC)', 'KAD', 'K.A.D', 'N/A', 'n/a', 'NA', '(KAD)']) expect(isNotApplicableText(t)).toBe(true);
    for (const t of ['Không', 'Không đạt', 'NAM', 'Kadai', '0', 'Áp dụng']) expect(isNotApplicableText(t)).toBe(false);
  });
  it('criterion codes cover their sub-criteria', () => {
    const codes = new Set(['3.3', 'II']);
    expect(codeCovered('3.3.2', codes)).toBe(true);
    expect(codeCovered('3.3', codes)).toBe(true);
    expect(codeCovered('3.30', codes)).toBe(false);
    expect(codeCovered('II.1', codes)).toBe(true);
    expect(codeCovered('3.4', codes)).toBe(false);
  });
  it('bonus and penalty rows', () => {
    expect(adjustmentKind('Điểm thưởng (tối đa 2 điểm)')).toBe('bonus');
    expect(adjustmentKind('ĐIỂM CỘNG')).toBe('bonus');
    expect(adjustmentKind('Điểm bị trừ')).toBe('penalty');
    expect(adjustmentKind('- Điểm trừ do vi phạm kỷ luật')).toBe('penalty');
    expect(adjustmentKind('Điểm tối đa')).toBeNull();
    expect(adjustmentKind('Đối thoại của lãnh đạo tỉnh')).toBeNull();
    expect(adjustmentKind('Thực hiện chế độ báo cáo')).toBeNull();
  });
  it('evidence that says there is none', () => {
    for (const t of ['Không có', 'Chưa có.', '(chưa có)', '- Không có tài liệu kiểm chứng.', 'Chưa có báo cáo', 'Không có TLKC', 'không']) expect(saysNone(t)).toBe(true);
    for (const t of ['Không có TTHC ban hành trái thẩm quyền', 'Báo cáo CCHC năm', 'Chưa có vi phạm trong năm được phát hiện qua kiểm tra', '']) expect(saysNone(t)).toBe(false);
  });
});
