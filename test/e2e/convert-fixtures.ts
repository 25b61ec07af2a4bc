/**
 * test/fixtures/*.xlsx → <out>/<name>.json, through the project's own reader (src/io/xlsx.ts `readSnapshots`), so the
 * simulated Excel host holds exactly what the CLI and the unit tests see.
 *
 *   npx tsx test/e2e/convert-fixtures.ts <outDir>
 *
 * Each file is `{ "fixture": name, "sheets": SheetSnapshot[] }`. Run by test/e2e/run.js.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { readSnapshots } from '../../src/io/xlsx';

export interface FixtureFile {
  fixture: string;
  sheets: Awaited<ReturnType<typeof readSnapshots>>;
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: convert-fixtures.ts <outDir>');
  const dir = path.resolve(__dirname, '../fixtures');
  mkdirSync(out, { recursive: true });
  const names: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort()) {
    const fixture = file.replace(/\.xlsx$/, '');
    const sheets = await readSnapshots(readFileSync(path.join(dir, file)));
    const doc: FixtureFile = { fixture, sheets };
    writeFileSync(path.join(out, `${fixture}.json`), JSON.stringify(doc));
    names.push(fixture);
  }
  process.stdout.write(JSON.stringify(names) + '\n');
}

main().catch((e) => {
  process.stderr.write(`convert-fixtures: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
