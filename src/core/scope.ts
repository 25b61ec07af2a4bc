/** A sheet's scope: which rule families ran and which could not, with the reason in both languages. */
import type { RuleFamily, ScopeReason, SheetReport, SheetScope, Text } from './report';
import { FAMILIES } from './report';

const REASONS: Record<ScopeReason, Text> = {
  'no-table': { vi: 'không thấy bảng phụ lục', en: 'no appendix table found' },
  'no-budget-column': { vi: 'không có cột kinh phí', en: 'no budget column' },
  'no-deadline-column': { vi: 'không có cột thời hạn', en: 'no deadline column' },
  'no-score-columns': { vi: 'không có cột điểm', en: 'no score columns' },
  'no-plan-year': { vi: 'không xác định được năm kế hoạch', en: 'no plan year' },
  'no-required-column': { vi: 'không có cột', en: 'no column' },
  'check-failed': { vi: 'lỗi khi kiểm tra', en: 'the check failed' },
};

export function familyName(f: RuleFamily): Text {
  return FAMILIES.find((x) => x.id === f)?.name ?? { vi: f, en: f };
}

export function reasonText(r: ScopeReason): Text {
  return REASONS[r];
}

function notRun(family: RuleFamily, reason: ScopeReason): SheetScope['notRun'][number] {
  const n = familyName(family);
  const why = REASONS[reason];
  return { family, reason, message: { vi: `${n.vi}: ${why.vi}`, en: `${n.en}: ${why.en}` } };
}

/** A sheet nothing was checked on. */
export function notCheckedScope(reason: 'no-table' | 'check-failed'): SheetScope {
  return { checked: false, ran: [], notRun: [notRun('table', reason)] };
}

/**
 * The scope of a sheet whose table was found. `requiredAbsent`: mandatory columns (by default, not set by the user —
 * those get a `missing-column` finding) the table does not have: the mandatory-cells check ran without them, and
 * the scope says so ("ô bắt buộc: không có cột «Sản phẩm»"), so an unrecognised product column is never a silent pass.
 */
export function tableScope(has: { budget: boolean; deadline: boolean; planYear: boolean; scores: boolean; requiredAbsent?: readonly Text[] }): SheetScope {
  const ran: RuleFamily[] = ['table', 'required', 'numbers'];
  const missing: SheetScope['notRun'] = [];
  if (has.requiredAbsent?.length) {
    const n = familyName('required');
    const cols = (lang: 'vi' | 'en') => has.requiredAbsent!.map((c) => (lang === 'vi' ? `«${c.vi}»` : `"${c.en}"`)).join(', ');
    missing.push({
      family: 'required',
      reason: 'no-required-column',
      message: { vi: `${n.vi}: không có cột ${cols('vi')}`, en: `${n.en}: no ${cols('en')} column${has.requiredAbsent.length > 1 ? 's' : ''}` },
    });
  }
  if (has.budget) ran.push('budget');
  else missing.push(notRun('budget', 'no-budget-column'));
  if (has.deadline) {
    ran.push('deadlines');
    if (has.planYear) ran.push('plan-year');
    else missing.push(notRun('plan-year', 'no-plan-year'));
  } else missing.push(notRun('deadlines', 'no-deadline-column'));
  if (has.scores) ran.push('scores');
  else missing.push(notRun('scores', 'no-score-columns'));
  return { checked: true, ran, notRun: missing };
}

/** "cấu trúc bảng, ô bắt buộc, số liệu" — the families that ran, in one language. */
export function ranText(scope: SheetScope, lang: 'vi' | 'en'): string {
  return scope.ran.map((f) => familyName(f)[lang]).join(', ');
}

/** "kinh phí: không có cột kinh phí; điểm: không có cột điểm" — what could not run, in one language. */
export function notRunText(scope: SheetScope, lang: 'vi' | 'en'): string {
  return scope.notRun.map((n) => n.message[lang]).join('; ');
}

/** The report's scope; a report made without one (an older host) counts as checked when its table was found. */
export function scopeOf(report: Pick<SheetReport, 'found' | 'scope'>): SheetScope {
  return report.scope ?? (report.found ? { checked: true, ran: [], notRun: [] } : notCheckedScope('no-table'));
}

/** A file (or workbook) was checked when at least one of its sheets was. */
export function anyChecked(reports: readonly Pick<SheetReport, 'found' | 'scope'>[]): boolean {
  return reports.some((r) => scopeOf(r).checked);
}
