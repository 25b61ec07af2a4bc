import { readFileSync } from 'fs';
import { readSnapshots } from '../src/io/xlsx';
(async () => {
  const b = readFileSync('/tmp/i8-50k.xlsx');
  for (let k = 0; k < 6; k++) {
    const t = performance.now();
    await readSnapshots(b);
    console.log((performance.now() - t).toFixed(0));
  }
})();
