/**
 * The check settings kept in the workbook: mandatory columns, plan year, as-of date, score bands (saved with the
 * button), language and auto-refresh (applied at once); and, where the host can test itself, "Tự kiểm tra Excel":
 * run it, read the summary, copy the report to send to support.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Caption1, Checkbox, Field, Input, Select, Subtitle2, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_BANDS, DEFAULT_REQUIRED, type Band } from '../core/options';
import type { ColumnRole, Lang } from '../core/report';
import type { PaneSettings, SelfTestOutcome } from './host';
import { ROLE_KEYS, t } from './settingsStrings';

const ROLES: ColumnRole[] = ['number', 'content', 'product', 'leadAgency', 'partner', 'budget', 'deadline', 'status', 'completedOn', 'maxScore'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  roles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))' },
  bands: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  bandInput: { minWidth: 0, width: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
  selfTest: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, minHeight: '180px' },
});

interface BandDraft {
  label: string;
  min: string;
}

interface Draft {
  required: ColumnRole[];
  requiredTouched: boolean;
  planYear: string;
  asOf: string;
  bands: BandDraft[];
  bandsTouched: boolean;
}

function toDraft(s: PaneSettings): Draft {
  return {
    required: s.required ?? DEFAULT_REQUIRED,
    requiredTouched: false,
    planYear: s.planYear === undefined ? '' : String(s.planYear),
    asOf: s.asOf ?? '',
    bands: (s.bands?.length ? s.bands : DEFAULT_BANDS).map((b) => ({ label: b.label, min: String(b.minPercent) })),
    bandsTouched: false,
  };
}

/** 1990..2100, as src/core/settings.ts accepts */
function parseYear(s: string): number | null | undefined {
  const v = s.trim();
  if (!v) return undefined;
  if (!/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1990 && n <= 2100 ? n : null;
}

function parseBands(list: BandDraft[]): Band[] | null {
  const out: Band[] = [];
  for (const b of list) {
    const label = b.label.trim();
    const min = Number(b.min.trim().replace(',', '.'));
    if (!label || !b.min.trim() || !Number.isFinite(min) || min < 0 || min > 100) return null;
    out.push({ label, minPercent: min });
  }
  return out.length ? out.sort((a, b) => b.minPercent - a.minPercent) : null;
}

export interface SettingsPanelProps {
  settings: PaneSettings;
  lang: Lang;
  /** stores the settings (and applies them) */
  onSave(s: PaneSettings): void | Promise<void>;
  /** whether the host can report sheet changes */
  autoRefreshSupported: boolean;
  disabled?: boolean;
  /** runs the host's self-test (absent: the host has none) */
  onSelfTest?: () => Promise<SelfTestOutcome | undefined>;
}

/** "Tự kiểm tra Excel": a button, the summary, the report in a box to copy. */
function SelfTest({ lang, run, disabled }: { lang: Lang; run: () => Promise<SelfTestOutcome | undefined>; disabled?: boolean }) {
  const s = useStyles();
  const [outcome, setOutcome] = useState<SelfTestOutcome | undefined>();
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const box = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    if (!outcome) return;
    try {
      await navigator.clipboard.writeText(outcome.text);
      setCopied('yes');
    } catch {
      // some webviews refuse the clipboard API: select the text for Ctrl+C
      box.current?.select();
      setCopied('no');
    }
  };
  return (
    <section className={s.selfTest} aria-label={t('selftest.title', lang)}>
      <Subtitle2 as="h2">{t('selftest.title', lang)}</Subtitle2>
      <Caption1>{t('selftest.hint', lang)}</Caption1>
      <div className={s.row}>
        <Button
          disabled={disabled}
          onClick={async () => {
            setCopied(undefined);
            const o = await run();
            if (o) setOutcome(o);
          }}
        >
          {t('selftest.run', lang)}
        </Button>
      </div>
      {outcome && (
        <>
          <Caption1 role="status">
            {t('selftest.summary', lang, { passed: outcome.passed, failed: outcome.failed, skipped: outcome.skipped })}
          </Caption1>
          <Field label={t('selftest.report', lang)}>
            <Textarea ref={box} className={s.report} readOnly value={outcome.text} resize="vertical" />
          </Field>
          <div className={s.row}>
            <Button size="small" onClick={() => void copy()}>
              {t('selftest.copy', lang)}
            </Button>
            {copied && <Caption1 role="status">{t(copied === 'yes' ? 'selftest.copied' : 'selftest.copyFailed', lang)}</Caption1>}
          </div>
        </>
      )}
    </section>
  );
}

