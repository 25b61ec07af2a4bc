/**
 * Findings, the report, and the rule catalogue (ids, default severity, vi/en titles).
 * Every message is rendered in both languages when the finding is made, so hosts need no engine to show it.
 */
import type { Ignore, IgnoredFinding } from './ignores';
import type { AdjustmentKind, EvidenceSummary, ScoreDiff } from './scores/types';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'vi' | 'en';
export interface Text {
  vi: string;
  en: string;
}

export type RuleId =
  | 'table-not-found'
  | 'missing-column'
  | 'repeated-header'
  | 'row-fragment'
  | 'second-table'
  | 'numbering-gap'
  | 'numbering-duplicate'
  | 'missing-required'
  | 'number-as-text'
  | 'invalid-number'
  | 'negative-amount'
  | 'cell-error'
  | 'budget-subtotal-mismatch'
  | 'budget-total-mismatch'
  | 'budget-words-mismatch'
  | 'budget-breakdown-mismatch'
  | 'budget-sources-mismatch'
  | 'budget-no-amount'
  | 'deadline-unparsed'
  | 'deadline-invalid'
  | 'deadline-overdue'
  | 'deadline-late'
  | 'deadline-outside-plan-year'
  | 'plan-year-doubt'
  | 'legacy-encoding'
  | 'score-exceeds-max'
  | 'score-negative'
  | 'score-rollup-mismatch'
  | 'score-total-mismatch'
  | 'score-levels'
  | 'score-code-misplaced'
  | 'score-below-threshold'
  | 'score-not-applicable-conflict'
  | 'evidence-missing'
  | 'evidence-says-none'
  | 'check-failed';

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  title: Text;
  /** what the user does about a finding of this rule, shown under it in the pane, the preview and the report sheet */
  howToFix: Text;
}

