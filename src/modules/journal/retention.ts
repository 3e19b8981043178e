import retention from './rules/retention.json' with { type: 'json' };
import { conflict } from '../../platform/errors.ts';

/**
 * Retention is dated data (rules/retention.json): the minimum number of years compliance records are
 * kept. The database refuses early deletes with triggers (see journal.migrations.ts); this is the
 * service-level check that explains the refusal before SQL is even tried.
 */
export const RETENTION_POLICY_VERSION = retention.version;

export function retentionYears(at: Date): number {
  const day = at.toISOString().slice(0, 10);
  const p = retention.periods.find((x) => {
    const to = x.validTo as string | null;
    return x.validFrom <= day && (to === null || day < to);
  });
  if (!p) throw new Error(`no retention period in force on ${day}`);
  return p.minimumYears;
}

/** The instant before which a record must have been created to be deletable at `now`. */
export function retentionCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - retentionYears(now));
  return d;
}

/** Throws `conflict` when a record created at `createdAt` is still within its retention period. */
export function assertRetentionElapsed(what: string, createdAt: Date, now: Date): void {
  const cutoff = retentionCutoff(now);
  if (createdAt > cutoff) {
    throw conflict(
      `${what} is within its ${retentionYears(now)}-year retention period and cannot be deleted before ${new Date(
        createdAt.getTime() + (now.getTime() - cutoff.getTime()),
      )
        .toISOString()
        .slice(0, 10)}`,
      { retentionPolicy: RETENTION_POLICY_VERSION },
    );
  }
}
