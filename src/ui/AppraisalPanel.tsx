/**
 * Self-assessment against appraisal: the total cut, the points cut per criterion (largest first), the scores raised,
 * the criteria applicable on one side only, and — comparing two sheets — the criteria one side has alone and the
 * different maxima. Each criterion goes to its cell. The action button writes or downloads the draft bảng giải trình.
 */
import { useState } from 'react';
import { Button, Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import type { CriterionDiff, CriterionRef, ScoreDiff } from '../core/scores/types';
import { formatNum, t } from './i18n';
import { st } from './scoreStrings';

export const APPRAISAL_PAGE = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h3: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', fontWeight: tokens.fontWeightRegular, display: 'block' },
  label: { overflowWrap: 'anywhere' },
  cut: { color: tokens.colorPaletteRedForeground1, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', marginTop: tokens.spacingVerticalS },
});

export interface AppraisalPanelProps {
  diff: ScoreDiff;
  lang: Lang;
  /** two sheets compared (shows what one side has alone and the different maxima) */
  compare?: boolean;
  /** goes to a cell of a sheet */
  onSelect(cell: string, sheet: string): void;
  disabled?: boolean;
  /** the bảng giải trình: a new sheet (pane) or a download (preview) */
  action?: { label: string; onClick(): void };
}

function signed(n: number | null, lang: Lang, decimals: number): string {
  if (n === null) return '—';
  const s = formatNum(Math.abs(n), lang, decimals);
  return n < 0 ? `−${s}` : `+${s}`;
}

export function AppraisalPanel({ diff, lang, compare, onSelect, disabled, action }: AppraisalPanelProps) {
  const s = useStyles();
  const [limit, setLimit] = useState(APPRAISAL_PAGE);
  const side = (label: string, x: ScoreDiff['self']) =>
    st('appraisal.side', lang, {
      label,
      header: x.header,
      column: x.column,
      sheet: x.sheet,
      total: formatNum(x.total, lang, diff.decimals),
      max: x.applicableMax !== null ? ` / ${formatNum(x.applicableMax, lang)}` : '',
      percent: x.percent !== null ? ` (${formatNum(x.percent, lang, 1)} %)` : '',
    });
  const value = (v: number | null, na: boolean, d: number) => (na ? st('appraisal.naWord', lang) : formatNum(v, lang, d));
  const criterion = (c: CriterionDiff, key: string) => (
    <li key={key}>
      <Button appearance="subtle" className={s.item} disabled={disabled} onClick={() => onSelect(c.appraisedCell || c.selfCell, diff.appraisal.sheet)}>
        <Text weight="semibold">{c.number ? `${c.number}. ` : ''}</Text>
        <span className={s.label}>{c.label}</span>
        <br />
        <Caption1>
          {st('appraisal.change', lang, {
            self: value(c.self, c.selfNa, c.decimals),
            appraised: value(c.appraised, c.appraisedNa, c.decimals),
            diff: c.diff === null ? '—' : signed(c.diff, lang, c.decimals),
          })}
        </Caption1>
      </Button>
    </li>
  );
  const refs = (list: CriterionRef[], sheet: string, key: string) => (
    <ul className={s.list}>
      {list.map((r) => (
        <li key={`${key}-${r.code}-${r.row}`}>
          <Button appearance="subtle" className={s.item} disabled={disabled} onClick={() => onSelect(r.cell, sheet)}>
            <Text weight="semibold">{r.number ? `${r.number}. ` : ''}</Text>
            <span className={s.label}>{r.label}</span> <Caption1>{`(${st('appraisal.row', lang, { row: r.row })})`}</Caption1>
          </Button>
        </li>
      ))}
    </ul>
  );
  const cut = diff.totalCut;
  return (
    <section className={s.root} aria-label={st(compare ? 'appraisal.compareTitle' : 'appraisal.title', lang)} data-testid="appraisal">
      <Subtitle2 as="h2">{st(compare ? 'appraisal.compareTitle' : 'appraisal.title', lang)}</Subtitle2>
      <Caption1>{side(st('appraisal.self', lang), diff.self)}</Caption1>
      <Caption1>{side(st('appraisal.appraised', lang), diff.appraisal)}</Caption1>
      <Text weight="semibold">
        {cut !== null && cut < 0
          ? st('appraisal.totalAbove', lang, { above: formatNum(-cut, lang, diff.decimals) })
          : st('appraisal.totalCut', lang, { cut: formatNum(cut, lang, diff.decimals) })}{' '}
        <Caption1>{`(${st('appraisal.compared', lang, { n: formatNum(diff.compared, lang) })})`}</Caption1>
      </Text>

      <h3 className={s.h3}>{st('appraisal.cuts', lang)}</h3>
      {diff.cuts.length ? (
        <>
          <ol className={s.list}>{diff.cuts.slice(0, limit).map((c) => criterion(c, `cut-${c.code}-${c.row}`))}</ol>
          {diff.cuts.length > limit && (
            <Button appearance="transparent" size="small" onClick={() => setLimit((l) => l + APPRAISAL_PAGE)}>
              {t('findings.more', lang, { n: formatNum(Math.min(APPRAISAL_PAGE, diff.cuts.length - limit), lang) })}
            </Button>
          )}
        </>
      ) : (
        <Text>{st('appraisal.noCuts', lang)}</Text>
      )}
      {diff.raised.length > 0 && (
        <>
          <h3 className={s.h3}>{st('appraisal.raised', lang)}</h3>
          <ul className={s.list}>{diff.raised.map((c) => criterion(c, `up-${c.code}-${c.row}`))}</ul>
        </>
      )}
      {diff.naChanged.length > 0 && (
        <>
          <h3 className={s.h3}>{st('appraisal.na', lang)}</h3>
          <ul className={s.list}>{diff.naChanged.map((c) => criterion(c, `na-${c.code}-${c.row}`))}</ul>
        </>
      )}
      {diff.notAppraised.length > 0 && <Caption1>{st('appraisal.notAppraised', lang, { list: diff.notAppraised.map((r) => r.number || r.label).join(', ') })}</Caption1>}
      {compare && diff.onlyInSelf.length > 0 && (
        <>
          <h3 className={s.h3}>{st('appraisal.onlySelf', lang)}</h3>
          {refs(diff.onlyInSelf, diff.self.sheet, 'self')}
        </>
      )}
      {compare && diff.onlyInAppraisal.length > 0 && (
        <>
          <h3 className={s.h3}>{st('appraisal.onlyAppraisal', lang)}</h3>
          {refs(diff.onlyInAppraisal, diff.appraisal.sheet, 'appr')}
        </>
      )}
      {compare && diff.maxDiffers.length > 0 && (
        <>
          <h3 className={s.h3}>{st('appraisal.maxDiffers', lang)}</h3>
          <ul className={s.list}>
            {diff.maxDiffers.map((m) => (
              <li key={`max-${m.code}`}>
                <Text weight="semibold">{`${m.number}. `}</Text>
                <span className={s.label}>{m.label}</span>
                <Caption1>{`: ${formatNum(m.selfMax, lang)} ≠ ${formatNum(m.appraisalMax, lang)}`}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {action && diff.explanation.length > 0 && (
        <div className={s.actions}>
          <Button appearance="primary" onClick={action.onClick} disabled={disabled}>
            {action.label}
          </Button>
          <Caption1>{st('appraisal.tableHint', lang, { n: formatNum(diff.explanation.length, lang) })}</Caption1>
        </div>
      )}
    </section>
  );
}
