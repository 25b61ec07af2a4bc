/** "Tải tất cả": the zip of annotated copies (src/io/copiesZip.ts) — unique names, copies byte for byte, the text file. */
import { unzipSync, strFromU8 } from 'fflate';
import { copiesZip, uniqueNames } from '../../src/io/copiesZip';

describe('copiesZip', () => {
  it('names are made unique without regard to case, and safe for Windows', () => {
    expect(uniqueNames(['a-phuluc.xlsx', 'A-phuluc.xlsx', 'a-phuluc.xlsx', 'b/c:d.xlsx', '..'])).toEqual([
      'a-phuluc.xlsx',
      'A-phuluc (2).xlsx',
      'a-phuluc (3).xlsx',
      'b-c-d.xlsx',
      'phu-luc.xlsx',
    ]);
  });

  it('holds the text file first, then each copy unchanged under a unique UTF-8 name', () => {
    const a = new Uint8Array([1, 2, 3, 4, 5]);
    const b = new Uint8Array(5000).fill(7);
    const zip = copiesZip(
      [
        { name: 'Sở Nội vụ-phuluc.xlsx', bytes: a },
        { name: 'sở nội vụ-phuluc.xlsx', bytes: b },
      ],
      { name: '00-DOC-TRUOC.txt', text: (names) => `Có ${names.length} bản:\n${names.join('\n')}\n` },
    );
    expect(zip.names).toEqual(['Sở Nội vụ-phuluc.xlsx', 'sở nội vụ-phuluc (2).xlsx']);
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual(['00-DOC-TRUOC.txt', 'Sở Nội vụ-phuluc.xlsx', 'sở nội vụ-phuluc (2).xlsx']);
    expect(files['Sở Nội vụ-phuluc.xlsx']).toEqual(a);
    expect(files['sở nội vụ-phuluc (2).xlsx']).toEqual(b);
    const raw = files['00-DOC-TRUOC.txt'];
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a UTF-8 byte-order mark: Notepad reads the Vietnamese right
    expect(strFromU8(raw.subarray(3))).toBe('Có 2 bản:\r\nSở Nội vụ-phuluc.xlsx\r\nsở nội vụ-phuluc (2).xlsx\r\n');
  });
});
