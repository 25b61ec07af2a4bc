// Creates the preview's Web Worker. Plain JavaScript on purpose: webpack 5 recognises exactly this
// `new Worker(new URL('./worker.ts', import.meta.url))` form and bundles worker.ts as its own chunk, while the
// project's tsconfig (module: commonjs) does not accept `import.meta`. Types: spawnWorker.d.ts.
export function spawnWorker() {
  return new Worker(/* webpackChunkName: "preview-worker" */ new URL('./worker.ts', import.meta.url));
}
