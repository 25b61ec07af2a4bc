/**
 * The parts of docs/huong-dan.md that come from the code: the rule list (src/core/report.ts RULES) and the mark
 * colours (src/core/marks.ts). They sit between marker comments; `npm run docs:help` rewrites them, and
 * test/help-page.test.ts fails when the committed page differs from what this generates.
 *
 *   npx tsx scripts/help-doc.ts          rewrite docs/huong-dan.md in place
 *   npx tsx scripts/help-doc.ts --check  exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { RULES, SEVERITY_NAME, type Severity } from '../src/core/report';
import { MARK_COLORS } from '../src/core/marks';

export const HELP_PAGE = path.join(__dirname, '..', 'docs', 'huong-dan.md');

const SEVERITY_VI: Record<Severity, string> = { error: SEVERITY_NAME.error.vi, warning: SEVERITY_NAME.warning.vi, info: SEVERITY_NAME.info.vi };
const SEVERITY_MEANING: Record<Severity, string> = {
  error: 'sai chắc chắn: số cộng sai, ô trống bắt buộc, ngày không có thật, điểm vượt tối đa. Cần sửa trước khi nộp.',
  warning: 'nên xem lại: thời hạn đã qua, số thứ tự bị nhảy, nội dung không đọc được.',
  info: 'để biết: số ghi dạng văn bản, dòng tiêu đề lặp lại khi in.',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function rulesSection(): string {
  const lines = ['| Quy tắc | Mức độ mặc định | Cách sửa |', '|---|---|---|'];
  for (const r of RULES) lines.push(`| **${cell(r.title.vi)}** (\`${r.id}\`) | ${SEVERITY_VI[r.severity]} | ${cell(r.howToFix.vi)} |`);
  return lines.join('\n');
}

export function colorsSection(): string {
  const lines = ['| Màu | Mức độ | Ý nghĩa |', '|---|---|---|'];
  for (const sev of ['error', 'warning', 'info'] as Severity[]) {
    lines.push(`| {{swatch ${MARK_COLORS[sev]}}} ${MARK_COLORS[sev]} | ${SEVERITY_VI[sev]} | ${SEVERITY_MEANING[sev]} |`);
  }
  return lines.join('\n');
}

const SECTIONS: Record<string, () => string> = { rules: rulesSection, colors: colorsSection };

/** The page with every generated section replaced by what the code gives now. Throws when a marker is missing. */
export function regenerate(page: string): string {
  let out = page;
  for (const [name, make] of Object.entries(SECTIONS)) {
    const re = new RegExp(`(<!-- BEGIN ${name} [^>]*-->\\n)[\\s\\S]*?(\\n<!-- END ${name} -->)`);
    if (!re.test(out)) throw new Error(`${HELP_PAGE}: markers for the "${name}" section are missing`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${make()}${close}`);
  }
  return out;
}

if (require.main === module) {
  const page = readFileSync(HELP_PAGE, 'utf8');
  const next = regenerate(page);
  if (process.argv.includes('--check')) {
    if (next !== page) {
      process.stderr.write(`${HELP_PAGE} is out of date: run npm run docs:help\n`);
      process.exit(1);
    }
    process.stdout.write(`${HELP_PAGE}: up to date\n`);
  } else if (next !== page) {
    writeFileSync(HELP_PAGE, next);
    process.stdout.write(`${HELP_PAGE}: rewritten\n`);
  } else process.stdout.write(`${HELP_PAGE}: up to date\n`);
}
