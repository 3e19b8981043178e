import type { AppContext } from '../../platform/context.ts';
import {
  noScreening,
  structuralTariffValidator,
  type PartyScreening,
  type TariffCodeValidator,
} from './filings.ports.ts';
import { DEFAULT_ALERT_LEADS_HOURS } from './rules/deadlines.ts';

/** The ports this module calls out through; the composition root may replace the defaults. */
export interface FilingsDeps {
  /**
   * The validator backed by the tariff in force (loaded asynchronously, before any transaction opens);
   * when it answers undefined (no revision imported), codes are checked for their structure only.
   */
  tariffFor: (ctx: AppContext) => Promise<TariffCodeValidator | undefined>;
  screening: PartyScreening;
  alertLeadsHours: readonly number[];
}

export const filingsDeps: FilingsDeps = {
  tariffFor: async () => undefined,
  screening: noScreening,
  alertLeadsHours: DEFAULT_ALERT_LEADS_HOURS,
};

/** Wires real implementations of the ports (tariff validator, screening) at start-up. */
export function configureFilings(deps: Partial<FilingsDeps>): void {
  Object.assign(filingsDeps, deps);
}

/** The tariff validator to use now: the wired tariff service's, or the structural default. */
export async function tariffValidator(ctx: AppContext): Promise<TariffCodeValidator> {
  return (await filingsDeps.tariffFor(ctx)) ?? structuralTariffValidator;
}
