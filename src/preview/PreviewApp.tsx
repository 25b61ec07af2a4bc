/**
 * The preview page: drop or pick .xlsx files, see each sheet as a grid with the add-in's marks, the pane's summary and
 * findings (the same components as the task pane, src/ui), go to a finding's cell, download an annotated copy.
 * Parsing and checking happen in the Web Worker (controller.ts → worker.ts); this file only renders.
 */
import { Suspense, lazy, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang } from '../core/report';
import { HelpLink } from '../ui/HelpLink';
import { FilePanel } from './FilePanel';
import { FileTabs } from './FileTabs';
import { overviewRows } from './overview';
import { p } from './strings';
import { OVERVIEW, type PreviewController } from './controller';

/** The overview's table and its actions: a chunk of its own, loaded the first time the Tổng hợp tab is shown. */
const Overview = lazy(() => import(/* webpackChunkName: "preview-overview" */ './Overview').then((m) => ({ default: m.Overview })));

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
    minHeight: '100vh',
    // the page never scrolls sideways: wide content (a grid, the overview table) scrolls inside itself
    maxWidth: '100vw',
    overflowX: 'hidden',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  titles: { display: 'flex', flexDirection: 'column', gap: '0', minWidth: 0, flex: '1 1 320px' },
  title: { margin: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden', pointerEvents: 'none' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

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
      role="group"
      aria-label={p('drop.label', lang)}
      title={p('drop.hint', lang)}
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
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {p('drop.pick', lang)}
      </Button>
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
    </div>
  );
}

export function PreviewApp({ ctl }: { ctl: PreviewController }) {
  const s = useStyles();
  const state = useSyncExternalStore(ctl.subscribe, ctl.get, ctl.get);
  const lang = state.lang;
  const rows = useMemo(() => overviewRows(state.files, lang), [state.files, lang]);
  const activeId = state.active === OVERVIEW ? OVERVIEW : (state.files.find((f) => f.id === state.active) ?? state.files[0])?.id;
  const active = activeId && activeId !== OVERVIEW ? state.files.find((f) => f.id === activeId) : undefined;
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
            <Title3 as="h1" className={s.title}>
              {p('page.title', lang)}
            </Title3>
            <Caption1>
              {p('page.lead', lang)} <HelpLink lang={lang} />
            </Caption1>
          </div>
          <div className={s.controls}>
            <DropZone ctl={ctl} lang={lang} />
            <Field label={p('page.asOf', lang)} size="small">
              <Input
                type="date"
                size="small"
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
            <Field label={p('page.language', lang)} size="small">
              <Select size="small" value={lang} data-testid="lang" onChange={(_e, d) => ctl.setLang(d.value === 'en' ? 'en' : 'vi')}>
                <option value="vi">Tiếng Việt</option>
                <option value="en">English</option>
              </Select>
            </Field>
          </div>
        </header>

        <main className={s.main}>
          {state.notice && (
            <MessageBar intent="info" layout="multiline" data-testid="page-notice">
              <MessageBarBody>{state.notice[lang]}</MessageBarBody>
            </MessageBar>
          )}
          {state.fatal && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{state.fatal[lang]}</MessageBarBody>
            </MessageBar>
          )}
          {state.files.length > 0 ? (
            <>
              <FileTabs ctl={ctl} rows={rows} active={activeId ?? OVERVIEW} lang={lang} />
              {activeId === OVERVIEW ? (
                <Suspense fallback={<Spinner size="small" label={p('overview.tab', lang)} />}>
                  <Overview ctl={ctl} state={state} rows={rows} />
                </Suspense>
              ) : (
                active && <FilePanel key={active.id} ctl={ctl} f={active} lang={lang} summary={rows.find((r) => r.id === active.id)?.summary} />
              )}
            </>
          ) : (
            <Text>{p('files.none', lang)}</Text>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
