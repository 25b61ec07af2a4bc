/**
 * What "Tính lại điểm" did: the cells it wrote ("E109: 65,85 → 65,65"), the formula cells whose result disagrees
 * with the recalculated score, and — folded, as one line — the formula cells that were already right
 * ("78 ô công thức đã đúng"). The undo button. The message at the top of the pane says it in one sentence
 * (./actions.ts recalcNotice).
 */
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, RecalcCell, ScoreSummary } from '../core/report';
import type { PreviousValue, RecalcOutcome } from './host';
import { formatNum, t } from './i18n';
import { WrittenPanel } from './WrittenPanel';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums' },
  bad: { color: tokens.colorPaletteRedForeground1 },
  folded: { color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
});

const columnOf = (cell: string) => /^[A-Za-z]+/.exec(cell)?.[0].toUpperCase() ?? '';

export interface RecalcPanelProps {
  recalc: RecalcOutcome;
  scores?: readonly ScoreSummary[];
  /** the plan that was written: each cell's own decimals */
  plan?: readonly RecalcCell[];
  lang: Lang;
  onRevert(): void;
  disabled?: boolean;
}

export function RecalcPanel({ recalc, scores, plan, lang, onRevert, disabled }: RecalcPanelProps) {
  const s = useStyles();
  const decimals = (cell: string) => {
    const own = plan?.find((c) => c.cell === cell);
    return own ? own.decimals : scores?.find((c) => c.column === columnOf(cell))?.decimals;
  };
  const show = (v: PreviousValue, cell: string) =>
    typeof v === 'number' ? formatNum(v, lang, decimals(cell)) : v === null || v === '' ? t('recalc.empty', lang) : String(v);
  const bad = recalc.verifiedFormulas.filter((f) => !f.ok);
  const good = recalc.verifiedFormulas.filter((f) => f.ok);
  return (
    <WrittenPanel
      title={t('recalc.title', lang)}
      testId="recalc"
      undoLabel={t('action.revert', lang)}
      onUndo={recalc.changed.length > 0 ? onRevert : undefined}
      disabled={disabled}
    >
      {recalc.changed.length ? (
        <>
          <Text>{t('recalc.changed', lang, { n: formatNum(recalc.changed.length, lang) })}</Text>
          <ul className={s.list} data-testid="recalc-written">
            {recalc.changed.map((c) => (
              <li key={c.cell}>{`${c.cell}: ${show(c.before, c.cell)} → ${show(c.after, c.cell)}`}</li>
            ))}
          </ul>
        </>
      ) : (
        <Text>{t('recalc.none', lang)}</Text>
      )}
      {bad.length > 0 && (
        <>
          <Text className={s.bad}>{t('recalc.disagree', lang, { n: formatNum(bad.length, lang) })}</Text>
          <ul className={s.list} data-testid="recalc-disagree">
            {bad.map((f) => (
              <li key={f.cell} className={s.bad}>
                {t('recalc.formulaBad', lang, { cell: f.cell, actual: show(f.actual, f.cell), expected: show(f.expected, f.cell) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {good.length > 0 && (
        <details className={s.folded} data-testid="recalc-ok">
          <summary className={s.summary}>
            <Caption1>{t('recalc.formulasOk', lang, { n: formatNum(good.length, lang) })}</Caption1>
          </summary>
          <Caption1>{good.map((f) => `${f.cell} ${show(f.actual, f.cell)}`).join(', ')}</Caption1>
        </details>
      )}
    </WrittenPanel>
  );
}
