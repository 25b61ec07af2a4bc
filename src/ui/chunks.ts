/**
 * Parts of the pane that most users open rarely (settings and the Excel self-test, So sánh and the bảng giải trình,
 * the fix preview and the fixes list, the recalculation panel, the findings sheet) are chunks of their own, loaded
 * the first time they are needed: the first paint pays only for the check. This module is the loader they share:
 *
 *   const settingsChunk = chunk(() => import(/* webpackChunkName: "pane-settings" *\/ './SettingsPanel'));
 *   settingsChunk.loaded()        // the module once loaded (render it at once, no loading state), else undefined
 *   await settingsChunk.load()    // loads it once; a failure is a ChunkError and the next call tries again
 *
 * A chunk can fail to arrive (offline, a CDN hiccup, a redeploy that removed the old files): webpack then forgets the
 * failed request, so trying again really asks the server again. That failure becomes a ChunkError, which `errorText`
 * (./host.ts) turns into a message in both languages — never a blank pane. In Node (jest) `import()` is `require`.
 */
import type { Text } from '../core/report';

/** What the user reads when a part of the add-in did not arrive. */
export const CHUNK_FAILED: Text = {
  vi: 'Không tải được phần này của phần bổ trợ từ máy chủ (mạng chậm hoặc mất kết nối). Trang tính không bị thay đổi. Hãy kiểm tra kết nối mạng rồi thử lại.',
  en: 'This part of the add-in could not be loaded from its server (a slow or lost connection). The sheet was not changed. Check the network connection and try again.',
};

/** A chunk of the add-in that did not load; `detail` is the browser's own message (the file's address). */
export class ChunkError extends Error {
  readonly vi = CHUNK_FAILED.vi;
  readonly en = CHUNK_FAILED.en;
  readonly detail: string;
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(detail);
    this.name = 'ChunkError';
    this.detail = detail;
  }
}

/** webpack's own error for a chunk that did not load (a dynamic import not made through `chunk`). */
export function isChunkLoadFailure(e: unknown): boolean {
  const name = (e as { name?: unknown } | null | undefined)?.name;
  return name === 'ChunkError' || name === 'ChunkLoadError';
}

export interface Chunk<M> {
  /** the module, once it has loaded */
  loaded(): M | undefined;
  /** loads the module (once; concurrent callers share the request); rejects with a ChunkError, and may be retried */
  load(): Promise<M>;
}

export function chunk<M>(importer: () => Promise<M>): Chunk<M> {
  let module: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    loaded: () => module,
    load() {
      if (module) return Promise.resolve(module);
      pending ??= importer().then(
        (m) => {
          module = m;
          return m;
        },
        (e: unknown) => {
          pending = undefined; // the next call asks the server again
          // a chunk that did not arrive says so; an error of the module itself is not the network's and stays as it is
          throw isChunkLoadFailure(e) && !(e instanceof ChunkError) ? new ChunkError(e) : e;
        },
      );
      return pending;
    },
  };
}
