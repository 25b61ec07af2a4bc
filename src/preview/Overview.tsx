/**
 * The **Tổng hợp** tab: one row per open file — status (checked / not checked / unreadable, with the reason), errors,
 * warnings, overdue tasks, the budget computed vs stated, each score column's total, percent, band and rank among the
 * files — the same rows as `phuluc check --summary` (src/core/summary.ts). Sortable by any column (the headings are
 * buttons: Enter or Space sorts, again reverses); a file's name opens it. "Xuất bảng tổng hợp" writes the table as an
 * .xlsx workbook, "Tải tất cả" the annotated copies as one zip, "Đóng tất cả" closes every file.
 */
import { useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../core/report';
import { RANK_CONVENTION } from '../core/scores/rank';
import { NOT_CHECKED_REASON, SUMMARY_STATUS, type SummaryScore } from '../core/summary';
import { formatDate, formatNum } from '../ui/i18n';
import type { PreviewController, PreviewState } from './controller';
import { README_NAME } from './copiesText';
import { defaultDir, scoreColumnsOf, sortRows, type OverviewRow, type SortDir, type SortKey } from './overview';
import { p } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  // columns sized by their content (Fluent's table is fixed-layout: equal columns)
  table: { minWidth: '720px', tableLayout: 'auto' },
  numHead: { width: '1%', whiteSpace: 'nowrap' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  fileCell: { maxWidth: '280px', overflowWrap: 'anywhere' },
  statusCell: { maxWidth: '320px' },
  reason: { display: 'block', color: tokens.colorNeutralForeground3 },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { cursor: 'pointer' },
  without: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

function StatusCell({ r, lang }: { r: OverviewRow; lang: Lang }) {
  const s = useStyles();
  if (r.state === 'loading')
    return (
      <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <Spinner size="extra-tiny" aria-hidden />
        {p('overview.loading', lang)}
      </span>
    );
  const sum = r.summary!;
  const color = sum.status === 'ok' ? (sum.errors ? 'informative' : 'success') : sum.status === 'not-checked' ? 'warning' : 'danger';
  const reason = sum.status === 'unreadable' ? sum.message : sum.status === 'not-checked' ? NOT_CHECKED_REASON[lang] : '';
  return (
    <>
      <Badge appearance="tint" color={color} size="medium">
        {SUMMARY_STATUS[sum.status][lang]}
      </Badge>
      {reason && (
        <Caption1 className={s.reason} data-testid="status-reason">
          {reason}
        </Caption1>
      )}
    </>
  );
}

function ScoreCell({ sc, lang }: { sc: SummaryScore | undefined; lang: Lang }) {
  if (!sc) return <>—</>;
  const max = sc.applicableMax ?? sc.max;
  return (
    <>
      <span>
        {formatNum(sc.total, lang)}
        {max !== null ? ` / ${formatNum(max, lang)}` : ''}
        {sc.percent !== null ? ` (${formatNum(sc.percent, lang, 1)}%)` : ''}
      </span>
      {(sc.band || (sc.rank !== null && sc.of > 1)) && (
        <Caption1 block>
          {[sc.band, sc.rank !== null && sc.of > 1 ? p('overview.rank', lang, { rank: sc.rank, of: sc.of }) : null].filter(Boolean).join(' · ')}
        </Caption1>
      )}
    </>
  );
}

function BudgetCell({ r, lang }: { r: OverviewRow; lang: Lang }) {
  const s = useStyles();
  const sum = r.summary;
  if (!sum || sum.budgetTotal === null) return <>—</>;
  const differs = sum.budgetStated !== null && sum.budgetStated !== sum.budgetTotal;
  return (
    <>
      <span>{formatNum(sum.budgetTotal, lang)}</span>
      {' / '}
      <span className={differs ? s.differs : undefined} title={differs ? p('overview.budgetDiffers', lang) : undefined}>
        {formatNum(sum.budgetStated, lang)}
      </span>
      {differs && <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{` (${p('overview.budgetDiffers', lang)})`}</span>}
      {sum.budgetUnit && <Caption1 block>{sum.budgetUnit}</Caption1>}
    </>
  );
}

/** A count, or "—" where nothing was checked (0 errors would read as a pass). */
function count(r: OverviewRow, key: 'errors' | 'warnings' | 'overdue'): string {
  const s = r.summary;
  return s && s.status === 'ok' ? String(s[key]) : '—';
}

function BulkMessages({ state, lang }: { state: PreviewState; lang: Lang }) {
  const s = useStyles();
  const bulk = state.bulk;
  const readme = README_NAME[lang];
  return (
    <>
      {bulk?.busy && (
        <div data-testid="download-all-progress">
          <Caption1>{p('overview.downloadAllBusy', lang, { done: bulk.done ?? 0, total: bulk.total ?? 0 })}</Caption1>
          <ProgressBar value={bulk.total ? (bulk.done ?? 0) / bulk.total : undefined} max={1} aria-label={p('overview.downloadAllBusy', lang, { done: bulk.done ?? 0, total: bulk.total ?? 0 })} />
        </div>
      )}
      {bulk?.result && (
        <MessageBar intent={bulk.result.without.length ? 'warning' : 'success'} layout="multiline" data-testid="download-all-done">
          <MessageBarBody>
            {p('overview.downloadAllDone', lang, { name: bulk.result.name, n: bulk.result.copies })}
            {bulk.result.without.length > 0 && (
              <>
                <br />
                {p('overview.downloadAllWithout', lang, { n: bulk.result.without.length, readme })}
                <ul className={s.without} data-testid="download-all-without">
                  {bulk.result.without.map((w, i) => (
                    <li key={i}>
                      <strong>{w.name}</strong>: {w.reason[lang]}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {bulk?.error && (
        <MessageBar intent="error" layout="multiline" data-testid="download-all-failed">
          <MessageBarBody>
            <MessageBarTitle>{p('overview.downloadAllFailed', lang)}</MessageBarTitle>
            {bulk.error[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.exported?.name && (
        <MessageBar intent="success" data-testid="export-done">
          <MessageBarBody>{p('overview.exported', lang, { name: state.exported.name })}</MessageBarBody>
        </MessageBar>
      )}
      {state.exported?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p('overview.exportFailed', lang)}</MessageBarTitle>
            {state.exported.error[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export function Overview({ ctl, state, rows }: { ctl: PreviewController; state: PreviewState; rows: OverviewRow[] }) {
  const s = useStyles();
  const lang = state.lang;
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir } | null>(null);
  const scoreCols = useMemo(() => scoreColumnsOf(rows), [rows]);
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.key, sort.dir) : rows), [rows, sort]);
  const loading = rows.some((r) => r.state === 'loading');
  const ranked = rows.some((r) => r.summary?.scores.some((x) => x.rank !== null && x.of > 1));

  const header = (key: SortKey, label: string, numeric = false) => {
    const dir = sort?.key === key ? sort.dir : undefined;
    return (
      <TableHeaderCell
        key={key}
        sortDirection={dir}
        onClick={() => setSort((cur) => ({ key, dir: cur?.key === key ? (cur.dir === 'ascending' ? 'descending' : 'ascending') : defaultDir(key) }))}
        data-sort-key={key}
        className={numeric ? s.numHead : undefined}
      >
        {label}
      </TableHeaderCell>
    );
  };

  return (
    <section className={s.root} aria-labelledby="phuluc-overview-title" data-testid="overview">
      <div className={s.head}>
        <div className={s.titles}>
          <Subtitle1 as="h2" id="phuluc-overview-title" style={{ margin: 0 }}>
            {p('overview.title', lang, { n: rows.length })}
          </Subtitle1>
          <Caption1>{p('overview.lead', lang, { asOf: formatDate(state.asOf, lang) })}</Caption1>
        </div>
        <div className={s.actions}>
          <Button onClick={() => void ctl.exportSummary()} disabled={!rows.some((r) => r.summary)} data-testid="export-summary">
            {p('overview.export', lang)}
          </Button>
          <Button
            appearance="primary"
            onClick={() => ctl.downloadAll()}
            disabled={loading || !!state.bulk?.busy || !rows.some((r) => r.state === 'ready')}
            title={loading ? p('overview.downloadAllWait', lang) : p('overview.downloadAllHint', lang, { readme: README_NAME[lang] })}
            data-testid="download-all"
          >
            {p('overview.downloadAll', lang)}
          </Button>
          <Button onClick={() => ctl.closeAll()} title={p('overview.closeAllHint', lang)} data-testid="close-all">
            {p('overview.closeAll', lang)}
          </Button>
        </div>
      </div>
      <BulkMessages state={state} lang={lang} />
      <div className={s.scroll}>
        <Table sortable size="small" aria-label={p('overview.table', lang)} className={s.table} data-testid="overview-table">
          <TableHeader>
            <TableRow>
              {header('file', p('overview.col.file', lang))}
              {header('status', p('overview.col.status', lang))}
              {header('errors', p('overview.col.errors', lang), true)}
              {header('warnings', p('overview.col.warnings', lang), true)}
              {header('overdue', p('overview.col.overdue', lang), true)}
              {header('budget', p('overview.col.budget', lang), true)}
              {scoreCols.map((c) => header(`score:${c.key}`, c.header))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((r) => (
              <TableRow key={r.id} className={s.row} onClick={() => ctl.setActive(r.id)} data-file-row={r.name} data-status={r.summary?.status ?? r.state}>
                <TableCell className={s.fileCell}>
                  <Link
                    as="button"
                    onClick={(e) => {
                      e.stopPropagation();
                      ctl.setActive(r.id);
                    }}
                    aria-label={p('files.open', lang, { name: r.name })}
                  >
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell className={s.statusCell}>
                  <StatusCell r={r} lang={lang} />
                </TableCell>
                <TableCell className={s.num} data-col="errors">
                  {count(r, 'errors')}
                </TableCell>
                <TableCell className={s.num} data-col="warnings">
                  {count(r, 'warnings')}
                </TableCell>
                <TableCell className={s.num} data-col="overdue">
                  {count(r, 'overdue')}
                </TableCell>
                <TableCell className={s.num} data-col="budget">
                  <BudgetCell r={r} lang={lang} />
                </TableCell>
                {scoreCols.map((c) => (
                  <TableCell key={c.key} data-col={`score:${c.key}`}>
                    <ScoreCell sc={r.summary?.scores.find((x) => x.key === c.key)} lang={lang} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {ranked && <Caption1>{RANK_CONVENTION[lang]}</Caption1>}
      {!rows.length && <Text>{p('files.none', lang)}</Text>}
    </section>
  );
}
