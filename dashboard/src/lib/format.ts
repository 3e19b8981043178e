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

/** "in 3 h 20 min" / "5 h ago" for a due time, relative to `now` (ms since the epoch). */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const minutes = Math.round(Math.abs(t - now) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const span =
    days > 0
      ? `${days} d${hours ? ` ${hours} h` : ''}`
      : hours > 0
        ? `${hours} h${mins ? ` ${mins} min` : ''}`
        : `${mins} min`;
  return t >= now ? `in ${span}` : `${span} ago`;
}

/** A 0–1 ratio as a percentage ("87 %"); null is shown as a dash. */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)} %`;
}
