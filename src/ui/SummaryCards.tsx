/** The report at a glance: budget computed vs stated, tasks, deadlines, each score column with its band. */
import { useId } from 'react';
import { Badge, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { countBySeverity, type Lang, type RuleId, type SheetReport } from '../core/report';
import { familyName, scopeOf } from '../core/scope';
import { formatDate, formatNum, t } from './i18n';
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

function Row({ label, value }: { label: string; value: string }) {
  const s = useStyles();
  return (
    <>
      <dt className={s.dt}>{label}</dt>
      <dd className={s.dd}>{value}</dd>
    </>
  );
}

export function SummaryCards({ report, asOf, lang }: { report: SheetReport; asOf?: string; lang: Lang }) {
  const s = useStyles();
  const uid = useId();
  const counts = countBySeverity(report.findings);
  const budget = report.budget;
  const deadlines = report.deadlines;
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
        <Caption1>{t('summary.findings', lang, { error: counts.error, warning: counts.warning, info: counts.info })}</Caption1>
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
                {budget.stated !== null &&
                  (flagged(report, 'budget-total-mismatch', budget.statedCell) ? (
                    <Badge className={s.badge} color="danger" appearance="tint">
                      {t('summary.wrong', lang)}
                    </Badge>
                  ) : (
                    <Badge className={s.badge} color="success" appearance="tint">
                      {t('summary.ok', lang)}
                    </Badge>
                  ))}
              </h3>
              <dl className={s.dl}>
                <Row label={t('summary.budgetComputed', lang)} value={formatNum(budget.total, lang, budget.decimals)} />
                <Row
                  label={t('summary.budgetStated', lang)}
                  value={budget.stated === null ? t('summary.noStated', lang) : formatNum(budget.stated, lang, budget.decimals)}
                />
                {budget.words && (
                  <Row
                    label={t('summary.words', lang)}
                    value={budget.words.amount === null ? t('summary.wordsUnreadable', lang) : formatNum(budget.words.amount, lang)}
                  />
                )}
              </dl>
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
                  <Badge className={s.badge} color="danger" appearance="tint">
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
