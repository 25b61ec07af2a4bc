/** The name of an annotated copy, shared by the CLI and the preview (the page imports this, not the annotator). */

/** Extensions the annotator keeps: a macro-enabled workbook or a template must keep its kind to open in Excel. */
const KEEP = /\.(xlsm|xltx|xltm)$/i;

/**
 * "bao-cao.xlsx" → "bao-cao-phuluc.xlsx"; "so-lieu.xlsm" → "so-lieu-phuluc.xlsm" (Excel refuses a macro-enabled
 * workbook named .xlsx). `format`, when known, decides over the name ("x.xlsx" that is really an .xlsm).
 */
export function annotatedName(name: string, format?: string): string {
  const ext = format && /^(xlsx|xlsm|xltx|xltm)$/.test(format) ? `.${format}` : (KEEP.exec(name)?.[0]?.toLowerCase() ?? '.xlsx');
  const base = name.replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|xml|html?)$/i, '');
  return `${base || 'phu-luc'}-phuluc${ext}`;
}
