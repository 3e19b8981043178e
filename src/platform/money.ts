import { Decimal } from 'decimal.js';
import currencyCodes from 'currency-codes';

/** ISO 4217 codes from currency-codes, as a set: its `code()` is a linear search, and every order asks. */
const CURRENCIES = new Set(currencyCodes.codes());

/** Money is a decimal string plus an ISO 4217 code, never a float; arithmetic with Decimal. */
export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Parses a user-supplied amount ("1,234.50", "12", "-3.1") into a normalised decimal string, or null. */
export function parseAmount(raw: string | number): string | null {
  const s = String(raw)
    .trim()
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return new Decimal(s).toFixed();
}

export { Decimal };
