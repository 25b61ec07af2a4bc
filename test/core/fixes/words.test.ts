/** The amount in words in the document's own spelling, read back before it is proposed. */
import { Dec } from '../../../src/core/decimal';
import { CANONICAL_STYLE, detectWordsStyle, rewriteWords, styledWords } from '../../../src/core/fixes';
import { parseWords } from '../../../src/core/vn/words';

const d = (n: string) => Dec.parse(n)!;

describe('detectWordsStyle', () => {
  it('canonical when the text shows nothing else', () => {
    expect(detectWordsStyle('(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triệu đồng)')).toEqual(CANONICAL_STYLE);
  });
  it('ngàn, lẻ, tỉ, chẵn, lower case', () => {
    expect(detectWordsStyle('bằng chữ: hai tỉ không trăm lẻ năm triệu ba trăm ngàn đồng chẵn')).toEqual({
      ...CANONICAL_STYLE,
      thousand: 'ngàn',
      odd: 'lẻ',
      billion: 'tỉ',
      even: true,
      capital: false,
    });
  });
  it('một / bốn / nhăm after mươi', () => {
    expect(detectWordsStyle('Ba mươi một triệu đồng')).toMatchObject({ one: 'một' });
    expect(detectWordsStyle('Ba mươi bốn triệu đồng')).toMatchObject({ four: 'bốn' });
    expect(detectWordsStyle('Ba mươi nhăm triệu đồng')).toMatchObject({ five: 'nhăm' });
    expect(detectWordsStyle('Ba mươi mốt triệu đồng')).toMatchObject({ one: 'mốt' });
  });
  it('"không trăm" left out where the amount needed it', () => {
    expect(detectWordsStyle('Một tỷ năm mươi triệu đồng').zeroHundred).toBe(false);
    expect(detectWordsStyle('Một tỷ không trăm năm mươi triệu đồng').zeroHundred).toBe(true);
    expect(detectWordsStyle('Một tỷ hai trăm triệu đồng').zeroHundred).toBe(true); // nothing to tell: canonical
  });
});

describe('styledWords', () => {
  it('canonical', () => {
    expect(styledWords(d('26979000000'), CANONICAL_STYLE)).toBe('Hai mươi sáu tỷ chín trăm bảy mươi chín triệu');
  });
  it('every variant', () => {
    const style = { ...CANONICAL_STYLE, thousand: 'ngàn', odd: 'lẻ', billion: 'tỉ', one: 'một', four: 'bốn', five: 'nhăm', zeroHundred: false, capital: false } as const;
    expect(styledWords(d('1021405000'), style)).toBe('một tỉ hai mươi một triệu bốn trăm lẻ năm ngàn');
    expect(styledWords(d('25024000'), style)).toBe('hai mươi nhăm triệu hai mươi bốn ngàn');
  });
  it('refuses fractions and negative amounts', () => {
    expect(styledWords(d('1.5'), CANONICAL_STYLE)).toBeNull();
    expect(styledWords(d('-5'), CANONICAL_STYLE)).toBeNull();
  });
  it('whatever the style, the words read back as the amount', () => {
    const styles = [CANONICAL_STYLE, { ...CANONICAL_STYLE, thousand: 'ngàn', odd: 'lẻ', billion: 'tỉ', one: 'một', four: 'bốn', five: 'nhăm', zeroHundred: false }] as const;
    for (const n of ['1', '15', '21', '105', '1005', '1000005', '1000050000', '21950000000', '999999999999', '1001001001', '25045']) {
      for (const st of styles) {
        const w = styledWords(d(n), st)!;
        expect({ n, w, back: parseWords(`${w} đồng`)?.value.toString() }).toEqual({ n, w, back: n });
      }
    }
  });
});

describe('rewriteWords', () => {
  it('Huế: the words for 26.979 triệu, label and parentheses kept', () => {
    expect(rewriteWords('(Bằng chữ: Hai mươi mốt tỷ chín trăm năm mươi triệu đồng)', d('26979000000'))).toEqual({
      text: '(Bằng chữ: Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng)',
      words: 'Hai mươi sáu tỷ chín trăm bảy mươi chín triệu đồng',
    });
  });
  it('keeps ngàn, lẻ, tỉ and chẵn', () => {
    expect(rewriteWords('Bằng chữ: Hai tỉ không trăm lẻ năm triệu ba trăm ngàn đồng chẵn./.', d('1021405000'))!.text).toBe(
      'Bằng chữ: Một tỉ không trăm hai mươi mốt triệu bốn trăm lẻ năm ngàn đồng chẵn./.',
    );
  });
  it('keeps lower case and the unit word as written', () => {
    expect(rewriteWords('Số tiền bằng chữ: hai triệu VNĐ', d('3000000'))!.text).toBe('Số tiền bằng chữ: ba triệu VNĐ');
  });
  it('writes the words anew when the old ones cannot be read', () => {
    expect(rewriteWords('(Bằng chữ: ………… đồng chẵn)', d('1500000000'))!.text).toBe('(Bằng chữ: Một tỷ năm trăm triệu đồng chẵn)');
    expect(rewriteWords('', d('1500000000'))!.text).toBe('Bằng chữ: Một tỷ năm trăm triệu đồng');
  });
  it('refuses what cannot be written', () => {
    expect(rewriteWords('Bằng chữ: Một tỷ đồng', d('1.5'))).toBeNull();
  });
});
