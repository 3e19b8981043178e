/**
 * Access-control policy as data (PRODUCT.md §3.7). Internal policy, not law: the numbers follow common
 * control frameworks and can be changed here, with the version recorded on every review.
 */
export const ACCESS_POLICY = {
  version: 'access-policy-2026.11',
  /** An account with no sign-in (or API key use) for this long is flagged dormant in reviews and lists. */
  dormantAfterDays: 90,
  /** Access reviews run every quarter and are due this many days after they open. */
  reviewDueDays: 14,
  /** Reminders for an open review go out when this many days have passed since the last one. */
  reminderEveryDays: 3,
  /** Longest time-bound grant. */
  maxGrantHours: 24 * 90,
  /** OAuth 2.0 access tokens (client credentials) live this long. */
  accessTokenSeconds: 900,
  source:
    'ISO/IEC 27001:2022 A.5.15-5.18 (access control, rights review); SOC 2 CC6.1-6.3; NIST SP 800-53 AC-2(3)',
} as const;

/** `2026-Q4` for a date. */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}
