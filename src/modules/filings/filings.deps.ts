import {
  noScreening,
  structuralTariffValidator,
  type PartyScreening,
  type TariffCodeValidator,
} from './filings.ports.ts';
import { DEFAULT_ALERT_LEADS_HOURS } from './rules/deadlines.ts';

/** The ports this module calls out through; the composition root may replace the defaults. */
export interface FilingsDeps {
  tariff: TariffCodeValidator;
  screening: PartyScreening;
  alertLeadsHours: readonly number[];
}

export const filingsDeps: FilingsDeps = {
  tariff: structuralTariffValidator,
  screening: noScreening,
  alertLeadsHours: DEFAULT_ALERT_LEADS_HOURS,
};

/** Wires real implementations of the ports (tariff validator, screening) at start-up. */
export function configureFilings(deps: Partial<FilingsDeps>): void {
  Object.assign(filingsDeps, deps);
}
