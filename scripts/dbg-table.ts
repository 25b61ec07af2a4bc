import { readFileSync } from 'fs';
import { readSnapshots } from '../src/io/xlsx';
import { Grid } from '../src/core/snapshot';
import { buildTable } from '../src/core/table/rows';
(async () => {
  for (const f of process.argv.slice(2)) {
    const [snap] = await readSnapshots(readFileSync(f));
    const t = buildTable(new Grid(snap))!;
    console.log(f, 'planYear', t.planYear, 'header', t.header.headerRows, JSON.stringify(t.col), JSON.stringify(t.header.scoreColumns.map(s=>[s.column,s.kind,s.year])));
    console.log(t.rows.filter(r=>r.kind!=='item').map(r => `${r.row}:${r.kind}${r.item? '<'+r.item.number+'@'+r.item.row : ''}`).join(' '));
    console.log('items', t.items.map(i=>`${i.number}@${i.row}${i.children.length?'*':''}`).join(' '));
    console.log('total', t.totalRow, 'words', t.wordsRow, 'last', t.lastDataRow, 'repeated', t.repeatedHeaders, 'frag', t.fragments.map(f=>f.row+'<'+f.item?.number));
  }
})();
