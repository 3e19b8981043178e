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

export interface ConfidenceCalibration {
  version: string;
  margin: number;
  logSoftmax: number;
  bias: number;
}
const CALIBRATION_FILE = new URL('../rules/confidence-calibration.json', import.meta.url);
let calibration: ConfidenceCalibration | undefined;

/** The published confidence calibration (dated data, fitted on the dev set; see its `source`). */
export function loadCalibration(): ConfidenceCalibration {
  if (!calibration) {
    const raw = JSON.parse(fs.readFileSync(CALIBRATION_FILE, 'utf8')) as Record<string, unknown>;
    for (const k of ['margin', 'logSoftmax', 'bias'])
      if (typeof raw[k] !== 'number' || !Number.isFinite(raw[k]))
        throw new Error(`confidence-calibration.json: ${k} must be a number`);
    calibration = raw as unknown as ConfidenceCalibration;
  }
  return calibration;
}
