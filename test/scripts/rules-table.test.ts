/** The README's rule table is the catalogue's (src/core/report.ts): run `npm run docs:rules` after changing a rule. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES, RULE_DOCS } from '../../src/core/report';
import { rulesTable, withRulesTable } from '../../scripts/rules-table';

test('README.md carries exactly the generated rule table', () => {
  const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(withRulesTable(readme)).toBe(readme);
});

test('every rule in the catalogue has its documentation and one row in the table', () => {
  const table = rulesTable();
  for (const r of RULES) {
    expect(RULE_DOCS[r.id]).toBeDefined();
    expect(table.split('\n').filter((l) => l.startsWith(`| \`${r.id}\` |`))).toHaveLength(1);
  }
  expect(Object.keys(RULE_DOCS).sort()).toEqual(RULES.map((r) => r.id).sort());
});