/** The catalogue: one entry per rule. Severity here is the default; a rule may raise or lower it per finding. */
export const RULES: readonly RuleInfo[] = [
  { id: 'table-not-found', severity: 'info', title: { vi: 'Không thấy bảng phụ lục', en: 'No appendix table found' },
    howToFix: { vi: 'Kiểm tra xem trang tính có đúng là phụ lục không. Bảng cần một dòng tiêu đề với các cột như STT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành; nếu tiêu đề là ảnh hoặc nằm trong hộp văn bản, hãy gõ lại vào các ô.', en: 'Check that the sheet is an appendix. The table needs a header row with columns such as STT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành; a header drawn as a picture or text box must be typed into cells.' } },
  { id: 'missing-column', severity: 'warning', title: { vi: 'Thiếu cột bắt buộc', en: 'Mandatory column missing' },
    howToFix: { vi: 'Thêm cột còn thiếu vào bảng (hoặc đặt lại tên tiêu đề cột cho đúng, ví dụ «Cơ quan chủ trì»), hoặc bỏ cột đó khỏi danh sách cột bắt buộc trong Cài đặt.', en: 'Add the missing column (or rename its header, e.g. «Cơ quan chủ trì»), or drop it from the mandatory columns in Settings.' } },
  { id: 'repeated-header', severity: 'info', title: { vi: 'Dòng tiêu đề lặp lại (ngắt trang)', en: 'Header row repeated (page break)' },
    howToFix: { vi: 'Không cần sửa: dòng tiêu đề lặp lại khi in nhiều trang. Nếu muốn gọn, xóa dòng lặp và dùng Bố trí trang › In tiêu đề (Print Titles).', en: 'Nothing to fix: the header repeats for printing. To tidy up, delete the repeated row and use Page Layout › Print Titles instead.' } },
  { id: 'row-fragment', severity: 'warning', title: { vi: 'Dòng bị ngắt trang', en: 'Row split by a page break' },
    howToFix: { vi: 'Gộp phần chữ bị ngắt trang vào ô Nội dung của nhiệm vụ phía trên, rồi xóa dòng thừa.', en: "Move the text cut by the page break into the task's own cell above, then delete the extra row." } },
  { id: 'second-table', severity: 'warning', title: { vi: 'Bảng thứ hai chưa được kiểm tra', en: 'Second table not checked' },
    howToFix: { vi: 'Trang tính có hai bảng, mỗi bảng một dòng tiêu đề: chỉ bảng đầu được kiểm tra. Chuyển bảng sau (từ tiêu đề của nó) sang một trang tính riêng rồi kiểm tra lại.', en: 'The sheet holds two tables, each with its own header: only the first was checked. Move the second (from its title) to a sheet of its own and check again.' } },
  { id: 'numbering-gap', severity: 'warning', title: { vi: 'Số thứ tự bị thiếu', en: 'Gap in numbering' },
    howToFix: { vi: 'Đánh lại số thứ tự liên tục (1, 2, 3…) hoặc bổ sung nhiệm vụ bị sót.', en: 'Renumber the items consecutively (1, 2, 3…) or add the missing task.' } },
  { id: 'numbering-duplicate', severity: 'warning', title: { vi: 'Số thứ tự bị trùng', en: 'Duplicate number' },
    howToFix: { vi: 'Sửa số thứ tự bị trùng để mỗi nhiệm vụ có một số riêng.', en: 'Change the repeated number so each task has its own.' } },
  { id: 'missing-required', severity: 'error', title: { vi: 'Thiếu nội dung bắt buộc', en: 'Mandatory cell empty' },
    howToFix: { vi: 'Điền nội dung vào ô trống (hoặc bỏ cột khỏi danh sách cột bắt buộc trong Cài đặt nếu phụ lục này không yêu cầu).', en: 'Fill in the empty cell (or drop the column from the mandatory columns in Settings if this appendix does not need it).' } },
  { id: 'number-as-text', severity: 'info', title: { vi: 'Số ghi dạng văn bản', en: 'Number stored as text' },
    howToFix: { vi: 'Nhập lại dạng số (không gõ dấu nháy, không để định dạng ô là Văn bản) để Excel cộng được; Phuluc có thể đổi giúp và giữ nguyên định dạng ô.', en: "Enter it as a number (no leading apostrophe, cell not formatted as Text) so Excel can add it up; Phuluc can convert it for you, keeping the cell's format." } },
  { id: 'invalid-number', severity: 'error', title: { vi: 'Số không hợp lệ', en: 'Invalid number' },
    howToFix: { vi: 'Ghi số theo kiểu Việt Nam (21.950 hoặc 26.979,5). Nếu ô ghi chú thích (ví dụ «300 (NS tỉnh)»), chuyển chú thích sang cột Ghi chú để cột kinh phí chỉ chứa số.', en: 'Write the number the Vietnamese way (21.950 or 26.979,5). If the cell holds a remark (e.g. «300 (NS tỉnh)»), move it to a notes column so the budget column holds only numbers.' } },
  { id: 'negative-amount', severity: 'warning', title: { vi: 'Kinh phí âm', en: 'Negative amount' },
    howToFix: { vi: 'Kiểm tra dấu trừ hoặc dấu ngoặc «(…)»: kinh phí thường không âm. Nếu đúng là khoản giảm trừ, ghi rõ ở cột Ghi chú.', en: 'Check the minus sign or the parentheses "(…)": amounts are normally not negative. If it really is a deduction, say so in a notes column.' } },
  { id: 'cell-error', severity: 'error', title: { vi: 'Ô bị lỗi công thức', en: 'Cell shows an error' },
    howToFix: { vi: 'Sửa công thức của ô (thường do xóa dòng/cột mà công thức tham chiếu tới: #REF!) để ô hiện đúng giá trị.', en: "Repair the cell's formula (often a deleted row or column it referred to: #REF!) so the cell shows a value." } },
  { id: 'budget-subtotal-mismatch', severity: 'error', title: { vi: 'Dòng cộng mục sai', en: 'Section subtotal wrong' },
    howToFix: { vi: 'Thay số gõ tay bằng công thức =SUM(...) của đúng các nhiệm vụ trong mục, không cộng hai lần dòng cộng mục; Phuluc có thể ghi công thức đó giúp.', en: "Replace the typed figure by a =SUM(...) of exactly the section's tasks, never counting a subtotal twice; Phuluc can write that formula for you." } },
  { id: 'budget-total-mismatch', severity: 'error', title: { vi: 'Tổng kinh phí sai', en: 'Budget total wrong' },
    howToFix: { vi: 'Dùng một công thức =SUM(...) gồm mọi dòng nhiệm vụ (không gồm các dòng cộng mục), và đổi các số ghi dạng văn bản thành số; Phuluc có thể ghi công thức đó giúp.', en: 'Use one =SUM(...) over every task row (and no subtotal rows), and turn numbers stored as text into numbers; Phuluc can write that formula for you.' } },
  { id: 'budget-words-mismatch', severity: 'error', title: { vi: 'Số tiền bằng chữ không khớp', en: 'Amount in words differs' },
    howToFix: { vi: 'Viết lại số tiền bằng chữ theo tổng cộng đúng; Phuluc đề xuất câu chữ theo đúng cách viết văn bản đang dùng (nghìn/ngàn, linh/lẻ, «chẵn»).', en: 'Rewrite the amount in words for the correct total; Phuluc proposes the wording in the spelling the document already uses (nghìn/ngàn, linh/lẻ, «chẵn»).' } },
  { id: 'budget-breakdown-mismatch', severity: 'error', title: { vi: 'Chi tiết «Trong đó» không khớp', en: '"Trong đó" breakdown does not fit' },
    howToFix: { vi: 'Các dòng «Trong đó» chỉ chia nhỏ kinh phí của dòng phía trên (theo nguồn: ngân sách tỉnh, ngân sách huyện…) nên không được lớn hơn số đó: sửa số của dòng chi tiết hoặc của dòng phía trên. Nếu dòng phía trên chưa ghi kinh phí, hãy ghi vào. Không cộng các dòng «Trong đó» vào tổng cộng.', en: 'The "Trong đó" lines only split the amount of the row above (by source: provincial budget, district budget…), so they cannot add up to more: correct the detail lines or the row above. If the row above states no amount, fill it in. Never add the "Trong đó" lines into the total.' } },
  { id: 'budget-sources-mismatch', severity: 'error', title: { vi: 'Các nguồn kinh phí không khớp Tổng số', en: 'Funding sources ≠ the row\'s total' },
    howToFix: { vi: 'Trên mỗi dòng, Tổng số phải bằng tổng các cột nguồn (ngân sách tỉnh, ngân sách huyện, nguồn khác…): sửa số sai, hoặc dùng công thức =SUM(...) của các cột nguồn cho ô Tổng số.', en: 'On every row the total must equal the sum of the source columns (provincial budget, district budget, other sources…): correct the wrong figure, or make the total cell a =SUM(...) of the source cells.' } },
  { id: 'budget-no-amount', severity: 'info', title: { vi: 'Kinh phí ghi bằng lời, không có số', en: 'Budget given in words, no figure' },
    howToFix: { vi: '«Lồng ghép», «Trong kinh phí thường xuyên», «Không»: không cần sửa, nhiệm vụ không có kinh phí riêng. «Theo dự toán», «Sẽ bố trí sau»: khi đã có số, ghi số tiền vào ô để tổng cộng đầy đủ.', en: '«Lồng ghép», «Trong kinh phí thường xuyên», «Không»: nothing to fix, the task has no budget of its own. «Theo dự toán», «Sẽ bố trí sau»: once the figure is known, enter it so the total is complete.' } },
  { id: 'deadline-unparsed', severity: 'warning', title: { vi: 'Không đọc được thời hạn', en: 'Deadline not understood' },
    howToFix: { vi: 'Ghi thời hạn theo một cách rõ ràng: 20/3/2024, Tháng 01/2024, Quý IV/2024, Năm 2024, «Trước ngày 20/3/2024», «Hằng quý».', en: 'Write the deadline in a clear form: 20/3/2024, Tháng 01/2024, Quý IV/2024, Năm 2024, «Trước ngày 20/3/2024», «Hằng quý».' } },
  { id: 'deadline-invalid', severity: 'error', title: { vi: 'Ngày tháng không hợp lệ', en: 'Invalid date' },
    howToFix: { vi: 'Sửa ngày cho đúng lịch (ví dụ tháng 2 chỉ có 28 hoặc 29 ngày); hạn cụ thể phải nằm trong kỳ ghi trước nó («Quý I: trước 20/3»).', en: 'Correct the date to a real calendar day (February has 28 or 29 days); a precise deadline must lie inside the period written before it ("Quý I: trước 20/3").' } },
  { id: 'deadline-overdue', severity: 'warning', title: { vi: 'Quá hạn', en: 'Overdue' },
    howToFix: { vi: 'Cập nhật tình trạng nếu nhiệm vụ đã xong (thêm cột Tình trạng / Ngày hoàn thành), hoặc điều chỉnh thời hạn theo văn bản được phê duyệt.', en: 'Update the status if the task is done (add a Status / Completion date column), or change the deadline as approved.' } },
  { id: 'deadline-late', severity: 'warning', title: { vi: 'Hoàn thành trễ hạn', en: 'Completed late' },
    howToFix: { vi: 'Ghi rõ lý do chậm trong báo cáo, hoặc sửa ngày hoàn thành nếu ghi nhầm.', en: 'Explain the delay in the report, or correct the completion date if it was mistyped.' } },
  { id: 'deadline-outside-plan-year', severity: 'warning', title: { vi: 'Thời hạn ngoài năm kế hoạch', en: 'Deadline outside the plan year' },
    howToFix: { vi: 'Kiểm tra năm của thời hạn (thường là gõ nhầm năm trước), hoặc đặt đúng năm kế hoạch trong Cài đặt.', en: 'Check the year of the deadline (often last year typed by mistake), or set the right plan year in Settings.' } },
  { id: 'plan-year-doubt', severity: 'warning', title: { vi: 'Năm kế hoạch có thể sai', en: 'Plan year in doubt' },
    howToFix: { vi: 'Nếu tiêu đề nêu nhầm năm (năm báo cáo, hoặc sao từ kế hoạch năm trước), sửa tiêu đề; hoặc đặt năm kế hoạch trong Cài đặt (dòng lệnh: --plan-year).', en: 'If the title names the wrong year (the report year, or copied from last year\'s plan), correct it; or set the plan year in Settings (command line: --plan-year).' } },
  { id: 'score-exceeds-max', severity: 'error', title: { vi: 'Điểm vượt điểm tối đa', en: 'Score above its maximum' },
    howToFix: { vi: 'Sửa điểm về không quá điểm tối đa của tiêu chí (hoặc sửa điểm tối đa nếu ghi nhầm).', en: "Lower the score to at most the criterion's maximum (or correct the maximum if it is wrong)." } },
  { id: 'score-negative', severity: 'error', title: { vi: 'Điểm âm', en: 'Negative score' },
    howToFix: { vi: 'Điểm không được âm: sửa lại điểm của tiêu chí.', en: "Scores cannot be negative: correct the criterion's score." } },
  { id: 'score-rollup-mismatch', severity: 'error', title: { vi: 'Điểm tiêu chí cha khác tổng tiêu chí con', en: 'Parent score ≠ sum of its children' },
    howToFix: { vi: 'Điểm tiêu chí cha phải bằng tổng các tiêu chí con: dùng công thức =SUM(...) của các tiêu chí con (Phuluc có thể ghi giúp) hoặc bấm «Tính lại điểm».', en: 'A parent criterion must equal the sum of its sub-criteria: use a =SUM(...) of the sub-criteria (Phuluc can write it) or press “Recalculate scores”.' } },
  { id: 'score-total-mismatch', severity: 'error', title: { vi: 'Tổng điểm sai', en: 'Score total wrong' },
    howToFix: { vi: 'Tổng điểm phải bằng tổng các lĩnh vực: dùng công thức =SUM(...) của các lĩnh vực (Phuluc có thể ghi giúp) hoặc bấm «Tính lại điểm».', en: 'The total must equal the sum of the areas: use a =SUM(...) of the areas (Phuluc can write it) or press “Recalculate scores”.' } },
  { id: 'score-levels', severity: 'info', title: { vi: 'Chấm theo một trong các mức', en: 'Scored at one of several levels' },
    howToFix: { vi: 'Không phải lỗi: tự kiểm tra điểm của tiêu chí bằng điểm của đúng một mức mà đơn vị đạt (không cộng các mức). Phuluc không tính lại ô này.', en: 'Not a mistake: check by hand that the criterion scores the points of the one level reached (levels do not add up). Phuluc does not recalculate this cell.' } },
  { id: 'score-code-misplaced', severity: 'warning', title: { vi: 'Mã tiêu chí không khớp vị trí', en: 'Criterion code does not fit its place' },
    howToFix: { vi: 'Sửa mã tiêu chí cho đúng tiêu chí cha đứng trên nó (ví dụ dưới 1.3 là 1.3.1, 1.3.2…), hoặc chuyển dòng về đúng chỗ; sau đó kiểm tra lại.', en: 'Correct the code to match the criterion above it (under 1.3: 1.3.1, 1.3.2…), or move the row to its place; then check again.' } },
  { id: 'score-below-threshold', severity: 'warning', title: { vi: 'Lĩnh vực dưới 50% điểm tối đa', en: 'Area under 50 % of its maximum' },
    howToFix: { vi: 'Không phải lỗi nhập liệu: lĩnh vực này cần được ưu tiên cải thiện. Xem danh sách «Điểm bị mất nhiều nhất».', en: 'Not a typing mistake: this area needs attention. See the “Most points lost” list.' } },
  { id: 'legacy-encoding', severity: 'info', title: { vi: 'Phông chữ cũ (TCVN3 / VNI)', en: 'Legacy encoding (TCVN3 / VNI)' },
    howToFix: { vi: 'Chuyển cả tệp sang Unicode (ví dụ Unikey › Công cụ chuyển mã: nguồn TCVN3 hoặc VNI, đích Unicode) và dùng phông Unicode như Times New Roman.', en: 'Convert the whole file to Unicode (e.g. Unikey › conversion tool: from TCVN3 or VNI to Unicode) and use a Unicode font such as Times New Roman.' } },
  { id: 'score-not-applicable-conflict', severity: 'warning', title: { vi: '«Không áp dụng» nhưng vẫn có điểm', en: 'Not applicable, yet scored' },
    howToFix: { vi: 'Nếu tiêu chí không áp dụng cho đơn vị: xóa điểm đã ghi (để «Không áp dụng»). Nếu có áp dụng: bỏ chữ «Không áp dụng» / «KAD» (hoặc bỏ tiêu chí khỏi danh sách không áp dụng trong dòng lệnh).', en: 'If the criterion does not apply to the unit, delete the score (leave "Không áp dụng"). If it applies, remove "Không áp dụng" / "KAD" (or drop it from --not-applicable).' } },
  { id: 'evidence-missing', severity: 'warning', title: { vi: 'Có điểm nhưng thiếu tài liệu kiểm chứng', en: 'Score without evidence' },
    howToFix: { vi: 'Ghi tên tài liệu kiểm chứng (số, ngày văn bản) vào cột TLKC, hoặc giải trình ở cột Giải trình; nếu không có minh chứng, cân nhắc tự chấm lại điểm.', en: 'Name the evidence (document number and date) in the evidence column, or explain in the explanation column; without evidence, reconsider the self-assessed score.' } },
  { id: 'evidence-says-none', severity: 'warning', title: { vi: 'Đủ điểm nhưng tài liệu kiểm chứng ghi «không có»', en: 'Full marks, evidence says "none"' },
    howToFix: { vi: 'Bổ sung tài liệu kiểm chứng cho điểm tối đa, hoặc chấm lại điểm theo mức thực tế có minh chứng.', en: 'Add the evidence for the full marks, or score the criterion as far as the evidence goes.' } },
  { id: 'check-failed', severity: 'error', title: { vi: 'Không kiểm tra được trang', en: 'Sheet could not be checked' },
    howToFix: { vi: 'Dữ liệu không bị thay đổi. Hãy thử lại; nếu vẫn lỗi, gửi tệp (đã bỏ thông tin nhạy cảm) cho người phụ trách kỹ thuật.', en: 'Nothing was changed. Try again; if it fails again, send the file (with sensitive data removed) to your technical contact.' } },
];

