/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The loader of the pane's on-demand chunks (src/ui/chunks.ts), the part of the pane that shows them
// (src/ui/Deferred.tsx) and actions that need one (withChunk): a chunk that does not arrive — offline, a CDN hiccup —
// is said in words with a way to try again, never a blank pane, and trying again really asks again.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useState, type ReactElement, type ReactNode } from 'react';
import { CHUNK_FAILED, ChunkError, chunk, type Chunk } from '../../src/ui/chunks';
import { Deferred } from '../../src/ui/Deferred';
import { withChunk } from '../../src/ui/actions';
import { errorDetail, errorText } from '../../src/ui/host';
import { createPaneStore } from '../../src/ui/store';
import { engine, fixParts, recalcParts, resultParts, scoreParts, settingsParts } from '../../src/ui/lazyParts';
import { installDomPolyfills } from '../taskpane/fakeHost';

installDomPolyfills();
afterEach(cleanup);
const wrap = (n: ReactNode) => render(<FluentProvider theme={webLightTheme}>{n}</FluentProvider>);

/** webpack's error for a chunk whose <script> failed (what the browser gives when offline) */
function chunkLoadError(file = 'pane-settings.1a2b3c4d.js'): Error {
  const e = new Error(`Loading chunk pane-settings failed.\n(error: https://addin.example.gov.vn/${file})`);
  e.name = 'ChunkLoadError';
  return e;
}

/** an importer the test answers by hand: each call waits for `settle` */
function manualImporter<M>() {
  const calls: { resolve(m: M): void; reject(e: unknown): void }[] = [];
  const importer = jest.fn(() => new Promise<M>((resolve, reject) => calls.push({ resolve, reject })));
  return { importer, calls };
}

