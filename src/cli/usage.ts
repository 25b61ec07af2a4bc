/**
 * What `phuluc` says about itself: help, usage and the refusals of bad arguments, in Vietnamese by default and in
 * English with `--lang en`. Every argument error names the option, what was given and what is expected.
 */
import type { Lang, Text } from '../core/report';
import { WIDTH, wrap } from './layout';

/** A refusal of the command line, in both languages; printed in the language asked for, then the usage. */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

const E = {
  unknownCommand: { vi: 'không có lệnh «{x}». Ví dụ: phuluc check TỆP.xlsx', en: 'unknown command "{x}". Try: phuluc check FILE.xlsx' },
  needsValue: { vi: '{flag} cần một giá trị', en: '{flag} needs a value' },
  asOf: {
    vi: '--as-of: «{x}» không phải là một ngày có thật; hãy ghi theo dạng 15/02/2018 hoặc 2018-02-15',
    en: '--as-of: "{x}" is not a real date; write it as 15/02/2018 or 2018-02-15',
  },
  format: { vi: '--format chỉ nhận text, json, csv hoặc xlsx, không nhận «{x}»', en: '--format must be text, json, csv or xlsx, got "{x}"' },
  planYear: { vi: '--plan-year cần một năm như 2024, không phải «{x}»', en: '--plan-year must be a year like 2024, got "{x}"' },
  lang: { vi: '--lang chỉ nhận vi hoặc en, không nhận «{x}»', en: '--lang must be vi or en, got "{x}"' },
  required: { vi: '--required: không có cột «{x}» (các cột: {known})', en: '--required: unknown column "{x}" (known: {known})' },
  notApplicable: {
    vi: '--not-applicable: «{x}» không phải là mã tiêu chí như 3.3 hoặc 3.4.2',
    en: '--not-applicable: "{x}" is not a criterion code like 3.3 or 3.4.2',
  },
  out: { vi: '--out phải là tên một tệp .xlsx, không phải «{x}»', en: '--out must name an .xlsx file, got "{x}"' },
  unknownOption: { vi: 'không có tùy chọn {x}', en: 'unknown option {x}' },
  compareFiles: { vi: 'compare cần hai tệp: tệp tự đánh giá, rồi tệp thẩm định', en: 'compare needs two files: the self-assessment, then the appraisal' },
  explainFile: {
    vi: 'explain cần đúng một tệp, có trang vừa có cột điểm tự đánh giá vừa có cột điểm thẩm định',
    en: 'explain needs one file, whose sheet has a self-assessment and an appraisal column',
  },
  checkOnly: { vi: '{x} chỉ dùng với lệnh check', en: '{x} is for check' },
  noPaths: { vi: 'hãy cho ít nhất một tệp bảng tính hoặc một thư mục', en: 'give at least one workbook file or folder' },
  scoresOnly: { vi: '{x} chỉ dùng với lệnh compare và explain', en: '{x} is for compare and explain' },
  xlsxSummary: {
    vi: '--format xlsx chỉ dùng với --summary (bảng tổng hợp mỗi tệp một dòng); bản có đánh dấu của từng tệp: --annotate THƯ_MỤC',
    en: '--format xlsx is for --summary (one row per file); marked copies of the files: --annotate FOLDER',
  },
  outSummary: {
    vi: '--out với lệnh check chỉ dùng cùng --summary --format xlsx',
    en: '--out with check goes with --summary --format xlsx',
  },
} satisfies Record<string, Text>;

export type UsageErrorKey = keyof typeof E;

/** The refusal `key`, with `{name}` filled from `params`. */
export function usageError(key: UsageErrorKey, params: Record<string, string> = {}): UsageError {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? params[k] : m));
  return new UsageError({ vi: fill(E[key].vi), en: fill(E[key].en) });
}

/** A help text: paragraphs wrapped at 100 columns; an option's description continues under its own column. */
interface HelpText {
  title: string;
  usageHead: string;
  commands: [string, string][];
  inputs: string[];
  optionsHead: string;
  options: [string, string][];
  after: string[];
}