/** The rule families a sheet's scope is told in: what ran, and what could not run and why. */
export type RuleFamily = 'table' | 'required' | 'numbers' | 'budget' | 'deadlines' | 'plan-year' | 'scores';

export const FAMILIES: readonly { id: RuleFamily; name: Text }[] = [
  { id: 'table', name: { vi: 'cấu trúc bảng', en: 'table structure' } },
  { id: 'required', name: { vi: 'ô bắt buộc', en: 'mandatory cells' } },
  { id: 'numbers', name: { vi: 'số liệu', en: 'numbers' } },
  { id: 'budget', name: { vi: 'kinh phí', en: 'budget' } },
  { id: 'deadlines', name: { vi: 'thời hạn', en: 'deadlines' } },
  { id: 'plan-year', name: { vi: 'năm kế hoạch', en: 'plan year' } },
  { id: 'scores', name: { vi: 'điểm', en: 'scores' } },
];

/**
 * Per rule: its family and what it finds (the README's rule table is generated from this and RULES:
 * `npm run docs:rules`; a test fails when they differ).
 */
export const RULE_DOCS: Readonly<Record<RuleId, { family: RuleFamily; finds: string }>> = {
  'table-not-found': { family: 'table', finds: 'the sheet holds no appendix table: the sheet is **not checked** (never a crash, never a pass)' },
  'missing-column': { family: 'table', finds: 'a column you made mandatory (`--required`, settings) is not in the table' },
  'repeated-header': { family: 'table', finds: 'a header row repeated by a page break; not read as data' },
  'row-fragment': { family: 'table', finds: 'a row that is the tail of the item above, cut by a page break' },
  'second-table': { family: 'table', finds: 'a second table under the first one (its own header, or "PHỤ LỤC II" over the same header): it is **not checked**, and its rows are not read as the first table\'s tasks' },
  'numbering-gap': { family: 'table', finds: 'I, II, IV…; 1, 2, 4…; sub-items starting at b)' },
  'numbering-duplicate': { family: 'table', finds: 'the same number twice in one list' },
  'missing-required': { family: 'required', finds: 'an empty mandatory cell (default: Nội dung, Cơ quan chủ trì, Thời gian, Sản phẩm — those the table has); parents of sub-items are exempt' },
  'number-as-text': { family: 'numbers', finds: '"21.950" typed as text, or "1.500 triệu" / "1.500đ" with a unit (converted to the column\'s unit); read and counted, but Excel cannot add it' },
  'invalid-number': { family: 'numbers', finds: 'malformed number ("12..5", 10^18 or more) / text in a number column ("300 (NS tỉnh)", "NS tỉnh"), a unit in a column whose header names none, a percentage ("73%", or under a % format) in a score column, or a formula saved without a value in a score or budget column (one that may give "" on purpose, `=IF(…;"";…)`, is an empty cell): left out of the sums' },
  'negative-amount': { family: 'budget', finds: 'a negative amount ("-30", "(30)") in the budget column: added as written, so it lowers the total' },
  'cell-error': { family: 'numbers', finds: '#REF!, #VALUE!, #N/A … inside the table' },
  'budget-subtotal-mismatch': { family: 'budget', finds: '"Cộng mục I" (or a parent\'s amount) ≠ the sum of its items' },
  'budget-total-mismatch': { family: 'budget', finds: 'the total row ≠ the sum of the items (merged amounts once, subtotals and "Trong đó" lines never)' },
  'budget-words-mismatch': { family: 'budget', finds: 'the amount in words ≠ the total in figures (warning when the words cannot be read)' },
  'budget-breakdown-mismatch': { family: 'budget', finds: 'the lines of a "Trong đó" / "Bao gồm" / "Chia ra" breakdown (counted in no total) add up to more than the row they detail (error), or detail a row that states no amount (warning)' },
  'budget-sources-mismatch': { family: 'budget', finds: 'a budget over several columns ("Kinh phí" over "Tổng số | Ngân sách tỉnh | Ngân sách huyện"): a row whose sources do not add up to its "Tổng số", or an empty "Tổng số" beside amounts by source; each column\'s total and subtotals are checked on their own' },
  'budget-no-amount': { family: 'budget', finds: 'a budget cell that says how the task is funded instead of an amount, from a closed list: «Lồng ghép», «Trong kinh phí thường xuyên», «Không» (info: no budget of its own) or «Theo dự toán», «Sẽ bố trí sau», «Chưa xác định» (warning: an amount exists but is not written, so the total leaves it out); any other text is an `invalid-number`' },
  'deadline-unparsed': { family: 'deadlines', finds: 'a deadline the grammar does not read precisely (never guessed), including a line with a word it can neither read nor ignore ("Quý IV/2024 (nếu có)")' },
  'deadline-invalid': { family: 'deadlines', finds: 'an impossible date (31/02/2024, Tháng 13/2024), a number and its words that disagree ("06 (bảy)"), a refinement outside its period ("Quý I: Trước 20/6"), a postponement to an earlier date' },
  'deadline-overdue': { family: 'deadlines', finds: 'due before the as-of date and not done (the status column, else what the deadline cell says: "đã xong"): error when not done is stated, warning when there is no status; a postponed deadline says so' },
  'deadline-late': { family: 'deadlines', finds: 'done after the due date (completion-date column)' },
  'deadline-outside-plan-year': { family: 'plan-year', finds: 'a whole-year deadline of another year, or a date before Q4 of the previous year / after Q1 of the next; says so when it is also overdue (one finding per cell; error when the status says not done)' },
  'plan-year-doubt': { family: 'plan-year', finds: 'most deadlines that name a year fall in another year than the plan year read from the title: one finding at the title (instead of one per deadline)' },
  'score-exceeds-max': { family: 'scores', finds: 'a score above the criterion\'s maximum' },
  'score-negative': { family: 'scores', finds: 'a negative score' },
  'score-rollup-mismatch': { family: 'scores', finds: 'a parent criterion ≠ the sum of its sub-criteria as the sheet states them' },
  'score-total-mismatch': { family: 'scores', finds: 'the total row ≠ the sum of the areas as stated (bonus added, penalty taken off)' },
  'score-levels': { family: 'scores', finds: 'a criterion scored at one of several levels ("mức 1 = 2, mức 2 = 1, mức 3 = 0"; the levels\' maxima add up to more than its own, one of them is its maximum, a 0, or worded "Mức …", "Đạt / Không đạt"): not checked as the sum of its levels, and not recalculated' },
  'score-code-misplaced': { family: 'scores', finds: 'a criterion code that does not fit where it stands ("1.2.2" or "1.4.2" under 1.3): the criterion above it is not checked against its children nor recalculated (instead of a roll-up over the wrong children)' },
  'score-below-threshold': { family: 'scores', finds: 'an area under 50 % of its applicable maximum (no emulation award below that)' },
  'score-not-applicable-conflict': { family: 'scores', finds: 'a criterion that does not apply (`--not-applicable`, "KAD" in its maximum) yet is scored, or "Không áp dụng" over scored sub-criteria: one finding at the top of the branch' },
  'evidence-missing': { family: 'scores', finds: 'a leaf criterion claiming points in the self-assessment with neither evidence (TLKC) nor an explanation' },
  'evidence-says-none': { family: 'scores', finds: 'full marks while the evidence says "Không có" / "Chưa có"' },
  'legacy-encoding': { family: 'table', finds: 'text typed in a legacy Vietnamese encoding (TCVN3 / VNI): decoded to Unicode for the check; convert the file to Unicode' },
  'check-failed': { family: 'table', finds: 'an unexpected internal failure on one sheet; the other sheets are still checked' },
};

