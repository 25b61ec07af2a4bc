/**
 * "Đã sửa": the fixes written on the sheet and not undone yet (kept in the workbook, so they are listed after the
 * file is reopened too), the last first, each cell with what it held and what it holds; and "Hoàn tác lần sửa gần
 * nhất", which puts back exactly what the last fix replaced.
 */
import { Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import type { FixBatchView } from './host';
import { formatNum, t } from './i18n';
import { changeLine } from './FixPreview';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** cells listed per fix before "…" */
const SHOWN = 10;

export interface FixesPanelProps {
  fixes: readonly FixBatchView[];
  lang: Lang;
  onUndo(): void;
  disabled?: boolean;
}

export function FixesPanel({ fixes, lang, onUndo, disabled }: FixesPanelProps) {
  const s = useStyles();
  if (!fixes.length) return null;
  return (
    <section className={s.root} aria-label={t('fixes.title', lang)} data-testid="fixes">
      <Subtitle2 as="h2">{t('fixes.title', lang)}</Subtitle2>
      {fixes.map((b) => (
        <div key={b.batch} data-batch={b.batch}>
          {b.description && <Caption1>{b.description[lang]}</Caption1>}
          <ul className={s.list}>
            {b.cells.slice(0, SHOWN).map((c) => (
              <li key={c.cell}>{changeLine(c, lang)}</li>
            ))}
            {b.cells.length > SHOWN && <li>{`… (${formatNum(b.cells.length - SHOWN, lang)})`}</li>}
          </ul>
        </div>
      ))}
      {fixes.length > 1 && <Caption1>{t('fixes.count', lang, { n: formatNum(fixes.length, lang) })}</Caption1>}
      <div className={s.actions}>
        <Button onClick={onUndo} disabled={disabled}>
          {t('fixes.undoLast', lang)}
        </Button>
      </div>
    </section>
  );
}