const HELP: Record<Lang, HelpText> = {
  vi: {
    title: 'phuluc — kiểm tra phụ lục kế hoạch cải cách hành chính (CCHC)',
    usageHead: 'Cách dùng:',
    commands: [
      ['phuluc check TỆP|THƯ_MỤC… [tùy chọn]', 'kiểm tra các tệp (cũng gõ được: kiem-tra)'],
      ['phuluc compare TỰ_ĐÁNH_GIÁ THẨM_ĐỊNH', 'so sánh điểm tự đánh giá với điểm thẩm định ở hai tệp (so-sanh)'],
      ['phuluc explain TỆP [tùy chọn]', 'so sánh cột tự đánh giá với cột thẩm định của cùng một trang tính (giai-trinh)'],
    ],
    inputs: [
      'TỆP: .xlsx, .xlsm, .xls (Excel 97–2003), .xlsb hoặc .ods — nhận biết theo nội dung, không theo tên tệp.',
      'THƯ_MỤC: liệt kê mọi tệp trong thư mục — kiểm tra từng tệp bảng tính, các tệp khác ghi rõ vì sao bỏ qua.',
    ],
    optionsHead: 'Tùy chọn:',
    options: [
      ['--as-of NGÀY', 'ngày đối chiếu thời hạn, ghi 15/02/2018 hoặc 2018-02-15 (mặc định: hôm nay)'],
      ['--format text|json|csv|xlsx', 'kết quả để đọc (text), một tài liệu JSON, CSV (Excel mở được đúng tiếng Việt), hoặc với --summary một tệp Excel .xlsx'],
      ['--summary', 'mỗi tệp một dòng: số lỗi, cảnh báo, quá hạn, kinh phí, tổng điểm và thứ hạng của đơn vị trên từng cột điểm (bằng điểm thì đồng hạng: 1, 1, 3)'],
      ['--out TỆP.xlsx', 'với --summary --format xlsx: ghi bảng tổng hợp vào tệp này (không có --out thì ghi ra đầu ra chuẩn khi đầu ra được chuyển sang tệp khác, ví dụ > tong-hop.xlsx); với compare / explain: ghi thêm bảng giải trình vào tệp này'],
      ['--not-applicable 3.3,…', 'các tiêu chí không áp dụng cho đơn vị (như ghi «Không áp dụng» trong ô)'],
      ['--appraisal-sheet TÊN', 'compare: trang tính thẩm định (mặc định: --sheet, hoặc trang tính đầu tiên có điểm)'],
      ['--sheet TÊN', 'chỉ kiểm tra trang tính này'],
      ['--plan-year NĂM', 'năm kế hoạch, thay cho năm đọc từ tiêu đề'],
      ['--required a,b,…', 'các cột bắt buộc (content, leadAgency, deadline, product, partner, budget, status, …)'],
      ['--lang vi|en', 'ngôn ngữ của kết quả và thông báo (mặc định: vi)'],
      ['--no-color / --color', 'tô màu kết quả dạng text (mặc định: khi in ra màn hình)'],
      ['--annotate THƯ_MỤC', 'ghi bản có đánh dấu của mỗi tệp vào THƯ_MỤC, tên <tên>-phuluc.xlsx (.xlsm giữ .xlsm): tô màu và ghi chú các ô có vấn đề, thêm trang kết quả; mọi phần khác giữ nguyên'],
    ],
    after: [
      'compare / explain in điểm bị trừ theo từng tiêu chí (nhiều nhất trước), tổng điểm bị trừ và bảng giải trình dự thảo (STT, tiêu chí, điểm tối đa, tự đánh giá, thẩm định, chênh lệch, tài liệu kiểm chứng, lý do đề nghị); --format csv chỉ in bảng đó, --format json in tất cả.',
      'Mã thoát của check: 0 không có lỗi; 1 có lỗi; 2 có tệp không đọc được hoặc không ghi được bản có đánh dấu, hoặc không có tệp bảng tính nào đọc được (các tệp khác vẫn được kiểm tra); 3 có tệp chưa được kiểm tra (không trang tính nào có bảng phụ lục: không phải là đạt).',
      'Mã thoát của compare / explain: 0 đã so sánh; 2 có tệp không đọc được hoặc không có gì để so sánh.',
      'Giới hạn: 256 MB mỗi tệp, 3 000 000 ô có dữ liệu mỗi tệp, 256 MB mỗi phần sau khi giải nén (xem README).',
      'English: add --lang en.',
    ],
  },
  en: {
    title: 'phuluc — check the appendix sheets of Vietnamese administrative-reform (CCHC) plans',
    usageHead: 'Usage:',
    commands: [
      ['phuluc check FILE|FOLDER… [options]', 'check the files (also: kiem-tra)'],
      ['phuluc compare SELF APPRAISAL', 'self-assessment against appraisal, two files (also: so-sanh)'],
      ['phuluc explain FILE [options]', "the sheet's own self-assessment and appraisal columns (also: giai-trinh)"],
    ],
    inputs: [
      'FILE: .xlsx, .xlsm, .xls (Excel 97–2003), .xlsb or .ods — told by its contents, whatever its name.',
      'FOLDER: every file in it is listed — each workbook checked, anything else shown as skipped with why.',
    ],
    optionsHead: 'Options:',
    options: [
      ['--as-of DATE', 'judge deadlines on this date, 15/02/2018 or 2018-02-15 (default: today)'],
      ['--format text|json|csv|xlsx', 'for people (text), one JSON document, CSV (opens in Excel with its Vietnamese intact), or with --summary an Excel .xlsx workbook'],
      ['--summary', "one row per file: errors, warnings, overdue, budget, score totals, and each unit's rank on every score column (ties share a rank: 1, 1, 3)"],
      ['--out FILE.xlsx', 'with --summary --format xlsx: write the overview to this file (without --out: to standard output when it is redirected to a file, e.g. > overview.xlsx); with compare / explain: also write the explanation table to this file'],
      ['--not-applicable 3.3,…', 'criteria that do not apply to the unit (as "Không áp dụng" in their cells)'],
      ['--appraisal-sheet NAME', "compare: the appraisal file's sheet (default: --sheet, else the first with scores)"],
      ['--sheet NAME', 'only this sheet'],
      ['--plan-year YYYY', 'override the plan year read from the title'],
      ['--required a,b,…', 'mandatory columns (content, leadAgency, deadline, product, partner, budget, status, …)'],
      ['--lang vi|en', 'language of the results and messages (default: vi)'],
      ['--no-color / --color', 'colour in text output (default: when writing to a terminal)'],
      ['--annotate FOLDER', "write each checked file's marked copy to FOLDER as <name>-phuluc.xlsx (.xlsm stays .xlsm): fills and notes on the finding cells and a results sheet; every other part kept as it was"],
    ],
    after: [
      'compare / explain print the points cut per criterion (largest first), the total cut, and the draft bảng giải trình (STT, tiêu chí, điểm tối đa, tự đánh giá, thẩm định, chênh lệch, tài liệu kiểm chứng, lý do đề nghị); --format csv prints only that table, --format json everything.',
      'Exit code of check: 0 no errors; 1 errors found; 2 a file could not be read or its marked copy could not be written, or no readable workbook was given (the other files are still checked); 3 a file was not checked (no sheet holds an appendix table: not a pass).',
      'Exit code of compare / explain: 0 compared; 2 a file could not be read or has nothing to compare.',
      'Limits: 256 MB per file, 3 000 000 filled cells per workbook, 256 MB per part once unpacked (see README).',
    ],
  },
};

/** where an option's description starts */
const DESC = 25;

function helpText(h: HelpText): string {
  const out: string[] = [h.title, '', h.usageHead];
  for (const [cmd, what] of h.commands) {
    out.push(`  ${cmd}`);
    out.push(...wrap(what, WIDTH, '      ', '      '));
  }
  out.push('');
  for (const p of h.inputs) out.push(...wrap(p, WIDTH, '  ', '    '));
  out.push('', h.optionsHead);
  for (const [flag, what] of h.options) {
    const head = `  ${flag}`;
    if (head.length + 1 > DESC) {
      out.push(head);
      out.push(...wrap(what, WIDTH, ' '.repeat(DESC), ' '.repeat(DESC)));
    } else out.push(...wrap(what, WIDTH, head.padEnd(DESC), ' '.repeat(DESC)));
  }
  for (const p of h.after) out.push('', ...wrap(p, WIDTH, '', '  '));
  return out.join('\n') + '\n';
}

const USAGE: Record<Lang, string> = { vi: helpText(HELP.vi), en: helpText(HELP.en) };

export function usage(lang: Lang): string {
  return USAGE[lang];
}

/** The language the arguments ask for ("--lang en" / "--lang=en" anywhere), so even a refusal of them speaks it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'vi';
}