export const RULE_BY_ID: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleInfo
>;

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** "F61" — every finding has a cell */
  cell: string;
  row: number;
  column: string;
  message: Text;
  /**
   * What findings of one rule have in common when their messages differ only in what is particular to each cell (the
   * task, the row): «Thiếu «Thời gian hoàn thành»» for every empty deadline. Lists show such findings as one line
   * with their cells ("×11 ô: G14, G23, …"); without a gist, findings group by identical message.
   */
  gist?: Text;
  /** what the checker expected and what it found, for machines (numbers are plain decimals) */
  expected?: string | number;
  actual?: string | number;
  /** other cells involved (e.g. the item rows of a total) */
  related?: string[];
  /** why a total is wrong, when the sheet's formulas show it (also said in the message) */
  causes?: TotalCause[];
  /** what a quick fix would write (src/core/fixes); hosts apply it and keep the undo record */
  fix?: FixPlan;
  /** what an ignore of this finding is keyed by (src/core/ignores.ts): the column, the row's task, the cell's content */
  fingerprint?: string;
}

/**
 * Why a total or subtotal is wrong, read from the sheet's own formulas. Formula causes are given only when
 * re-adding the formula's cells the way Excel does gives exactly the value the cell shows.
 */
export type TotalCause =
  /** the cell holds a typed number while the other totals of its column (`siblings`) are formulas */
  | { kind: 'typed-total'; siblings: string[] }
  /** amounts stored as text inside the formula's ranges: SUM skips them */
  | { kind: 'text-skipped'; formula: string; cells: { cell: string; text: string; value: number }[]; amount: number }
  /** item amounts the formula does not reach (its range stops short, or skips them) */
  | { kind: 'range-misses-items'; formula: string; cells: string[]; amount: number }
  /** the formula adds a subtotal and the items it already adds up (`subtotals`: the subtotal cells counted twice) */
  | { kind: 'subtotal-counted-twice'; formula: string; subtotals: string[]; amount: number }
  /** the formula also adds cells outside its scope (items of another section, numbers that are no task) */
  | { kind: 'extra-cells'; formula: string; cells: string[]; amount: number }
  /** the formula adds "Trong đó" lines, a breakdown of an amount it already counts on the row above them */
  | { kind: 'breakdown-counted'; formula: string; cells: string[]; amount: number }
  /** the formula adds subtotals that are themselves wrong (each has its own finding) */
  | { kind: 'wrong-part'; formula: string; cells: string[] };

