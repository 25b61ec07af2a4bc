/**
 * The Kết quả tab once a sheet is checked: the summary cards, the panels the pane passes in (what «Tính lại điểm» wrote,
 * «Đã sửa», the appraisal), the findings with their «Sửa…» / «Bỏ qua» buttons, «Đã bỏ qua N» and the points lost.
 * In the chunk with the engine (./lazyParts.ts `resultParts`): nothing of it is needed before the first check.
 */
import { useCallback, type ReactNode } from 'react';
import type { Finding, FixPlan, Lang, RuleId, SheetReport } from '../core/report';
import type { Ignore } from '../core/ignores';
import { SummaryCards } from './SummaryCards';
import { FindingsList } from './FindingsList';
import { FindingActions, GroupFixActions } from './FindingActions';
import { IgnoredPanel } from './IgnoredPanel';
import { PointsLost } from './PointsLost';

export interface ResultsProps {
  report: SheetReport;
  asOf?: string;
  lang: Lang;
  disabled?: boolean;
  onSelect(cell: string): void;
  /** writes a fix plan (hosts that can fix) */
  onFix?(plan: FixPlan): void;
  /** ignores a finding (hosts that keep ignores) */
  onIgnore?(f: Finding): void;
  onRestore?(which: readonly Ignore[] | 'all'): void;
  /** shown between the summary and the findings */
  panels?: ReactNode;
}

export function Results({ report, asOf, lang, disabled, onSelect, onFix, onIgnore, onRestore, panels }: ResultsProps) {
  const renderItemActions = useCallback(
    (f: Finding) => <FindingActions finding={f} lang={lang} disabled={disabled} onFix={onFix} onIgnore={onIgnore} />,
    [lang, disabled, onFix, onIgnore],
  );
  const renderGroupActions = useCallback(
    (_rule: RuleId, findings: readonly Finding[]) => (onFix ? <GroupFixActions findings={findings} lang={lang} disabled={disabled} onFix={onFix} /> : null),
    [lang, disabled, onFix],
  );
  return (
    <>
      <SummaryCards report={report} asOf={asOf} lang={lang} onSelect={onSelect} disabled={disabled} />
      {panels}
      <FindingsList
        findings={report.findings}
        lang={lang}
        onSelect={onSelect}
        disabled={disabled}
        renderItemActions={onFix || onIgnore ? renderItemActions : undefined}
        renderGroupActions={onFix ? renderGroupActions : undefined}
      />
      <IgnoredPanel ignored={report.ignored ?? []} stale={report.staleIgnores} lang={lang} disabled={disabled} onSelect={onSelect} onRestore={onRestore} />
      {report.pointsLost && report.pointsLost.length > 0 && (
        <PointsLost items={report.pointsLost} scores={report.scores} lang={lang} onSelect={onSelect} disabled={disabled} />
      )}
    </>
  );
}
