/**
 * One open file: its name with the time it took (its own, with the steps in the tooltip) and a one-line summary (the
 * same row as the overview's), the download, its sheets as tabs, the grid and, beside it, the findings first — then
 * the appraisal, the points lost and the pane's summary cards. At 1366×768 the first finding is above the fold.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import {
  Button,
  Caption1,
  CounterBadge,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { countBySeverity, type Lang } from '../core/report';
import { scopeOf } from '../core/scope';
import type { SummaryRow } from '../core/summary';
import { SummaryCards } from '../ui/SummaryCards';
import { FindingsList } from '../ui/FindingsList';
import { PointsLost } from '../ui/PointsLost';
import { IgnoredPanel } from '../ui/IgnoredPanel';
import { Hidden } from '../ui/Hidden';
import { formatNum, t } from '../ui/i18n';
import { displayValue } from './format';
import { Grid, type GridMark } from './Grid';
import { MergeLookup } from './merges';
import { MarkIndex, type MarkSource } from './markIndex';
import { PreviewAppraisal } from './PreviewAppraisal';
import { countsText } from './FileTabs';
import { p } from './strings';
import type { FileEntry, PreviewController } from './controller';
import { parseA1 } from '../core/snapshot';

const useStyles = makeStyles({
  fileHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  fileTitle: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 420px' },
  name: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  body: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  gridCol: { flex: '1 1 auto', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  side: {
    flex: '0 0 380px',
    width: '380px',
    maxHeight: 'max(360px, calc(100vh - 190px))',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingRight: tokens.spacingHorizontalXS,
    boxSizing: 'border-box',
  },
  cellInfo: { minHeight: '2.6em', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  tabLabel: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  summary: { color: tokens.colorNeutralForeground2 },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNum(Math.round(bytes / 102.4) / 10, lang)} KB`;
  return `${formatNum(Math.round(bytes / (1024 * 102.4)) / 10, lang)} MB`;
}

export function elapsedText(ms: number, lang: Lang): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : p('unit.seconds', lang, { n: formatNum(Math.round(ms / 100) / 10, lang, 1) });
}

function Loading({ f, lang }: { f: FileEntry; lang: Lang }) {
  const phase = f.phase ?? 'queued';
  const label =
    phase === 'checking'
      ? p('status.checking', lang, { done: f.done ?? 1, total: f.total ?? 1 })
      : p(phase === 'queued' ? 'status.queued' : phase === 'reading' ? 'status.reading' : 'status.parsing', lang);
  const value = (phase === 'checking' || phase === 'parsing') && f.total ? (f.done ?? 0) / f.total : undefined;
  return (
    <Field label={label} validationState="none" data-testid="file-loading">
      <ProgressBar value={value} max={1} thickness="large" aria-label={label} />
    </Field>
  );
}

/** The file's one-line summary: the overview's row for it. */
function SummaryLine({ sum, lang }: { sum: SummaryRow; lang: Lang }) {
  const s = useStyles();
  const unit = sum.budgetUnit ? ` ${sum.budgetUnit}` : '';
  const differs = sum.budgetTotal !== null && sum.budgetStated !== null && sum.budgetStated !== sum.budgetTotal;
  const budget =
    sum.budgetTotal === null
      ? null
      : sum.budgetStated === null
        ? p('summary.budgetComputed', lang, { total: formatNum(sum.budgetTotal, lang), unit })
        : p('summary.budget', lang, { total: formatNum(sum.budgetTotal, lang), stated: formatNum(sum.budgetStated, lang), unit });
  const scores = sum.scores.map((sc) => `${sc.header}: ${formatNum(sc.total, lang)}${sc.percent !== null ? ` (${formatNum(sc.percent, lang, 1)}%${sc.band ? `, ${sc.band}` : ''})` : ''}`);
  return (
    <Text size={200} className={s.summary} data-testid="file-summary" aria-label={p('summary.label', lang)} role="note">
      {countsText(sum, lang)}
      {budget && (
        <>
          {' · '}
          <span className={differs ? s.differs : undefined}>{budget}</span>
        </>
      )}
      {scores.length > 0 && ` · ${scores.join(' · ')}`}
    </Text>
  );
}

