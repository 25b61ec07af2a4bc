/** The report at a glance: budget computed vs stated, tasks, deadlines, each score column with its band. */
import { useId } from 'react';
import { Badge, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { countBySeverity, severityCounts, severityRank, type Finding, type Lang, type RuleId, type Severity, type SheetReport } from '../core/report';
import { familyName, scopeOf } from '../core/scope';
import { formatDate, formatNum, t, type StringKey } from './i18n';
import { st } from './scoreStrings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: tokens.spacingHorizontalS },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  title: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalXS, margin: 0 },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  ddBad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  ddWarn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  issues: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: { minWidth: 0, padding: 0, justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular, height: 'auto', textDecorationLine: 'underline' },
  scope: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** What was checked and what could not be: "nothing found" must never read as "nothing checked". */
export function ScopeLine({ report, lang }: { report: SheetReport; lang: Lang }) {
  const s = useStyles();
  const scope = scopeOf(report);
  if (!scope.checked) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="not-checked">
        <MessageBarBody>
          <MessageBarTitle>{t('scope.notChecked', lang)}</MessageBarTitle>
          {t('summary.noTable', lang)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!scope.ran.length && !scope.notRun.length) return null;
  return (
    <div className={s.scope} data-testid="scope">
      <Caption1>{t('scope.ran', lang, { list: scope.ran.map((f) => familyName(f)[lang]).join(', ') })}</Caption1>
      {scope.notRun.length > 0 && (
        <Caption1>{t('scope.notRun', lang, { list: scope.notRun.map((n) => n.message[lang]).join('; ') })}</Caption1>
      )}
    </div>
  );
}

/** Whether the engine reported `rule` at `cell` — the pane judges nothing itself. */
function flagged(report: SheetReport, rule: RuleId, cell: string | undefined): boolean {
  return report.findings.some((f) => f.rule === rule && (cell === undefined || f.cell === cell));
}

/** A row of a card; `mark` flags the figure the engine found wrong (colour, a sign, and words for screen readers). */
function Row({ label, value, mark, lang }: { label: string; value: string; mark?: Severity; lang?: Lang }) {
  const s = useStyles();
  const bad = mark === 'error' ? s.ddBad : mark === 'warning' ? s.ddWarn : undefined;
  return (
    <>
      <dt className={s.dt}>{label}</dt>
      <dd className={bad ? `${s.dd} ${bad}` : s.dd} data-mark={mark}>
        {mark && mark !== 'info' ? <span aria-hidden="true">✗ </span> : null}
        {value}
        {mark && mark !== 'info' && lang ? <span className="visually-hidden" style={HIDDEN}>{` (${t('summary.wrong', lang)})`}</span> : null}
      </dd>
    </>
  );
}

const HIDDEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** The rules whose findings speak about the budget (every one, not only the total): the card's badge reflects them all. */
const BUDGET_RULES: Partial<Record<RuleId, StringKey>> = {
  'budget-total-mismatch': 'summary.budgetIssue.total',
  'budget-words-mismatch': 'summary.budgetIssue.words',
  'budget-subtotal-mismatch': 'summary.budgetIssue.subtotal',
  'negative-amount': 'summary.budgetIssue.negative',
  'budget-breakdown-mismatch': 'summary.budgetIssue.breakdown',
  'budget-sources-mismatch': 'summary.budgetIssue.sources',
  'budget-no-amount': 'summary.budgetIssue.pending',
};
/** rules that concern the budget only when they are in its column */
const BUDGET_COLUMN_RULES: Partial<Record<RuleId, StringKey>> = {
  'invalid-number': 'summary.budgetIssue.invalid',
  'cell-error': 'summary.budgetIssue.error',
  'number-as-text': 'summary.budgetIssue.text',
};

interface BudgetIssue {
  key: StringKey;
  severity: Severity;
  cells: string[];
}

/** What the engine said about the budget, grouped by kind, worst first: the card judges nothing itself. */
export function budgetIssues(report: SheetReport): BudgetIssue[] {
  // the budget column, and its source columns when the budget spans several ("D:F" without a "Tổng số" column)
  const columns = new Set([...(report.budget?.column.split(':') ?? []), ...(report.budget?.sources ?? []).map((x) => x.column)]);
  const byKey = new Map<StringKey, BudgetIssue>();
  for (const f of report.findings) {
    let key = BUDGET_RULES[f.rule] ?? (columns.has(f.column) ? BUDGET_COLUMN_RULES[f.rule] : undefined);
    if (!key) continue;
    if (f.rule === 'budget-words-mismatch' && f.severity === 'warning') key = 'summary.budgetIssue.wordsUnreadable';
    // «Lồng ghép»: no budget of its own, nothing wrong; «Theo dự toán»: an amount the total leaves out
    if (f.rule === 'budget-no-amount' && f.severity === 'info') continue;
    let issue = byKey.get(key);
    if (!issue) byKey.set(key, (issue = { key, severity: f.severity, cells: [] }));
    if (severityRank(f.severity) < severityRank(issue.severity)) issue.severity = f.severity;
    if (!issue.cells.includes(f.cell)) issue.cells.push(f.cell);
  }
  return [...byKey.values()].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** The worst severity among the findings of `rules` at `cell` (any cell when undefined). */
function worstAt(findings: readonly Finding[], rules: readonly RuleId[], cell: string | undefined): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) {
    if (!rules.includes(f.rule) || (cell !== undefined && f.cell !== cell)) continue;
    if (!worst || severityRank(f.severity) < severityRank(worst)) worst = f.severity;
  }
  return worst;
}

