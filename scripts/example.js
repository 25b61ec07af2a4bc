#!/usr/bin/env node
'use strict';
/**
 * `npm run example`: the checker on the bundled Huế 2018 appendix, judged on 15/02/2018. The example has errors on
 * purpose, so the CLI's exit code 1 ("errors found") is the expected outcome and becomes 0 here; any other code
 * (2 unreadable, 3 not checked, a crash) is passed on. Plain Node, so it runs the same in cmd.exe, PowerShell and sh.
 * Extra arguments are passed to the CLI: `npm run example -- --lang en`.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'bin', 'phuluc.js');
const args = [cli, 'check', 'examples', '--as-of', '15/02/2018', ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.error) {
  process.stderr.write(`example: ${r.error.message}\n`);
  process.exit(2);
}
process.exit(r.status === 1 ? 0 : r.status ?? 1);
