/** The preview page's own words (the pane's components bring theirs, src/ui/i18n.ts). Vietnamese first. */
import type { Lang } from '../core/report';
import { fillTemplate } from '../ui/i18n';

const STRINGS = {
  'page.title': { vi: 'Phuluc — xem trước tệp', en: 'Phuluc — file preview' },
  'page.lead': {
    vi: 'Kiểm tra các tệp phụ lục ngay trong trình duyệt: tệp không rời khỏi máy của bạn.',
    en: 'Check appendix files right in the browser: the files never leave your computer.',
  },
  'page.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'page.asOf': { vi: 'Ngày đối chiếu thời hạn', en: 'Judge deadlines as of' },
  'drop.title': { vi: 'Kéo thả các tệp Excel vào đây', en: 'Drop Excel files here' },
  'drop.or': { vi: 'hoặc', en: 'or' },
  'drop.pick': { vi: 'Chọn tệp…', en: 'Choose files…' },
  'drop.active': { vi: 'Thả để mở các tệp', en: 'Drop to open the files' },
  'drop.hint': {
    vi: 'Tệp .xlsx, .xlsm, .xls, .xlsb hoặc .ods; có thể chọn nhiều tệp cùng lúc, mỗi tệp mở trong một thẻ.',
    en: '.xlsx, .xlsm, .xls, .xlsb or .ods files; several at once, each in its own tab.',
  },
  'files.label': { vi: 'Các tệp đã mở', en: 'Open files' },
  'files.close': { vi: 'Đóng tệp {name}', en: 'Close {name}' },
  'files.example': { vi: 'ví dụ', en: 'example' },
  'files.exampleNote': {
    vi: 'Đang mở tệp ví dụ (Huế 2018, đối chiếu ngày 15/02/2018). Kéo thả hoặc chọn tệp của bạn để thay thế.',
    en: 'Showing the bundled example (Huế 2018, as of 15 Feb 2018). Drop or choose your own files to replace it.',
  },
  'files.none': { vi: 'Chưa có tệp nào.', en: 'No files yet.' },
  'sheets.label': { vi: 'Các trang của tệp', en: 'Sheets of the file' },
  'sheets.hidden': { vi: 'ẩn', en: 'hidden' },
  'status.queued': { vi: 'Đang chờ…', en: 'Waiting…' },
  'status.reading': { vi: 'Đang đọc tệp…', en: 'Reading the file…' },
  'status.parsing': { vi: 'Đang đọc nội dung tệp…', en: 'Reading the workbook…' },
  'status.checking': { vi: 'Đang kiểm tra trang {done}/{total}…', en: 'Checking sheet {done}/{total}…' },
  'status.loaded': { vi: 'Đã kiểm tra {sheets} trang trong {time}.', en: 'Checked {sheets} sheet(s) in {time}.' },
  'unit.seconds': { vi: '{n} giây', en: '{n} s' },
  'error.file': { vi: 'Không mở được tệp «{name}»', en: 'Could not open “{name}”' },
  'error.detail': { vi: 'Chi tiết kỹ thuật: {detail}', en: 'Technical detail: {detail}' },
  'error.example': { vi: 'Không tải được tệp ví dụ', en: 'Could not load the example file' },
  'error.worker': { vi: 'Bộ kiểm tra chạy nền bị lỗi', en: 'The background checker failed' },
  'download.button': { vi: 'Tải bản có đánh dấu', en: 'Download annotated copy' },
  'download.busy': { vi: 'Đang tạo bản có đánh dấu…', en: 'Preparing the annotated copy…' },
  'download.done': { vi: 'Đã tạo «{name}». Tệp gốc không bị thay đổi.', en: '“{name}” is ready. The original file is unchanged.' },
  'download.failed': { vi: 'Không tạo được bản có đánh dấu', en: 'Could not prepare the annotated copy' },
  'download.legacy': {
    vi: 'Bản có đánh dấu chỉ làm được cho tệp .xlsx hoặc .xlsm: hãy mở tệp này trong Excel và lưu thành .xlsx.',
    en: 'A marked copy can only be made of an .xlsx or .xlsm file: open this file in Excel and save it as .xlsx.',
  },
  'download.hint': {
    vi: 'Bản sao tô màu các ô có phát hiện, kèm ghi chú và trang «Phuluc – Báo cáo».',
    en: 'A copy with the finding cells coloured, a note on each and a “Phuluc – Báo cáo” sheet.',
  },
  'grid.label': { vi: 'Trang «{sheet}»', en: 'Sheet “{sheet}”' },
  'grid.selected': { vi: 'Ô {cell}', en: 'Cell {cell}' },
  'grid.noFinding': { vi: 'không có phát hiện', en: 'no findings' },
  'grid.rows': { vi: '{rows} dòng × {cols} cột', en: '{rows} rows × {cols} columns' },
  'offline.ready': { vi: 'Trang đã sẵn sàng dùng không cần mạng.', en: 'This page now works offline.' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type PreviewKey = keyof typeof STRINGS;

export function p(key: PreviewKey, lang: Lang, params?: Record<string, string | number>): string {
  return fillTemplate(STRINGS[key][lang] ?? STRINGS[key].vi, params);
}
