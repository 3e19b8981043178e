import catalogue from './rules/links.v1.json' with { type: 'json' };

/**
 * The chain-of-custody links, as dated data (rules/links.v1.json): their order, weight in the
 * completeness score, which country they must happen in, which links must come before them, and how
 * soon after the fact they must be reported. Every completeness result names this version.
 */
export interface LinkSpec {
  code: string;
  order: number;
  label: string;
  weight: number;
  scope: 'product' | 'shipment';
  after: string[];
  reportWithinHours: number;
  country: 'origin' | 'destination' | null;
  multiple: boolean;
  carrierLeg: boolean;
  optionalForModes: string[];
  milestone?: 'atd' | 'ata';
}

export const LINKS = catalogue.links as LinkSpec[];
export const LINK_CODES = LINKS.map((l) => l.code) as [string, ...string[]];
export const LINK_RULES_VERSION = `${catalogue.ruleSet}@${catalogue.version}`;
export const SCORING = catalogue.scoring;
export const LEVELS = catalogue.levels;
export const TOLERANCES = catalogue.dateTolerancesHours;
export const LINK_SOURCE = catalogue.source;

export function linkSpec(code: string): LinkSpec {
  const l = LINKS.find((x) => x.code === code);
  if (!l) throw new Error(`unknown link ${code}`);
  return l;
}
