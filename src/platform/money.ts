import { Decimal } from 'decimal.js';
import currencyCodes from 'currency-codes';

/** Money is a decimal string plus an ISO 4217 code. Never a float. */
export interface Money {
  amount: string;
  currency: string;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes.code(code) !== undefined;
}

/** Minor-unit digits for a currency (JPY 0, USD 2, KWD 3). */
export function minorUnits(code: string): number {
  return currencyCodes.code(code)?.digits ?? 2;
}

/** Parses a user-supplied amount ("1,234.50", "12", "-3.1") into a normalised decimal string, or null. */
export function parseAmount(raw: string | number): string | null {
  const s = String(raw)
    .trim()
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return new Decimal(s).toFixed();
}

export function sum(amounts: Iterable<string>): string {
  let total = new Decimal(0);
  for (const a of amounts) total = total.plus(a);
  return total.toFixed();
}

export { Decimal };