describe('chunk()', () => {
  test('loads once; callers at the same time share the request; loaded() gives the module afterwards', async () => {
    const { importer, calls } = manualImporter<{ x: number }>();
    const c = chunk(importer);
    expect(c.loaded()).toBeUndefined();
    const a = c.load();
    const b = c.load();
    expect(importer).toHaveBeenCalledTimes(1);
    calls[0].resolve({ x: 1 });
    expect(await a).toEqual({ x: 1 });
    expect(await b).toBe(await a);
    expect(c.loaded()).toEqual({ x: 1 });
    await c.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  test('a chunk that did not arrive is a ChunkError in both languages; the next load asks again', async () => {
    const { importer, calls } = manualImporter<{ x: number }>();
    const c = chunk(importer);
    const first = c.load();
    calls[0].reject(chunkLoadError());
    const e = await first.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChunkError);
    expect(errorText(e)).toEqual(CHUNK_FAILED);
    expect(errorDetail(e)).toContain('pane-settings.1a2b3c4d.js'); // the file's address, under "Chi tiết kỹ thuật"
    expect(c.loaded()).toBeUndefined();
    const second = c.load();
    expect(importer).toHaveBeenCalledTimes(2);
    calls[1].resolve({ x: 2 });
    expect(await second).toEqual({ x: 2 });
  });

  test('an error of the module itself is not called a network failure', async () => {
    const bug = new TypeError('x is not a function');
    const c = chunk(() => Promise.reject(bug));
    await expect(c.load()).rejects.toBe(bug);
  });

  test('errorText also knows webpack’s own ChunkLoadError (an import() made without chunk())', () => {
    expect(errorText(chunkLoadError())).toEqual(CHUNK_FAILED);
    expect(CHUNK_FAILED.vi).toMatch(/Không tải được/);
    expect(CHUNK_FAILED.en).toMatch(/could not be loaded/);
  });
});

describe('<Deferred>', () => {
  test('a loading line a screen reader hears, then the part; a chunk already there renders at once', async () => {
    const { importer, calls } = manualImporter<{ Part: () => ReactElement }>();
    const c = chunk(importer);
    wrap(<Deferred chunk={c} lang="vi" what="Cài đặt">{({ Part }) => <Part />}</Deferred>);
    expect(screen.getByRole('status').textContent).toContain('Đang tải «Cài đặt»…');
    await act(async () => calls[0].resolve({ Part: () => <p>phần đã tải</p> }));
    expect(screen.getByText('phần đã tải')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    cleanup();
    wrap(<Deferred chunk={c} lang="en" what="Settings">{({ Part }) => <Part />}</Deferred>);
    expect(screen.getByText('phần đã tải')).toBeTruthy(); // no loading state the second time
  });

  test('a failure says what did not load and why, in the pane’s language; «Thử lại» loads it', async () => {
    const { importer, calls } = manualImporter<{ Part: () => ReactElement }>();
    const c = chunk(importer);
    wrap(<Deferred chunk={c} lang="vi" what="Cài đặt">{({ Part }) => <Part />}</Deferred>);
    await act(async () => calls[0].reject(chunkLoadError()));
    const bar = screen.getByTestId('chunk-failed');
    expect(bar.textContent).toContain('Chưa tải được «Cài đặt»');
    expect(bar.textContent).toContain(CHUNK_FAILED.vi);
    expect(bar.textContent).toContain('Chi tiết kỹ thuật');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Thử lại' })));
    expect(importer).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain('Đang tải «Cài đặt»…');
    await act(async () => calls[1].resolve({ Part: () => <p>phần đã tải</p> }));
    expect(screen.getByText('phần đã tải')).toBeTruthy();
  });

  test('English when the pane is in English', async () => {
    const c = chunk<{ Part: () => ReactElement }>(() => Promise.reject(chunkLoadError()));
    wrap(<Deferred chunk={c} lang="en" what="Settings">{({ Part }) => <Part />}</Deferred>);
    const bar = await screen.findByTestId('chunk-failed');
    expect(bar.textContent).toContain('“Settings” did not load');
    expect(bar.textContent).toContain(CHUNK_FAILED.en);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  test('handed another chunk at the same place (a tab change), it renders that chunk’s module, not the last one', async () => {
    const a = chunk(async () => ({ Part: () => <p>kết quả</p> }));
    const b = chunk(async () => ({ Other: () => <p>cài đặt</p> }));
    await a.load();
    let show: (which: 'a' | 'b') => void = () => undefined;
    function Tabs() {
      const [which, setWhich] = useState<'a' | 'b'>('a');
      show = setWhich;
      return which === 'a' ? (
        <div>
          <Deferred chunk={a} lang="vi" what="A">{({ Part }) => <Part />}</Deferred>
        </div>
      ) : (
        <div>
          <Deferred chunk={b as Chunk<{ Other: () => ReactElement }>} lang="vi" what="B">{({ Other }) => <Other />}</Deferred>
        </div>
      );
    }
    wrap(<Tabs />);
    expect(screen.getByText('kết quả')).toBeTruthy();
    await act(async () => show('b'));
    expect(await screen.findByText('cài đặt')).toBeTruthy();
  });
});

describe('withChunk (an action in a chunk)', () => {
  test('says "Đang tải…" while the chunk comes, then runs the action', async () => {
    const { importer, calls } = manualImporter<{ act(): Promise<string> }>();
    const store = createPaneStore();
    const run = withChunk(chunk(importer), store, (m) => m.act());
    expect(store.get().busy).toEqual({ phase: 'loading' });
    calls[0].resolve({ act: async () => 'done' });
    expect(await run).toBe('done');
    expect(store.get().busy).toBeUndefined();
  });

  test('a chunk that does not arrive becomes the pane’s error; nothing runs', async () => {
    const store = createPaneStore();
    const use = jest.fn(async () => 'ran');
    expect(await withChunk(chunk(() => Promise.reject(chunkLoadError())), store, use)).toBeUndefined();
    expect(use).not.toHaveBeenCalled();
    expect(store.get().busy).toBeUndefined();
    expect(store.get().error).toMatchObject({ intent: 'error', text: CHUNK_FAILED });
    expect(store.get().error?.detail).toContain('pane-settings.1a2b3c4d.js');
  });

  test('leaves another operation’s progress alone', async () => {
    const { importer, calls } = manualImporter<{ act(): Promise<void> }>();
    const store = createPaneStore({ busy: { phase: 'checking' } });
    const run = withChunk(chunk(importer), store, (m) => m.act());
    expect(store.get().busy).toEqual({ phase: 'checking' });
    calls[0].resolve({ act: async () => undefined });
    await run;
    expect(store.get().busy).toEqual({ phase: 'checking' });
  });
});

test('every part of the pane loads and has what the pane takes from it', async () => {
  expect(typeof (await engine.load()).check).toBe('function');
  expect(typeof (await resultParts.load()).Results).toBe('function');
  expect(typeof (await settingsParts.load()).SettingsPanel).toBe('function');
  const scores = await scoreParts.load();
  for (const k of ['ComparePanel', 'AppraisalPanel', 'runCompareSheets', 'runExplanationSheet'] as const) expect(typeof scores[k]).toBe('function');
  const fixes = await fixParts.load();
  for (const k of ['FixPreview', 'FixesPanel', 'runFix', 'runIgnore', 'runUndoFix', 'runUnignore'] as const) expect(typeof fixes[k]).toBe('function');
  expect(typeof (await recalcParts.load()).RecalcPanel).toBe('function');
});
