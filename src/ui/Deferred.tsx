/**
 * Renders a part of the pane that lives in a chunk of its own (./chunks.ts): at once when the chunk is already
 * there; otherwise a short loading line (role="status", so a screen reader hears it) until it arrives; and if it does
 * not arrive, a message saying so in the pane's language with «Thử lại» — never a blank space where a panel should be.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/report';
import type { Chunk } from './chunks';
import { errorDetail, errorText } from './host';
import { t } from './i18n';

const useStyles = makeStyles({
  loading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalS} 0` },
});

export interface DeferredProps<M> {
  chunk: Chunk<M>;
  lang: Lang;
  /** what is loading, as the pane names it ("Cài đặt") */
  what: string;
  children(module: M): ReactNode;
}

export function Deferred<M>({ chunk, lang, what, children }: DeferredProps<M>) {
  const s = useStyles();
  // the chunk's own cache says whether it is there (the same Deferred may be handed another chunk: React keeps an
  // element at the same place when the tab changes); the state only re-renders once it arrives or records a failure
  const module = chunk.loaded();
  const [, arrived] = useState(0);
  const [failed, setFailed] = useState<{ chunk: Chunk<unknown>; error: unknown }>();
  const error = failed?.chunk === chunk ? failed.error : undefined;

  useEffect(() => {
    if (chunk.loaded() !== undefined || error !== undefined) return;
    let live = true;
    chunk.load().then(
      () => live && arrived((n) => n + 1),
      (e: unknown) => live && setFailed({ chunk, error: e ?? new Error('chunk') }),
    );
    return () => {
      live = false;
    };
  }, [chunk, error]);

  if (module !== undefined) return <>{children(module)}</>;
  if (error !== undefined) {
    const detail = errorDetail(error);
    return (
      <MessageBar intent="error" layout="multiline" data-testid="chunk-failed">
        <MessageBarBody>
          <MessageBarTitle>{t('chunk.failedTitle', lang, { what })}</MessageBarTitle>
          {errorText(error)[lang]}
          {detail && (
            <details>
              <summary>{t('error.details', lang)}</summary>
              <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '11px' }}>{detail}</code>
            </details>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => setFailed(undefined)}
          >
            {t('chunk.retry', lang)}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const label = t('chunk.loading', lang, { what });
  return (
    <div className={s.loading} role="status" data-testid="chunk-loading">
      <Text size={200}>{label}</Text>
      <ProgressBar thickness="medium" aria-label={label} />
    </div>
  );
}
