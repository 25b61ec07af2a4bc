/**
 * "Đã bỏ qua N": the findings the workbook's ignores hide on this sheet, each with "Đưa lại", and "Đưa lại tất cả";
 * ignores that no longer match (the cell changed — the finding, if any, is shown again) with a way to remove them.
 * Read-only where the host cannot change the workbook (the browser preview).
 */
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Ignore, IgnoredFinding } from '../core/ignores';
import type { Lang } from '../core/report';
import { formatNum, t } from './i18n';

const useStyles = makeStyles({
  root: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0` },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  cell: { flexShrink: 0, minWidth: '3.5em', fontVariantNumeric: 'tabular-nums' },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
});

export interface IgnoredPanelProps {
  ignored: readonly IgnoredFinding[];
  stale?: readonly Ignore[];
  lang: Lang;
  disabled?: boolean;
  onSelect?(cell: string): void;
  /** brings findings back (absent: read-only) */
  onRestore?(which: readonly Ignore[] | 'all'): void;
}

export function IgnoredPanel({ ignored, stale = [], lang, disabled, onSelect, onRestore }: IgnoredPanelProps) {
  const s = useStyles();
  if (!ignored.length && !stale.length) return null;
  return (
    <section className={s.root} aria-label={t('ignored.title', lang, { n: formatNum(ignored.length, lang) })} data-testid="ignored">
      <details>
        <summary className={s.summary}>
          <Text weight="semibold">{t('ignored.title', lang, { n: formatNum(ignored.length, lang) })}</Text>
        </summary>
        <ul className={s.list}>
          {ignored.map(({ finding: f, ignore }) => (
            <li key={`${ignore.rule}-${ignore.cell}-${ignore.fingerprint}`} className={s.item} data-rule={f.rule}>
              <Button size="small" appearance="transparent" className={s.cell} onClick={() => onSelect?.(f.cell)} disabled={disabled || !onSelect}>
                {f.cell}
              </Button>
              <Caption1 className={s.text}>{f.message[lang] ?? f.message.vi}</Caption1>
              {onRestore && (
                <Button size="small" onClick={() => onRestore([ignore])} disabled={disabled} aria-label={t('ignored.restoreLabel', lang, { cell: f.cell })}>
                  {t('ignored.restore', lang)}
                </Button>
              )}
            </li>
          ))}
        </ul>
        {stale.length > 0 && <Caption1 as="p">{t('ignored.stale', lang, { n: formatNum(stale.length, lang) })}</Caption1>}
        {onRestore ? (
          <div className={s.actions}>
            {ignored.length > 1 && (
              <Button size="small" onClick={() => onRestore('all')} disabled={disabled}>
                {t('ignored.restoreAll', lang)}
              </Button>
            )}
            {stale.length > 0 && (
              <Button size="small" onClick={() => onRestore(stale)} disabled={disabled}>
                {t('ignored.dropStale', lang)}
              </Button>
            )}
          </div>
        ) : (
          <Caption1 as="p">{t('ignored.readOnly', lang)}</Caption1>
        )}
      </details>
    </section>
  );
}
