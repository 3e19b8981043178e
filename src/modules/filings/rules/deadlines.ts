import type { DatedRule } from './dated.ts';

/** The kind of filing a deadline belongs to (see model.ts). */
type Kind = 'us_isf' | 'us_entry' | 'eu_ens' | 'eu_h7' | 'uk_cds';

/**
 * A deadline as data: the clock runs from an event of the shipment (departure = lading/loading at
 * the foreign port, arrival, release) plus an offset. Elapsed-hour offsets are instants (DST does
 * not stretch them); working/calendar-day offsets are counted in the local calendar of the port
 * whose time zone the clock names and end at 23:59:59.999 local time on the last day.
 */
export interface DeadlineSpec {
  kind: Kind;
  /** Clock name shown to users, e.g. `isf`, `ens_placi`, `entry_summary`. */
  clock: string;
  label: string;
  modes: ReadonlyArray<'air' | 'ocean' | 'road' | 'rail' | 'postal' | 'express'>;
  anchor: 'departure' | 'arrival' | 'release';
  offset: { hours: number } | { workingDays: number } | { calendarDays: number };
  /**
   * Short-haul exception: when departure→arrival is shorter than `maxDurationHours`, the deadline is
   * `departure + offsetHours` instead (ICS2 air: "at the latest at the time of actual take-off").
   */
  shortHaul?: { maxDurationHours: number; offsetHours: number };
  /** legal = set by regulation (penalties); policy = Crossgate's own target for pre-lodgement. */
  basis: 'legal' | 'policy';
  /** Only for shipments whose filing is of this sub-type (e.g. ENS air PLACI). */
  variant?: 'placi' | 'full';
}

export const DEADLINES: DatedRule<DeadlineSpec[]>[] = [
  {
    id: 'DEADLINES',
    version: '2026-02-03',
    validFrom: '2026-02-03',
    source: [
      'US ISF: 19 CFR 149.2(b) — no later than 24 hours before the cargo is laden aboard the vessel at the foreign port',
      'US entry: 19 CFR 142.2(a) — entry within 15 calendar days after arrival; 19 CFR 142.12(b) — entry summary within 10 working days after release',
      'EU ICS2: Delegated Regulation (EU) 2015/2446 arts. 105–106 — air: PLACI before loading, full ENS 4 h before arrival or at take-off for flights under 4 h; sea containers 24 h before loading; road 1 h and rail 2 h before arrival; ENS v3 only from 2026-02-03',
      'EU H7 and UK CDS: Crossgate policy — pre-lodge before arrival so release is not delayed (no statutory pre-arrival deadline for the import declaration itself)',
    ].join('; '),
    value: [
      {
        kind: 'us_isf',
        clock: 'isf',
        label: 'ISF 10+2: 24 h before lading',
        modes: ['ocean'],
        anchor: 'departure',
        offset: { hours: -24 },
        basis: 'legal',
      },
      {
        kind: 'us_entry',
        clock: 'cargo_release',
        label: 'Entry (cargo release): within 15 calendar days of arrival',
        modes: ['air', 'ocean', 'road', 'rail', 'postal', 'express'],
        anchor: 'arrival',
        offset: { calendarDays: 15 },
        basis: 'legal',
      },
      {
        kind: 'us_entry',
        clock: 'entry_summary',
        label: 'Entry summary: 10 working days after release',
        modes: ['air', 'ocean', 'road', 'rail', 'postal', 'express'],
        anchor: 'release',
        offset: { workingDays: 10 },
        basis: 'legal',
      },
      {
        kind: 'eu_ens',
        clock: 'ens_placi',
        label: 'ICS2 PLACI (7+1): before loading',
        modes: ['air', 'express', 'postal'],
        anchor: 'departure',
        offset: { hours: 0 },
        basis: 'legal',
        variant: 'placi',
      },
      {
        kind: 'eu_ens',
        clock: 'ens_air',
        label: 'ICS2 air ENS: 4 h before arrival (at take-off for flights under 4 h)',
        modes: ['air', 'express', 'postal'],
        anchor: 'arrival',
        offset: { hours: -4 },
        shortHaul: { maxDurationHours: 4, offsetHours: 0 },
        basis: 'legal',
      },
      {
        kind: 'eu_ens',
        clock: 'ens_sea',
        label: 'ICS2 sea ENS (containers): 24 h before loading',
        modes: ['ocean'],
        anchor: 'departure',
        offset: { hours: -24 },
        basis: 'legal',
      },
      {
        kind: 'eu_ens',
        clock: 'ens_road',
        label: 'ICS2 road ENS: 1 h before arrival',
        modes: ['road'],
        anchor: 'arrival',
        offset: { hours: -1 },
        basis: 'legal',
      },
      {
        kind: 'eu_ens',
        clock: 'ens_rail',
        label: 'ICS2 rail ENS: 2 h before arrival',
        modes: ['rail'],
        anchor: 'arrival',
        offset: { hours: -2 },
        basis: 'legal',
      },
      {
        kind: 'eu_h7',
        clock: 'h7_prelodge',
        label: 'H7 low-value declaration: pre-lodged before arrival',
        modes: ['air', 'ocean', 'road', 'rail', 'postal', 'express'],
        anchor: 'arrival',
        offset: { hours: 0 },
        basis: 'policy',
      },
      {
        kind: 'uk_cds',
        clock: 'cds_prelodge',
        label: 'CDS import declaration: pre-lodged before arrival',
        modes: ['air', 'ocean', 'road', 'rail', 'postal', 'express'],
        anchor: 'arrival',
        offset: { hours: 0 },
        basis: 'policy',
      },
    ],
  },
];

/** Alert lead times before a deadline (hours); "overdue" is always raised. Organisations may override. */
export const DEFAULT_ALERT_LEADS_HOURS = [48, 24, 4] as const;