const BADGE: Record<Severity | 'ok', { color: 'danger' | 'warning' | 'informative' | 'success'; key: StringKey }> = {
  error: { color: 'danger', key: 'summary.wrong' },
  warning: { color: 'warning', key: 'summary.review' },
  info: { color: 'success', key: 'summary.ok' },
  ok: { color: 'success', key: 'summary.ok' },
};

export interface SummaryCardsProps {
  report: SheetReport;
  asOf?: string;
  lang: Lang;
  /** goes to a cell the card names (a wrong total, the amount in words); without it the cells are plain text */
  onSelect?(cell: string): void;
  disabled?: boolean;
}

export function SummaryCards({ report, asOf, lang, onSelect, disabled }: SummaryCardsProps) {
  const s = useStyles();
  const uid = useId();
  const counts = countBySeverity(report.findings);
  const budget = report.budget;
  const deadlines = report.deadlines;
  const issues = budget ? budgetIssues(report) : [];
  const budgetWorst = issues[0]?.severity;
  const budgetBadge = BADGE[budgetWorst ?? 'ok'];
  // the deadline card's badge takes the colour of its findings: an overdue task with no status is a warning
  const overdueCells = new Set(deadlines?.overdue.map((d) => d.cell) ?? []);
  const overdueSeverity = worstAt(report.findings.filter((f) => overdueCells.has(f.cell)), ['deadline-overdue', 'deadline-outside-plan-year'], undefined) ?? 'warning';
  const meta = [
    report.planYear !== undefined ? t('summary.planYear', lang, { year: report.planYear }) : null,
    asOf ? t('summary.asOf', lang, { date: formatDate(asOf, lang) }) : null,
  ].filter(Boolean);

  return (
    <section className={s.root} aria-labelledby={`${uid}-summary-title`}>
      <div className={s.heading}>
        <Subtitle2 as="h2" id={`${uid}-summary-title`}>
          {t('summary.sheet', lang, { name: report.sheet })}
        </Subtitle2>
        {meta.length > 0 && <Caption1>{meta.join(', ')}</Caption1>}
        <Caption1>{severityCounts({ error: formatNum(counts.error, lang), warning: formatNum(counts.warning, lang), info: formatNum(counts.info, lang) }, lang)}</Caption1>
      </div>
      <ScopeLine report={report} lang={lang} />
      {!report.found ? null : (
        <div className={s.grid}>
          {budget && (
            <section className={s.card} aria-labelledby={`${uid}-card-budget`}>
              <h3 className={s.title} id={`${uid}-card-budget`}>
                <Text weight="semibold">
                  {t('summary.budget', lang)} <Caption1>{`(${budget.unit})`}</Caption1>
                </Text>
                {(budget.stated !== null || budget.words || issues.length > 0) && (
                  <Badge className={s.badge} color={budgetBadge.color} appearance="tint" data-testid="budget-badge">
                    {t(budgetBadge.key, lang)}
                  </Badge>
                )}
              </h3>
              <dl className={s.dl}>
                <Row label={t('summary.budgetComputed', lang)} value={formatNum(budget.total, lang, budget.decimals)} />
                <Row
                  label={t('summary.budgetStated', lang)}
                  value={budget.stated === null ? t('summary.noStated', lang) : formatNum(budget.stated, lang, budget.decimals)}
                  mark={worstAt(report.findings, ['budget-total-mismatch'], budget.statedCell)}
                  lang={lang}
                />
                {budget.words && (
                  <Row
                    label={t('summary.words', lang)}
                    value={budget.words.amount === null ? t('summary.wordsUnreadable', lang) : formatNum(budget.words.amount, lang)}
                    mark={worstAt(report.findings, ['budget-words-mismatch'], budget.words.cell)}
                    lang={lang}
                  />
                )}
              </dl>
              {issues.length > 0 && (
                <ul className={s.issues} aria-label={t('summary.budgetIssues', lang, { n: formatNum(issues.length, lang) })} data-testid="budget-issues">
                  {issues.map((i) => (
                    <li key={i.key} data-severity={i.severity}>
                      <Caption1 className={i.severity === 'error' ? s.ddBad : i.severity === 'warning' ? s.ddWarn : undefined}>
                        {`${t(i.key, lang)}: `}
                      </Caption1>
                      {i.cells.slice(0, 6).map((c, k) => (
                        <span key={c}>
                          {k > 0 && ', '}
                          {onSelect ? (
                            <Button
                              appearance="transparent"
                              size="small"
                              className={s.issue}
                              disabled={disabled}
                              onClick={() => onSelect(c)}
                              aria-label={`${c} — ${t('findings.goTo', lang, { cell: c, message: t(i.key, lang) })}`}
                            >
                              {c}
                            </Button>
                          ) : (
                            <Caption1>{c}</Caption1>
                          )}
                        </span>
                      ))}
                      {i.cells.length > 6 && <Caption1>{`, ${t('findings.moreCells', lang, { n: formatNum(i.cells.length - 6, lang) })}`}</Caption1>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {report.table?.kind === 'tasks' && (
            <section className={s.card} aria-labelledby={`${uid}-card-tasks`}>
              <h3 className={s.title} id={`${uid}-card-tasks`}>
                <Text weight="semibold">{t('summary.tasks', lang)}</Text>
              </h3>
              <span className={s.big}>{formatNum(report.counts.items + report.counts.subItems, lang)}</span>
              <Caption1>
                {t('summary.tasksDetail', lang, {
                  sections: formatNum(report.counts.sections, lang),
                  items: formatNum(report.counts.items, lang),
                  subItems: formatNum(report.counts.subItems, lang),
                })}
              </Caption1>
            </section>
          )}
          {deadlines && (
            <section className={s.card} aria-labelledby={`${uid}-card-deadlines`}>
              <h3 className={s.title} id={`${uid}-card-deadlines`}>
                <Text weight="semibold">{t('summary.deadlines', lang)}</Text>
                {deadlines.overdue.length > 0 && (
                  <Badge className={s.badge} color={overdueSeverity === 'error' ? 'danger' : 'warning'} appearance="tint" data-severity={overdueSeverity}>
                    {`${t('summary.overdue', lang)}: ${formatNum(deadlines.overdue.length, lang)}`}
                  </Badge>
                )}
              </h3>
              <dl className={s.dl}>
                <Row label={t('summary.overdue', lang)} value={formatNum(deadlines.overdue.length, lang)} />
                <Row label={t('summary.late', lang)} value={formatNum(deadlines.late.length, lang)} />
                <Row label={t('summary.dueSoon', lang)} value={formatNum(deadlines.dueSoon.length, lang)} />
                <Row label={t('summary.unparsed', lang)} value={formatNum(deadlines.unparsed.length, lang)} />
              </dl>
            </section>
          )}
          {report.evidence && (
            <section className={s.card} aria-labelledby={`${uid}-card-evidence`}>
              <h3 className={s.title} id={`${uid}-card-evidence`}>
                <Text weight="semibold">{st('evidence.title', lang)}</Text>
                {report.evidence.missing.length + report.evidence.saysNone.length > 0 && (
                  <Badge className={s.badge} color="warning" appearance="tint">
                    {formatNum(report.evidence.missing.length + report.evidence.saysNone.length, lang)}
                  </Badge>
                )}
              </h3>
              <dl className={s.dl}>
                <Row label={st('evidence.checked', lang, { column: report.evidence.scoreColumn })} value={formatNum(report.evidence.checked, lang)} />
                <Row label={st('evidence.missing', lang)} value={formatNum(report.evidence.missing.length, lang)} />
                <Row label={st('evidence.saysNone', lang)} value={formatNum(report.evidence.saysNone.length, lang)} />
              </dl>
            </section>
          )}
          {(report.scores ?? []).map((sc) => {
            const id = `${uid}-score-${sc.column}`;
            const wrong = sc.stated !== null && flagged(report, 'score-total-mismatch', sc.statedCell);
            return (
              <section className={s.card} aria-labelledby={id} key={sc.column}>
                <h3 className={s.title} id={id}>
                  <Text weight="semibold">{`${sc.header} (${sc.column})`}</Text>
                  {sc.band !== null && (
                    <Badge className={s.badge} color="brand" appearance="filled">
                      {t('summary.band', lang, { band: sc.band })}
                    </Badge>
                  )}
                </h3>
                <span className={s.big}>
                  {formatNum(sc.total, lang, sc.decimals)}
                  {(sc.applicableMax ?? sc.max) !== null && ` / ${formatNum(sc.applicableMax ?? sc.max, lang)}`}
                  {sc.percent !== null && <Caption1>{` (${formatNum(sc.percent, lang, 1)} %)`}</Caption1>}
                </span>
                {(sc.stated !== null || sc.bonus !== undefined || (sc.applicableMax !== null && sc.applicableMax !== sc.max)) && (
                  <dl className={s.dl}>
                    {sc.stated !== null && <Row label={t('summary.scoreStated', lang)} value={formatNum(sc.stated, lang, sc.decimals)} />}
                    {sc.applicableMax !== null && sc.applicableMax !== sc.max && (
                      <>
                        <Row label={st('score.applicableMax', lang)} value={formatNum(sc.applicableMax, lang)} />
                        <Row label={st('score.fullMax', lang)} value={formatNum(sc.max, lang)} />
                        <Row label={st('score.notApplicable', lang)} value={sc.notApplicable.join(', ')} />
                      </>
                    )}
                    {sc.bonus !== undefined && (
                      <>
                        <Row label={st('score.areas', lang)} value={formatNum(sc.areas, lang, sc.decimals)} />
                        <Row label={st('score.bonus', lang)} value={`+${formatNum(sc.bonus, lang, sc.decimals)}`} />
                        <Row label={st('score.penalty', lang)} value={`−${formatNum(sc.penalty, lang, sc.decimals)}`} />
                      </>
                    )}
                  </dl>
                )}
                {sc.stated !== null && (
                  <Badge className={s.badge} color={wrong ? 'danger' : 'success'} appearance="tint">
                    {wrong ? t('summary.wrong', lang) : t('summary.ok', lang)}
                  </Badge>
                )}
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}
