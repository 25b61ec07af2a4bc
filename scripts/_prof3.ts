import { readFileSync } from 'fs';
import { readSnapshots } from '../src/io/xlsx';
import { openZip, findEntry, inflateEntry } from '../src/io/zip';
import { XmlTokenizer } from '../src/io/xml';
(async () => {
  const b = new Uint8Array(readFileSync('/tmp/i8-50k.xlsx'));
  const z = openZip(b);
  const e = findEntry(z, 'xl/worksheets/sheet1.xml')!;
  const times: Record<string, number[]> = { read: [], tok: [], inf: [] };
  for (let k = 0; k < 8; k++) {
    let t = performance.now();
    await readSnapshots(b);
    times.read.push(performance.now() - t);
    t = performance.now();
    const tok = new XmlTokenizer({ wantText: false, open() {}, close() {}, text() {} });
    const dec = new TextDecoder();
    inflateEntry(z, e, (c) => tok.write(dec.decode(c, { stream: true })));
    tok.end();
    times.tok.push(performance.now() - t);
    t = performance.now();
    inflateEntry(z, e, () => {});
    times.inf.push(performance.now() - t);
  }
  for (const [k, v] of Object.entries(times)) console.log(k, v.map((x) => x.toFixed(0)).join(' '), 'min', Math.min(...v).toFixed(0));
})();
