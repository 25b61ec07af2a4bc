'use strict';
/**
 * Web build of the add-in: the task pane (which also hosts the ribbon functions — one shared runtime, no
 * commands page) and the browser preview page.
 *
 *   webpack --mode development            dist/ with https://localhost:3000/ URLs
 *   webpack serve --mode development      https://localhost:3000 (certificates: scripts/dev-certs.js)
 *   ADDIN_URL=https://host/path/ webpack --mode production
 *                                         dist/manifest.xml with every https://localhost:3000/ replaced
 *
 * dist/ is shared with the CLI build (tsc → dist/cli, dist/core, dist/io): cleaning only touches files at
 * the top of dist/ and dist/assets/, never the compiler's subfolders.
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { HelpPagePlugin, HELP_PAGE_OUTPUT } = require('./scripts/help-page');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

/** Content-Security-Policy for the pages (meta tag) and the dev server (header). */
function csp({ officeJs }) {
  return [
    "default-src 'self'",
    `script-src 'self'${officeJs ? ` ${OFFICE_JS_ORIGIN}` : ''}`,
    "style-src 'self' 'unsafe-inline'", // Fluent UI v9 (Griffel) injects <style> elements
    "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}
const CSP_TASKPANE = csp({ officeJs: true });
const CSP_PREVIEW = csp({ officeJs: false });

/** ADDIN_URL must be an absolute https URL ending in "/"; returns it, or throws with the reason. */
function checkAddinUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be https (Office loads add-ins only over https), got "${value}"`);
  if (!value.endsWith('/')) throw new Error(`ADDIN_URL must end with "/", got "${value}" — try "${value}/"`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment, got "${value}"`);
  return value;
}

/** The production manifest: every dev URL prefix replaced by the deployment URL. */
function productionManifest(xml, addinUrl) {
  const out = String(xml).split(DEV_URL).join(addinUrl);
  if (addinUrl !== DEV_URL && /localhost/i.test(out)) {
    throw new Error('manifest.xml still mentions localhost after substituting ADDIN_URL — use the exact prefix https://localhost:3000/');
  }
  return out;
}

/** Adds a message to the compilation's warnings, so it shows up in webpack's own summary. */
class WarnPlugin {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PhulucWarnPlugin', (compilation) => {
      compilation.warnings.push(new webpack.WebpackError(this.message));
    });
  }
}

/**
 * The Excel functions (=PHULUC.BANGCHU …): their source, and the fixed names the manifest's CustomFunctions extension
 * point points at. The pane bundle imports the same module, which registers the functions in the shared runtime
 * (Excel loads the <Page>, taskpane.html); functions.js is that module on its own, for the <Script> element.
 */
const FUNCTIONS_SOURCE = path.resolve(__dirname, 'src/functions/functions.ts');
const FUNCTIONS_ENTRY = 'functions';
const FUNCTIONS_METADATA = 'functions.json';

/** functions.json from the JSDoc of the functions, and the CustomFunctions.associate calls appended to their module. */
function functionsMetadataPlugin() {
  return new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: FUNCTIONS_METADATA });
}

/** The preview's service worker entry: built to a fixed name next to preview.html (a service worker's URL must not change). */
const PREVIEW_SW = 'preview-sw';
/** Files of the preview page that are not webpack chunks, cached by its service worker for offline use. */
const PREVIEW_STATIC = ['preview.html', 'assets/legacy-check.js', 'assets/hue-2018-nhiem-vu.xlsx', HELP_PAGE_OUTPUT];
const PRECACHE_PLACEHOLDER = /(["'`])__PHULUC_PRECACHE__\1/;

/**
 * Writes the preview service worker's precache list into preview-sw.js once every file has its final (content-hashed)
 * name: the preview page, every chunk reachable from the preview entry (its lazy chunks and the Web Worker with its
 * own chunks, e.g. SheetJS) and PREVIEW_STATIC. The cache version is a hash of those files, so any change to them
 * installs a new cache and drops the old one.
 */
class PreviewPrecachePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PhulucPreviewPrecache', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PhulucPreviewPrecache', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          const sw = `${PREVIEW_SW}.js`;
          const entry = compilation.entrypoints.get('preview');
          if (!compilation.getAsset(sw) || !entry) return;
          const files = new Set(PREVIEW_STATIC);
          const seen = new Set();
          const visit = (group) => {
            if (seen.has(group)) return;
            seen.add(group);
            // the chunks of a page opened from a folder (file://: the checker on the page, the inlined example) are
            // never asked for over http
            for (const chunk of group.chunks) if (!/^file-/.test(chunk.name || '')) for (const f of chunk.files) files.add(f);
            for (const child of group.childrenIterable) visit(child);
            for (const child of group.asyncEntrypointsIterable || []) visit(child);
          };
          visit(entry);
          const list = [...files].filter((f) => !/\.(map|txt)$/.test(f) && compilation.getAsset(f)).sort();
          const missing = PREVIEW_STATIC.filter((f) => !compilation.getAsset(f));
          if (missing.length) compilation.errors.push(new webpack.WebpackError(`preview service worker: missing ${missing.join(', ')}`));
          const hash = webpack.util.createHash('sha256');
          for (const f of list) hash.update(f).update(compilation.getAsset(f).source.buffer());
          const precache = { version: hash.digest('hex').slice(0, 16), files: list };
          const source = compilation.getAsset(sw).source.source().toString();
          if (!PRECACHE_PLACEHOLDER.test(source)) {
            compilation.errors.push(new webpack.WebpackError(`${sw}: precache placeholder not found`));
            return;
          }
          const filled = source.replace(PRECACHE_PLACEHOLDER, () => JSON.stringify(JSON.stringify(precache)));
          compilation.updateAsset(sw, new webpack.sources.RawSource(filled));
        },
      );
    });
  }
}

