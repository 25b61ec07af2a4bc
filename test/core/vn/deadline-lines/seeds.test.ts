/**
 * Issue 7: every deadline-like phrase of the seed documents reads as checked by hand (seed-phrases.ts). A phrase of
 * the published plans the grammar cannot read precisely is 'unparsed' there, on purpose.
 */
import { Grid } from '../../../../src/core/snapshot';
import { buildTable } from '../../../../src/core/table/rows';
import { fixtureSnapshot } from '../../../helpers';
import { SEED_PHRASES } from './seed-phrases';
import { reading } from './reading';

describe('the seed documents\' deadline phrases', () => {
  test.each(SEED_PHRASES.map((s) => [s.text, s.plan, s.reading, s.source] as const))('%j (plan %p) → %s  [%s]', (text, plan, expected) => {
    expect(reading(text, plan)).toBe(expected);
  });

  test.each(['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx'])(
    'every deadline cell of the fixture %s (transcribed from a seed) is in the table, with its plan year',
    async (name) => {
      const grid = new Grid(await fixtureSnapshot(name));
      const table = buildTable(grid)!;
      const cells = new Set<string>();
      for (const row of table.rows) {
        const v = row.kind === 'header' ? null : grid.value(row.row, table.col.deadline!);
        if (typeof v === 'string') cells.add(v);
      }
      expect(cells.size).toBeGreaterThan(3);
      for (const text of cells) {
        expect(SEED_PHRASES.filter((s) => s.text === text && s.plan === table.planYear).map((s) => s.text)).toEqual([text]);
      }
    },
  );
});
