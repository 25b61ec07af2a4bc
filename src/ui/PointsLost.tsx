/** Score sheets: the leaf criteria that lost the most points (the Report's list, largest first). */
import { useState } from 'react';
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, PointsLost as PointsLostItem, ScoreSummary } from '../core/report';
import { formatNum, t } from './i18n';

export const POINTS_PAGE = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', fontWeight: tokens.fontWeightRegular, display: 'block' },
  label: { overflowWrap: 'anywhere' },
});

export interface PointsLostProps {
  items: readonly PointsLostItem[];
  scores?: readonly ScoreSummary[];
  lang: Lang;
  onSelect(cell: string): void;
  disabled?: boolean;
}

export function PointsLost({ items, scores, lang, onSelect, disabled }: PointsLostProps) {
  const s = useStyles();
  const [limit, setLimit] = useState(POINTS_PAGE);
  if (!items.length) return null;
  // each criterion with the decimals its own cells show (one 4-decimal value does not make every score show 4)
  const decimalsOf = (p: PointsLostItem) => p.decimals ?? scores?.find((c) => c.column === p.column)?.decimals;
  const headerOf = (column: string) => scores?.find((c) => c.column === column)?.header;
  return (
    <section className={s.root} aria-label={t('points.title', lang)}>
      <Subtitle2 as="h2">{t('points.title', lang)}</Subtitle2>
      <ol className={s.list}>
        {items.slice(0, limit).map((p) => {
          const d = decimalsOf(p);
          const cell = `${p.column}${p.row}`;
          return (
            <li key={`${cell}-${p.number}`}>
              <Button appearance="subtle" className={s.item} disabled={disabled} onClick={() => onSelect(cell)}>
                <Text weight="semibold">{`${p.number}. `}</Text>
                <span className={s.label}>{p.label}</span>
                <br />
                <Caption1>
                  {`${headerOf(p.column) ?? t('points.column', lang, { column: p.column })} — ${t('points.lost', lang, {
                    lost: formatNum(p.lost, lang, d),
                    score: formatNum(p.score, lang, d),
                    max: formatNum(p.max, lang),
                  })}`}
                </Caption1>
              </Button>
            </li>
          );
        })}
      </ol>
      {items.length > limit && (
        <Button appearance="transparent" size="small" onClick={() => setLimit((l) => l + POINTS_PAGE)}>
          {t('findings.more', lang, { n: formatNum(Math.min(POINTS_PAGE, items.length - limit), lang) })}
        </Button>
      )}
    </section>
  );
}
