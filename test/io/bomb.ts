/**
 * A "zip bomb" workbook for the limit tests: a valid package whose sheet part is a hand-made DEFLATE stream that
 * inflates to `bytes` of blanks inside <sheetData> from about bytes/160 compressed bytes, while the zip claims the
 * part is 1 000 bytes. Nothing large is ever built in memory to make it.
 */
import { NS, sheetXml, workbook } from './pkg';
import { openZip, writeZip } from '../../src/io/zip';

/** A raw DEFLATE stream (fixed Huffman codes) of `prefix` followed by `repeats` × 258 copies of its last byte. */
export function deflateBomb(prefix: string, repeats: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (value: number, n: number) => {
    acc |= value << bits;
    bits += n;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  };
  const huff = (code: number, n: number) => {
    // Huffman codes go most significant bit first
    let rev = 0;
    for (let i = 0; i < n; i++) rev |= ((code >> i) & 1) << (n - 1 - i);
    put(rev, n);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman codes
  for (const ch of new TextEncoder().encode(prefix)) {
    if (ch <= 143) huff(0x30 + ch, 8);
    else huff(0x190 + ch - 144, 9);
  }
  for (let i = 0; i < repeats; i++) {
    huff(0xc5, 8); // length code 285 = 258 bytes (codes 280–287: 11000000 + n)
    huff(0, 5); // distance code 0 = distance 1
  }
  huff(0, 7); // end of block (256)
  if (bits) out.push(acc & 0xff);
  return new Uint8Array(out);
}

export function zipBomb(bytes: number): Uint8Array {
  const good = workbook({ sheets: [{ name: 'A', xml: sheetXml('') }] });
  const z = openZip(good);
  const bomb = deflateBomb(`<worksheet xmlns="${NS}"><sheetData>  `, Math.ceil(bytes / 258));
  const src = new Uint8Array(good.length + bomb.length);
  src.set(good);
  src.set(bomb, good.length);
  return writeZip(
    src,
    z.entries.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { copy: { ...e, method: 8, compressedSize: bomb.length, size: 1000, crc: 0, dataOffset: good.length } } : { copy: e },
    ),
  );
}