export type FixKind = 'number-from-text' | 'amount-in-words' | 'sum-formula' | 'score-sum-formula';

/** A cell's content as a fix finds it or leaves it. */
export interface FixCellContent {
  /** a number, a text, or null for an empty cell */
  value: string | number | boolean | null;
  /** "=SUM(F6:F60)" when the cell holds (or will hold) a formula */
  formula?: string;
  /** the cell's number format ("#,##0", "General", "@"…) */
  numberFormat: string;
}

export interface FixEdit {
  /** "F61" */
  cell: string;
  row: number;
  column: string;
  before: FixCellContent;
  /** what to write: a value or a formula, with the number format the cell keeps (changed only from Text "@") */
  after: FixCellContent;
}

/** What a quick fix would write: every cell it touches, before and after, and what it does in both languages. */
export interface FixPlan {
  kind: FixKind;
  description: Text;
  edits: FixEdit[];
}

export type ColumnRole =
  | 'number'
  | 'content'
  | 'product'
  | 'leadAgency'
  | 'partner'
  | 'budget'
  | 'deadline'
  | 'status'
  | 'completedOn'
  | 'maxScore'
  /** tài liệu kiểm chứng (TLKC): the evidence of a criterion's score */
  | 'evidence'
  /** giải trình, thuyết minh: the unit's explanation of a score */
  | 'explanation';

