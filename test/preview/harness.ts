/**
 * What the preview's page tests share (jsdom): the browser APIs jsdom lacks that Fluent UI and the grid call, and the
 * worker's real logic run in-process behind a fake Worker.
 */
import { deserialize, serialize } from 'v8';
import type { WorkerLike } from '../../src/preview/controller';
import { PreviewWorkerCore } from '../../src/preview/workerCore';
import type { FromWorker, ToWorker } from '../../src/preview/protocol';

/** ResizeObserver, matchMedia and scrollIntoView as inert stand-ins, where jsdom has none. */
export function stubBrowserApis(): void {
  const w = window as unknown as Record<string, unknown>;
  w.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  w.matchMedia ??= (query: string) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false });
  Element.prototype.scrollIntoView ??= function () {};
}

/** The worker, in-process: its messages are cloned (V8's serializer, as structured clone; jsdom has no structuredClone). */
export class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  private readonly core = new PreviewWorkerCore((m) => setTimeout(() => this.onmessage?.({ data: deserialize(serialize(m)) } as MessageEvent<FromWorker>), 0));
  postMessage(m: ToWorker) {
    void this.core.handle(m);
  }
}
