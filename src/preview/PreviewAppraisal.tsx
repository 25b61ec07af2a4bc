/**
 * The preview's appraisal panel: a sheet with a self-assessment and an appraisal column shows its cuts (the pane's
 * AppraisalPanel), and "Tải bảng giải trình" downloads the draft bảng giải trình as its own small .xlsx file, built
 * here from the report (src/io/explanationXlsx.ts, loaded on first use: the page itself parses and writes no
 * workbook); the opened file is never touched.
 */
import { useState } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import type { ScoreDiff } from '../core/scores/types';
import { AppraisalPanel } from '../ui/AppraisalPanel';
import { st } from '../ui/scoreStrings';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PreviewAppraisalProps {
  diff: ScoreDiff;
  /** the opened file's name, for the download's */
  fileName: string;
  lang: Lang;
  onSelect(cell: string): void;
  save(blob: Blob, name: string): void;
}

export function PreviewAppraisal({ diff, fileName, lang, onSelect, save }: PreviewAppraisalProps) {
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const download = async () => {
    try {
      const { explanationFileName, explanationXlsx } = await import(/* webpackChunkName: "explanation-xlsx" */ '../io/explanationXlsx');
      const name = explanationFileName(fileName, lang);
      save(new Blob([explanationXlsx(diff, lang) as BlobPart], { type: XLSX_TYPE }), name);
      setDone(name);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setDone(undefined);
    }
  };
  return (
    <>
      <AppraisalPanel diff={diff} lang={lang} onSelect={(cell) => onSelect(cell)} action={{ label: st('appraisal.download', lang), onClick: () => void download() }} />
      {done && (
        <MessageBar intent="success" data-testid="explanation-done">
          <MessageBarBody>{st('appraisal.downloaded', lang, { name: done })}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{st('appraisal.download', lang)}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