export type ScoreKind = 'self' | 'result' | 'appraised' | 'target' | 'score';

export interface ScoreColumnInfo {
  column: string;
  header: string;
  kind: ScoreKind;
  /** year named in the header ("Kết quả năm 2023" → 2023) */
  year?: number;
}

export interface TableInfo {
  /** sheet rows holding the header (1 or 2) */
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** role → column letter */
  columns: Partial<Record<ColumnRole, string>>;
  /** header text of each recognised column, by letter */
  headers: Record<string, string>;
  scoreColumns: ScoreColumnInfo[];
  kind: 'tasks' | 'scores';
}

export interface Counts {
  rows: number;
  sections: number;
  items: number;
  subItems: number;
  repeatedHeaders: number;
  fragments: number;
}

export interface BudgetSection {
  label: string;
  row: number;
  sum: number;
  /** a subtotal row's own figure, when the section has one */
  stated?: number;
  statedCell?: string;
}

export interface BudgetSummary {
  column: string;
  /** Σ items (merged amounts once, subtotal rows never), in the sheet's unit */
  total: number;
  /** the total row's figure */
  stated: number | null;
  statedCell?: string;
  unit: string;
  /** the amount in words, converted to the sheet's unit */
  words?: { cell: string; text: string; amount: number | null };
  sections: BudgetSection[];
  /** shown decimals of the total, for display */
  decimals: number;
  /**
   * A budget over several columns: each source column ("Ngân sách tỉnh", "Ngân sách huyện"), and without a "Tổng
   * số" column also the first one (then `total` and `stated` are their sums, and `column` is "D:F").
   */
  sources?: { column: string; header: string; total: number; stated: number | null }[];
}