/** What the line under the grid says of a cell: its address, full text and the findings marked on it. */
function cellText(address: string, ctl: PreviewController, f: FileEntry, sheet: number, marks: MarkSource, lang: Lang): string {
  const pos = parseA1(address);
  const row = pos ? ctl.rows.get(f.id, sheet, pos.row) : undefined;
  const v = pos && row ? row.values[pos.col - 1] : undefined;
  const value = pos && row ? displayValue(v === undefined ? null : v, row.formats[pos.col - 1], lang) : '';
  const mark = marks.get(address)?.text;
  return `${p('grid.selected', lang, { cell: address })}${value ? ` «${value}»` : ''}: ${mark ?? p('grid.noFinding', lang)}`;
}

export function FilePanel({ ctl, f, lang, summary }: { ctl: PreviewController; f: FileEntry; lang: Lang; summary?: SummaryRow }) {
  const s = useStyles();
  const state = useSyncExternalStore(ctl.subscribe, ctl.get, ctl.get);
  const sheetIndex = Math.min(state.sheet[f.id] ?? 0, Math.max(0, (f.sheets?.length ?? 1) - 1));
  const view = f.sheets?.[sheetIndex];
  const merges = useMemo(() => new MergeLookup(view?.meta.merges), [view]);
  const marks = useMemo<MarkSource>(() => (view?.report.found ? new MarkIndex(view.report.findings, merges, lang) : new Map<string, GridMark>()), [view, merges, lang]);
  const rows = useMemo(() => ctl.rows.source(f.id, sheetIndex), [ctl, f.id, sheetIndex]);
  const sel = state.selection && state.selection.file === f.id && state.selection.sheet === sheetIndex ? state.selection : undefined;
  const onSelect = useCallback((cell: string) => ctl.select(cell), [ctl]);
  /** the cell the keyboard is on (the line under the grid follows it) */
  const [active, setActive] = useState<{ sheet: number; cell: string } | undefined>();
  const onActive = useCallback((cell: string) => setActive({ sheet: sheetIndex, cell: merges.master(cell) }), [merges, sheetIndex]);
  const activeCell = active?.sheet === sheetIndex ? active.cell : undefined;

  const timings = f.timings;
  const loadedText = f.status === 'ready' && f.sheets ? p('status.loaded', lang, { sheets: f.sheets.length, time: elapsedText(f.elapsed ?? 0, lang) }) : '';
  const head = (
    <div className={s.fileHead}>
      <div className={s.fileTitle}>
        <Text weight="semibold" size={400} as="h2" className={s.name}>
          {f.name}
          {f.example ? ` (${p('files.example', lang)})` : ''}
        </Text>
        <Caption1>
          {fileSize(f.size, lang)}
          {loadedText &&
            (timings ? (
              <>
                {' · '}
                <Tooltip
                  relationship="description"
                  content={p('time.detail', lang, { read: elapsedText(timings.read, lang), parse: elapsedText(timings.parse, lang), check: elapsedText(timings.check, lang) })}
                >
                  <span tabIndex={0} data-testid="file-time">
                    {loadedText}
                  </span>
                </Tooltip>
              </>
            ) : (
              ` · ${loadedText}`
            ))}
          {f.example && <span data-testid="example-note">{` · ${p('files.exampleNote', lang)}`}</span>}
        </Caption1>
        {summary && f.status === 'ready' && <SummaryLine sum={summary} lang={lang} />}
      </div>
      <div className={s.actions}>
        {f.status === 'ready' && (
          <Button
            appearance="primary"
            onClick={() => ctl.download(f.id)}
            disabled={!!f.download?.busy || f.annotatable === false}
            data-testid="download"
            title={p(f.annotatable === false ? 'download.legacy' : 'download.hint', lang)}
          >
            {f.download?.busy ? p('download.busy', lang) : p('download.button', lang)}
          </Button>
        )}
        <Button appearance="subtle" onClick={() => ctl.close(f.id)} aria-label={p('files.close', lang, { name: f.name })} title={p('files.close', lang, { name: f.name })}>
          ✕
        </Button>
      </div>
    </div>
  );

  if (f.status === 'loading') {
    return (
      <section aria-label={f.name} data-file={f.name} data-status="loading" className={s.section}>
        {head}
        <Loading f={f} lang={lang} />
      </section>
    );
  }
  if (f.status === 'error' || !f.sheets || !view) {
    return (
      <section aria-label={f.name} data-file={f.name} data-status="error" className={s.section}>
        {head}
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="file-error">
          <MessageBarBody>
            <MessageBarTitle>{p('error.file', lang, { name: f.name })}</MessageBarTitle>
            {f.error?.[lang] ?? ''}
            {f.detail && (
              <Caption1 block data-testid="file-error-detail">
                {p('error.detail', lang, { detail: f.detail })}
              </Caption1>
            )}
          </MessageBarBody>
        </MessageBar>
      </section>
    );
  }

  const report = view.report;
  const infoCell = activeCell ?? (sel ? merges.master(sel.address) : undefined);
  return (
    <section aria-label={f.name} data-file={f.name} data-status="ready" className={s.section}>
      {head}
      {f.download?.done && (
        <MessageBar intent="success" data-testid="download-done">
          <MessageBarBody>{p('download.done', lang, { name: f.download.done })}</MessageBarBody>
        </MessageBar>
      )}
      {f.annotatable === false && (
        <MessageBar intent="info" data-testid="download-legacy">
          <MessageBarBody>{p('download.legacy', lang)}</MessageBarBody>
        </MessageBar>
      )}
      {f.download?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p('download.failed', lang)}</MessageBarTitle>
            {f.download.error[lang]}
          </MessageBarBody>
        </MessageBar>
      )}
      {f.sheets.length > 0 && (
        <TabList size="small" aria-label={p('sheets.label', lang)} selectedValue={String(sheetIndex)} onTabSelect={(_e, d) => ctl.setSheet(f.id, Number(d.value))}>
          {f.sheets.map((sv, i) => {
            const c = countBySeverity(sv.report.findings);
            const checked = scopeOf(sv.report).checked;
            const tip = checked
              ? p('tip.sheet', lang, { sheet: sv.meta.name, counts: countsText({ errors: c.error, warnings: c.warning, infos: c.info, overdue: sv.report.deadlines?.overdue.length }, lang) })
              : p('tip.sheetNotChecked', lang, { sheet: sv.meta.name });
            return (
              <Tooltip key={i} content={tip} relationship="description" withArrow>
                <Tab value={String(i)} data-sheet={sv.meta.name}>
                  <span className={s.tabLabel}>
                    {sv.meta.name}
                    {sv.meta.visibility ? ` (${p('sheets.hidden', lang)})` : ''}
                    {sv.report.found && c.error > 0 && (
                      <>
                        <CounterBadge count={c.error} color="danger" size="small" aria-hidden />
                        <Hidden>{`: ${p('count.errors', lang, { n: c.error })}`}</Hidden>
                      </>
                    )}
                  </span>
                </Tab>
              </Tooltip>
            );
          })}
        </TabList>
      )}
      <div className={s.body}>
        <div className={s.gridCol}>
          <Grid
            view={view}
            rows={rows}
            marks={marks}
            selected={sel?.address}
            scrollSeq={sel?.seq}
            lang={lang}
            label={p('grid.label', lang, { sheet: view.meta.name })}
            onSelect={onSelect}
            onActive={onActive}
            height="max(320px, calc(100vh - 250px))"
          />
          <Caption1 className={s.cellInfo} aria-live="polite" data-testid="cell-info">
            {infoCell
              ? cellText(infoCell, ctl, f, sheetIndex, marks, lang)
              : p('grid.rows', lang, { rows: formatNum(view.meta.layout.rows, lang), cols: formatNum(view.meta.layout.cols, lang) })}
          </Caption1>
        </div>
        <section className={s.side} aria-label={t('findings.title', lang)}>
          <FindingsList findings={report.findings} lang={lang} onSelect={onSelect} />
          {report.appraisal && <PreviewAppraisal diff={report.appraisal} fileName={f.name} lang={lang} onSelect={onSelect} save={ctl.save} />}
          <IgnoredPanel ignored={report.ignored ?? []} stale={report.staleIgnores} lang={lang} onSelect={onSelect} />
          {report.pointsLost && report.pointsLost.length > 0 && <PointsLost items={report.pointsLost} scores={report.scores} lang={lang} onSelect={onSelect} />}
          <SummaryCards report={report} asOf={f.asOf} lang={lang} />
        </section>
      </div>
    </section>
  );
}
