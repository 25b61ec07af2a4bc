/**
 * Calendar arithmetic on integers (proleptic Gregorian; no Date objects, so no time zones): valid days, ISO dates,
 * day offsets and Excel's 1900 date serials. The deadline grammar (period.ts) builds on it.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;


function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a real calendar day (years 1–9999). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function toIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseIso(iso: string): [number, number, number] | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') return null;
  const digits = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  for (const c of digits) if (c < '0' || c > '9') return null;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return isValidDate(y, m, d) ? [y, m, d] : null;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** ISO date plus `days` (may be negative). Throws RangeError on a malformed or impossible ISO date. */
export function addDays(iso: string, days: number): string {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(days)) throw new RangeError(`addDays: invalid arguments ${String(iso)}, ${String(days)}`);
  const [y, m, d] = civilFromDays(daysFromCivil(p[0], p[1], p[2]) + days);
  return toIso(y, m, d);
}

/** Excel serial 1 = 1900-01-01 in the 1900 date system; serial 60 is Excel's fictitious 1900-02-29. */
const EXCEL_DAY0 = daysFromCivil(1899, 12, 31);
const EXCEL_MAX = 2958465; // 9999-12-31

/**
 * Excel 1900-system serial → ISO date; the fractional (time) part is ignored. Returns null for serials that are
 * not a day Excel can show (< 1, > 9999-12-31, non-finite) and for 60, the non-existent 1900-02-29.
 */
export function excelSerialToIso(serial: number): string | null {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > EXCEL_MAX || n === 60) return null;
  const [y, m, d] = civilFromDays(EXCEL_DAY0 + (n < 60 ? n : n - 1));
  return toIso(y, m, d);
}

/** ISO date → Excel 1900-system serial (the inverse of excelSerialToIso); NaN for an invalid date or one before 1900. */
export function isoToExcelSerial(iso: string): number {
  const p = parseIso(iso);
  if (!p) return NaN;
  const k = daysFromCivil(p[0], p[1], p[2]) - EXCEL_DAY0;
  if (k < 1 || k > EXCEL_MAX) return NaN;
  return k < 60 ? k : k + 1;
}

/** ISO date → "dd/mm/yyyy", as Vietnamese documents write it. */
export function fmt(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