export interface ScoreSummary {
  column: string;
  header: string;
  kind: ScoreKind;
  year?: number;
  /** Σ of the top-level areas as computed from their children; null when it cannot be known (a score that is not a number, under an area that states nothing) */
  total: number | null;
  stated: number | null;
  statedCell?: string;
  /** the full maximum (every criterion of the set) */
  max: number | null;
  /** the maximum of the criteria that apply (max minus the criteria not applicable in this column) */
  applicableMax: number | null;
  /** criteria not applicable in this column (the top-most of each not-applicable branch) */
  notApplicable: string[];
  /** total / applicable maximum × 100, one decimal */
  percent: number | null;
  band: string | null;
  /** decimals the column shows (its number format; a General column: the total's own) */
  decimals: number;
  /** only when the sheet has bonus / penalty rows: Σ areas, Σ bonus, Σ penalty (positive); total = areas + bonus − penalty */
  areas?: number;
  bonus?: number;
  penalty?: number;
}

export interface CriterionNode {
  number: string;
  /** the key two files are matched by: "1.3.1", "I.2" (items under Roman areas), "+thuong" / "-tru" */
  code: string;
  row: number;
  label: string;
  max: number | null;
  /**
   * per score column letter: the stated value and the value computed from the children (leaves: computed = stated);
   * `na` when the criterion does not apply in that column; `decimals` the cell shows
   */
  values: Record<string, { stated: number | null; computed: number | null; cell: string; na?: boolean; decimals: number }>;
  /** a bonus or penalty row */
  adjustment?: AdjustmentKind;
  /** the criterion's evidence (tài liệu kiểm chứng), as written */
  evidence?: string;
  children: CriterionNode[];
}

