/**
 * Issue 7, point 15: legacy Vietnamese encodings (TCVN3 / VNI) are detected by letters and font names and decoded to
 * Unicode, saying so in the report; ordinary Unicode text is never decoded.
 */
import fc from 'fast-check';
import { check } from '../../../src/core/check';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { decodeSnapshot, decodeTcvn3, decodeVni, detectLegacy, evidence } from '../../../src/core/vn/legacy';
import { byRule, cellsOf, fixtureSnapshot, sheet } from '../../helpers';
import { encodeSheet, encodeTcvn3 } from '../../legacyText';

/** VNI, derived independently from Unicode decomposition: base letter, then the VNI mark for its diacritics. */
function encodeVni(text: string): string {
  const TONE: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
  const CIRC: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
  const BREVE: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
  const I: Record<string, string> = { '': 'i', '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const d = ch.normalize('NFD');
    const base = d[0];
    const marks = d.slice(1);
    const upper = base !== base.toLowerCase();
    const up = (s: string) => (upper ? s.toUpperCase() : s);
    const b = base.toLowerCase();
    if (ch === 'đ' || ch === 'Đ') out += up('ñ');
    else if (!marks) out += ch;
    else {
      const tone = [...marks].find((m) => m in TONE) ?? '';
      const horn = marks.includes('\u031b');
      if (b === 'i') out += up(I[tone]);
      else if (b === 'y' && tone === '\u0323') out += up('î');
      else if (marks.includes('\u0302')) out += up(b) + up(CIRC[tone]);
      else if (marks.includes('\u0306')) out += up(b) + up(BREVE[tone]);
      else if (horn) out += up(b === 'o' ? 'ô' : 'ö') + (tone ? up(TONE[tone]) : '');
      else out += up(b) + up(TONE[tone]);
    }
  }
  return out;
}

