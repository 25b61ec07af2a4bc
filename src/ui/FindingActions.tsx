/**
 * The buttons under a finding — "Sửa…" (opens the preview of its fix plan; "Ghi vào trang tính" writes it) and
 * "Bỏ qua" — and the "Sửa tất cả loại này" of a rule group, offered only where combining the plans is safe
 * (src/core/fixes/combine.ts). Shown only by hosts that can write (the Excel add-in). The preview is in the chunk
 * of the fix features (./lazyParts.ts), loaded when a first «Sửa…» is opened.
 */
import { useMemo, useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { combineFixes } from '../core/fixes/combine';
import { canIgnore } from '../core/ignores';
import type { Finding, FixPlan, Lang } from '../core/report';
import { formatNum, t } from './i18n';
import { Deferred } from './Deferred';
import { fixParts } from './lazyParts';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', paddingLeft: '4.5em', paddingBottom: tokens.spacingVerticalXS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
});

export interface FindingActionsProps {
  finding: Finding;
  lang: Lang;
  disabled?: boolean;
  /** writes the plan (the host can fix) */
  onFix?(plan: FixPlan): void;
  /** ignores the finding (the host keeps ignores) */
  onIgnore?(f: Finding): void;
}

export function FindingActions({ finding: f, lang, disabled, onFix, onIgnore }: FindingActionsProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const canFix = !!onFix && !!f.fix?.edits.length;
  const ignorable = !!onIgnore && canIgnore(f);
  if (!canFix && !ignorable) return null;
  return (
    <>
      <div className={s.row}>
        {canFix && (
          <Button size="small" appearance="outline" disabled={disabled} aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={t('fix.openLabel', lang, { cell: f.cell })} data-action="fix">
            {t('fix.open', lang)}
          </Button>
        )}
        {ignorable && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onIgnore!(f)} aria-label={t('ignore.label', lang, { cell: f.cell })} data-action="ignore">
            {t('ignore.action', lang)}
          </Button>
        )}
      </div>
      {open && canFix && (
        <Deferred chunk={fixParts} lang={lang} what={t('chunk.fixes', lang)}>
          {({ FixPreview }) => (
            <FixPreview
              plan={f.fix!}
              lang={lang}
              disabled={disabled}
              onCancel={() => setOpen(false)}
              onApply={() => {
                setOpen(false);
                onFix!(f.fix!);
              }}
            />
          )}
        </Deferred>
      )}
    </>
  );
}

export interface GroupFixActionsProps {
  findings: readonly Finding[];
  lang: Lang;
  disabled?: boolean;
  onFix(plan: FixPlan): void;
}

export function GroupFixActions({ findings, lang, disabled, onFix }: GroupFixActionsProps) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const combined = useMemo(() => combineFixes(findings), [findings]);
  if ('refused' in combined) {
    return combined.refused === 'reads-written' ? <Caption1 className={s.group}>{t('fix.allUnsafe', lang)}</Caption1> : null;
  }
  return (
    <div className={s.group}>
      <div>
        <Button size="small" appearance="outline" disabled={disabled} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-action="fix-all">
          {t('fix.all', lang, { n: formatNum(combined.findings.length, lang) })}
        </Button>
      </div>
      {open && (
        <Deferred chunk={fixParts} lang={lang} what={t('chunk.fixes', lang)}>
          {({ FixPreview }) => (
            <FixPreview
              plan={combined.plan}
              lang={lang}
              disabled={disabled}
              onCancel={() => setOpen(false)}
              onApply={() => {
                setOpen(false);
                onFix(combined.plan);
              }}
            />
          )}
        </Deferred>
      )}
    </div>
  );
}