export interface RecalcCell {
  cell: string;
  row: number;
  column: string;
  /** the value in the sheet now (null when empty or not a number) */
  current: number | null;
  /** what the roll-up gives, rounded to the decimals the cell shows */
  computed: number;
  /** the cell holds a formula: Excel computes it; the host only verifies it */
  formula: boolean;
  /** criterion number, or "total" */
  criterion: string;
  /** decimals the cell's number format shows (absent for General: the value's own) */
  decimals?: number;
}

export interface PointsLost {
  number: string;
  row: number;
  label: string;
  column: string;
  max: number;
  score: number;
  lost: number;
  /** decimals the score and maximum cells show */
  decimals: number;
}

export interface DeadlineRef {
  cell: string;
  row: number;
  text: string;
  /** ISO date the task was due */
  due: string;
  task: string;
  status: 'done' | 'not-done' | 'unknown';
  completedOn?: string;
  /** "Tháng 5/2024 (lùi sang tháng 8/2024)": `due` is the new deadline; `from` the old one when the cell gives it. */
  postponed?: { from?: string };
}

export interface DeadlineSummary {
  asOf: string;
  overdue: DeadlineRef[];
  late: DeadlineRef[];
  dueSoon: DeadlineRef[];
  unparsed: { cell: string; row: number; text: string }[];
  parsed: number;
}

/** Why a rule family could not run on a sheet. */
export type ScopeReason = 'no-table' | 'no-budget-column' | 'no-deadline-column' | 'no-score-columns' | 'no-plan-year' | 'no-required-column' | 'check-failed';

/**
 * What was checked on a sheet, so "nothing found" is never confused with "nothing checked". `checked` is false when
 * no appendix table was recognised (or the check failed): the sheet was NOT checked, which is not a pass.
 */
export interface SheetScope {
  checked: boolean;
  ran: RuleFamily[];
  notRun: { family: RuleFamily; reason: ScopeReason; message: Text }[];
}

export interface SheetReport {
  sheet: string;
  found: boolean;
  /** always set by check(); hosts read it through scopeOf() (core/scope.ts), which also covers older reports */
  scope?: SheetScope;
  table?: TableInfo;
  planYear?: number;
  counts: Counts;
  findings: Finding[];
  budget?: BudgetSummary;
  scores?: ScoreSummary[];
  criteria?: CriterionNode[];
  recalc?: RecalcCell[];
  pointsLost?: PointsLost[];
  /** evidence of the self-assessed scores */
  evidence?: EvidenceSummary;
  /** self-assessment against the appraisal, when the sheet has both columns */
  appraisal?: ScoreDiff;
  deadlines?: DeadlineSummary;
  /** findings hidden by the ignores the workbook carries ("Bỏ qua"), each with its ignore; not in `findings` */
  ignored?: IgnoredFinding[];
  /** ignores of this sheet that match no finding now (the cell changed, or the mistake was corrected) */
  staleIgnores?: Ignore[];
}

export interface Report {
  version: 1;
  asOf: string;
  sheets: SheetReport[];
}

/**
 * The one set of severity names, everywhere a severity is named (the pane, the preview, the CLI, the report sheets,
 * the notes on marked cells): Lỗi / Cảnh báo / Lưu ý. Never abbreviated.
 */
export const SEVERITY_NAME: Readonly<Record<Severity, Text>> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};

/** The same names as counted nouns: "3 lỗi", "3 errors". */
export const SEVERITY_COUNTED: Readonly<Record<Severity, Text>> = {
  error: { vi: 'lỗi', en: 'errors' },
  warning: { vi: 'cảnh báo', en: 'warnings' },
  info: { vi: 'lưu ý', en: 'notes' },
};

/** "15 lỗi, 12 cảnh báo, 2 lưu ý" / "15 errors, 12 warnings, 2 notes" (numbers as given, already formatted). */
export function severityCounts(counts: Readonly<Record<Severity, number | string>>, lang: Lang): string {
  return (['error', 'warning', 'info'] as const).map((s) => `${counts[s]} ${SEVERITY_COUNTED[s][lang]}`).join(', ');
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** The label of a finding's fix plan wherever it is shown. */
export const FIX_LABEL: Readonly<Text> = { vi: 'Đề xuất', en: 'Suggested fix' };

/** "How to fix" for a finding as one text: its rule's advice, then its own fix plan when it has one. */
export function howToFixText(f: Finding, lang: Lang): string {
  const advice = RULE_BY_ID[f.rule]?.howToFix[lang] ?? '';
  return f.fix ? `${advice}\n${FIX_LABEL[lang]}: ${f.fix.description[lang]}` : advice;
}
