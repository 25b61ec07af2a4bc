/**
 * The preview page: drop or pick .xlsx files, see each sheet as a grid with the add-in's marks, the pane's summary and
 * findings (the same components as the task pane, src/ui), go to a finding's cell, download an annotated copy.
 * Parsing and checking happen in the Web Worker (controller.ts → worker.ts); this file only renders.
 */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import {
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { countBySeverity, type Lang } from '../core/report';
import { anyChecked } from '../core/scope';
import { SummaryCards } from '../ui/SummaryCards';
import { FindingsList } from '../ui/FindingsList';
import { IgnoredPanel } from '../ui/IgnoredPanel';
import { HelpLink } from '../ui/HelpLink';
import { PointsLost } from '../ui/PointsLost';
import { PreviewAppraisal } from './PreviewAppraisal';
import { formatNum, t } from '../ui/i18n';
import { Grid, type GridMark } from './Grid';
import { MergeLookup } from './merges';
import { MarkIndex, type MarkSource } from './markIndex';
import { p } from './strings';
import type { FileEntry, PreviewController } from './controller';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
    minHeight: '100vh',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden', pointerEvents: 'none' },
  fileHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between' },
  fileTitle: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  body: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-start', flexWrap: 'wrap' },
  gridCol: { flex: '1 1 560px', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  side: {
    flex: '0 1 440px',
    minWidth: '300px',
    maxHeight: '78vh',
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingRight: tokens.spacingHorizontalXS,
  },
  cellInfo: { minHeight: '2.6em', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  tabLabel: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

function fileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNum(Math.round(bytes / 102.4) / 10, lang)} KB`;
  return `${formatNum(Math.round(bytes / (1024 * 102.4)) / 10, lang)} MB`;
}

function elapsedText(ms: number, lang: Lang): string {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : p('unit.seconds', lang, { n: formatNum(Math.round(ms / 100) / 10, lang, 1) });
}

function StatusBadge({ f, lang }: { f: FileEntry; lang: Lang }) {
  if (f.status === 'loading') return <Spinner size="extra-tiny" aria-hidden />;
  if (f.status === 'error') return <Badge color="danger" appearance="filled" size="small">!</Badge>;
  // a file where no sheet holds an appendix table was not checked: never a green ✓
  if (!anyChecked((f.sheets ?? []).map((s) => s.report))) {
    return (
      <Badge color="warning" appearance="tint" size="small" title={t('scope.notChecked', lang)} data-testid="not-checked-badge">
        ?
      </Badge>
    );
  }
  const c = countBySeverity((f.sheets ?? []).flatMap((s) => (s.report.found ? s.report.findings : [])));
  if (c.error) return <CounterBadge count={c.error} color="danger" size="small" overflowCount={999} />;
  if (c.warning) return <CounterBadge count={c.warning} color="informative" size="small" overflowCount={999} />;
  return <Badge color="success" appearance="tint" size="small">✓</Badge>;
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

function FilePanel({ ctl, f, lang }: { ctl: PreviewController; f: FileEntry; lang: Lang }) {
  const s = useStyles();
  const state = useSyncExternalStore(ctl.subscribe, ctl.get, ctl.get);
  const sheetIndex = Math.min(state.sheet[f.id] ?? 0, Math.max(0, (f.sheets?.length ?? 1) - 1));
  const view = f.sheets?.[sheetIndex];
  const merges = useMemo(() => new MergeLookup(view?.meta.merges), [view]);
  const marks = useMemo<MarkSource>(() => (view?.report.found ? new MarkIndex(view.report.findings, merges, lang) : new Map<string, GridMark>()), [view, merges, lang]);
  const rows = useMemo(() => ctl.rows.source(f.id, sheetIndex), [ctl, f.id, sheetIndex]);
  const sel = state.selection && state.selection.file === f.id && state.selection.sheet === sheetIndex ? state.selection : undefined;
  const onSelect = useCallback((cell: string) => ctl.select(cell), [ctl]);

  const head = (
    <div className={s.fileHead}>
      <div className={s.fileTitle}>
        <Text weight="semibold" size={400} as="h2" style={{ margin: 0 }}>
          {f.name}
          {f.example ? ` (${p('files.example', lang)})` : ''}
        </Text>
        <Caption1>
          {fileSize(f.size, lang)}
          {f.status === 'ready' && f.sheets
            ? ` · ${p('status.loaded', lang, { sheets: f.sheets.length, time: elapsedText(f.elapsed ?? 0, lang) })}`
            : ''}
        </Caption1>
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
        <Button appearance="subtle" onClick={() => ctl.close(f.id)} aria-label={p('files.close', lang, { name: f.name })}>
          ✕
        </Button>
      </div>
    </div>
  );

  if (f.status === 'loading') {
    return (
      <section aria-label={f.name} data-file={f.name} data-status="loading">
        {head}
        <Loading f={f} lang={lang} />
      </section>
    );
  }
  if (f.status === 'error' || !f.sheets || !view) {
    return (
      <section aria-label={f.name} data-file={f.name} data-status="error">
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
  const selectedText = sel ? marks.get(merges.master(sel.address))?.text : undefined;
  return (
    <section aria-label={f.name} data-file={f.name} data-status="ready" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
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
        <TabList
          size="small"
          aria-label={p('sheets.label', lang)}
          selectedValue={String(sheetIndex)}
          onTabSelect={(_e, d) => ctl.setSheet(f.id, Number(d.value))}
        >
          {f.sheets.map((sv, i) => {
            const c = countBySeverity(sv.report.findings);
            return (
              <Tab key={i} value={String(i)} data-sheet={sv.meta.name}>
                <span className={s.tabLabel}>
                  {sv.meta.name}
                  {sv.meta.visibility ? ` (${p('sheets.hidden', lang)})` : ''}
                  {sv.report.found && c.error > 0 && <CounterBadge count={c.error} color="danger" size="small" />}
                </span>
              </Tab>
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
          />
          <Caption1 className={s.cellInfo} aria-live="polite" data-testid="cell-info">
            {sel
              ? `${p('grid.selected', lang, { cell: merges.master(sel.address) })}: ${selectedText ?? p('grid.noFinding', lang)}`
              : p('grid.rows', lang, { rows: formatNum(view.meta.layout.rows, lang), cols: formatNum(view.meta.layout.cols, lang) })}
          </Caption1>
        </div>
        <aside className={s.side} aria-label={t('findings.title', lang)}>
          <SummaryCards report={report} asOf={f.asOf} lang={lang} />
          {report.appraisal && <PreviewAppraisal diff={report.appraisal} fileName={f.name} lang={lang} onSelect={onSelect} save={ctl.save} />}
          <FindingsList findings={report.findings} lang={lang} onSelect={onSelect} />
          <IgnoredPanel ignored={report.ignored ?? []} stale={report.staleIgnores} lang={lang} onSelect={onSelect} />
          {report.pointsLost && report.pointsLost.length > 0 && (
            <PointsLost items={report.pointsLost} scores={report.scores} lang={lang} onSelect={onSelect} />
          )}
        </aside>
      </div>
    </section>
  );
}

function DropZone({ ctl, lang }: { ctl: PreviewController; lang: Lang }) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.stopPropagation(); // the page's own drop handler would open them a second time
    setOver(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) ctl.openFiles(files);
  };
  return (
    <div
      className={mergeClasses(s.drop, over && s.dropActive)}
      data-testid="dropzone"
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Text weight="semibold">{over ? p('drop.active', lang) : p('drop.title', lang)}</Text>
      <Text>{p('drop.or', lang)}</Text>
      <Button onClick={() => input.current?.click()}>{p('drop.pick', lang)}</Button>
      <input
        ref={input}
        className={s.hiddenInput}
        type="file"
        multiple
        accept=".xlsx,.xlsm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
        data-testid="file-input"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = ''; // the same file can be picked again
          ctl.openFiles(files);
        }}
      />
      <Caption1>{p('drop.hint', lang)}</Caption1>
    </div>
  );
}

export function PreviewApp({ ctl }: { ctl: PreviewController }) {
  const s = useStyles();
  const state = useSyncExternalStore(ctl.subscribe, ctl.get, ctl.get);
  const lang = state.lang;
  const active = state.files.find((f) => f.id === state.active) ?? state.files[0];
  const [asOfDraft, setAsOfDraft] = useState<string | undefined>();

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={s.page}
        lang={lang}
        // dropping anywhere on the page opens the files, not the browser's own viewer
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const files = Array.from(e.dataTransfer?.files ?? []);
          if (files.length) ctl.openFiles(files);
        }}
      >
        <header className={s.header}>
          <div className={s.titles}>
            <Title3 as="h1">{p('page.title', lang)}</Title3>
            <Caption1>
              {p('page.lead', lang)} <HelpLink lang={lang} />
            </Caption1>
          </div>
          <div className={s.controls}>
            <Field label={p('page.asOf', lang)}>
              <Input
                type="date"
                value={asOfDraft ?? state.asOf}
                data-testid="as-of"
                onChange={(_e, d) => {
                  setAsOfDraft(d.value);
                  if (/^\d{4}-\d{2}-\d{2}$/.test(d.value)) {
                    setAsOfDraft(undefined);
                    ctl.setAsOf(d.value);
                  }
                }}
                onBlur={() => setAsOfDraft(undefined)}
              />
            </Field>
            <Field label={p('page.language', lang)}>
              <Select value={lang} data-testid="lang" onChange={(_e, d) => ctl.setLang(d.value === 'en' ? 'en' : 'vi')}>
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </Select>
            </Field>
          </div>
        </header>

        <DropZone ctl={ctl} lang={lang} />

        {state.fatal && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{state.fatal[lang]}</MessageBarBody>
          </MessageBar>
        )}
        {active?.example && (
          <MessageBar intent="info" data-testid="example-note">
            <MessageBarBody>{p('files.exampleNote', lang)}</MessageBarBody>
          </MessageBar>
        )}

        {state.files.length > 0 ? (
          <>
            <TabList aria-label={p('files.label', lang)} selectedValue={active?.id} onTabSelect={(_e, d) => ctl.setActive(String(d.value))}>
              {state.files.map((f) => (
                <Tab key={f.id} value={f.id} data-file-tab={f.name} data-status={f.status}>
                  <span className={s.tabLabel}>
                    {f.name}
                    <StatusBadge f={f} lang={lang} />
                  </span>
                </Tab>
              ))}
            </TabList>
            {active && <FilePanel key={active.id} ctl={ctl} f={active} lang={lang} />}
          </>
        ) : (
          <Text>{p('files.none', lang)}</Text>
        )}
      </div>
    </FluentProvider>
  );
}