export function SettingsPanel({ settings, lang, onSave, autoRefreshSupported, disabled, onSelfTest }: SettingsPanelProps) {
  const s = useStyles();
  const uid = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [saved, setSaved] = useState(false);
  // settings loaded or changed elsewhere (the ribbon, another pane) replace an untouched form
  const stored = JSON.stringify([settings.required, settings.planYear, settings.asOf, settings.bands]);
  useEffect(() => {
    setDraft(toDraft(settings));
  }, [stored]); // eslint-disable-line react-hooks/exhaustive-deps

  const year = parseYear(draft.planYear);
  const bands = parseBands(draft.bands);
  const valid = year !== null && bands !== null;
  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const save = async () => {
    if (!valid) return;
    const next: PaneSettings = { lang: settings.lang, autoRefresh: settings.autoRefresh };
    const required = draft.requiredTouched ? ROLES.filter((r) => draft.required.includes(r)) : settings.required;
    if (required) next.required = required;
    if (year !== undefined) next.planYear = year;
    if (draft.asOf) next.asOf = draft.asOf;
    const b = draft.bandsTouched ? bands : settings.bands;
    if (b) next.bands = b;
    await onSave(next);
    setSaved(true);
  };

  return (
    <div className={s.root}>
    <form
      className={s.root}
      aria-label={t('settings.title', lang)}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2">{t('settings.title', lang)}</Subtitle2>

      <Field label={t('app.language', lang)}>
        <Select value={lang} disabled={disabled} onChange={(_e, d) => void onSave({ ...settings, lang: d.value === 'en' ? 'en' : 'vi' })}>
          <option value="vi">{t('lang.vi', lang)}</option>
          <option value="en">{t('lang.en', lang)}</option>
        </Select>
      </Field>

      <div className={s.row}>
        <Switch
          label={t('settings.autoRefresh', lang)}
          checked={settings.autoRefresh && autoRefreshSupported}
          disabled={disabled || !autoRefreshSupported}
          onChange={(_e, d) => void onSave({ ...settings, autoRefresh: d.checked })}
        />
        {!autoRefreshSupported && <Caption1>{t('settings.autoRefreshUnsupported', lang)}</Caption1>}
      </div>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{t('settings.required', lang)}</legend>
        <div className={s.roles}>
          {ROLES.map((r) => (
            <Checkbox
              key={r}
              label={t(ROLE_KEYS[r], lang)}
              checked={draft.required.includes(r)}
              onChange={(_e, d) =>
                update({ requiredTouched: true, required: d.checked ? [...draft.required, r] : draft.required.filter((x) => x !== r) })
              }
            />
          ))}
        </div>
      </fieldset>

      <Field
        label={t('settings.planYear', lang)}
        hint={t('settings.planYearHint', lang)}
        validationState={year === null ? 'error' : 'none'}
        validationMessage={year === null ? t('settings.planYearInvalid', lang) : undefined}
      >
        <Input type="number" inputMode="numeric" min={1990} max={2100} value={draft.planYear} onChange={(_e, d) => update({ planYear: d.value })} />
      </Field>

      <Field label={t('settings.asOf', lang)} hint={t('settings.asOfHint', lang)}>
        <Input type="date" value={draft.asOf} onChange={(_e, d) => update({ asOf: d.value })} />
      </Field>

      <fieldset className={s.fieldset}>
        <legend className={s.legend}>{t('settings.bands', lang)}</legend>
        <div className={s.bands}>
          <Caption1 aria-hidden>{t('settings.bandLabel', lang)}</Caption1>
          <Caption1 aria-hidden>{t('settings.bandMin', lang)}</Caption1>
          {draft.bands.map((b, i) => (
            <div key={i} style={{ display: 'contents' }}>
              <Input
                className={s.bandInput}
                aria-label={`${t('settings.bandLabel', lang)} ${i + 1}`}
                value={b.label}
                onChange={(_e, d) => update({ bandsTouched: true, bands: draft.bands.map((x, j) => (j === i ? { ...x, label: d.value } : x)) })}
              />
              <Input
                className={s.bandInput}
                aria-label={`${t('settings.bandMin', lang)} ${b.label || i + 1}`}
                inputMode="decimal"
                value={b.min}
                onChange={(_e, d) => update({ bandsTouched: true, bands: draft.bands.map((x, j) => (j === i ? { ...x, min: d.value } : x)) })}
              />
            </div>
          ))}
        </div>
        {bands === null && (
          <Caption1 className={s.error} role="alert" id={`${uid}-bands-error`}>
            {t('settings.bandInvalid', lang)}
          </Caption1>
        )}
        <div className={s.row}>
          <Button
            size="small"
            appearance="transparent"
            onClick={() => update({ bandsTouched: true, bands: DEFAULT_BANDS.map((x) => ({ label: x.label, min: String(x.minPercent) })) })}
          >
            {t('settings.bandsReset', lang)}
          </Button>
        </div>
      </fieldset>

      <div className={s.row}>
        <Button type="submit" appearance="primary" disabled={disabled || !valid}>
          {t('settings.save', lang)}
        </Button>
        {saved && (
          <Caption1 role="status" aria-live="polite">
            {t('settings.saved', lang)}
          </Caption1>
        )}
      </div>
    </form>
    {onSelfTest && <SelfTest lang={lang} run={onSelfTest} disabled={disabled} />}
    </div>
  );
}
