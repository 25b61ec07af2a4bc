/**
 * Every string the pane shows, in Vietnamese (the default) and English. Findings bring their own bilingual messages
 * (src/core/report.ts); this file holds only the pane's own words.
 */
import { SEVERITY_NAME, type Lang, type Severity } from '../core/report';
import { formatNumber, formatNumberEn } from '../core/vn/number';
import { Dec } from '../core/decimal';

const STRINGS = {
  'app.title': { vi: 'Kiểm tra phụ lục', en: 'Appendix check' },
  'app.intro': {
    vi: 'Mở trang tính phụ lục cần kiểm tra rồi bấm «Kiểm tra».',
    en: 'Open the appendix sheet to check, then press “Check”.',
  },
  'app.language': { vi: 'Ngôn ngữ', en: 'Language' },
  'app.help': { vi: 'Hướng dẫn', en: 'Help' },
  'app.helpTitle': { vi: 'Mở trang hướng dẫn (các quy tắc, màu đánh dấu, hàm Excel, cài đặt)', en: 'Open the help page (rules, mark colours, Excel functions, settings)' },
  'app.actions': { vi: 'Thao tác', en: 'Actions' },
  'lang.vi': { vi: 'Tiếng Việt', en: 'Tiếng Việt' },
  'lang.en': { vi: 'English', en: 'English' },

  'action.check': { vi: 'Kiểm tra', en: 'Check' },
  'action.clearMarks': { vi: 'Xóa đánh dấu', en: 'Clear marks' },
  'action.recalc': { vi: 'Tính lại điểm', en: 'Recalculate scores' },
  'action.revert': { vi: 'Hoàn tác', en: 'Undo' },
  'action.report': { vi: 'Tạo trang kết quả', en: 'Findings sheet' },
  'action.reportTitle': {
    vi: 'Thêm một trang tính liệt kê kết quả kiểm tra, mỗi dòng có liên kết tới ô',
    en: 'Add a sheet listing the findings, each linked to its cell',
  },
  'action.dismiss': { vi: 'Đóng', en: 'Dismiss' },

  'tab.results': { vi: 'Kết quả', en: 'Results' },
  'tab.settings': { vi: 'Cài đặt', en: 'Settings' },

  'phase.reading': { vi: 'Đang đọc trang tính…', en: 'Reading the sheet…' },
  'phase.checking': { vi: 'Đang kiểm tra…', en: 'Checking…' },
  'phase.marking': { vi: 'Đang đánh dấu các ô…', en: 'Marking cells…' },
  'phase.clearing': { vi: 'Đang xóa đánh dấu…', en: 'Clearing marks…' },
  'phase.recalculating': { vi: 'Đang tính lại điểm…', en: 'Recalculating scores…' },
  'phase.reverting': { vi: 'Đang hoàn tác…', en: 'Undoing…' },
  'phase.report': { vi: 'Đang tạo trang kết quả…', en: 'Writing the findings sheet…' },
  'phase.selftest': { vi: 'Đang tự kiểm tra Excel…', en: 'Running the Excel self-test…' },
  'phase.progress': { vi: 'Tiến độ', en: 'Progress' },
  'phase.fixing': { vi: 'Đang sửa…', en: 'Fixing…' },
  'phase.ignoring': { vi: 'Đang lưu mục bỏ qua…', en: 'Saving ignored findings…' },
  'phase.loading': { vi: 'Đang tải…', en: 'Loading…' },

  'error.title': { vi: 'Có lỗi', en: 'Error' },
  'error.markFailed': { vi: 'Đã kiểm tra xong nhưng chưa đánh dấu được trên trang tính.', en: 'Checked, but the cells could not be marked.' },
  'error.settings': { vi: 'Không đọc/lưu được cài đặt; đang dùng giá trị mặc định.', en: 'Settings could not be read or saved; defaults are in use.' },
  'error.details': { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
  'notice.title': { vi: 'Xong', en: 'Done' },

  'summary.title': { vi: 'Tóm tắt', en: 'Summary' },
  'summary.sheet': { vi: 'Trang tính «{name}»', en: 'Sheet “{name}”' },
  'summary.planYear': { vi: 'Năm kế hoạch {year}', en: 'Plan year {year}' },
  'summary.asOf': { vi: 'đối chiếu ngày {date}', en: 'as of {date}' },
  'summary.noTable': { vi: 'Trang tính này không có bảng phụ lục.', en: 'This sheet holds no appendix table.' },
  'scope.notChecked': { vi: 'Chưa kiểm tra', en: 'Not checked' },
  'scope.ran': { vi: 'Đã kiểm tra: {list}.', en: 'Checked: {list}.' },
  'scope.notRun': { vi: 'Chưa kiểm tra được: {list}.', en: 'Could not check: {list}.' },
  'summary.budget': { vi: 'Kinh phí', en: 'Budget' },
  'summary.budgetComputed': { vi: 'Tổng các nhiệm vụ', en: 'Sum of the tasks' },
  'summary.budgetStated': { vi: 'Dòng tổng cộng ghi', en: 'Total row states' },
  'summary.budgetIssues': { vi: '{n} vấn đề', en: '{n} problems' },
  'summary.budgetIssue.total': { vi: 'Tổng cộng khác tổng các nhiệm vụ', en: 'Total differs from the sum of the tasks' },
  'summary.budgetIssue.words': { vi: 'Số tiền bằng chữ khác tổng cộng', en: 'Amount in words differs from the total' },
  'summary.budgetIssue.wordsUnreadable': { vi: 'Không đọc được số tiền bằng chữ', en: 'Amount in words unreadable' },
  'summary.budgetIssue.subtotal': { vi: 'Dòng cộng mục sai', en: 'Section subtotal wrong' },
  'summary.budgetIssue.negative': { vi: 'Kinh phí âm', en: 'Negative amount' },
  'summary.budgetIssue.breakdown': { vi: 'Chi tiết «Trong đó» không khớp', en: '"Trong đó" breakdown does not fit' },
  'summary.budgetIssue.sources': { vi: 'Các nguồn không khớp Tổng số', en: 'Sources differ from the row total' },
  'summary.budgetIssue.pending': { vi: 'Chưa ghi số tiền (không tính vào tổng)', en: 'Amount not written (left out of the total)' },
  'summary.budgetIssue.invalid': { vi: 'Ô kinh phí không đọc được', en: 'Budget cell unreadable' },
  'summary.budgetIssue.text': { vi: 'Số ghi dạng văn bản', en: 'Number stored as text' },
  'summary.budgetIssue.error': { vi: 'Ô lỗi công thức', en: 'Cell shows an error' },
  'summary.budgetIssueAt': { vi: '{what}: {cells}', en: '{what}: {cells}' },
  'summary.noStated': { vi: 'không có', en: 'none' },
  'summary.words': { vi: 'Bằng chữ', en: 'In words' },
  'summary.wordsUnreadable': { vi: 'không đọc được', en: 'unreadable' },
  'summary.ok': { vi: 'Khớp', en: 'Matches' },
  'summary.review': { vi: 'Cần xem lại', en: 'Check' },
  'summary.wrong': { vi: 'Không khớp', en: 'Differs' },
  'summary.tasks': { vi: 'Nhiệm vụ', en: 'Tasks' },
  'summary.tasksDetail': { vi: '{sections} mục, {items} nhiệm vụ, {subItems} nội dung con', en: '{sections} sections, {items} tasks, {subItems} sub-items' },
  'summary.deadlines': { vi: 'Thời hạn', en: 'Deadlines' },
  'summary.overdue': { vi: 'Quá hạn', en: 'Overdue' },
  'summary.late': { vi: 'Hoàn thành trễ', en: 'Completed late' },
  'summary.dueSoon': { vi: 'Sắp đến hạn', en: 'Due soon' },
  'summary.unparsed': { vi: 'Không đọc được', en: 'Not understood' },
  'summary.scores': { vi: 'Điểm', en: 'Scores' },
  'summary.scoreTotal': { vi: 'Tổng (tính lại)', en: 'Total (recomputed)' },
  'summary.scoreStated': { vi: 'Dòng tổng ghi', en: 'Total row states' },
  'summary.band': { vi: 'Xếp loại {band}', en: 'Band {band}' },


  'findings.title': { vi: 'Kết quả kiểm tra', en: 'Findings' },
  'findings.none': { vi: 'Không phát hiện vấn đề nào trong những mục đã kiểm tra.', en: 'No problems found in what was checked.' },
  'findings.filter': { vi: 'Hiện', en: 'Show' },
  'findings.filterLabel': { vi: 'Lọc theo mức độ', en: 'Filter by severity' },
  'findings.allHidden': { vi: 'Không có kết quả nào ở các mức độ đang chọn.', en: 'No findings at the selected severities.' },
  'findings.expandAll': { vi: 'Mở tất cả', en: 'Expand all' },
  'findings.collapseAll': { vi: 'Thu gọn tất cả', en: 'Collapse all' },
  'findings.prev': { vi: 'Trước', en: 'Previous' },
  'findings.next': { vi: 'Sau', en: 'Next' },
  'findings.prevTitle': { vi: 'Đến kết quả trước (Alt+↑)', en: 'Go to the previous finding (Alt+↑)' },
  'findings.nextTitle': { vi: 'Đến kết quả sau (Alt+↓)', en: 'Go to the next finding (Alt+↓)' },
  'findings.position': { vi: '{i}/{n}', en: '{i} of {n}' },
  'findings.navLabel': { vi: 'Đi qua từng kết quả', en: 'Step through the findings' },
  'findings.cells': { vi: '×{n} ô', en: '×{n} cells' },
  'findings.cellsLabel': { vi: '{n} ô có cùng nội dung', en: '{n} cells with the same message' },
  'findings.showEach': { vi: 'Xem từng ô', en: 'Show each cell' },
  'findings.hideEach': { vi: 'Ẩn từng ô', en: 'Hide each cell' },
  'findings.moreCells': { vi: '+{n} ô', en: '+{n} cells' },
  'findings.more': { vi: 'Hiện thêm {n}', en: 'Show {n} more' },
  'findings.goTo': { vi: 'Đi tới ô {cell}: {message}', en: 'Go to cell {cell}: {message}' },
  'findings.howToFix': { vi: 'Cách sửa', en: 'How to fix' },
  'findings.fix': { vi: 'Đề xuất', en: 'Suggested fix' },
  'fix.open': { vi: 'Sửa…', en: 'Fix…' },
  'fix.openLabel': { vi: 'Xem trước cách sửa ô {cell}', en: 'Preview the fix of cell {cell}' },
  'fix.all': { vi: 'Sửa tất cả loại này ({n})…', en: 'Fix all of this kind ({n})…' },
  'fix.allUnsafe': {
    vi: 'Các phát hiện loại này phải sửa từng cái một: công thức của ô này đọc ô mà ô khác sẽ ghi lại.',
    en: 'Fix these one at a time: one cell’s formula reads a cell another fix rewrites.',
  },
  'fix.previewTitle': { vi: 'Xem trước: các ô sẽ được ghi', en: 'Preview: the cells to be written' },
  'fix.cell': { vi: 'Ô', en: 'Cell' },
  'fix.before': { vi: 'Hiện có', en: 'Now' },
  'fix.after': { vi: 'Sẽ ghi', en: 'Will be' },
  'fix.format': { vi: 'định dạng {before} → {after}', en: 'format {before} → {after}' },
  'fix.result': { vi: 'kết quả {value}', en: 'gives {value}' },
  'fix.apply': { vi: 'Ghi vào trang tính', en: 'Write into the sheet' },
  'fix.cancel': { vi: 'Hủy', en: 'Cancel' },
  'fix.undoNote': {
    vi: 'Ghi một lần; bấm «Hoàn tác» trong mục «Đã sửa» (hoặc Ctrl+Z) để trả lại đúng như cũ.',
    en: 'Written in one go; “Undo” under “Fixed” (or Ctrl+Z) puts everything back as it was.',
  },
  'fix.done': { vi: 'Đã sửa: ghi {n} ô ({cells}). Đã kiểm tra lại trang.', en: 'Fixed: {n} cells written ({cells}). The sheet was checked again.' },
  'fix.nothing': { vi: 'Các ô đã đúng như đề xuất: không cần ghi gì.', en: 'The cells already hold the fix: nothing to write.' },
  'fix.undone': { vi: 'Đã hoàn tác lần sửa: khôi phục {n} ô ({cells}).', en: 'Fix undone: {n} cells restored ({cells}).' },
  'fix.undoSkipped': { vi: 'Giữ nguyên các ô đã sửa tay sau đó: {cells}.', en: 'Left alone (edited since): {cells}.' },
  'fix.nothingToUndo': { vi: 'Không còn lần sửa nào để hoàn tác.', en: 'No fix left to undo.' },
  'fixes.title': { vi: 'Đã sửa', en: 'Fixed' },
  'fixes.undoLast': { vi: 'Hoàn tác lần sửa gần nhất', en: 'Undo the last fix' },
  'fixes.count': { vi: '{n} lần sửa chưa hoàn tác; mỗi lần bấm trả lại một lần, từ lần gần nhất.', en: '{n} fixes not undone; each press undoes one, the last first.' },
  'ignore.action': { vi: 'Bỏ qua', en: 'Ignore' },
  'ignore.label': { vi: 'Bỏ qua phát hiện này ở ô {cell}', en: 'Ignore this finding at cell {cell}' },
  'ignore.done': {
    vi: 'Đã bỏ qua phát hiện ở ô {cell}; lưu trong tệp. Nếu nội dung ô thay đổi, phát hiện sẽ hiện lại.',
    en: 'The finding at {cell} is ignored, and the file remembers it. If the cell changes, the finding comes back.',
  },
  'ignored.title': { vi: 'Đã bỏ qua {n}', en: '{n} ignored' },
  'ignored.restore': { vi: 'Đưa lại', en: 'Bring back' },
  'ignored.restoreLabel': { vi: 'Đưa lại phát hiện ở ô {cell}', en: 'Bring back the finding at cell {cell}' },
  'ignored.restoreAll': { vi: 'Đưa lại tất cả', en: 'Bring all back' },
  'ignored.restored': { vi: 'Đã đưa lại {n} phát hiện.', en: '{n} findings brought back.' },
  'ignored.stale': {
    vi: '{n} mục bỏ qua không còn khớp (ô đã thay đổi hoặc lỗi đã được sửa), nên các phát hiện tương ứng nếu có đều đang hiện.',
    en: '{n} ignores no longer match (the cell changed or the mistake was corrected); any such finding is shown.',
  },
  'ignored.dropped': { vi: 'Đã xóa {n} mục bỏ qua không còn khớp.', en: '{n} ignores that no longer matched were removed.' },
  'ignored.dropStale': { vi: 'Xóa các mục không còn khớp', en: 'Remove those that no longer match' },
  'ignored.readOnly': { vi: 'Tệp ghi các mục bỏ qua này; mở tệp trong Excel để đưa lại.', en: 'The file carries these ignores; open it in Excel to bring them back.' },
  'ignored.loadFailed': { vi: 'Không đọc được các mục đã bỏ qua trong tệp; mọi phát hiện đều được hiện.', en: 'The file’s ignored findings could not be read; every finding is shown.' },
  'severity.error': { vi: 'Lỗi', en: 'Errors' },
  'severity.warning': { vi: 'Cảnh báo', en: 'Warnings' },
  'severity.info': { vi: 'Lưu ý', en: 'Notes' },

  'points.title': { vi: 'Điểm bị mất nhiều nhất', en: 'Most points lost' },
  'points.column': { vi: 'Cột {column}', en: 'Column {column}' },
  'points.lost': { vi: 'mất {lost} (đạt {score}/{max})', en: 'lost {lost} ({score}/{max})' },

  'recalc.title': { vi: 'Tính lại điểm', en: 'Score recalculation' },
  'recalc.changed': { vi: 'Đã ghi {n} ô:', en: '{n} cells written:' },
  'recalc.none': { vi: 'Không có ô nào cần ghi: điểm trên trang tính đã khớp.', en: 'No cell needed writing: the sheet’s scores already agree.' },
  'recalc.disagree': { vi: '{n} ô công thức cho kết quả khác với điểm tính lại (không ghi đè công thức):', en: '{n} formula cells give another result than the recalculation (formulas are never overwritten):' },
  'recalc.formulaBad': { vi: '{cell} (công thức): Excel ra {actual}, đúng ra là {expected}', en: '{cell} (formula): Excel gives {actual}, should be {expected}' },
  'recalc.formulasOk': { vi: '{n} ô công thức đã đúng', en: '{n} formula cells already right' },
  'recalc.done': { vi: 'Tính lại điểm: đã ghi {n} ô ({cells}); bấm «Hoàn tác» trong mục «Tính lại điểm» để trả lại giá trị cũ.', en: 'Scores recalculated: {n} cells written ({cells}); press “Undo” under “Score recalculation” to put the old values back.' },
  'recalc.doneNone': { vi: 'Tính lại điểm: điểm trên trang tính đã đúng, không có ô nào cần ghi.', en: 'Scores recalculated: the sheet’s scores are right, no cell needed writing.' },
  'recalc.doneBad': { vi: '{n} ô công thức cho kết quả khác với điểm tính lại: {cells}.', en: '{n} formula cells disagree with the recalculation: {cells}.' },
  'recalc.doneRibbon': {
    vi: 'Nút «Tính lại điểm» trên thanh công cụ đã ghi {n} ô vào trang tính ({cells}); bấm «Hoàn tác» trong mục «Tính lại điểm» để trả lại giá trị cũ.',
    en: 'The “Recalculate scores” ribbon button wrote {n} cells into the sheet ({cells}); press “Undo” under “Score recalculation” to put the old values back.',
  },
  'recalc.doneNoneRibbon': {
    vi: 'Nút «Tính lại điểm» trên thanh công cụ: điểm trên trang tính đã đúng, không có ô nào cần ghi.',
    en: 'The “Recalculate scores” ribbon button: the sheet’s scores are right, no cell needed writing.',
  },
  'recalc.empty': { vi: '(trống)', en: '(empty)' },
  'recalc.reverted': { vi: 'Đã khôi phục {n} ô về giá trị cũ.', en: '{n} cells restored to their old values.' },
  'recalc.skipped': { vi: 'Giữ nguyên các ô đã sửa sau khi tính lại: {cells}', en: 'Left alone (edited since the recalculation): {cells}' },
  'recalc.nothingToRevert': { vi: 'Không có gì để hoàn tác.', en: 'Nothing to undo.' },
  'recalc.noPlan': { vi: 'Trang tính này không có điểm để tính lại.', en: 'This sheet has no scores to recalculate.' },

  'marks.cleared': { vi: 'Đã xóa đánh dấu ({n} ô).', en: 'Marks cleared ({n} cells).' },
  'marks.none': { vi: 'Trang tính không có ô nào do Phuluc đánh dấu.', en: 'The sheet carries no marks of Phuluc.' },
  'marks.skipped': { vi: 'Giữ nguyên màu các ô bạn đã tô lại: {cells}', en: 'Cells you re-coloured were left alone: {cells}' },
  'marks.refused': {
    vi: 'Excel không cho thêm ghi chú vào các ô {cells} (ô đã có chú thích hoặc ghi chú khác); các ô này chỉ được tô màu.',
    en: 'Excel did not accept a note in cells {cells} (they hold another comment or note); they are coloured only.',
  },
  'marks.gradient': {
    vi: 'Không tô màu các ô {cells} vì màu nền chuyển sắc của chúng không khôi phục lại được; xem các ô này trong danh sách kết quả.',
    en: 'Cells {cells} were not coloured: their gradient fill could not be put back afterwards; see them in the list of results.',
  },
  'marks.omitted': {
    vi: 'Có {n} ô không được tô màu vì tệp không đủ chỗ lưu thông tin để khôi phục chúng; xem các ô này trong danh sách kết quả.',
    en: '{n} cells were not coloured: the file cannot hold what it takes to restore them; see them in the list of results.',
  },
  'marks.keptEdited': { vi: 'Giữ nguyên các ghi chú bạn đã sửa: {cells}.', en: 'Notes you edited were kept: {cells}.' },
  'marks.gone': { vi: '{n} ô từng được đánh dấu đã bị xóa khỏi trang tính.', en: '{n} marked cells have since been deleted from the sheet.' },
  'marks.firstTitle': { vi: 'Phuluc đã tô màu và thêm ghi chú vào trang tính', en: 'Phuluc coloured cells and added notes' },
  'marks.firstBody': {
    vi: 'Mỗi ô có vấn đề được tô màu theo mức độ và có ghi chú nêu lý do. Đây là thay đổi trong tệp của bạn: trước khi gửi tệp đi, hãy bấm «Xóa đánh dấu» để trả các ô về như cũ.',
    en: 'Each cell with a problem is coloured by severity and carries a note saying why. This changes your file: before sending it on, press “Clear marks” to put the cells back as they were.',
  },
  'marks.firstOk': { vi: 'Đã hiểu', en: 'Got it' },
  'read.mergesUnreadable': {
    vi: 'Phiên bản Excel này không cho phần bổ trợ đọc các ô đã gộp (Trang đầu › Gộp và Căn giữa), nên giá trị của vùng gộp chỉ thấy ở ô đầu: các lỗi «bỏ trống» ở những ô thuộc vùng gộp có thể không đúng. Hãy kiểm tra lại bằng Excel mới hơn hoặc bằng trang xem trước trên trình duyệt.',
    en: 'This version of Excel does not let add-ins read merged cells (Home › Merge & Center), so a merged value shows in its first cell only: “empty cell” findings in merged areas may be wrong. Check again in a newer Excel or in the preview page in a browser.',
  },
  'report.written': { vi: 'Đã tạo trang tính «{name}» liệt kê kết quả kiểm tra.', en: 'Sheet “{name}” added, listing the findings.' },

  'auto.pending': { vi: 'Trang tính vừa thay đổi — sẽ kiểm tra lại sau giây lát.', en: 'The sheet changed — checking again shortly.' },
  'auto.cancel': { vi: 'Hủy', en: 'Cancel' },
  'auto.marksKept': {
    vi: 'Đã kiểm tra lại; màu đánh dấu trên trang tính chưa đổi, để phiên bản Excel này không xóa lịch sử hoàn tác (Ctrl+Z) của bạn. Bấm «Kiểm tra» để cập nhật màu.',
    en: 'Checked again; the marks on the sheet were left as they were, so that this version of Excel keeps your undo history (Ctrl+Z). Press “Check” to update them.',
  },
  'auto.cannotFollow': {
    vi: 'Không theo dõi được thay đổi của trang tính nên không tự kiểm tra lại được; hãy bấm «Kiểm tra» sau khi sửa.',
    en: 'Cannot follow changes to the sheet, so it will not re-check by itself; press “Check” after editing.',
  },

  'chunk.loading': { vi: 'Đang tải «{what}»…', en: 'Loading “{what}”…' },
  'chunk.failedTitle': { vi: 'Chưa tải được «{what}»', en: '“{what}” did not load' },
  'chunk.retry': { vi: 'Thử lại', en: 'Retry' },
  'chunk.fixes': { vi: 'Sửa lỗi', en: 'Fixes' },
  'chunk.recalc': { vi: 'Tính lại điểm', en: 'Score recalculation' },
  'chunk.appraisal': { vi: 'Kết quả thẩm định', en: 'Appraisal result' },

  'office.missing.title': { vi: 'Ngăn kiểm tra này cần chạy trong Excel', en: 'This pane runs inside Excel' },
  'office.missing.body': {
    vi: 'Không tìm thấy Excel (Office.js). Hãy mở từ thẻ Trang đầu › Kiểm tra phụ lục › Mở ngăn kiểm tra trong Excel, hoặc dùng trang xem trước (preview.html) để kiểm tra một tệp .xlsx.',
    en: 'Excel (Office.js) was not found. Open it from Home › Appendix check › Open the check pane in Excel, or use the preview page (preview.html) to check an .xlsx file.',
  },

  'sheet.title': { vi: 'Kết quả kiểm tra trang tính «{sheet}» (đối chiếu ngày {date})', en: 'Findings for sheet “{sheet}” (as of {date})' },
  'sheet.cell': { vi: 'Ô', en: 'Cell' },
  'sheet.severity': { vi: 'Mức độ', en: 'Severity' },
  'sheet.rule': { vi: 'Quy tắc', en: 'Rule' },
  'sheet.message': { vi: 'Nội dung', en: 'Message' },
  'sheet.howToFix': { vi: 'Cách sửa', en: 'How to fix' },
  'sheet.none': { vi: 'Không phát hiện vấn đề nào.', en: 'No findings.' },
  // the one set of severity names (src/core/report.ts SEVERITY_NAME)
  'sev1.error': SEVERITY_NAME.error,
  'sev1.warning': SEVERITY_NAME.warning,
  'sev1.info': SEVERITY_NAME.info,
} as const satisfies Record<string, { vi: string; en: string }>;

export type StringKey = keyof typeof STRINGS;

/** `{name}` placeholders filled from `params` (unknown names stay as written). */
export function fillTemplate(s: string, params?: Record<string, string | number>): string {
  return params ? s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : s;
}

/** The string for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(key: StringKey, lang: Lang, params?: Record<string, string | number>): string {
  const entry = STRINGS[key];
  return fillTemplate(entry ? entry[lang] ?? entry.vi : key, params);
}

export const SEVERITY_KEYS: Record<Severity, StringKey> = { error: 'severity.error', warning: 'severity.warning', info: 'severity.info' };
export const SEVERITY_ONE_KEYS: Record<Severity, StringKey> = { error: 'sev1.error', warning: 'sev1.warning', info: 'sev1.info' };

/** A number the way the language writes it: vi 21.950 / 65,85 — en 21,950 / 65.85. */
export function formatNum(n: number | null | undefined, lang: Lang, decimals?: number): string {
  if (n === null || n === undefined) return '—';
  const d = Dec.fromNumber(n);
  if (!d) return String(n);
  return lang === 'en' ? formatNumberEn(d, decimals) : formatNumber(d, decimals);
}

/** "2018-02-15" → "15/02/2018" (vi) or unchanged (en). */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
