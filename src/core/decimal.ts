/**
 * Exact decimal arithmetic for money and points: a BigInt count of units at a power-of-ten scale.
 * 0.1 + 0.2 is exactly 0.3 here. Values are immutable.
 */
const TEN = BigInt(10);
const ZERO_N = BigInt(0);
const ONE_N = BigInt(1);
const pow10Cache: bigint[] = [ONE_N];
function pow10(n: number): bigint {
  while (pow10Cache.length <= n) pow10Cache.push(pow10Cache[pow10Cache.length - 1] * TEN);
  return pow10Cache[n];
}

const SMALL_MAX = 10000;
const smallInts: Dec[] = [];

const PLAIN = /^([+-])?(\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

export class Dec {
  private constructor(
    /** the value times 10^scale */
    readonly units: bigint,
    /** number of decimal digits held */
    readonly scale: number,
  ) {}

  static readonly ZERO = new Dec(ZERO_N, 0);

  static of(units: bigint, scale = 0): Dec {
    return new Dec(units, scale).normalize();
  }

  static fromInt(n: number): Dec {
    return new Dec(BigInt(Math.trunc(n)), 0);
  }

  /** Parses a plain machine number ("123", "-4.50", "1e-3"). Returns null when it is not one. */
  static parse(text: string): Dec | null {
    const m = PLAIN.exec(text.trim());
    if (!m || (m[2] === undefined && m[3] === undefined)) return null;
    const intPart = m[2] ?? '0';
    const frac = m[3] ?? '';
    let scale = frac.length;
    let units = BigInt(intPart + frac);
    if (m[4] !== undefined) {
      const exp = parseInt(m[4], 10);
      if (Math.abs(exp) > 400) return null;
      if (exp >= scale) {
        units *= pow10(exp - scale);
        scale = 0;
      } else {
        scale -= exp;
      }
    }
    if (m[1] === '-') units = -units;
    return new Dec(units, scale).normalize();
  }

  /**
   * A JS number as the decimal it displays as (shortest round-trip form): 0.8617 → 0.8617 exactly,
   * 60.589999999999996 stays what it is. Non-finite numbers give null.
   */
  static fromNumber(n: number): Dec | null {
    if (!Number.isFinite(n)) return null;
    if (Number.isSafeInteger(n)) {
      if (n >= 0 && n < SMALL_MAX) return (smallInts[n] ??= new Dec(BigInt(n), 0));
      return new Dec(BigInt(n), 0);
    }
    return Dec.parse(String(n));
  }

  /**
   * A double as Excel keeps and shows it in General format: at most 15 significant digits. Office.js and cached
   * formula results carry up to 17 (SUM of 1,1 and 2,2 is 3.3000000000000003); Excel shows 3,3, and so is it read.
   * Non-finite numbers give null.
   */
  static fromExcel(n: number): Dec | null {
    if (!Number.isFinite(n)) return null;
    if (Number.isSafeInteger(n) && Math.abs(n) < 1e15) return Dec.fromNumber(n);
    return Dec.parse(n.toPrecision(15));
  }

  /**
   * The decimals a double computed by Excel can be trusted to: those of its value at 12 significant digits. Sums of
   * doubles drift from the exact decimal sum in the last of Excel's 15 digits, so a difference that far down is
   * floating point, never a mistake in the sheet (see Dec.fromExcel).
   */
  static trustedDecimals(n: number): number {
    if (!Number.isFinite(n)) return 0;
    return Dec.parse(n.toPrecision(12))?.decimals ?? 0;
  }

  private normalize(): Dec {
    let { units, scale } = this;
    if (units === ZERO_N) return scale === 0 ? this : new Dec(ZERO_N, 0);
    while (scale > 0 && units % TEN === ZERO_N) {
      units /= TEN;
      scale--;
    }
    return scale === this.scale ? this : new Dec(units, scale);
  }

  private atScale(scale: number): bigint {
    return this.units * pow10(scale - this.scale);
  }

  add(other: Dec): Dec {
    // whole amounts (the common case): no scaling, nothing to normalise — the same value, without three BigInt products
    if (this.scale === 0 && other.scale === 0) return new Dec(this.units + other.units, 0);
    if (other.units === ZERO_N) return this;
    if (this.units === ZERO_N) return other;
    const s = Math.max(this.scale, other.scale);
    return new Dec(this.atScale(s) + other.atScale(s), s).normalize();
  }

  sub(other: Dec): Dec {
    if (this.scale === 0 && other.scale === 0) return new Dec(this.units - other.units, 0);
    const s = Math.max(this.scale, other.scale);
    return new Dec(this.atScale(s) - other.atScale(s), s).normalize();
  }

  mul(other: Dec): Dec {
    return new Dec(this.units * other.units, this.scale + other.scale).normalize();
  }

  /** this ÷ other, rounded half away from zero to `digits` decimals. Division by zero gives null. */
  div(other: Dec, digits: number): Dec | null {
    if (other.units === ZERO_N) return null;
    // this.units/10^a ÷ other.units/10^b = this.units * 10^(b - a) / other.units
    const shift = other.scale - this.scale + digits + 1;
    let num = this.units;
    let den = other.units;
    if (shift >= 0) num *= pow10(shift);
    else den *= pow10(-shift);
    const q = num / den; // one extra digit, truncated
    return Dec.roundExtraDigit(q, digits);
  }

  private static roundExtraDigit(q: bigint, digits: number): Dec {
    const neg = q < ZERO_N;
    const a = neg ? -q : q;
    let r = a / TEN;
    if (a % TEN >= BigInt(5)) r += ONE_N;
    return new Dec(neg ? -r : r, digits).normalize();
  }

  /** Rounded half away from zero to `digits` decimals. */
  round(digits: number): Dec {
    if (this.scale <= digits) return this;
    const q = this.units / pow10(this.scale - digits - 1);
    return Dec.roundExtraDigit(q, digits);
  }

  /** this × 10^places, exactly (places may be negative): unit conversions between đồng, nghìn, triệu, tỷ. */
  shift(places: number): Dec {
    if (places >= 0) return new Dec(this.units * pow10(places), this.scale).normalize();
    return new Dec(this.units, this.scale - places).normalize();
  }

  neg(): Dec {
    return new Dec(-this.units, this.scale);
  }

  abs(): Dec {
    return this.units < ZERO_N ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.units === ZERO_N ? 0 : this.units < ZERO_N ? -1 : 1;
  }

  isZero(): boolean {
    return this.units === ZERO_N;
  }

  cmp(other: Dec): -1 | 0 | 1 {
    if (this.scale === other.scale) return this.units === other.units ? 0 : this.units < other.units ? -1 : 1;
    const s = Math.max(this.scale, other.scale);
    const a = this.atScale(s);
    const b = other.atScale(s);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  eq(other: Dec): boolean {
    return this.cmp(other) === 0;
  }

  /** Decimal digits actually needed (trailing zeros dropped). */
  get decimals(): number {
    return this.scale;
  }

  /** Whole part and fraction digits, for formatters. */
  parts(): { negative: boolean; integer: string; fraction: string } {
    const negative = this.units < ZERO_N;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    return {
      negative,
      integer: digits.slice(0, digits.length - this.scale),
      fraction: digits.slice(digits.length - this.scale),
    };
  }

  /** Plain machine form: "26979", "-0.5", "60.5949". */
  toString(): string {
    const { negative, integer, fraction } = this.parts();
    return (negative ? '-' : '') + integer + (fraction ? '.' + fraction : '');
  }

  toNumber(): number {
    // a whole number: BigInt → Number rounds to the nearest double exactly as parsing its decimal digits does
    if (this.scale === 0) return Number(this.units);
    return Number(this.toString());
  }

  toJSON(): number {
    return this.toNumber();
  }

  static sum(values: Iterable<Dec>): Dec {
    let acc = Dec.ZERO;
    for (const v of values) acc = acc.add(v);
    return acc;
  }

  /** Half a unit of the last of `decimals` digits: the rounding tolerance of a value shown with that many decimals. */
  static halfUnit(decimals: number): Dec {
    return new Dec(BigInt(5), decimals + 1);
  }
}
