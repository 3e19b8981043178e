import fs from 'node:fs';
import { Ruleset } from './rules.ts';

const RULESET_FILE = new URL('../rules/classification-rules.json', import.meta.url);
let cached: Ruleset | undefined;

/** The published classification ruleset (validated at load; cached). */
export function loadRuleset(): Ruleset {
  cached ??= new Ruleset(JSON.parse(fs.readFileSync(RULESET_FILE, 'utf8')));
  return cached;
}

const FX_FILE = new URL('../rules/indicative-fx.json', import.meta.url);
let fx: Record<string, number> | undefined;

/** A price in USD by the dated indicative rates (value-band matching only), or undefined for an unknown currency. */
export function toUsd(amount: number, currency: string): number | undefined {
  fx ??= (JSON.parse(fs.readFileSync(FX_FILE, 'utf8')) as { usdPerUnit: Record<string, number> }).usdPerUnit;
  const rate = fx[currency.toUpperCase()];
  return rate === undefined || !Number.isFinite(amount) ? undefined : Math.round(amount * rate * 1e6) / 1e6;
}
