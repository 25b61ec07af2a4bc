/** What the CLI tests share: `phuluc` run through its entry point with its output caught, and the fixtures' paths. */
import * as path from 'path';
import { main } from '../../src/cli/main';
import { FIXTURES } from '../helpers';

/** `phuluc argv…`, not a terminal, on a fixed day (15 June 2024): its exit code, standard output and standard error. */
export async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTty: false, now: new Date('2024-06-15T08:00:00Z') });
  return { code, out, err };
}

export const HUE = path.join(FIXTURES, 'hue-2018-nhiem-vu.xlsx');
export const HG = path.join(FIXTURES, 'hagiang-2024-chi-so.xlsx');
