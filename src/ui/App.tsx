/**
 * The pane. It talks only to a PaneHost (Excel, or the browser preview) and to the shared PaneStore, and runs the
 * engine (`check`) itself: Kiểm tra · Xóa đánh dấu · Tính lại điểm · Hoàn tác · Báo cáo, settings, auto refresh.
 * The first paint needs none of the rest (./lazyParts.ts, shown through ./Deferred.tsx): the engine and the Kết quả
 * view load right after it; what most users open rarely — the Cài đặt and So sánh tabs, the appraisal, fix and
 * recalculation panels, and the actions behind them — loads when first needed.
 */
import { Component, useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Finding, FixPlan, Lang } from '../core/report';
import type { Ignore } from '../core/ignores';
import { both, failure, runCheck, runClearMarks, runRecalc, runReportSheet, runRevert, runSelfTest, withChunk } from './actions';
import { DEFAULT_PANE_SETTINGS, errorText, type PaneHost, type PaneSettings } from './host';
import { t, type StringKey } from './i18n';
import { paneStore, type PaneMessage, type PaneStore, type Phase } from './store';
import { st } from './scoreStrings';
import { HelpLink } from './HelpLink';
import { Deferred } from './Deferred';
import { fixParts, preloadCheck, recalcParts, resultParts, scoreParts, settingsParts } from './lazyParts';

/** quiet time after the last sheet edit before an automatic re-check */
export const AUTO_REFRESH_DELAY_MS = 1500;
/**
 * Sheet-change events this soon after one of our own operations ended are ignored. Zero by default: the host hides
 * the add-in's own writes (triggerSource from ExcelApi 1.14; below that the Excel host turns events off around its
 * writes, src/excel/deps.ts runBatch), so a check never triggers itself and no time window is needed.
 */
export const OWN_WRITE_GRACE_MS = 0;

const PHASE_KEYS: Record<Exclude<Phase, 'comparing' | 'explanation'>, StringKey> = {
  reading: 'phase.reading',
  checking: 'phase.checking',
  marking: 'phase.marking',
  clearing: 'phase.clearing',
  recalculating: 'phase.recalculating',
  reverting: 'phase.reverting',
  report: 'phase.report',
  selftest: 'phase.selftest',
  fixing: 'phase.fixing',
  ignoring: 'phase.ignoring',
  loading: 'phase.loading',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    minHeight: '100vh',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  lang: { minWidth: '120px' },
});

export interface AppProps {
  host: PaneHost;
  /** defaults to the runtime's shared store (the ribbon commands use the same one) */
  store?: PaneStore;
  /** the as-of date when the settings name none (default: today) */
  today?: string;
  autoRefreshDelayMs?: number;
  ownWriteGraceMs?: number;
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneErrorBoundary>
        <Pane {...props} />
      </PaneErrorBoundary>
    </FluentProvider>
  );
}

