'use strict';
/**
 * Build of the e2e page: the simulated Excel host (harness/harness.ts) and the REAL pane entry
 * (src/taskpane/index.tsx), into test/e2e/.build/harness/.
 *
 * Two compilations, so nothing of the harness leaks into the pane bundle (the harness needs a `Buffer` shim for
 * test/excel/fakeExcel.ts; the pane must not get one it would not have in production). Both reuse the project's
 * loader setup (ts-loader, resolve) from webpack.config.js.
 *
 * e2e.html is the production template (src/taskpane/taskpane.html) with one change: the office.js <script> from the
 * CDN becomes <script src="harness.js">, at the same place and also blocking, so the harness is installed before
 * the deferred pane bundle runs — exactly where office.js would be. Same CSP, same #legacy / #root,
 * same legacy-check.js.
 *
 *   const configs = await require('./webpack.harness.js')({ outDir }, { mode: 'development' });
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const projectConfig = require('../../webpack.config.js');

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATE = path.join(ROOT, 'src/taskpane/taskpane.html');
const OFFICE_JS_TAG = /<script\s+src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*office\.js"\s*><\/script>/;
const CSP_EXPR = /<%=\s*htmlWebpackPlugin\.options\.csp\s*%>/g;

/** The production template, office.js replaced by the harness. Throws if the template no longer has the tag. */
function e2eHtml() {
  const src = fs.readFileSync(TEMPLATE, 'utf8');
  if (!OFFICE_JS_TAG.test(src)) throw new Error(`${TEMPLATE}: no office.js <script> tag to replace with the harness`);
  const html = src
    .replace(OFFICE_JS_TAG, '<script src="harness.js"></script><!-- e2e: the simulated Excel host instead of office.js -->')
    .replace(CSP_EXPR, projectConfig.CSP_TASKPANE);
  if (/<%/.test(html)) throw new Error(`${TEMPLATE}: template expressions the e2e build does not know how to fill`);
  return html;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || 'development';
  const outDir = env.outDir || path.join(__dirname, '.build', 'harness');
  const cacheDir = env.cacheDir || path.join(__dirname, '.build', 'cache');
  const base = await projectConfig({}, { mode });

  const common = (name) => ({
    name,
    mode,
    context: ROOT,
    target: base.target,
    devtool: mode === 'production' ? false : 'source-map', // no eval: the page's CSP forbids it
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
    infrastructureLogging: { level: 'warn' },
    cache: {
      type: 'filesystem',
      cacheDirectory: cacheDir,
      name: `e2e-${name}-${mode}`,
      maxAge: 3 * 24 * 3600 * 1000, // old generations go after 3 days
      compression: 'gzip',
      buildDependencies: { config: [__filename, path.join(ROOT, 'webpack.config.js')] },
    },
  });

  const harness = {
    ...common('harness'),
    entry: { harness: './test/e2e/harness/harness.ts' },
    output: { path: outDir, filename: '[name].js', clean: false },
    plugins: [
      // fakeExcel.ts counts payload bytes with Buffer.byteLength; only this compilation gets the shim
      new webpack.ProvidePlugin({ Buffer: [path.join(__dirname, 'harness/buffer-shim.ts'), 'Buffer'] }),
    ],
  };

  const pane = {
    ...common('pane'),
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: { path: outDir, filename: '[name].js', chunkFilename: '[name].js', clean: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'e2e.html',
        templateContent: e2eHtml,
        chunks: ['taskpane'],
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/legacy-check.js', to: 'assets/legacy-check.js', info: { minimized: true } }] }),
      // as in the real build: functions.json, and the CustomFunctions.associate calls appended to the functions module
      projectConfig.functionsMetadataPlugin(),
    ],
  };

  return [harness, pane];
};

module.exports.e2eHtml = e2eHtml;
