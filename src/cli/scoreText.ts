/** The score lines of `phuluc check`'s text output: totals with both maxima, bonus and penalty, appraisal, evidence. */
import type { Lang, SheetReport } from '../core/report';
import { Dec } from '../core/decimal';
import { formatNumber, formatNumberEn } from '../core/vn/number';

function fmt(n: number | null | undefined, lang: Lang, decimals?: number): string {
  if (n === null || n === undefined) return '—';
  const d = Dec.fromNumber(n);
  if (!d) return String(n);
  return lang === 'vi' ? formatNumber(d, decimals) : formatNumberEn(d, decimals);
}

const L = {
  vi: {
    applicable: 'áp dụng',
    fullMax: 'tối đa',
    na: 'không áp dụng',
    areas: 'lĩnh vực',
    bonus: 'thưởng',
    penalty: 'trừ',
    lost: 'Điểm bị mất nhiều nhất',
    cut: 'Thẩm định ({appraised}) so với tự đánh giá ({self}): bị trừ {cut} điểm',
    cuts: 'nhiều nhất',
    raised: 'cao hơn tự đánh giá',
    table: 'bảng giải trình: phuluc explain',
    evidenceMissing: 'Có điểm nhưng thiếu tài liệu kiểm chứng',
    evidenceNone: 'Đủ điểm nhưng tài liệu kiểm chứng ghi «không có»',
  },
  en: {
    applicable: 'applicable',
    fullMax: 'maximum',
    na: 'not applicable',
    areas: 'areas',
    bonus: 'bonus',
    penalty: 'penalty',
    lost: 'Most points lost',
    cut: 'Appraisal ({appraised}) against self-assessment ({self}): {cut} points cut',
    cuts: 'largest',
    raised: 'above the self-assessment',
    table: 'explanation table: phuluc explain',
    evidenceMissing: 'Scored without evidence',
    evidenceNone: 'Full marks, evidence says "none"',
  },
};

const list = (codes: string[], max = 8) => (codes.length > max ? `${codes.slice(0, max).join(', ')}, …` : codes.join(', '));

export function scoreLines(s: SheetReport, lang: Lang): string[] {
  const t = L[lang];
  const lines: string[] = [];
  for (const sc of s.scores ?? []) {
    const d = sc.decimals;
    const partial = sc.applicableMax !== null && sc.max !== null && sc.applicableMax !== sc.max;
    const max = partial
      ? `${fmt(sc.applicableMax, lang)} ${t.applicable} (${t.fullMax} ${fmt(sc.max, lang)}; ${t.na}: ${list(sc.notApplicable)})`
      : fmt(sc.max, lang);
    const adj = sc.bonus !== undefined ? ` [${t.areas} ${fmt(sc.areas, lang, d)} + ${t.bonus} ${fmt(sc.bonus, lang, d)} − ${t.penalty} ${fmt(sc.penalty, lang, d)}]` : '';
    lines.push(`    ${sc.header}: ${fmt(sc.total, lang, d)} / ${max}${sc.percent !== null ? ` = ${fmt(sc.percent, lang, 1)}%` : ''}${sc.band ? ` (${sc.band})` : ''}${adj}`);
  }
  if (s.pointsLost?.length) {
    const top = s.pointsLost.slice(0, 5).map((x) => `${x.number} (−${fmt(x.lost, lang, x.decimals)})`);
    lines.push(`    ${t.lost}: ${top.join(', ')}`);
  }
  const a = s.appraisal;
  if (a) {
    const head = t.cut.replace('{appraised}', a.appraisal.column).replace('{self}', a.self.column).replace('{cut}', fmt(a.totalCut, lang, a.decimals));
    const cuts = a.cuts.slice(0, 5).map((c) => `${c.number || c.label} (${fmt(c.diff, lang, c.decimals)})`);
    const raised = a.raised.map((c) => `${c.number || c.label} (+${fmt(c.diff, lang, c.decimals)})`);
    lines.push(`    ${head}${cuts.length ? `; ${t.cuts}: ${cuts.join(', ')}` : ''}${raised.length ? `; ${t.raised}: ${list(raised, 5)}` : ''}${a.explanation.length ? ` — ${t.table}` : ''}`);
  }
  const e = s.evidence;
  if (e?.missing.length) lines.push(`    ${t.evidenceMissing} (${e.missing.length}): ${list(e.missing.map((m) => m.number || m.label))}`);
  if (e?.saysNone.length) lines.push(`    ${t.evidenceNone} (${e.saysNone.length}): ${list(e.saysNone.map((m) => m.number || m.label))}`);
  return lines;
}
