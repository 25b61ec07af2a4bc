// Quotes of cell text in messages: one helper, cut at a word boundary, never mid-word when a boundary is near.
import { clean, collapseSpaces, cutAtWord, excerpt, fold, isSpaceCode } from '../../../src/core/vn/text';
import fc from 'fast-check';
import { SEVERITY_COUNTED, SEVERITY_NAME, severityCounts } from '../../../src/core/report';
import { check } from '../../../src/core/check';
import { fixtureSnapshot } from '../../helpers';

describe('excerpt / cutAtWord', () => {
  test('short text is kept whole (white space collapsed, NFC)', () => {
    expect(excerpt('  Quý   IV/2017 ')).toBe('Quý IV/2017');
    expect(excerpt('Tháng 01/2018', 13)).toBe('Tháng 01/2018');
  });

  test('a long text is cut after the last whole word and ends with one "…"', () => {
    const title = 'III.1 Kiểm tra, đánh giá tình hình tổ chức cán bộ của các cơ quan';
    const cut = excerpt(title, 50);
    expect(cut).toBe('III.1 Kiểm tra, đánh giá tình hình tổ chức cán bộ…');
    expect(cut.length).toBeLessThanOrEqual(50);
    // every word before the "…" is a whole word of the original
    for (const w of cut.slice(0, -1).split(' ')) expect(title.split(' ')).toContain(w);
  });

  test('punctuation left at the cut goes, the ellipsis follows a word', () => {
    expect(excerpt('Xây dựng, ban hành: kế hoạch kiểm tra', 20)).toBe('Xây dựng, ban hành…');
    expect(cutAtWord('Một hai ba, bốn năm sáu bảy', 12)).toBe('Một hai ba…');
  });

  test('one long word (a URL) is cut inside rather than dropped', () => {
    const url = 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html';
    const cut = excerpt(url, 30);
    expect(cut.length).toBe(30);
    expect(cut.endsWith('…')).toBe(true);
    expect(url.startsWith(cut.slice(0, -1))).toBe(true);
  });

  test('a cut that falls on a space keeps the whole word before it', () => {
    expect(cutAtWord('abc def ghi', 8)).toBe('abc def…');
  });
});

describe('one set of severity names', () => {
  test('Lỗi / Cảnh báo / Lưu ý, never abbreviated', () => {
    expect(SEVERITY_NAME.error.vi).toBe('Lỗi');
    expect(SEVERITY_NAME.warning.vi).toBe('Cảnh báo');
    expect(SEVERITY_NAME.info.vi).toBe('Lưu ý');
    expect(severityCounts({ error: 15, warning: 12, info: 2 }, 'vi')).toBe('15 lỗi, 12 cảnh báo, 2 lưu ý');
    expect(severityCounts({ error: 3, warning: 0, info: 2 }, 'en')).toBe('3 errors, 0 warnings, 2 notes');
    for (const s of Object.values(SEVERITY_COUNTED)) expect(s.vi).not.toMatch(/\./);
  });
});

describe('messages read as administrative Vietnamese', () => {
  test('an overdue deadline: «Quá hạn: hạn hoàn thành … đã qua, tính đến ngày …»', async () => {
    const r = check(await fixtureSnapshot('hue-2018-nhiem-vu.xlsx'), { asOf: '2018-02-15' });
    const g6 = r.findings.find((f) => f.cell === 'G6' && f.rule === 'deadline-overdue')!;
    expect(g6.message.vi).toBe('Quá hạn: hạn hoàn thành «Quý IV/2017» (31/12/2017) đã qua, tính đến ngày 15/02/2018 chưa rõ kết quả thực hiện.');
    // the task quoted in a message is cut after a whole word
    const g19 = r.findings.find((f) => f.cell === 'G19')!;
    expect(g19.message.vi).toMatch(/tổ chức cán bộ của…\)/);
    // the same empty mandatory column shares one gist, whatever the task
    const empty = r.findings.filter((f) => f.rule === 'missing-required' && f.column === 'G');
    expect(empty.length).toBe(11);
    expect(new Set(empty.map((f) => f.gist?.vi))).toEqual(new Set(['Thiếu «Thời gian hoàn thành» (cột bắt buộc)']));
  });
});

describe('white space: the fast paths give what the regular expressions give', () => {
  test('isSpaceCode is \\s, for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  test('collapseSpaces is .replace(/\\s+/g, " ").trim()', () => {
    const cases = ['', ' ', 'a', ' a', 'a ', 'a  b', 'a b c', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u2003b', '\ufeffx', 'x\u3000', 'Sở Nội vụ', ' Quý IV/2024 ', 'a \r\n b'];
    for (const s of cases) expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, ' ').trim());
    const spacey = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2002', '\u3000', '\ufeff', 'a', 'Đ', 'ệ', '.', 'e\u0301');
    fc.assert(
      fc.property(fc.array(spacey, { maxLength: 12 }).map((parts) => parts.join('')), (s) => collapseSpaces(s) === s.replace(/\s+/g, ' ').trim()),
      { numRuns: 2000 },
    );
  });

  test('clean and fold keep their meaning', () => {
    expect(clean('  Nhiệm  vụ\n số 1 ')).toBe('Nhiệm vụ số 1');
    expect(clean('Ho\u0300a')).toBe('Hòa');
    expect(fold(' Cơ quan\u00a0CHỦ TRÌ ')).toBe('co quan chu tri');
  });
});

test('cutAtWord drops the spaces and punctuation left at the cut exactly as /[\\s,;:–—-]+$/u does', () => {
  const part = fc.constantFrom(' ', '\u00a0', '\u3000', ',', ';', ':', '–', '—', '-', '.', 'a', 'ệ', 'Đ', 'x y', '…');
  fc.assert(
    fc.property(fc.array(part, { minLength: 1, maxLength: 16 }).map((p) => p.join('')), fc.integer({ min: 2, max: 20 }), (text, max) => {
      if (text.length <= max) return cutAtWord(text, max) === text;
      const room = Math.max(1, max - 1);
      let head = text.slice(0, room);
      if (text[room] !== ' ' && text[room] !== undefined) {
        const space = head.lastIndexOf(' ');
        if (space >= room / 2) head = head.slice(0, space);
      }
      head = head.replace(/[\s,;:–—-]+$/u, '');
      return cutAtWord(text, max) === (head || text.slice(0, room)) + '…';
    }),
    { numRuns: 3000 },
  );
});
