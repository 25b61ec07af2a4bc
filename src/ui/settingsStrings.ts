/**
 * The words of the Cài đặt tab and the Excel self-test, vi and en: in the tab's own chunk (./lazyParts.ts), since the
 * first paint shows none of them. `t` looks here first, then in the pane's common strings (./i18n.ts).
 */
import type { ColumnRole, Lang } from '../core/report';
import { fillTemplate, t as common, type StringKey } from './i18n';

const STRINGS = {
  'settings.title': { vi: 'Cài đặt kiểm tra', en: 'Check settings' },
  'settings.required': { vi: 'Cột bắt buộc (ô trống sẽ bị báo lỗi)', en: 'Mandatory columns (empty cells are errors)' },
  'settings.planYear': { vi: 'Năm kế hoạch', en: 'Plan year' },
  'settings.planYearHint': { vi: 'Để trống: lấy từ tiêu đề («… NĂM 2018»).', en: 'Empty: read from the title (“… NĂM 2018”).' },
  'settings.planYearInvalid': { vi: 'Năm phải là số nguyên từ 1990 đến 2100.', en: 'The year must be a whole number from 1990 to 2100.' },
  'settings.asOf': { vi: 'Ngày đối chiếu thời hạn', en: 'Judge deadlines as of' },
  'settings.asOfHint': { vi: 'Để trống: hôm nay.', en: 'Empty: today.' },
  'settings.bands': { vi: 'Ngưỡng xếp loại (% điểm tối đa)', en: 'Score bands (% of the maximum)' },
  'settings.bandLabel': { vi: 'Loại', en: 'Band' },
  'settings.bandMin': { vi: 'Từ (%)', en: 'From (%)' },
  'settings.bandInvalid': { vi: 'Mỗi loại cần tên và ngưỡng từ 0 đến 100.', en: 'Each band needs a name and a threshold from 0 to 100.' },
  'settings.bandsReset': { vi: 'Khôi phục mặc định', en: 'Restore defaults' },
  'settings.autoRefresh': { vi: 'Tự kiểm tra lại khi trang tính thay đổi', en: 'Check again when the sheet changes' },
  'settings.autoRefreshUnsupported': {
    vi: 'Phiên bản Excel này không báo cho phần bổ trợ khi trang tính thay đổi; hãy bấm «Kiểm tra» sau khi sửa.',
    en: 'This version of Excel does not tell add-ins when the sheet changes; press “Check” after editing.',
  },
  'selftest.title': { vi: 'Tự kiểm tra Excel', en: 'Excel self-test' },
  'selftest.hint': {
    vi: 'Chạy thử mọi chức năng phần bổ trợ dùng trên một trang tính tạm (rồi xóa trang tính đó) và lập báo cáo để gửi cho người hỗ trợ. Excel sẽ xóa lịch sử hoàn tác (Ctrl+Z) của tệp.',
    en: 'Tries every feature the add-in uses on a temporary sheet (then deletes it) and writes a report to send to support. Excel will clear the file’s undo history (Ctrl+Z).',
  },
  'selftest.run': { vi: 'Chạy tự kiểm tra', en: 'Run the self-test' },
  'selftest.summary': { vi: 'Kết quả: {passed} đạt, {failed} lỗi, {skipped} bỏ qua.', en: 'Result: {passed} passed, {failed} failed, {skipped} skipped.' },
  'selftest.report': { vi: 'Báo cáo tự kiểm tra (gửi nội dung này cho người hỗ trợ)', en: 'Self-test report (send this to support)' },
  'selftest.copy': { vi: 'Sao chép báo cáo', en: 'Copy the report' },
  'selftest.copied': { vi: 'Đã sao chép báo cáo.', en: 'Report copied.' },
  'selftest.copyFailed': { vi: 'Không sao chép tự động được: hãy chọn nội dung khung trên rồi nhấn Ctrl+C.', en: 'Could not copy: select the text above and press Ctrl+C.' },
  'settings.save': { vi: 'Lưu cài đặt', en: 'Save settings' },
  'settings.saved': { vi: 'Đã lưu cài đặt.', en: 'Settings saved.' },

  'role.number': { vi: 'STT', en: 'No.' },
  'role.content': { vi: 'Nội dung', en: 'Content' },
  'role.product': { vi: 'Sản phẩm', en: 'Product' },
  'role.leadAgency': { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
  'role.partner': { vi: 'Cơ quan phối hợp', en: 'Partner agencies' },
  'role.budget': { vi: 'Kinh phí', en: 'Budget' },
  'role.deadline': { vi: 'Thời gian hoàn thành', en: 'Deadline' },
  'role.status': { vi: 'Tình trạng', en: 'Status' },
  'role.completedOn': { vi: 'Ngày hoàn thành', en: 'Completed on' },
  'role.maxScore': { vi: 'Điểm tối đa', en: 'Maximum score' },
  'role.evidence': { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  'role.explanation': { vi: 'Giải trình', en: 'Explanation' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type SettingsStringKey = keyof typeof STRINGS;

/** The string for `key` in `lang` (the tab's own words, or the pane's common ones), `{name}` filled from `params`. */
export function t(key: SettingsStringKey | StringKey, lang: Lang, params?: Record<string, string | number>): string {
  return key in STRINGS ? fillTemplate(STRINGS[key as SettingsStringKey][lang], params) : common(key as StringKey, lang, params);
}

export const ROLE_KEYS: Record<ColumnRole, SettingsStringKey> = {
  number: 'role.number',
  content: 'role.content',
  product: 'role.product',
  leadAgency: 'role.leadAgency',
  partner: 'role.partner',
  budget: 'role.budget',
  deadline: 'role.deadline',
  status: 'role.status',
  completedOn: 'role.completedOn',
  maxScore: 'role.maxScore',
  evidence: 'role.evidence',
  explanation: 'role.explanation',
};
