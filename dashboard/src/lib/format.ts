const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const numberFmt = new Intl.NumberFormat('en-GB');

/** "United States" for "US"; the code itself when unknown. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '—';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Dates are shown in UTC (the API stores and returns UTC instants). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dateTimeFmt.format(d)} UTC`;
}

/** Date and time without the zone, for table columns whose header says "(UTC)". */
export function formatDateTimeShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFmt.format(n);
}

/** Amounts arrive as decimal strings; shown with the currency's symbol and minor units. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const n = Number(amount);
  if (!currency || Number.isNaN(n)) return amount;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(n);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Title case for machine words ("in_transit" → "In transit"). */
export function humanize(word: string | null | undefined): string {
  if (!word) return '—';
  const s = word.replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