/** The list of the task pane's chunks that scripts/check-bundle.js reads (the pane's first paint must stay small). */
const PANE_CHUNKS = 'taskpane-chunks.json';

/**
 * Writes PANE_CHUNKS: the files of the taskpane entry (what taskpane.html loads before the pane's first render) and,
 * per chunk group loaded later with import() (named by its webpackChunkName), every file it brings — a lazy part can
 * be more than one file where webpack split a shared vendor chunk off it. Runs last, after the content hashes are final.
 */
class PaneChunksPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PhulucPaneChunks', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PhulucPaneChunks', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entry = compilation.entrypoints.get('taskpane');
        if (!entry) return;
        const js = (files) => [...files].filter((f) => /\.js$/.test(f));
        const lazy = {};
        const seen = new Set([entry]);
        const visit = (group) => {
          for (const child of group.childrenIterable) {
            if (seen.has(child)) continue;
            seen.add(child);
            const name = child.name || child.chunks.map((c) => c.name || c.id).join('+');
            lazy[name] = [...new Set([...(lazy[name] || []), ...child.chunks.flatMap((c) => js(c.files))])].sort();
            visit(child);
          }
        };
        visit(entry);
        const list = { entry: 'taskpane', page: 'taskpane.html', initial: js(entry.getFiles()), lazy };
        compilation.emitAsset(PANE_CHUNKS, new webpack.sources.RawSource(JSON.stringify(list, null, 2) + '\n'));
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const production = mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);

  let addinUrl = DEV_URL;
  const warnings = [];
  if (production && !serving) {
    if (process.env.ADDIN_URL) {
      addinUrl = checkAddinUrl(process.env.ADDIN_URL);
      process.stderr.write(`[phuluc] production manifest for ${addinUrl}\n`);
    } else {
      const message =
        'ADDIN_URL is not set: dist/manifest.xml still points at https://localhost:3000/. ' +
        'Set ADDIN_URL=https://your.host/path/ (https, ending with "/") to build a deployable manifest.';
      process.stderr.write(`[phuluc] WARNING: ${message}\n`);
      warnings.push(message);
    }
  } else if (process.env.ADDIN_URL) {
    process.stderr.write(`[phuluc] note: ADDIN_URL is ignored in ${serving ? 'the dev server' : mode} builds\n`);
  }

  let server;
  if (serving) {
    const { devServerHttps } = require('./scripts/dev-certs');
    server = await devServerHttps();
  }

  return {
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
      [FUNCTIONS_ENTRY]: FUNCTIONS_SOURCE,
      // not under the dev server: its live-reload client would be injected into the service worker too
      ...(serving ? {} : { [PREVIEW_SW]: './src/preview/sw.ts' }),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // fixed names where a URL must not change: the service worker, and functions.js (named in the manifest)
      filename: (pathData) =>
        (pathData.chunk && (pathData.chunk.name === PREVIEW_SW || pathData.chunk.name === FUNCTIONS_ENTRY)) || !production ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // tsc's CLI output lives in subfolders of dist/; only webpack's top-level files and assets/ are ours
      clean: { keep: (asset) => /[\\/]/.test(asset) && !/^assets[\\/]/.test(asset) },
    },
    devtool: production ? false : 'cheap-module-source-map', // no eval-based maps: the CSP forbids eval
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // The preview's Web Worker reads workbooks with src/io (fflate + the project's own XML tokenizer); SheetJS for
      // .xls/.xlsb/.ods is a dynamic import, its own chunk, loaded only when such a file is opened. SheetJS's optional
      // Node-only requires (fs, stream, crypto for encrypted .xls) are left out of the browser build.
      fallback: { fs: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        // the example workbook inside the file:// page's chunk (src/preview/exampleInline.ts): a data: URL
        { test: /\.xlsx$/, include: path.resolve(__dirname, 'examples'), type: 'asset/inline' },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { module: 'esnext', target: 'es2020', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        inject: 'head',
        scriptLoading: 'defer',
        csp: CSP_TASKPANE,
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
        inject: 'head',
        scriptLoading: 'defer',
        csp: CSP_PREVIEW,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // hand-written ES5 for IE11/EdgeHTML: copied verbatim, never re-minified with an es2020 target
          { from: 'assets/legacy-check.js', to: 'assets/legacy-check.js', info: { minimized: true } },
          // the preview opens this example when no file is given
          { from: 'examples/hue-2018-nhiem-vu.xlsx', to: 'assets/hue-2018-nhiem-vu.xlsx' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: {
              transformer: (content) => (production && !serving ? productionManifest(content.toString('utf8'), addinUrl) : content),
              cache: false,
            },
          },
        ],
      }),
      functionsMetadataPlugin(),
      new HelpPagePlugin(),
      new PreviewPrecachePlugin(),
      new PaneChunksPlugin(),
      ...warnings.map((m) => new WarnPlugin(m)),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          host: 'localhost',
          port: 3000,
          server,
          headers: { 'Content-Security-Policy': CSP_TASKPANE },
          static: false,
          hot: true,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.CSP_TASKPANE = CSP_TASKPANE;
module.exports.CSP_PREVIEW = CSP_PREVIEW;
module.exports.checkAddinUrl = checkAddinUrl;
module.exports.productionManifest = productionManifest;
module.exports.functionsMetadataPlugin = functionsMetadataPlugin;
module.exports.FUNCTIONS_METADATA = FUNCTIONS_METADATA;
module.exports.PANE_CHUNKS = PANE_CHUNKS;
