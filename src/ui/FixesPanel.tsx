/**
 * "Đã sửa": the fixes written on the sheet and not undone yet (kept in the workbook, so they are listed after the
 * file is reopened too), the last first, each cell with what it held and what it holds; and "Hoàn tác lần sửa gần
 * nhất", which puts back exactly what the last fix replaced.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import type { FixBatchView } from './host';
import { formatNum, t } from './i18n';
import { changeLine } from './FixPreview';
import { WrittenPanel } from './WrittenPanel';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
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
    <WrittenPanel title={t('fixes.title', lang)} testId="fixes" undoLabel={t('fixes.undoLast', lang)} onUndo={onUndo} disabled={disabled}>
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
    </WrittenPanel>
  );
}
