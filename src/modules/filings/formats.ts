import countries from 'i18n-iso-countries';
import { isCurrency } from '../../platform/money.ts';

/**
 * Identifier formats and check digits used on customs filings. Pure functions; each names the
 * published method it implements.
 */

/**
 * CBP entry number check digit (CATAIR Appendix E, "Valid Entry Numbers"): the 10-character base is
 * the 3-character entry filer code and the 7-digit transaction number. Letters of the filer code are
 * converted (A–I = 1–9, J–R = 1–9, S–Z = 2–9); then, counting positions from the left, every even
 * position is doubled and the digits of the product added (a Luhn sum); the check digit brings the
 * total to the next multiple of 10.
 */
export function entryCheckDigit(filerCode: string, transaction: string): number {
  if (!isFilerCode(filerCode)) throw new Error(`entry filer code ${filerCode} is not 3 letters/digits`);
  if (!/^\d{7}$/.test(transaction)) throw new Error('entry transaction number must be 7 digits');
  const digits = [...(filerCode.toUpperCase() + transaction)].map(alphaToDigit);
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 1) {
      const p = d * 2;
      sum += p > 9 ? p - 9 : p;
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10;
}

function alphaToDigit(ch: string): number {
  if (ch >= '0' && ch <= '9') return Number(ch);
  const n = ch.charCodeAt(0) - 65; // A = 0
  if (n < 9) return n + 1; // A..I
  if (n < 18) return n - 8; // J..R
  return n - 16; // S..Z -> 2..9
}

export function isFilerCode(s: string): boolean {
  return /^[A-Z0-9]{3}$/i.test(s) && s !== '000';
}

/** `XXX-NNNNNNN-C` for a filer code and a transaction number (padded to 7 digits). */
export function formatEntryNumber(filerCode: string, sequence: number | string): string {
  const t = String(sequence).padStart(7, '0');
  return `${filerCode.toUpperCase()}-${t}-${entryCheckDigit(filerCode, t)}`;
}

/** Accepts `XXX-NNNNNNN-C` or `XXXNNNNNNNC`; false on a bad shape or check digit. */
export function isValidEntryNumber(s: string): boolean {
  const m = /^([A-Z0-9]{3})-?(\d{7})-?(\d)$/i.exec(s);
  if (!m || !isFilerCode(m[1]!)) return false;
  return entryCheckDigit(m[1]!, m[2]!) === Number(m[3]);
}

export function entryNumberShape(s: string): boolean {
  return /^[A-Z0-9]{3}-?\d{7}-?\d$/i.test(s);
}

/**
 * Manufacturer identification code (CBP Form 7501 instructions, Appendix 2 to Part 102): ISO country
 * (Canada: province code), the first three letters of the first two words of the name (first six if
 * one word; articles and "and" skipped), the first four digits of the largest number in the street
 * address, and the first three letters of the city. At most 15 characters.
 */
export function constructMid(name: string, street: string, city: string, country: string): string {
  const skip = new Set(['THE', 'A', 'AN', 'AND', 'OF', '&']);
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 &]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !skip.has(w))
    .map((w) => w.replace(/[^A-Z]/g, ''))
    .filter(Boolean);
  const namePart =
    words.length === 1
      ? words[0]!.slice(0, 6)
      : words
          .slice(0, 2)
          .map((w) => w.slice(0, 3))
          .join('');
  const numbers = (street.match(/\d+/g) ?? []).map(Number).sort((a, b) => b - a);
  const numPart = numbers.length ? String(numbers[0]).slice(0, 4) : '';
  const cityPart = city
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 3);
  return (country.toUpperCase() + namePart + numPart + cityPart).slice(0, 15);
}

/** Structural check of a MID (see constructMid). */
export function isMidStructure(mid: string): boolean {
  if (mid.length < 6 || mid.length > 15) return false;
  if (!/^[A-Z]{2}[A-Z]{1,6}\d{0,4}[A-Z]{1,3}$/.test(mid)) return false;
  const cc = mid.slice(0, 2);
  return cc !== 'US' && (countries.isValid(cc) || /^X[A-Z]$/.test(cc));
}

