/** npm run docs:rules — writes the rule table into README.md from the catalogue (see scripts/rules-table.ts). */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { withRulesTable } from './rules-table';

const file = path.join(__dirname, '..', 'README.md');
const before = readFileSync(file, 'utf8');
const after = withRulesTable(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'README.md rule table already up to date\n' : 'README.md rule table updated\n');
