/**
 * The findings, grouped by rule, with a severity filter, "Mở / Thu gọn tất cả", and previous / next finding (buttons
 * and Alt+↑ / Alt+↓). Every finding is a button that goes to its cell; the one last gone to stays highlighted.
 * Findings of a rule that say the same thing (the same message, or the same gist: «Thiếu «Thời gian hoàn thành»» on
 * eleven tasks) are one line with a button per cell. With many findings only the groups holding errors start open.
 * Items are in ./FindingItems.tsx.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Badge,
  Subtitle2,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { RULE_BY_ID, RULES, severityRank, type Finding, type Lang, type RuleId, type Severity } from '../core/report';
import { SEVERITY_KEYS, formatNum, t } from './i18n';
import { BADGE_COLOR, CLUSTER_CHIPS, FindingCluster, FindingItem, findingKey } from './FindingItems';

/** findings shown per group before "show more" */
export const PAGE = 50;
/** above this many findings, only the groups holding errors start open */
export const COLLAPSE_OVER = 40;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const RULE_ORDER = new Map<RuleId, number>(RULES.map((r, i) => [r.id, i]));

/** the colour of a severity, the same as its badges and its marks on the sheet */
const DOT: Record<Severity, string> = {
  error: tokens.colorPaletteRedBackground3,
  warning: tokens.colorPaletteMarigoldBackground3,
  info: tokens.colorPaletteBlueBackground2,
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  filterLabel: { color: tokens.colorNeutralForeground2, marginRight: tokens.spacingHorizontalXXS },
  filter: { fontWeight: tokens.fontWeightRegular, gap: tokens.spacingHorizontalXS },
  filterOff: {
    color: tokens.colorNeutralForeground3,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: 'transparent',
    textDecorationLine: 'line-through',
  },
  dot: { width: '10px', height: '10px', borderRadius: '50%', flexShrink: 0, display: 'inline-block' },
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  spacer: { flexGrow: 1 },
  position: { minWidth: '4em', textAlign: 'center', fontVariantNumeric: 'tabular-nums' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  headerTitle: { flexGrow: 1, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
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

type Entry = { kind: 'one'; finding: Finding } | { kind: 'many'; key: string; message: string; findings: Finding[] };

/**
 * A group's findings as list entries: findings that share their message — or their gist, when the messages differ
 * only by task — and their severity are one entry; a finding with a fix plan stays on its own (its fix is its own).
 */
export function clusterFindings(findings: readonly Finding[], lang: Lang): Entry[] {
  const entries: Entry[] = [];
  const byText = new Map<string, Extract<Entry, { kind: 'many' }>>();
  for (const f of findings) {
    const message = f.message?.[lang] ?? f.message?.vi ?? '';
    if (f.fix) {
      entries.push({ kind: 'one', finding: f });
      continue;
    }
    const shared = f.gist?.[lang] ?? message;
    const key = `${f.severity}|${shared}`;
    const e = byText.get(key);
    if (e) {
      e.findings.push(f);
      e.message = shared;
    } else {
      const ne: Extract<Entry, { kind: 'many' }> = { kind: 'many', key, message, findings: [f] };
      byText.set(key, ne);
      entries.push(ne);
    }
  }
  return entries.map((e) => (e.kind === 'many' && e.findings.length === 1 ? { kind: 'one', finding: e.findings[0] } : e));
}

export interface FindingsListProps {
  findings: readonly Finding[];
  lang: Lang;
  onSelect(cell: string): void;
  /** turns the finding buttons off while the workbook is busy */
  disabled?: boolean;
  /** what goes under a finding (the host's "Sửa…" / "Bỏ qua") */
  renderItemActions?(f: Finding): ReactNode;
  /** what goes at the top of a rule's group ("Sửa tất cả loại này") */
  renderGroupActions?(rule: RuleId, findings: readonly Finding[]): ReactNode;
  /** above this many findings only the groups holding errors start open (default COLLAPSE_OVER) */
  collapseOver?: number;
}

export function FindingsList({ findings, lang, onSelect, disabled, renderItemActions, renderGroupActions, collapseOver = COLLAPSE_OVER }: FindingsListProps) {
  const s = useStyles();
  const rootRef = useRef<HTMLElement>(null);
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  // the open groups once the user has opened or closed one; until then the default (errors open when there are many)
  const [open, setOpen] = useState<ReadonlySet<string> | null>(null);
  const [limits, setLimits] = useState<Record<string, number>>({});
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [chips, setChips] = useState<Record<string, number>>({});
  const [current, setCurrent] = useState<string | undefined>();
  // set when the next finding was reached by the keyboard or the buttons: focus it once it is drawn
  const focusPending = useRef(false);

  const totals = useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const groups = useMemo(() => groupByRule(findings, shown), [findings, shown]);
  const defaultOpen = useMemo(
    () => new Set(groups.filter((g) => findings.length <= collapseOver || g.worst === 'error').map((g) => g.rule)),
    [groups, findings.length, collapseOver],
  );
  const openNow = open ?? defaultOpen;

  // every shown finding in the order the list draws them: what previous / next step through
  // (the list draws a group's findings cluster by cluster, so the steps follow the clusters)
  const order = useMemo(
    () =>
      groups.flatMap((g) => {
        const at = new Map(g.findings.map((f, i) => [f, i]));
        return clusterFindings(g.findings, lang)
          .flatMap((e) => (e.kind === 'one' ? [e.finding] : e.findings))
          .map((f) => ({ finding: f, rule: g.rule, index: at.get(f)! }));
      }),
    [groups, lang],
  );
  const position = current === undefined ? -1 : order.findIndex((o) => findingKey(o.finding) === current);

  const toggleSeverity = (sev: Severity) =>
    setShown((prev) => {
      const next = new Set(prev);
      if (next.has(sev)) next.delete(sev);
      else next.add(sev);
      return next;
    });
  const onToggle: AccordionToggleEventHandler<string> = (_e, data) =>
    setOpen((prev) => {
      const next = new Set(prev ?? defaultOpen);
      if (next.has(data.value)) next.delete(data.value);
      else next.add(data.value);
      return next;
    });

  const activate = useCallback(
    (f: Finding) => {
      setCurrent(findingKey(f));
      onSelect(f.cell);
    },
    [onSelect],
  );

  /** previous (-1) or next (+1) finding: opens its group, shows it, goes to its cell and focuses it */
  const step = useCallback(
    (delta: number) => {
      if (!order.length || disabled) return;
      const at = position < 0 ? (delta > 0 ? 0 : order.length - 1) : (position + delta + order.length) % order.length;
      const target = order[at];
      setOpen((prev) => {
        const base = prev ?? defaultOpen;
        if (base.has(target.rule)) return prev;
        return new Set([...base, target.rule]);
      });
      setLimits((l) => ((l[target.rule] ?? PAGE) > target.index ? l : { ...l, [target.rule]: Math.ceil((target.index + 1) / PAGE) * PAGE }));
      focusPending.current = true;
      activate(target.finding);
    },
    [order, position, disabled, defaultOpen, activate],
  );

  // bring the finding reached by previous / next into view and give it the focus; a group just opened may still be
  // unfolding (its panel not yet focusable), so the focus is tried again on the next frames, a few times
  useEffect(() => {
    if (!focusPending.current || current === undefined) return;
    let frames = 30;
    let handle = 0;
    const attempt = () => {
      const el = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-finding]') ?? [])].find((e) => e.dataset.finding === current);
      if (el) {
        el.scrollIntoView?.({ block: 'nearest' });
        el.focus();
        if (el.ownerDocument.activeElement === el) {
          focusPending.current = false;
          return;
        }
      }
      if (--frames > 0 && typeof requestAnimationFrame === 'function') handle = requestAnimationFrame(attempt);
      else focusPending.current = false;
    };
    attempt();
    return () => {
      if (handle && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle);
    };
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    step(e.key === 'ArrowDown' ? 1 : -1);
  };

  if (!findings.length) {
    return (
      <section className={s.root} aria-label={t('findings.title', lang)}>
        <Subtitle2 as="h2">{t('findings.title', lang)}</Subtitle2>
        <Text>{t('findings.none', lang)}</Text>
      </section>
    );
  }

  const allOpen = groups.every((g) => openNow.has(g.rule));

  return (
    <section className={s.root} aria-label={t('findings.title', lang)} ref={rootRef} onKeyDown={onKeyDown}>
      <Subtitle2 as="h2">{t('findings.title', lang)}</Subtitle2>
      <div className={s.filters} role="group" aria-label={t('findings.filterLabel', lang)}>
        <Caption1 className={s.filterLabel} aria-hidden="true">{`${t('findings.filter', lang)}:`}</Caption1>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            shape="circular"
            className={mergeClasses(s.filter, !shown.has(sev) && s.filterOff)}
            checked={shown.has(sev)}
            onClick={() => toggleSeverity(sev)}
            disabled={totals[sev] === 0}
            data-severity={sev}
            icon={<span className={s.dot} style={{ backgroundColor: DOT[sev] }} aria-hidden="true" />}
          >
            {`${t(SEVERITY_KEYS[sev], lang)} (${formatNum(totals[sev], lang)})`}
          </ToggleButton>
        ))}
      </div>
      {order.length > 0 && (
        <div className={s.nav} role="group" aria-label={t('findings.navLabel', lang)}>
          <Button size="small" onClick={() => step(-1)} disabled={disabled} aria-keyshortcuts="Alt+ArrowUp" title={t('findings.prevTitle', lang)} data-testid="finding-prev">
            {`‹ ${t('findings.prev', lang)}`}
          </Button>
          <Caption1 className={s.position} aria-live="polite" data-testid="finding-position">
            {position < 0 ? formatNum(order.length, lang) : t('findings.position', lang, { i: formatNum(position + 1, lang), n: formatNum(order.length, lang) })}
          </Caption1>
          <Button size="small" onClick={() => step(1)} disabled={disabled} aria-keyshortcuts="Alt+ArrowDown" title={t('findings.nextTitle', lang)} data-testid="finding-next">
            {`${t('findings.next', lang)} ›`}
          </Button>
          <span className={s.spacer} />
          {/* one button, Mở tất cả while a group is closed, Thu gọn tất cả once all are open */}
          <Button size="small" appearance="transparent" onClick={() => setOpen(allOpen ? new Set() : new Set(groups.map((g) => g.rule)))} data-testid="expand-all">
            {t(allOpen ? 'findings.collapseAll' : 'findings.expandAll', lang)}
          </Button>
        </div>
      )}
      {groups.length === 0 ? (
        <Text>{t('findings.allHidden', lang)}</Text>
      ) : (
        <Accordion multiple collapsible openItems={groups.map((g) => g.rule).filter((r) => openNow.has(r))} onToggle={onToggle}>
          {groups.map((g) => {
            const limit = limits[g.rule] ?? PAGE;
            const visible = g.findings.slice(0, limit);
            const rest = g.findings.length - visible.length;
            return (
              <AccordionItem value={g.rule} key={g.rule}>
                <AccordionHeader size="small">
                  <span className={s.header} data-severity={g.worst}>
                    <Text weight="semibold" className={s.headerTitle}>
                      {RULE_BY_ID[g.rule]?.title[lang] ?? g.rule}
                    </Text>
                    <Badge appearance="filled" color={BADGE_COLOR[g.worst]} data-severity={g.worst}>
                      {formatNum(g.findings.length, lang)}
                    </Badge>
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
                    {clusterFindings(visible, lang).map((e) =>
                      e.kind === 'one' ? (
                        <FindingItem
                          key={findingKey(e.finding)}
                          finding={e.finding}
                          lang={lang}
                          current={findingKey(e.finding) === current}
                          disabled={disabled}
                          onActivate={activate}
                          actions={renderItemActions?.(e.finding)}
                        />
                      ) : (
                        <FindingCluster
                          key={e.key}
                          findings={e.findings}
                          message={e.message}
                          lang={lang}
                          currentKey={current}
                          disabled={disabled}
                          onActivate={activate}
                          expanded={expanded.has(`${g.rule}|${e.key}`)}
                          onExpand={(on) =>
                            setExpanded((prev) => {
                              const next = new Set(prev);
                              if (on) next.add(`${g.rule}|${e.key}`);
                              else next.delete(`${g.rule}|${e.key}`);
                              return next;
                            })
                          }
                          renderItemActions={renderItemActions}
                          chips={chips[`${g.rule}|${e.key}`] ?? CLUSTER_CHIPS}
                          onMoreChips={() => setChips((c) => ({ ...c, [`${g.rule}|${e.key}`]: e.findings.length }))}
                        />
                      ),
                    )}
                  </ul>
                  {rest > 0 && (
                    <Button appearance="transparent" size="small" onClick={() => setLimits((l) => ({ ...l, [g.rule]: limit + PAGE }))}>
                      {t('findings.more', lang, { n: formatNum(Math.min(PAGE, rest), lang) })}
                    </Button>
                  )}
                  {g.findings.length > PAGE && <Caption1>{`${formatNum(visible.length, lang)} / ${formatNum(g.findings.length, lang)}`}</Caption1>}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
