/**
 * Writes the Hà Giang sheet as a unit's self-assessment with the appraisal council's column (test/hagiangVariants.ts)
 * to an .xlsx file, for the preview's end-to-end check of the bảng giải trình download (run with tsx by run.js).
 *
 *   tsx test/e2e/preview/appraisal-file.ts OUT.xlsx
 */
import { writeFileSync } from 'fs';
import { fixtureSnapshot, snapshotXlsx } from '../../helpers';
import { appraisedSheet } from '../../hagiangVariants';

(async () => {
  const out = process.argv[2];
  if (!out) throw new Error('usage: appraisal-file.ts OUT.xlsx');
  writeFileSync(out, snapshotXlsx(appraisedSheet(await fixtureSnapshot('hagiang-2024-chi-so.xlsx'))));
  process.stdout.write(`${out}\n`);
})().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
