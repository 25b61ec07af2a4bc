/** The streaming XML tokenizer: chunk boundaries anywhere, entities, CDATA, prefixes, strictness. */
import { XmlHandler, XmlTokenizer, parseAttrs, prefixedAttr, tokenize } from '../../src/io/xml';
import { WorkbookReadError } from '../../src/io/errors';

function events(chunks: string[]): string[] {
  const out: string[] = [];
  const h: XmlHandler = {
    wantText: true,
    open: (n, a, s) => out.push(`<${n}${a ? ' ' + JSON.stringify(parseAttrs(a)) : ''}${s ? '/' : ''}>`),
    close: (n) => out.push(`</${n}>`),
    text: (t) => {
      // adjacent texts (text, then CDATA) are one text for the reader
      if (out.length && out[out.length - 1].startsWith('"')) out[out.length - 1] = JSON.stringify(JSON.parse(out[out.length - 1]) + t);
      else out.push(JSON.stringify(t));
    },
  };
  const t = new XmlTokenizer(h);
  for (const c of chunks) t.write(c);
  t.end();
  return out;
}

const DOC =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<x:worksheet xmlns:x="urn:x" a=\'1\'>' +
  '<x:c r="A1" t="s" note="a>b &amp; &quot;c&quot;"><x:v>12</x:v></x:c>' +
  '<t xml:space="preserve"> Tổng &lt;cộng&gt; &#272;&#x1EA1;i\r\nhội <![CDATA[<raw> & ]]></t><e/>' +
  '</x:worksheet>';

describe('XmlTokenizer', () => {
  it('reports tags without prefixes, attributes and text with entities resolved and line ends normalised', () => {
    expect(events([DOC])).toEqual([
      '<worksheet {"xmlns:x":"urn:x","a":"1"}>',
      '<c {"r":"A1","t":"s","note":"a>b & \\"c\\""}>',
      '<v>',
      '"12"',
      '</v>',
      '</c>',
      '<t {"xml:space":"preserve"}>',
      JSON.stringify(' Tổng <cộng> Đại\nhội <raw> & '),
      '</t>',
      '<e/>',
      '</worksheet>',
    ]);
  });

  it('gives the same events whatever the chunk boundaries (every split of the document, and one character at a time)', () => {
    const whole = events([DOC]);
    for (let i = 1; i < DOC.length; i++) expect(events([DOC.slice(0, i), DOC.slice(i)])).toEqual(whole);
    expect(events([...DOC])).toEqual(whole);
  });

  it('keeps a text longer than its gathering threshold whole when it arrives in many chunks', () => {
    const long = 'ạ'.repeat(300_000);
    const doc = `<r><t>${long}</t></r>`;
    const chunks: string[] = [];
    for (let i = 0; i < doc.length; i += 1000) chunks.push(doc.slice(i, i + 1000));
    const out = events(chunks);
    expect(out[2]).toBe(JSON.stringify(long));
  });

  it('refuses what is not well-formed or carries a DTD', () => {
    const bad = ['<a><b></a>', '<a>', '<a/><b/>', '<!DOCTYPE x [<!ENTITY e "x">]><a>&e;</a>', '<a>&nbsp;</a>', '<a>&#0;</a>', 'text<a/>', '', '<a b="1"'];
    for (const doc of bad) expect(() => tokenize(doc, { wantText: true, open() {}, close() {}, text() {} })).toThrow(WorkbookReadError);
  });

  it('does not keep text nobody reads waiting for its end', () => {
    // 5 MB of blanks between two elements, written in 64 KB chunks: nothing is gathered (no error, no quadratic work)
    const t = new XmlTokenizer({ wantText: false, open() {}, close() {}, text() {} });
    t.write('<a>');
    const blank = ' '.repeat(65536);
    for (let i = 0; i < 80; i++) t.write(blank);
    t.write('<b/></a>');
    t.end();
  });

  it('prefixedAttr finds r:id under any prefix', () => {
    expect(prefixedAttr(parseAttrs(' name="A" relationships:id="rId3"'), 'id')).toBe('rId3');
    expect(prefixedAttr(parseAttrs(' xmlns:id="x" id="y"'), 'id')).toBeUndefined();
  });
});
