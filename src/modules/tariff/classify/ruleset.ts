import fs from 'node:fs';
import { Ruleset } from './rules.ts';

const RULESET_FILE = new URL('../rules/classification-rules.json', import.meta.url);
let cached: Ruleset | undefined;

/** The published classification ruleset (validated at load; cached). */
export function loadRuleset(): Ruleset {
  cached ??= new Ruleset(JSON.parse(fs.readFileSync(RULESET_FILE, 'utf8')));
  return cached;
}
