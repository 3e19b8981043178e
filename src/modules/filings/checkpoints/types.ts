import type { PartyScreening, TariffCodeValidator } from '../filings.ports.ts';
import type { Filing, FilingKind, Regime } from '../model.ts';

export type Severity = 'error' | 'warning';
export type Category =
  | 'completeness'
  | 'format'
  | 'tariff'
  | 'quantity'
  | 'value'
  | 'screening'
  | 'timeliness'
  | 'consistency'
  | 'regulatory';

/** What a checkpoint may look at besides the filing. */
export interface CheckContext {
  now: Date;
  tariff: TariffCodeValidator;
  screening: PartyScreening;
  /** Median historical unit price per SKU (from order lines), for value plausibility. */
  priceHistory: ReadonlyMap<string, { median: string; currency: string; samples: number }>;
  /** Open deadline clocks of the filing. */
  deadlines: ReadonlyArray<{ clock: string; dueAt: string }>;
}

export interface Finding {
  field: string;
  detail: string;
}

export interface Checkpoint {
  code: string;
  severity: Severity;
  regime: Regime | 'ALL';
  kinds: readonly FilingKind[];
  category: Category;
  message: string;
  fix: string;
  /** Not applicable = skipped (e.g. an air-only check on an ocean filing). */
  applies?: (f: Filing, ctx: CheckContext) => boolean;
  test: (f: Filing, ctx: CheckContext) => Finding[];
}

export interface CheckResult {
  code: string;
  severity: Severity;
  category: Category;
  outcome: 'pass' | 'fail' | 'skip';
  message: string;
  fix: string;
  findings: Finding[];
}
