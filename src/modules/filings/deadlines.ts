import type { Filing, FilingKind } from './model.ts';
import { type DeadlineSpec, DEADLINES } from './rules/deadlines.ts';
import { requireRuleAt, ruleRef } from './rules/dated.ts';
import { US_FEDERAL_HOLIDAYS } from './rules/holidays.ts';
import { portTimeZone } from './rules/ports.ts';

/**
 * Deadline arithmetic. Hour offsets are exact elapsed time between instants; day offsets are counted
 * on the wall calendar of a time zone (Intl, no Temporal), so a deadline "10 working days after
 * release" at Los Angeles ends 23:59:59.999 Pacific time whatever the UTC offset that day.
 */

// Intl formatters are costly to create; one per time zone is kept.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(tz: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(tz, f);
  }
  return f;
}

/** Offset of `tz` from UTC, in minutes, at instant `at`. */
export function tzOffsetMinutes(tz: string, at: Date): number {
  const parts = offsetFormat(tz).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The calendar date (YYYY-MM-DD) of `at` in `tz`. */
export function localDate(tz: string, at: Date): string {
  let f = dateFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(tz, f);
  }
  return f.format(at);
}

/** The instant of wall-clock `date` `time` in `tz` (resolves DST by re-checking the offset). */
export function zonedInstant(tz: string, date: string, time = '00:00:00.000'): Date {
  const naive = Date.parse(`${date}T${time}Z`);
  let t = naive - tzOffsetMinutes(tz, new Date(naive)) * 60000;
  t = naive - tzOffsetMinutes(tz, new Date(t)) * 60000;
  return new Date(t);
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isUsWorkingDay(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !requireRuleAt(US_FEDERAL_HOLIDAYS, date).value.includes(date);
}

/** End (23:59:59.999 local) of the `n`-th US working day after the local date of `from`. */
export function addUsWorkingDays(from: Date, n: number, tz: string): Date {
  let d = localDate(tz, from);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isUsWorkingDay(d)) left--;
  }
  return zonedInstant(tz, d, '23:59:59.999');
}

/** End (23:59:59.999 local) of the calendar day `n` days after the local date of `from`. */
export function addCalendarDays(from: Date, n: number, tz: string): Date {
  return zonedInstant(tz, addDays(localDate(tz, from), n), '23:59:59.999');
}

export interface ClockPlan {
  clock: string;
  label: string;
  basis: 'legal' | 'policy';
  dueAt: string;
  anchor: DeadlineSpec['anchor'];
  anchorAt: string;
  timeZone: string;
  rule: string;
  explanation: string;
}

export interface ClockInput {
  kind: FilingKind;
  variant?: 'full' | 'placi' | '';
  mode: Filing['transport']['mode'];
  departure?: string | null;
  arrival?: string | null;
  /** Actual release, when known; otherwise the arrival stands in for it. */
  release?: string | null;
  portOfLading?: string | null;
  portOfUnlading?: string | null;
  countryOfExport?: string;
  destinationCountry?: string;
  /** Rules in force on this date (the build date). */
  on: Date;
}

/** The deadline clocks of one filing. A clock whose anchor time is unknown is left out. */
export function planClocks(input: ClockInput): ClockPlan[] {
  const rules = requireRuleAt(DEADLINES, input.on);
  const out: ClockPlan[] = [];
  for (const spec of rules.value) {
    if (spec.kind !== input.kind || !spec.modes.includes(input.mode)) continue;
    if (spec.variant && spec.variant !== (input.variant || 'full')) continue;
    if (!spec.variant && spec.kind === 'eu_ens' && input.variant === 'placi') continue;
    const anchorIso =
      spec.anchor === 'departure'
        ? input.departure
        : spec.anchor === 'arrival'
          ? input.arrival
          : (input.release ?? input.arrival);
    if (!anchorIso) continue;
    const anchorAt = new Date(anchorIso);
    const tz =
      spec.anchor === 'departure'
        ? portTimeZone(input.portOfLading, input.countryOfExport)
        : portTimeZone(input.portOfUnlading, input.destinationCountry);
    let due: Date;
    let explanation: string;
    if ('hours' in spec.offset) {
      const dep = input.departure ? Date.parse(input.departure) : Number.NaN;
      const arr = input.arrival ? Date.parse(input.arrival) : Number.NaN;
      const shortHaul =
        spec.shortHaul &&
        !Number.isNaN(dep) &&
        !Number.isNaN(arr) &&
        (arr - dep) / 3_600_000 < spec.shortHaul.maxDurationHours;
      if (shortHaul && input.departure) {
        due = new Date(dep + spec.shortHaul!.offsetHours * 3_600_000);
        explanation = `flight under ${spec.shortHaul!.maxDurationHours} h: due at departure ${input.departure}`;
      } else {
        due = new Date(anchorAt.getTime() + spec.offset.hours * 3_600_000);
        explanation = `${spec.anchor} ${anchorAt.toISOString()} ${spec.offset.hours >= 0 ? '+' : '−'} ${Math.abs(spec.offset.hours)} h`;
      }
    } else if ('workingDays' in spec.offset) {
      due = addUsWorkingDays(anchorAt, spec.offset.workingDays, tz);
      explanation = `${spec.anchor} ${anchorAt.toISOString()} + ${spec.offset.workingDays} working days (${tz}, weekends and US federal holidays excluded)`;
    } else {
      due = addCalendarDays(anchorAt, spec.offset.calendarDays, tz);
      explanation = `${spec.anchor} ${anchorAt.toISOString()} + ${spec.offset.calendarDays} calendar days (${tz})`;
    }
    out.push({
      clock: spec.clock,
      label: spec.label,
      basis: spec.basis,
      dueAt: due.toISOString(),
      anchor: spec.anchor,
      anchorAt: anchorAt.toISOString(),
      timeZone: tz,
      rule: ruleRef(rules),
      explanation,
    });
  }
  return out;
}

/** Alert leads crossed at `now` for a clock due at `dueAt` (e.g. ['48h','24h'] or ['overdue']). */
export function crossedLeads(dueAt: string, now: Date, leadsHours: readonly number[]): string[] {
  const left = (Date.parse(dueAt) - now.getTime()) / 3_600_000;
  if (left < 0) return ['overdue'];
  return leadsHours.filter((h) => left <= h).map((h) => `${h}h`);
}
