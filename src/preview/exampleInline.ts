/**
 * The bundled example inside the page's scripts, for a page opened from a folder (file://), where the browser refuses
 * to fetch even the file next to the page. A chunk of its own (about 16 KB), loaded only then; webpack inlines the
 * workbook as a data: URL (webpack.config.js, asset/inline), decoded here without fetch (the CSP allows no data: fetch).
 */
import exampleUrl from '../../examples/hue-2018-nhiem-vu.xlsx';

export function exampleBlob(): Blob {
  const base64 = exampleUrl.slice(exampleUrl.indexOf(',') + 1);
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
