/**
 * The preview of a fix before anything is written: every cell it changes, what it holds now and what it will hold
 * (formulas as formulas, with the value Excel will show), a number format it changes, and the two buttons. Cell
 * contents are plain React text: whatever a cell held is shown, never interpreted.
 */
import { useEffect, useRef } from 'react';
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FixCellContent, FixPlan, Lang } from '../core/report';
import type { FixCellChange } from './host';
import { formatNum, t } from './i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    marginTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  scroll: { maxHeight: '240px', overflowY: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  td: { verticalAlign: 'top', padding: '2px 4px', overflowWrap: 'anywhere', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  after: { color: tokens.colorPaletteGreenForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A cell's content as the preview and the list of fixes show it: «text», 21.950, =SUM(F6:F59), (trống). */
export function showContent(value: unknown, formula: string | undefined, lang: Lang): string {
  if (formula) return formula;
  if (value === null || value === undefined || value === '') return t('recalc.empty', lang);
  if (typeof value === 'number') return formatNum(value, lang);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `«${String(value)}»`;
}

function afterText(c: FixCellContent, lang: Lang): string {
  const base = showContent(c.value, c.formula, lang);
  return c.formula && typeof c.value === 'number' ? `${base} (${t('fix.result', lang, { value: formatNum(c.value, lang) })})` : base;
}

export interface FixPreviewProps {
  plan: FixPlan;
  lang: Lang;
  onApply(): void;
  onCancel(): void;
  disabled?: boolean;
}

export function FixPreview({ plan, lang, onApply, onCancel, disabled }: FixPreviewProps) {
  const s = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  return (
    <div className={s.root} ref={ref} tabIndex={-1} role="region" aria-label={t('fix.previewTitle', lang)} data-testid="fix-preview">
      <Text weight="semibold">{t('fix.previewTitle', lang)}</Text>
      <Caption1>{plan.description[lang]}</Caption1>
      <div className={s.scroll}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th}>{t('fix.cell', lang)}</th>
              <th className={s.th}>{t('fix.before', lang)}</th>
              <th className={s.th}>{t('fix.after', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {plan.edits.map((e) => (
              <tr key={e.cell} data-cell={e.cell}>
                <td className={s.td}>{e.cell}</td>
                <td className={s.td}>{showContent(e.before.value, e.before.formula, lang)}</td>
                <td className={`${s.td} ${s.after}`}>
                  {afterText(e.after, lang)}
                  {e.after.numberFormat !== e.before.numberFormat && (
                    <>
                      <br />
                      {t('fix.format', lang, { before: e.before.numberFormat, after: e.after.numberFormat })}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Caption1>{t('fix.undoNote', lang)}</Caption1>
      <div className={s.actions}>
        <Button appearance="primary" size="small" onClick={onApply} disabled={disabled}>
          {t('fix.apply', lang)}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t('fix.cancel', lang)}
        </Button>
      </div>
    </div>
  );
}

/** One cell of a written fix as a line: "F61: «21.950» → =SUM(F6:F59)". */
export function changeLine(c: FixCellChange, lang: Lang): string {
  return `${c.cell}: ${showContent(c.before, c.beforeFormula, lang)} → ${showContent(c.after, c.afterFormula ? String(c.after) : undefined, lang)}`;
}
