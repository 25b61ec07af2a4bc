/**
 * The words of "Tải tất cả": the zip's name and the text file inside it that says what the zip holds, which files have
 * no annotated copy and why (an .xls/.xlsb/.ods file, an unreadable one). Pure: the worker builds the zip with it.
 */
import type { Lang, Text } from '../core/report';
import type { WithoutCopy } from './protocol';

export const README_NAME: Text = { vi: '00-DOC-TRUOC.txt', en: '00-README.txt' };

export function copiesZipName(asOf: string, lang: Lang): string {
  return `phuluc-${lang === 'vi' ? 'ban-danh-dau' : 'annotated'}-${asOf}.zip`;
}

/** Why a file of an old format gets no copy. */
export const LEGACY_NO_COPY: Text = {
  vi: 'Bản có đánh dấu chỉ làm được cho tệp .xlsx hoặc .xlsm. Hãy mở tệp trong Excel, lưu thành .xlsx rồi tải lại bản có đánh dấu.',
  en: 'A marked copy can only be made of an .xlsx or .xlsm file. Open the file in Excel, save it as .xlsx and make the marked copy again.',
};

function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The text file: one line per copy ("tệp gốc → bản có đánh dấu"), then the files without one and the reason. */
export function copiesReadme(lang: Lang, asOf: string, copies: { file: string; copy: string }[], without: readonly WithoutCopy[]): string {
  const vi = lang === 'vi';
  const lines: string[] = [
    vi ? 'BẢN CÓ ĐÁNH DẤU CỦA CÁC TỆP PHỤ LỤC' : 'ANNOTATED COPIES OF THE APPENDIX FILES',
    '',
    vi
      ? `Lập bằng Phuluc, thời hạn đối chiếu ngày ${dateText(asOf, lang)}. Trong mỗi bản, các ô có vấn đề được tô màu và có ghi chú, kèm trang «Phuluc – Báo cáo» liệt kê các kết quả kiểm tra. Tệp gốc không bị thay đổi.`
      : `Made with Phuluc, deadlines judged as of ${dateText(asOf, lang)}. In each copy the cells with findings are coloured and carry a note, and a "Phuluc – Báo cáo" sheet lists the findings. The original files are unchanged.`,
    '',
    vi ? `Có ${copies.length} bản có đánh dấu:` : `${copies.length} annotated ${copies.length === 1 ? 'copy' : 'copies'}:`,
    ...copies.map((c) => `  - ${c.copy}  (${vi ? 'từ' : 'from'} ${c.file})`),
  ];
  if (without.length) {
    lines.push('', vi ? `${without.length} tệp không có bản có đánh dấu:` : `${without.length} ${without.length === 1 ? 'file has' : 'files have'} no annotated copy:`);
    for (const w of without) lines.push(`  - ${w.name}: ${w.reason[lang]}`);
  }
  return lines.join('\n') + '\n';
}