/** ISO 6346 freight container number: owner code (3) + category (U/J/Z) + serial (6) + check digit. */
export function isContainerNumber(s: string): boolean {
  const m = /^([A-Z]{3}[UJZ])(\d{6})(\d)$/.exec(s.toUpperCase());
  if (!m) return false;
  const values: number[] = [];
  for (const ch of m[1]! + m[2]!) {
    if (ch >= '0' && ch <= '9') values.push(Number(ch));
    else {
      // A = 10 … skipping multiples of 11
      let v = 10;
      for (let c = 65; c < ch.charCodeAt(0); c++) {
        v++;
        if (v % 11 === 0) v++;
      }
      values.push(v);
    }
  }
  const sum = values.reduce((acc, v, i) => acc + v * 2 ** i, 0);
  return (sum % 11) % 10 === Number(m[3]);
}

/** IATA air waybill: 3-digit airline prefix + 7-digit serial + check digit (serial mod 7). */
export function isAirWaybill(s: string): boolean {
  const m = /^(\d{3})-?(\d{7})(\d)$/.exec(s.replace(/\s/g, ''));
  return !!m && Number(m[2]) % 7 === Number(m[3]);
}

export const isEori = (s: string) => /^[A-Z]{2}[A-Z0-9]{1,15}$/.test(s) && countries.isValid(s.slice(0, 2));
export const isGbEori = (s: string) => /^(GB|XI)\d{12}$/.test(s);
export const isIossNumber = (s: string) => /^IM\d{10}$/.test(s);

/** GB VAT registration number: 9 digits with the HMRC mod-97 (and mod-97+55) check. */
export function isGbVatNumber(s: string): boolean {
  const m = /^GB(\d{9})(\d{3})?$/.exec(s.replace(/\s/g, ''));
  if (!m) return false;
  const d = [...m[1]!].map(Number);
  const weighted = d.slice(0, 7).reduce((acc, v, i) => acc + v * (8 - i), 0);
  const check = Number(m[1]!.slice(7));
  return (weighted + check) % 97 === 0 || (weighted + check + 55) % 97 === 0;
}

/** US importer of record number: IRS EIN + 2-char suffix, CBP-assigned number, or SSN. */
export function isUsImporterNumber(s: string): boolean {
  return /^\d{2}-\d{7}[A-Z0-9]{2}$/.test(s) || /^\d{6}-\d{5}$/.test(s) || /^\d{3}-\d{2}-\d{4}$/.test(s);
}

export const isLocode = (s: string) => /^[A-Z]{2}[A-Z2-9]{3}$/.test(s) && countries.isValid(s.slice(0, 2));
export const isCbpPortCode = (s: string) => /^\d{4}$/.test(s);
export const isCountry = (s: string) => /^[A-Z]{2}$/.test(s) && countries.isValid(s);
export { isCurrency };
export const isScac = (s: string) => /^[A-Z]{2,4}$/.test(s);
export const isIataAirline = (s: string) => /^[A-Z0-9]{2}$/.test(s);
export const isFlightNumber = (s: string) => /^[A-Z0-9]{2}\d{1,4}[A-Z]?$/.test(s);
export const isDigits = (s: string) => /^\d+$/.test(s);

/** ISO 8601 instant or date that parses and round-trips (no 2026-02-30). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s)) return false;
  const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(t)) return false;
  return new Date(t).toISOString().slice(0, 10) === s.slice(0, 10) || s.length > 10;
}

const POSTAL: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  IT: /^\d{5}$/,
  ES: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  BE: /^\d{4}$/,
  CN: /^\d{6}$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
};

/** True when the postal code fits the country's format, or when Crossgate has no format for it. */
export function isPostalCode(country: string, code: string): boolean {
  const re = POSTAL[country];
  return re ? re.test(code.trim()) : code.trim().length > 0;
}
