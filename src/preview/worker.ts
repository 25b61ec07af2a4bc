/**
 * The preview's Web Worker: parses .xlsx files and runs the checker off the page's thread (see workerCore.ts).
 * Bundled by webpack from `new Worker(new URL('./worker.ts', import.meta.url))` (spawnWorker.js).
 */
import { PreviewWorkerCore } from './workerCore';
import type { FromWorker, ToWorker } from './protocol';

// The project's tsconfig types the DOM, not WebWorker: only the two members used here.
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const core = new PreviewWorkerCore((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => {
  void core.handle(event.data);
};