function Message({ message, lang, onDismiss }: { message: PaneMessage; lang: Lang; onDismiss?: () => void }) {
  const title = message.intent === 'error' ? t('error.title', lang) : undefined;
  return (
    <MessageBar intent={message.intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message.context ? `${message.context[lang]} ` : ''}
        {message.text[lang]}
        {message.detail && (
          <details>
            <summary>{t('error.details', lang)}</summary>
            <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '11px' }}>{message.detail}</code>
          </details>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={t('action.dismiss', lang)} onClick={onDismiss}>
              ✕
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}

function Pane({ host, store = paneStore, today, autoRefreshDelayMs = AUTO_REFRESH_DELAY_MS, ownWriteGraceMs = OWN_WRITE_GRACE_MS }: AppProps) {
  const s = useStyles();
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_PANE_SETTINGS);
  const [settingsError, setSettingsError] = useState<PaneMessage | undefined>();
  const [settingsReady, setSettingsReady] = useState(false);
  const [tab, setTab] = useState<'results' | 'compare' | 'settings'>('results');
  const canCompare = !!host.listSheets && !!host.readSheet;
  const [autoPending, setAutoPending] = useState(false);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const cancelAuto = useRef<() => void>(() => undefined);

  const lang = settings.lang;
  const report = state.report;
  const busy = !!state.busy || !settingsReady;

  // when did the last operation on the workbook end (see OWN_WRITE_GRACE_MS)
  const idleSince = useRef(0);
  useEffect(() => {
    let wasBusy = !!store.get().busy;
    return store.subscribe(() => {
      const isBusy = !!store.get().busy;
      if (wasBusy && !isBusy) idleSince.current = Date.now();
      wasBusy = isBusy;
    });
  }, [store]);
  const run = { today };

  // the engine and the results view arrive while the user looks at the pane (./lazyParts.ts)
  useEffect(() => preloadCheck(), []);

  useEffect(() => {
    let live = true;
    host.loadSettings().then(
      (loaded) => {
        if (!live) return;
        setSettings({ ...DEFAULT_PANE_SETTINGS, ...loaded });
        setSettingsReady(true);
      },
      (e) => {
        if (!live) return;
        setSettingsError(failure(e, undefined, 'warning'));
        setSettingsReady(true);
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  const onCheck = useCallback(() => {
    cancelAuto.current();
    void runCheck(host, store, settingsRef.current, { today });
  }, [host, store, today]);

  // ── auto refresh: a sheet edit schedules a re-check after a quiet period; cancellable, off by default ──
  const autoOn = settings.autoRefresh && !!host.onSheetChanged;
  const hasReport = !!report;
  useEffect(() => {
    if (!autoOn || !hasReport || !host.onSheetChanged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      setAutoPending(false);
    };
    cancelAuto.current = cancel;
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = host.onSheetChanged(() => {
        // our own writes (during an operation, or echoed just after it), or a check already running
        if (store.get().busy || Date.now() - idleSince.current < ownWriteGraceMs) return;
        if (timer !== undefined) clearTimeout(timer);
        setAutoPending(true);
        timer = setTimeout(() => {
          timer = undefined;
          setAutoPending(false);
          void runCheck(host, store, settingsRef.current, { today, auto: true });
        }, autoRefreshDelayMs);
      }, (e) => {
        store.set({ error: { ...failure(e, undefined, 'warning'), text: both('auto.cannotFollow') } });
      });
    } catch (e) {
      store.set({ error: failure(e) });
    }
    return () => {
      cancel();
      cancelAuto.current = () => undefined;
      try {
        unsubscribe();
      } catch {
        // the host is going away; nothing to do
      }
    };
  }, [autoOn, hasReport, host, store, today, autoRefreshDelayMs, ownWriteGraceMs]);

  const onSelect = useCallback(
    (cell: string) => {
      host.selectCell(cell, store.get().report?.sheet).catch((e) => store.set({ error: failure(e) }));
    },
    [host, store],
  );

  const onSaveSettings = useCallback(
    async (next: PaneSettings) => {
      const prev = settingsRef.current;
      setSettings(next);
      settingsRef.current = next;
      try {
        const stored = await host.saveSettings(next);
        const merged = { ...DEFAULT_PANE_SETTINGS, ...stored };
        setSettings(merged);
        settingsRef.current = merged;
        setSettingsError(undefined);
      } catch (e) {
        setSettingsError(failure(e, undefined, 'warning'));
      }
      const paramsChanged =
        JSON.stringify([prev.required, prev.planYear, prev.asOf, prev.bands]) !==
        JSON.stringify([settingsRef.current.required, settingsRef.current.planYear, settingsRef.current.asOf, settingsRef.current.bands]);
      if (paramsChanged && store.get().report) void runCheck(host, store, settingsRef.current, { today });
    },
    [host, store, today],
  );

  // ── fixes and ignores (hosts that can write them: the Excel add-in) ──
  const canFix = !!host.applyFix;
  const canIgnore = !!host.updateIgnores;
  const onFix = useCallback((plan: FixPlan) => void withChunk(fixParts, store, (m) => m.runFix(host, store, settingsRef.current, plan, { today })), [host, store, today]);
  const onIgnore = useCallback((f: Finding) => void withChunk(fixParts, store, (m) => m.runIgnore(host, store, settingsRef.current, f, { today })), [host, store, today]);
  const onRestore = useCallback(
    (which: readonly Ignore[] | 'all') => void withChunk(fixParts, store, (m) => m.runUnignore(host, store, settingsRef.current, which, { today })),
    [host, store, today],
  );
  const onSelectIn = useCallback(
    (cell: string, sheet: string) => {
      host.selectCell(cell, sheet).catch((e) => store.set({ error: { intent: 'error', text: errorText(e) } }));
    },
    [host, store],
  );

  const busyPhase = state.busy?.phase;
  const phase = !busyPhase ? '' : busyPhase === 'comparing' || busyPhase === 'explanation' ? st(`phase.${busyPhase}`, lang) : t(PHASE_KEYS[busyPhase], lang);
  const settingsTab = t('tab.settings', lang);
  const compareTab = st('compare.tab', lang);

  // the panels of the results that come and go with an action, each in its own chunk
  const panels = report && (
    <>
      {state.recalc && (
        <Deferred chunk={recalcParts} lang={lang} what={t('chunk.recalc', lang)}>
          {({ RecalcPanel }) => (
            <RecalcPanel
              recalc={state.recalc!}
              scores={report.scores}
              plan={report.recalc}
              lang={lang}
              disabled={busy}
              onRevert={() => void runRevert(host, store, settingsRef.current, run)}
            />
          )}
        </Deferred>
      )}
      {state.fixes && state.fixes.length > 0 && (
        <Deferred chunk={fixParts} lang={lang} what={t('chunk.fixes', lang)}>
          {(m) => <m.FixesPanel fixes={state.fixes!} lang={lang} disabled={busy} onUndo={() => void m.runUndoFix(host, store, settingsRef.current, run)} />}
        </Deferred>
      )}
      {report.appraisal && (
        <Deferred chunk={scoreParts} lang={lang} what={t('chunk.appraisal', lang)}>
          {(m) => (
            <m.AppraisalPanel
              diff={report.appraisal!}
              lang={lang}
              onSelect={onSelectIn}
              disabled={busy}
              action={
                host.writeExplanationSheet ? { label: st('appraisal.writeSheet', lang), onClick: () => void m.runExplanationSheet(host, store, report.appraisal!, lang) } : undefined
              }
            />
          )}
        </Deferred>
      )}
    </>
  );

  // the whole pane is the page's main landmark (screen readers jump to it; axe's "region" rule)
  return (
    <main className={s.root} lang={lang}>
      <header className={s.header}>
        <Title3 as="h1" className={s.title}>
          {t('app.title', lang)}
        </Title3>
        <HelpLink lang={lang} />
        <Select
          className={s.lang}
          size="small"
          aria-label={t('app.language', lang)}
          value={lang}
          onChange={(_e, d) => void onSaveSettings({ ...settingsRef.current, lang: d.value === 'en' ? 'en' : 'vi' })}
        >
          <option value="vi">{t('lang.vi', lang)}</option>
          <option value="en">{t('lang.en', lang)}</option>
        </Select>
      </header>

      <div className={s.toolbar} role="group" aria-label={t('app.actions', lang)}>
        <Button appearance="primary" onClick={onCheck} disabled={busy}>
          {t('action.check', lang)}
        </Button>
        <Button onClick={() => void runClearMarks(host, store)} disabled={busy}>
          {t('action.clearMarks', lang)}
        </Button>
        <Button onClick={() => void runRecalc(host, store, settingsRef.current, run)} disabled={busy || !report?.recalc?.length}>
          {t('action.recalc', lang)}
        </Button>
        {host.writeReportSheet && (
          <Button onClick={() => void runReportSheet(host, store, lang)} disabled={busy || !report}>
            {t('action.report', lang)}
          </Button>
        )}
      </div>

      <div className={s.status} aria-live="polite">
        {state.busy && (
          <Field label={phase} validationState="none">
            <ProgressBar
              value={state.busy.progress}
              max={1}
              thickness="large"
              aria-label={phase}
            />
          </Field>
        )}
        {state.error && <Message message={state.error} lang={lang} onDismiss={() => store.set({ error: undefined })} />}
        {state.notice && <Message message={state.notice} lang={lang} onDismiss={() => store.set({ notice: undefined })} />}
        {settingsError && (
          <Message message={{ ...settingsError, context: { vi: t('error.settings', 'vi'), en: t('error.settings', 'en') } }} lang={lang} onDismiss={() => setSettingsError(undefined)} />
        )}
        {report && host.kind === 'excel' && settingsReady && !settings.marksNoticeSeen && !state.busy && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('marks.firstTitle', lang)}</MessageBarTitle>
              {t('marks.firstBody', lang)}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void onSaveSettings({ ...settingsRef.current, marksNoticeSeen: true })}>
                {t('marks.firstOk', lang)}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {autoPending && (
          <MessageBar intent="info">
            <MessageBarBody>{t('auto.pending', lang)}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => cancelAuto.current()}>
                {t('auto.cancel', lang)}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value === 'settings' ? 'settings' : d.value === 'compare' ? 'compare' : 'results')} size="small">
        <Tab value="results">{t('tab.results', lang)}</Tab>
        {canCompare && <Tab value="compare">{compareTab}</Tab>}
        <Tab value="settings">{settingsTab}</Tab>
      </TabList>

      {tab === 'results' ? (
        <div className={s.results} role="tabpanel" aria-label={t('tab.results', lang)}>
          {report ? (
            <Deferred chunk={resultParts} lang={lang} what={t('tab.results', lang)}>
                {({ Results }) => (
                  <Results
                    report={report}
                    asOf={state.asOf}
                    lang={lang}
                    disabled={busy}
                    onSelect={onSelect}
                    onFix={canFix ? onFix : undefined}
                    onIgnore={canIgnore ? onIgnore : undefined}
                    onRestore={canIgnore ? onRestore : undefined}
                    panels={panels}
                  />
                )}
              </Deferred>
          ) : (
            <Text>{t('app.intro', lang)}</Text>
          )}
        </div>
      ) : tab === 'compare' && canCompare ? (
        <div role="tabpanel" aria-label={compareTab}>
          <Deferred chunk={scoreParts} lang={lang} what={compareTab}>
            {({ ComparePanel }) => <ComparePanel host={host} store={store} settings={settingsRef.current} lang={lang} today={today} disabled={busy} onSelect={onSelectIn} />}
          </Deferred>
        </div>
      ) : (
        <div role="tabpanel" aria-label={settingsTab}>
          <Deferred chunk={settingsParts} lang={lang} what={settingsTab}>
            {({ SettingsPanel }) => (
              <SettingsPanel
                settings={settings}
                lang={lang}
                onSave={onSaveSettings}
                autoRefreshSupported={!!host.onSheetChanged}
                disabled={busy}
                onSelfTest={host.selfTest ? () => runSelfTest(host, store) : undefined}
              />
            )}
          </Deferred>
        </div>
      )}
    </main>
  );
}

/** A rendering failure shows a message (both languages) and a way back, never a blank pane. */
class PaneErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('unknown') };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const text = errorText(this.state.error);
    return (
      <main style={{ padding: 16 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Lỗi hiển thị / Display error</MessageBarTitle>
            <span lang="vi">{text.vi}</span> <span lang="en">{text.en}</span>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => this.setState({ error: undefined })}>
              Thử lại / Retry
            </Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }
}
