/**
 * test/excel/fakeExcel.ts measures payloads with `Buffer.byteLength(json, 'utf8')`, a Node API. In the browser
 * harness webpack's ProvidePlugin points that `Buffer` here (see ../webpack.harness.js): the same UTF-8 byte count.
 */
const encoder = new TextEncoder();

export const Buffer = {
  byteLength(text: string): number {
    return encoder.encode(String(text)).length;
  },
};
