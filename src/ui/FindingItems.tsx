/**
 * One finding as a button that goes to its cell, and a cluster of findings that say the same thing at several cells
 * ("×11 ô" with one button per cell). The accessible name of every button is its own visible text, with the severity
 * before it and, for a cell of a cluster, the finding's full message after it (screen readers hear what the eye sees,
 * then what the eye reads once above the cells).
 * Messages are plain React text: whatever a cell held (even "<script>…") is shown, never interpreted.
 */
import { type ReactNode } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding, Lang, Severity } from '../core/report';
import { Hidden } from './Hidden';
import { SEVERITY_ONE_KEYS, formatNum, t } from './i18n';

export const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

/** chips of a cluster shown before "+N ô" */
export const CLUSTER_CHIPS = 24;

const useStyles = makeStyles({
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderLeft: '3px solid transparent',
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  cell: { flexShrink: 0, fontVariantNumeric: 'tabular-nums', minWidth: '3.5em' },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  fix: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorPaletteGreenForeground1 },
  cluster: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: '3px solid transparent',
  },
  clusterCurrent: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  clusterHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  count: { flexShrink: 0, minWidth: '3.5em' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, paddingLeft: 'calc(3.5em + 8px)' },
  chip: { minWidth: '3.5em', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightRegular },
  chipCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  clusterActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingLeft: 'calc(3.5em + 8px)' },
});

/** The key a finding is known by in the list (its rule and cell: stable across a re-check). */
export function findingKey(f: Finding): string {
  return `${f.rule}|${f.cell}`;
}

/** What every button that goes to a finding's cell carries: its action, its state and the data-* the tests find it by. */
function goToProps(f: Finding, current: boolean, disabled: boolean | undefined, onActivate: (f: Finding) => void) {
  return {
    disabled,
    onClick: () => onActivate(f),
    'aria-current': current ? ('true' as const) : undefined,
    'data-rule': f.rule,
    'data-severity': f.severity,
    'data-finding': findingKey(f),
  };
}

/** The severity a button's colour shows, said first to screen readers. */
function SeverityWord({ f, lang }: { f: Finding; lang: Lang }) {
  return <Hidden>{`${t(SEVERITY_ONE_KEYS[f.severity], lang)}: `}</Hidden>;
}

export interface ItemProps {
  finding: Finding;
  lang: Lang;
  current: boolean;
  disabled?: boolean;
  onActivate(f: Finding): void;
  /** what goes under the finding (the host's "Sửa…" / "Bỏ qua") */
  actions?: ReactNode;
}

/** One finding: its cell, its message, its suggested fix. */
export function FindingItem({ finding: f, lang, current, disabled, onActivate, actions }: ItemProps) {
  const s = useStyles();
  const message = f.message?.[lang] ?? f.message?.vi ?? '';
  const fix = f.fix?.description?.[lang];
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(s.item, current && s.current)}
        {...goToProps(f, current, disabled, onActivate)}
      >
        <SeverityWord f={f} lang={lang} />
        <Badge className={s.cell} color={BADGE_COLOR[f.severity]} appearance="tint">
          {f.cell}
        </Badge>
        <Hidden>{' — '}</Hidden>
        <span className={s.text}>
          <span className={s.message}>{message}</span>
          {/* a space keeps the message's last word and the fix's first apart in the accessible name (WCAG 2.5.3) */}
          {fix && ' '}
          {fix && (
            <span className={s.fix} data-fix={f.fix!.kind}>
              <strong>{t('findings.fix', lang)}:</strong> {fix}
            </span>
          )}
        </span>
      </Button>
      {actions}
    </li>
  );
}

export interface ClusterProps {
  /** the findings, in sheet order; they share `message` */
  findings: readonly Finding[];
  message: string;
  lang: Lang;
  currentKey?: string;
  disabled?: boolean;
  onActivate(f: Finding): void;
  /** each cell shown as its own item (with its own message and actions) instead of a chip */
  expanded: boolean;
  onExpand(expanded: boolean): void;
  renderItemActions?(f: Finding): ReactNode;
  /** chips shown (the rest behind "+N ô") */
  chips: number;
  onMoreChips(): void;
}

/** Findings that say the same thing at several cells: the message once, then a button per cell. */
export function FindingCluster({ findings, message, lang, currentKey, disabled, onActivate, expanded, onExpand, renderItemActions, chips, onMoreChips }: ClusterProps) {
  const s = useStyles();
  const severity = findings[0].severity;
  const holdsCurrent = findings.some((f) => findingKey(f) === currentKey);
  if (expanded) {
    return (
      <>
        {findings.map((f) => (
          <FindingItem
            key={findingKey(f)}
            finding={f}
            lang={lang}
            current={findingKey(f) === currentKey}
            disabled={disabled}
            onActivate={onActivate}
            actions={renderItemActions?.(f)}
          />
        ))}
        <li className={s.clusterActions}>
          <Button appearance="transparent" size="small" onClick={() => onExpand(false)}>
            {t('findings.hideEach', lang)}
          </Button>
        </li>
      </>
    );
  }
  const shown = findings.slice(0, chips);
  return (
    <li className={mergeClasses(s.cluster, holdsCurrent && s.clusterCurrent)} data-cluster={findings.length}>
      <div className={s.clusterHead}>
        <Badge className={s.count} color={BADGE_COLOR[severity]} appearance="tint">
          {t('findings.cells', lang, { n: formatNum(findings.length, lang) })}
        </Badge>
        <Text className={s.message}>{message}</Text>
      </div>
      <div className={s.chips} role="group" aria-label={t('findings.cellsLabel', lang, { n: formatNum(findings.length, lang) })}>
        {shown.map((f) => {
          const current = findingKey(f) === currentKey;
          return (
            <Button
              key={findingKey(f)}
              size="small"
              shape="rounded"
              appearance="outline"
              className={mergeClasses(s.chip, current && s.chipCurrent)}
              {...goToProps(f, current, disabled, onActivate)}
            >
              <SeverityWord f={f} lang={lang} />
              <span>{f.cell}</span>
              <Hidden>{` — ${f.message?.[lang] ?? f.message?.vi ?? ''}`}</Hidden>
            </Button>
          );
        })}
        {findings.length > shown.length && (
          <Button size="small" appearance="transparent" onClick={onMoreChips}>
            {t('findings.moreCells', lang, { n: formatNum(findings.length - shown.length, lang) })}
          </Button>
        )}
      </div>
      <div className={s.clusterActions}>
        <Button appearance="transparent" size="small" onClick={() => onExpand(true)}>
          {t('findings.showEach', lang)}
        </Button>
      </div>
    </li>
  );
}
