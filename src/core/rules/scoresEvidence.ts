/** evidence-missing, evidence-says-none: the self-assessed points an appraiser would cut first. */
import type { Finding } from '../report';
import { RuleContext, finding, num } from './context';
import { Dec } from '../decimal';
import { a1 } from '../snapshot';
import { excerpt } from '../vn/text';
import type { EvidenceReview } from '../scores/evidence';

export function evidenceFindings(ctx: RuleContext, review: EvidenceReview): Finding[] {
  const out: Finding[] = [];
  const evCol = ctx.table.col.evidence;
  // an evidence column made mandatory already gets `missing-required` on each empty cell: one finding per mistake
  const requiredCovers = evCol !== undefined && ctx.options.requiredExplicit && ctx.options.required.includes('evidence');
  for (const m of review.missing) {
    if (requiredCovers && m.col === evCol) continue;
    const score = num(Dec.fromNumber(m.score)!);
    const label = m.ref.number || m.ref.label;
    out.push(
      finding('evidence-missing', m.row, m.col, {
        vi: `Tiêu chí ${label} tự đánh giá ${score.vi} điểm nhưng không có tài liệu kiểm chứng hay giải trình — điểm không có minh chứng thường bị trừ khi thẩm định.`,
        en: `Criterion ${label} claims ${score.en} points with neither evidence nor an explanation — points without evidence are the first an appraiser cuts.`,
      }, {
        actual: m.score,
        related: [a1(m.row, review.self.col)],
        gist: { vi: 'Có điểm tự đánh giá nhưng không có tài liệu kiểm chứng hay giải trình', en: 'Points claimed with neither evidence nor an explanation' },
      }),
    );
  }
  for (const m of review.saysNone) {
    const label = m.ref.number || m.ref.label;
    const score = num(Dec.fromNumber(m.score)!);
    out.push(
      finding('evidence-says-none', m.row, m.col, {
        vi: `Tiêu chí ${label} tự chấm đủ ${score.vi} điểm nhưng tài liệu kiểm chứng ghi «${excerpt(m.evidence, 40)}».`,
        en: `Criterion ${label} claims full marks (${score.en}) but its evidence reads "${excerpt(m.evidence, 40)}".`,
      }, { actual: excerpt(m.evidence, 80), expected: m.max ?? undefined, related: evCol !== undefined ? [a1(m.row, evCol)] : undefined }),
    );
  }
  return out;
}
