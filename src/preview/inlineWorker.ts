/**
 * The preview's checker on the page's own thread, for when no Web Worker can start: a page opened by double-clicking
 * preview.html in a folder (file://) may not start one — Chromium refuses a worker script from a file:// page ("cannot
 * be accessed from origin 'null'"). The same PreviewWorkerCore runs here behind the same message interface; every
 * message is delivered in a task of its own, and the work pauses between its steps (after reading, after parsing,
 * between sheets and between files), so the page paints and answers in between. A very large workbook still holds the
 * page while it is parsed: the page says so (index.tsx).
 *
 * Loaded on demand (its own chunk): a page served over http(s) never downloads it.
 */
import type { WorkerLike } from './controller';
import type { FromWorker, ToWorker } from './protocol';
import { PreviewWorkerCore } from './workerCore';

/**
 * Runs functions one per task, in order: one MessageChannel for all (its messages arrive in the order they were sent,
 * and are not clamped like nested timers); a timer where there is none.
 */
class TaskQueue {
  private readonly queue: (() => void)[] = [];
  private readonly channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;

  constructor() {
    if (this.channel) this.channel.port1.onmessage = () => this.queue.shift()?.();
  }

  run(fn: () => void): void {
    this.queue.push(fn);
    if (this.channel) this.channel.port2.postMessage(null);
    else setTimeout(() => this.queue.shift()?.(), 0);
  }

  /** resolves in a later task: the page paints and handles input in between */
  next = (): Promise<void> => new Promise((resolve) => this.run(resolve));

  close(): void {
    this.channel?.port1.close();
    this.channel?.port2.close();
  }
}

export class InlineWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  private readonly tasks = new TaskQueue();
  private readonly core: PreviewWorkerCore;

  constructor() {
    this.core = new PreviewWorkerCore((message) => this.deliver(message), this.tasks.next);
  }

  postMessage(message: ToWorker): void {
    this.tasks.run(() => void this.core.handle(message));
  }

  /** As Worker.terminate(): nothing more is run or answered. */
  terminate(): void {
    this.tasks.close();
  }

  private deliver(message: FromWorker): void {
    this.tasks.run(() => {
      try {
        this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
      } catch (e) {
        this.onerror?.({ message: e instanceof Error ? e.message : String(e) } as ErrorEvent);
      }
    });
  }
}
