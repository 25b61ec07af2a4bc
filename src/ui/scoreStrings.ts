/** The pane's and the preview's words for PAR-Index scoring (appraisal, comparison, bảng giải trình), vi and en. */
import type { Lang } from '../core/report';
import { fillTemplate } from './i18n';

const STRINGS = {
  'appraisal.title': { vi: 'Thẩm định so với tự đánh giá', en: 'Appraisal against self-assessment' },
  'appraisal.compareTitle': { vi: 'So sánh hai trang tính', en: 'Two sheets compared' },
  'appraisal.side': { vi: '{label}: «{header}» (cột {column}, trang tính «{sheet}») — {total}{max}{percent}', en: '{label}: “{header}” (column {column}, sheet “{sheet}”) — {total}{max}{percent}' },
  'appraisal.self': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'appraisal.appraised': { vi: 'Thẩm định', en: 'Appraisal' },
  'appraisal.totalCut': { vi: 'Tổng điểm bị trừ: {cut}', en: 'Total points cut: {cut}' },
  'appraisal.totalAbove': { vi: 'Tổng điểm thẩm định cao hơn tự đánh giá: {above}', en: 'Appraised total above the self-assessment: {above}' },
  'appraisal.compared': { vi: '{n} tiêu chí được so sánh', en: '{n} criteria compared' },
  'appraisal.cuts': { vi: 'Điểm bị trừ (nhiều nhất trước)', en: 'Points cut (largest first)' },
  'appraisal.noCuts': { vi: 'Không tiêu chí nào bị trừ điểm.', en: 'No criterion lost points.' },
  'appraisal.raised': { vi: 'Điểm thẩm định cao hơn tự đánh giá', en: 'Appraised above the self-assessment' },
  'appraisal.na': { vi: 'Không áp dụng ở một bên', en: 'Not applicable on one side' },
  'appraisal.naWord': { vi: 'không áp dụng', en: 'not applicable' },
  'appraisal.notAppraised': { vi: 'Chưa có điểm thẩm định: {list}', en: 'Not appraised yet: {list}' },
  'appraisal.onlySelf': { vi: 'Chỉ có ở trang tính tự đánh giá', en: 'Only in the self-assessment' },
  'appraisal.onlyAppraisal': { vi: 'Chỉ có ở trang tính thẩm định', en: 'Only in the appraisal' },
  'appraisal.maxDiffers': { vi: 'Điểm tối đa khác nhau', en: 'Different maxima' },
  'appraisal.change': { vi: '{self} → {appraised} ({diff})', en: '{self} → {appraised} ({diff})' },
  'appraisal.row': { vi: 'dòng {row}', en: 'row {row}' },
  'appraisal.writeSheet': { vi: 'Tạo bảng giải trình', en: 'Explanation table sheet' },
  'appraisal.download': { vi: 'Tải bảng giải trình (.xlsx)', en: 'Download the explanation table (.xlsx)' },
  'appraisal.tableHint': {
    vi: 'Bảng giải trình (dự thảo): {n} tiêu chí, cột «Lý do đề nghị» để trống cho đơn vị điền.',
    en: 'Draft explanation table: {n} criteria, the “Reason” column left empty for the unit to fill in.',
  },
  'appraisal.written': { vi: 'Đã tạo trang tính «{name}».', en: 'Sheet “{name}” added.' },
  'appraisal.downloaded': { vi: 'Đã tải «{name}».', en: 'Downloaded “{name}”.' },
  'compare.tab': { vi: 'So sánh', en: 'Compare' },
  'compare.intro': {
    vi: 'So sánh trang tính tự đánh giá với trang tính kết quả thẩm định (dán thành một trang tính khác của sổ làm việc). Tiêu chí được ghép theo số hiệu (1, 1.3, 1.3.1), không theo thứ tự dòng.',
    en: 'Compare the self-assessment sheet with the appraisal result (pasted as another sheet of the workbook). Criteria are matched by their code (1, 1.3, 1.3.1), not by row order.',
  },
  'compare.self': { vi: 'Trang tính tự đánh giá', en: 'Self-assessment sheet' },
  'compare.appraisal': { vi: 'Trang tính thẩm định', en: 'Appraisal sheet' },
  'compare.run': { vi: 'So sánh', en: 'Compare' },
  'compare.same': { vi: 'Hãy chọn hai trang tính khác nhau.', en: 'Choose two different sheets.' },
  'compare.oneSheet': { vi: 'Sổ làm việc chỉ có một trang tính: hãy dán kết quả thẩm định vào một trang tính mới.', en: 'The workbook has one sheet: paste the appraisal result into a new sheet.' },
  'compare.noScores': { vi: 'Trang tính «{sheet}» không có bảng điểm (cột điểm tối đa, tự đánh giá, thẩm định).', en: 'Sheet “{sheet}” holds no score table (maximum, self-assessed, appraised columns).' },
  'compare.noColumn': { vi: 'Trang tính «{sheet}» không có cột điểm {what}.', en: 'Sheet “{sheet}” has no {what} column.' },
  'evidence.title': { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  'evidence.checked': { vi: 'Tiêu chí có điểm (cột {column})', en: 'Criteria claiming points (column {column})' },
  'evidence.missing': { vi: 'Thiếu TLKC và giải trình', en: 'No evidence or explanation' },
  'evidence.saysNone': { vi: 'Đủ điểm, TLKC ghi «không có»', en: 'Full marks, evidence “none”' },
  'score.applicableMax': { vi: 'Tối đa áp dụng', en: 'Applicable maximum' },
  'score.fullMax': { vi: 'Tối đa của bộ tiêu chí', en: 'Full maximum' },
  'score.notApplicable': { vi: 'Không áp dụng', en: 'Not applicable' },
  'score.areas': { vi: 'Các lĩnh vực', en: 'Areas' },
  'score.bonus': { vi: 'Điểm thưởng', en: 'Bonus' },
  'score.penalty': { vi: 'Điểm bị trừ', en: 'Penalty' },
  'phase.comparing': { vi: 'Đang đọc và so sánh hai trang tính…', en: 'Reading and comparing the two sheets…' },
  'phase.explanation': { vi: 'Đang tạo bảng giải trình…', en: 'Writing the explanation table…' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type ScoreStringKey = keyof typeof STRINGS;

export function st(key: ScoreStringKey, lang: Lang, params?: Record<string, string | number>): string {
  return fillTemplate(STRINGS[key][lang], params);
}
