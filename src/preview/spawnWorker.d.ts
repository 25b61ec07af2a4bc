/** The preview's Web Worker (src/preview/worker.ts), bundled by webpack. */
export declare function spawnWorker(): Worker;
