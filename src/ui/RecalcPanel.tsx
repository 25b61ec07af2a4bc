/** What "Tính lại điểm" wrote ("E109: 65,85 → 65,65"), the formula cells it verified, and the undo button. */
import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, RecalcCell, ScoreSummary } from '../core/report';
import type { PreviousValue, RecalcOutcome } from './host';
import { formatNum, t } from './i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums' },
  bad: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
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
  return (
    <section className={s.root} aria-label={t('recalc.title', lang)}>
      <Subtitle2 as="h2">{t('recalc.title', lang)}</Subtitle2>
      {recalc.changed.length ? (
        <>
          <Text>{t('recalc.changed', lang, { n: formatNum(recalc.changed.length, lang) })}</Text>
          <ul className={s.list}>
            {recalc.changed.map((c) => (
              <li key={c.cell}>{`${c.cell}: ${show(c.before, c.cell)} → ${show(c.after, c.cell)}`}</li>
            ))}
          </ul>
        </>
      ) : (
        <Text>{t('recalc.none', lang)}</Text>
      )}
      {recalc.verifiedFormulas.length > 0 && (
        <ul className={s.list}>
          {recalc.verifiedFormulas.map((f) => (
            <li key={f.cell} className={f.ok ? undefined : s.bad}>
              {f.ok
                ? t('recalc.formulaOk', lang, { cell: f.cell, actual: show(f.actual, f.cell) })
                : t('recalc.formulaBad', lang, { cell: f.cell, actual: show(f.actual, f.cell), expected: show(f.expected, f.cell) })}
            </li>
          ))}
        </ul>
      )}
      {recalc.changed.length > 0 && (
        <div className={s.actions}>
          <Button onClick={onRevert} disabled={disabled}>
            {t('action.revert', lang)}
          </Button>
        </div>
      )}
    </section>
  );
}