describe('decoding', () => {
  test.each([
    ['Hµ Néi', 'Hà Nội'],
    ['B¶o Th¾ng', 'Bảo Thắng'],
    ['M\u00adêng Kh\u00ad¬ng', 'Mường Khương'],
    ['B¸t X¸t', 'Bát Xát'],
    ['Thõa Thiªn HuÕ', 'Thừa Thiên Huế'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['Thêi gian hoµn thµnh', 'Thời gian hoàn thành'],
    ['Kinh phÝ (triÖu ®ång)', 'Kinh phí (triệu đồng)'],
    ['KÕ HO¹CH C¶I C¸CH HµNH CHÝNH N¡M 2024', 'KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], // .VnTimeH capitals
    ['§¬n vÞ', 'Đơn vị'],
  ])('TCVN3 %j → %j', (legacy, unicode) => expect(decodeTcvn3(legacy)).toBe(unicode));

  test.each([
    ['Vieät Nam', 'Việt Nam'],
    ['Haø Noäi', 'Hà Nội'],
    ['Ngöôøi', 'Người'],
    ['Uûy ban nhaân daân', 'Ủy ban nhân dân'],
    ['Thôøi gian hoaøn thaønh', 'Thời gian hoàn thành'],
    ['Cô quan chuû trì', 'Cơ quan chủ trì'],
    ['KEÁ HOAÏCH NAÊM 2024', 'KẾ HOẠCH NĂM 2024'],
    ['Kinh phí (trieäu ñoàng)', 'Kinh phí (triệu đồng)'],
    ['Quyù IV/2024', 'Quý IV/2024'],
  ])('VNI %j → %j', (legacy, unicode) => expect(decodeVni(legacy)).toBe(unicode));

  test('every Vietnamese letter, either case, round-trips through VNI', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const ch of letters + letters.toUpperCase()) expect(decodeVni(encodeVni(ch))).toBe(ch);
  });

  test('every lower-case Vietnamese letter round-trips through TCVN3', () => {
    for (const ch of 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ') expect(decodeTcvn3(encodeTcvn3(ch))).toBe(ch);
  });
});

describe('detection', () => {
  test('Unicode Vietnamese is never legacy evidence — the three real fixtures are left exactly as they are', async () => {
    for (const name of ['hue-2018-nhiem-vu.xlsx', 'cathai-2023-danh-muc.xlsx', 'hagiang-2024-chi-so.xlsx']) {
      const snap = await fixtureSnapshot(name);
      const texts = snap.values.flat().filter((v): v is string => typeof v === 'string');
      expect(texts.filter((t) => evidence(t).tcvn3 || evidence(t).vni)).toEqual([]);
      expect(detectLegacy(texts)).toBeNull();
      const { snapshot, legacy } = decodeSnapshot(snap);
      expect(legacy).toBeNull();
      expect(snapshot).toBe(snap);
      expect(byRule(check(snap, { asOf: '2024-06-01' }), 'legacy-encoding')).toEqual([]);
    }
  });

  test('property: Unicode text — Vietnamese, quotes «», symbols, any Latin-1 — is never decoded in a Unicode sheet', () => {
    const words = fc.constantFrom('Hà Nội', 'Cơ quan chủ trì', '«Kế hoạch»', 'Ghi chú', 'Tên', 'Mã số', '10 × 20', '5°C', '§ 3', 'Microsoft®', 'Số TT', 'café', 'Điểm', 'Quý IV/2024');
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(words, fc.string({ unit: fc.constantFrom(...'aeiouyàáâãèéêìíòóôõùúý ,.'.split('')) }))), { minLength: 1, maxLength: 10 }), (rows) => {
        const snap: SheetSnapshot = { name: 'T', values: [['Cơ quan chủ trì', 'Thời gian'], ...rows] };
        const { snapshot } = decodeSnapshot(snap);
        expect(snapshot).toBe(snap);
      }),
      { numRuns: 300 },
    );
  });

  test('one cell of TCVN3 is not enough without a font; with ".VnTime" it is', () => {
    expect(detectLegacy(['Hµ Néi'])).toBeNull();
    expect(detectLegacy(['Hµ Néi'], ['.VnTime', 'Arial'])).toMatchObject({ encoding: 'tcvn3', fonts: ['.VnTime'] });
    expect(detectLegacy(['Hµ Néi', 'Thêi gian hoµn thµnh', 'C¬ quan chñ tr×'])).toMatchObject({ encoding: 'tcvn3', mode: 'all' });
    expect(detectLegacy(['Haø Noäi', 'Vieät Nam', 'Ngöôøi'])).toMatchObject({ encoding: 'vni' });
    expect(detectLegacy(['Haø Noäi'], ['VNI-Times'])).toMatchObject({ encoding: 'vni', fonts: ['VNI-Times'] });
  });

  test('a mixed sheet decodes only the cells with evidence; a Unicode "Ghi chú" stays', () => {
    const snap = sheet([['Kế hoạch năm 2024'], ['Hµ Néi', 'Ghi chú'], ['Thêi gian hoµn thµnh', 'Tên'], ['C¬ quan chñ tr×']]);
    const { snapshot, legacy } = decodeSnapshot(snap);
    expect(snapshot.values).toEqual([['Kế hoạch năm 2024'], ['Hà Nội', 'Ghi chú'], ['Thời gian hoàn thành', 'Tên'], ['Cơ quan chủ trì']]);
    expect(legacy).toMatchObject({ encoding: 'tcvn3', decoded: true, cells: 3 });
    expect(snap.values[1][0]).toBe('Hµ Néi'); // the host's snapshot is not changed
  });

  test('a legacy font with no text only it explains: reported, nothing decoded', () => {
    const r = check({ ...sheet([['TT', 'Néi dung', 'Thêi gian'], ['1', 'Sè', 'Quý I/2024']]), fonts: ['.VnTime'] }, { asOf: '2024-06-01' });
    expect(byRule(r, 'legacy-encoding')).toMatchObject([{ severity: 'warning', actual: 'tcvn3' }]);
  });
});

describe('on a real layout: the Huế 2018 appendix typed in TCVN3, and in VNI', () => {
  test.each([
    ['TCVN3', encodeTcvn3, ['.VnTime', '.VnTimeH']],
    ['VNI', encodeVni, ['VNI-Times']],
  ] as const)('%s: the same findings as the Unicode original, plus one note saying it was decoded', async (_name, enc, fonts) => {
    const hue = await fixtureSnapshot('hue-2018-nhiem-vu.xlsx');
    const unicode = check(hue, { asOf: '2018-02-15' });
    const legacy = check({ ...encodeSheet(hue, enc), fonts: [...fonts] }, { asOf: '2018-02-15' });
    const [note] = byRule(legacy, 'legacy-encoding');
    expect(note).toMatchObject({ severity: 'info', expected: 'unicode' });
    expect(note.message.vi).toMatch(/đã chuyển \d+ ô sang Unicode/);
    expect(note.message.vi).toContain('Nên chuyển cả tệp sang Unicode');
    expect(legacy.planYear).toBe(2018);
    expect(legacy.table!.columns).toEqual(unicode.table!.columns);
    expect(legacy.budget).toMatchObject({ total: 26979, stated: 21950, unit: 'triệu đồng' });
    expect(legacy.budget!.words!.amount).toBe(21950);
    const rules = (r: typeof unicode) => r.findings.filter((f) => f.rule !== 'legacy-encoding').map((f) => `${f.rule} ${f.cell}`);
    expect(rules(legacy)).toEqual(rules(unicode));
    expect(cellsOf(legacy, 'deadline-unparsed')).toEqual([]);
  });
});
