/**
 * The findings, grouped by rule, with severity filters. Every finding is a button that goes to its cell.
 * Messages are plain React text: whatever a cell held (even "<script>…") is shown, never interpreted.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Subtitle2,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { RULE_BY_ID, RULES, severityRank, type Finding, type Lang, type RuleId, type Severity } from '../core/report';
import { SEVERITY_KEYS, SEVERITY_ONE_KEYS, formatNum, t } from './i18n';

/** findings shown per group before "show more" */
export const PAGE = 50;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const RULE_ORDER = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  headerTitle: { flexGrow: 1, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  cell: { flexShrink: 0, fontVariantNumeric: 'tabular-nums', minWidth: '3.5em' },
  text: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  fix: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorPaletteGreenForeground1 },
  howTo: { display: 'block', marginBottom: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

interface Group {
  rule: RuleId;
  worst: Severity;
  findings: Finding[];
}

function groupByRule(findings: readonly Finding[], shown: ReadonlySet<Severity>): Group[] {
  const groups = new Map<RuleId, Group>();
  for (const f of findings) {
    if (!shown.has(f.severity)) continue;
    let g = groups.get(f.rule);
    if (!g) groups.set(f.rule, (g = { rule: f.rule, worst: f.severity, findings: [] }));
    if (severityRank(f.severity) < severityRank(g.worst)) g.worst = f.severity;
    g.findings.push(f);
  }
  return [...groups.values()].sort(
    (a, b) => severityRank(a.worst) - severityRank(b.worst) || (RULE_ORDER.get(a.rule) ?? 99) - (RULE_ORDER.get(b.rule) ?? 99),
  );
}

export interface FindingsListProps {
  findings: readonly Finding[];
  lang: Lang;
  onSelect(cell: string): void;
  /** turns the finding buttons off while the workbook is busy */
  disabled?: boolean;
  /** what goes under a finding (the host's "Sửa…" / "Bỏ qua", src/ui/FindingActions.tsx) */
  renderItemActions?(f: Finding): ReactNode;
  /** what goes at the top of a rule's group ("Sửa tất cả loại này") */
  renderGroupActions?(rule: RuleId, findings: readonly Finding[]): ReactNode;
}

export function FindingsList({ findings, lang, onSelect, disabled, renderItemActions, renderGroupActions }: FindingsListProps) {
  const s = useStyles();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  const [limits, setLimits] = useState<Record<string, number>>({});

  const totals = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const groups = useMemo(() => groupByRule(findings, shown), [findings, shown]);

  const toggleSeverity = (sev: Severity) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const onToggle: AccordionToggleEventHandler<string> = (_e, data) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (next.has(data.value)) next.delete(data.value);
      else next.add(data.value);
      return next;
    });

  if (!findings.length) {
    return (
      <section className={s.root} aria-label={t('findings.title', lang)}>
        <Subtitle2 as="h2">{t('findings.title', lang)}</Subtitle2>
        <Text>{t('findings.none', lang)}</Text>
      </section>
    );
  }

  return (
    <section className={s.root} aria-label={t('findings.title', lang)}>
      <Subtitle2 as="h2">{t('findings.title', lang)}</Subtitle2>
      <div className={s.filters} role="group" aria-label={t('findings.filter', lang)}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            shape="circular"
            checked={shown.has(sev)}
            onClick={() => toggleSeverity(sev)}
            disabled={totals[sev] === 0}
            data-severity={sev}
          >
            {`${t(SEVERITY_KEYS[sev], lang)} (${formatNum(totals[sev], lang)})`}
          </ToggleButton>
        ))}
      </div>
      {groups.length === 0 ? (
        <Text>{t('findings.allHidden', lang)}</Text>
      ) : (
        <Accordion multiple collapsible openItems={groups.map((g) => g.rule).filter((r) => !closed.has(r))} onToggle={onToggle}>
          {groups.map((g) => {
            const limit = limits[g.rule] ?? PAGE;
            const visible = g.findings.slice(0, limit);
            const rest = g.findings.length - visible.length;
            return (
              <AccordionItem value={g.rule} key={g.rule}>
                <AccordionHeader size="small">
                  <span className={s.header}>
                    <Text weight="semibold" className={s.headerTitle}>
                      {RULE_BY_ID[g.rule]?.title[lang] ?? g.rule}
                    </Text>
                    <CounterBadge count={g.findings.length} overflowCount={9999} color={g.worst === 'error' ? 'danger' : 'informative'} appearance="filled" />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  {RULE_BY_ID[g.rule]?.howToFix && (
                    <Caption1 className={s.howTo} data-testid="how-to-fix">
                      <strong>{t('findings.howToFix', lang)}:</strong> {RULE_BY_ID[g.rule].howToFix[lang]}
                    </Caption1>
                  )}
                  {renderGroupActions?.(g.rule, g.findings)}
                  <ul className={s.list}>
                    {visible.map((f, i) => {
                      const message = f.message?.[lang] ?? f.message?.vi ?? '';
                      const fix = f.fix?.description?.[lang];
                      const label = fix ? `${message} ${t('findings.fix', lang)}: ${fix}` : message;
                      return (
                        <li key={`${f.cell}-${i}`}>
                          <Button
                            appearance="subtle"
                            className={s.item}
                            disabled={disabled}
                            onClick={() => onSelect(f.cell)}
                            aria-label={`${t(SEVERITY_ONE_KEYS[f.severity], lang)} — ${t('findings.goTo', lang, { cell: f.cell, message: label })}`}
                            data-rule={f.rule}
                            data-severity={f.severity}
                          >
                            <Badge className={s.cell} color={BADGE_COLOR[f.severity]} appearance="tint">
                              {f.cell}
                            </Badge>{' '}
                            {/* the spaces keep the visible text's words apart, as in the accessible name (WCAG 2.5.3) */}
                            <span className={s.text}>
                              <span className={s.message}>{message}</span>{' '}
                              {fix && (
                                <span className={s.fix} data-fix={f.fix!.kind}>
                                  <strong>{t('findings.fix', lang)}:</strong> {fix}
                                </span>
                              )}
                            </span>
                          </Button>
                          {renderItemActions?.(f)}
                        </li>
                      );
                    })}
                  </ul>
                  {rest > 0 && (
                    <Button appearance="transparent" size="small" onClick={() => setLimits((l) => ({ ...l, [g.rule]: limit + PAGE }))}>
                      {t('findings.more', lang, { n: formatNum(Math.min(PAGE, rest), lang) })}
                    </Button>
                  )}
                  {g.findings.length > PAGE && (
                    <Caption1>{`${formatNum(visible.length, lang)} / ${formatNum(g.findings.length, lang)}`}</Caption1>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
