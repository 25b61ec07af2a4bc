/**
 * The pane's "So sánh" tab: a unit pastes the appraisal council's result as another sheet of its workbook and
 * compares it with its self-assessment sheet — criteria matched by code, cuts largest first, the bảng giải trình.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import { errorText, type PaneHost, type PaneSettings } from './host';
import type { PaneStore } from './store';
import { runCompareSheets, runExplanationSheet } from './scoreActions';
import { AppraisalPanel } from './AppraisalPanel';
import { st } from './scoreStrings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pick: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** One of the two sheet pickers (disabled while the sheets' names are being read). */
function SheetPick({ label, names, value, onChange }: { label: string; names: string[] | undefined; value: string; onChange(name: string): void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)} disabled={!names}>
        {(names ?? []).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface ComparePanelProps {
  host: PaneHost;
  store: PaneStore;
  settings: PaneSettings;
  lang: Lang;
  today?: string;
  disabled?: boolean;
  onSelect(cell: string, sheet: string): void;
}

export function ComparePanel({ host, store, settings, lang, today, disabled, onSelect }: ComparePanelProps) {
  const s = useStyles();
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  const [names, setNames] = useState<string[] | undefined>();
  const [selfName, setSelfName] = useState('');
  const [apprName, setApprName] = useState('');

  useEffect(() => {
    let live = true;
    host.listSheets?.().then(
      ({ names: list, active }) => {
        if (!live) return;
        setNames(list);
        const self = list.includes(active) ? active : list[0] ?? '';
        setSelfName(self);
        setApprName(list.find((n) => n !== self) ?? '');
      },
      (e) => live && store.set({ error: { intent: 'error', text: errorText(e) } }),
    );
    return () => {
      live = false;
    };
  }, [host, store]);

  const comparison = state.comparison;
  return (
    <div className={s.root}>
      <Text>{st('compare.intro', lang)}</Text>
      {names && names.length < 2 ? (
        <Text>{st('compare.oneSheet', lang)}</Text>
      ) : (
        <div className={s.pick}>
          <SheetPick label={st('compare.self', lang)} names={names} value={selfName} onChange={setSelfName} />
          <SheetPick label={st('compare.appraisal', lang)} names={names} value={apprName} onChange={setApprName} />
        </div>
      )}
      <div>
        <Button appearance="primary" disabled={disabled || !names || names.length < 2 || !selfName || !apprName} onClick={() => void runCompareSheets(host, store, settings, selfName, apprName, { today })}>
          {st('compare.run', lang)}
        </Button>
      </div>
      {comparison && (
        <AppraisalPanel
          diff={comparison}
          lang={lang}
          compare
          onSelect={onSelect}
          disabled={disabled}
          action={host.writeExplanationSheet ? { label: st('appraisal.writeSheet', lang), onClick: () => void runExplanationSheet(host, store, comparison, lang) } : undefined}
        />
      )}
    </div>
  );
}
