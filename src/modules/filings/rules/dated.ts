/**
 * A regulatory fact as dated data: what it is, from when to when it applies, where it comes from.
 * Bands are half-open: a rule applies on `validFrom <= date < validTo` (validTo undefined = open-ended).
 */
export interface DatedRule<T> {
  /** Stable id, e.g. `US.INFORMAL_ENTRY_LIMIT`. Decisions record `id@version`. */
  id: string;
  version: string;
  validFrom: string;
  validTo?: string;
  source: string;
  /** Caveats: e.g. figures that could not be checked against the primary source. */
  note?: string;
  value: T;
}

/** The rule of `rules` (all with the same id) in force on `date` (ISO date or instant), or undefined. */
export function ruleAt<T>(rules: ReadonlyArray<DatedRule<T>>, date: string | Date): DatedRule<T> | undefined {
  const d = (typeof date === 'string' ? date : date.toISOString()).slice(0, 10);
  return rules.find((r) => r.validFrom <= d && (r.validTo === undefined || d < r.validTo));
}

/** Like ruleAt but a missing rule is a programming/data error. */
export function requireRuleAt<T>(rules: ReadonlyArray<DatedRule<T>>, date: string | Date): DatedRule<T> {
  const r = ruleAt(rules, date);
  if (!r) throw new Error(`No rule ${rules[0]?.id ?? '(empty)'} in force on ${String(date).slice(0, 10)}`);
  return r;
}

export const ruleRef = (r: DatedRule<unknown>) => `${r.id}@${r.version}`;
