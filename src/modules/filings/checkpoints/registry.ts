import type { Filing } from '../model.ts';
import { commonChecks } from './common.checks.ts';
import { euChecks, ukChecks, usChecks } from './regime.checks.ts';
import type { CheckContext, CheckResult, Checkpoint } from './types.ts';

/** Bumped whenever a checkpoint is added, removed or changes meaning; stored with every result. */
export const CHECKPOINT_REGISTRY_VERSION = 'checkpoints@2026-11-21.1';

export const CHECKPOINTS: readonly Checkpoint[] = [...commonChecks, ...usChecks, ...euChecks, ...ukChecks];

{
  const seen = new Set<string>();
  for (const c of CHECKPOINTS) {
    if (seen.has(c.code)) throw new Error(`checkpoint ${c.code} registered twice`);
    seen.add(c.code);
  }
}

export function checkpoint(code: string): Checkpoint | undefined {
  return CHECKPOINTS.find((c) => c.code === code);
}

/** Runs one checkpoint: skip when it does not apply to the filing's kind or situation. */
export function runCheckpoint(c: Checkpoint, f: Filing, ctx: CheckContext): CheckResult {
  const base = { code: c.code, severity: c.severity, category: c.category, message: c.message, fix: c.fix };
  if (!c.kinds.includes(f.kind) || (c.applies && !c.applies(f, ctx)))
    return { ...base, outcome: 'skip', findings: [] };
  const findings = c.test(f, ctx);
  return { ...base, outcome: findings.length ? 'fail' : 'pass', findings };
}

export interface ValidationReport {
  registryVersion: string;
  ran: number;
  passed: number;
  errors: number;
  warnings: number;
  /** True when no error-severity checkpoint failed. */
  ok: boolean;
  results: CheckResult[];
}

export function validateFiling(f: Filing, ctx: CheckContext): ValidationReport {
  const results = CHECKPOINTS.map((c) => runCheckpoint(c, f, ctx)).filter((r) => r.outcome !== 'skip');
  const failed = results.filter((r) => r.outcome === 'fail');
  const errors = failed.filter((r) => r.severity === 'error').length;
  return {
    registryVersion: CHECKPOINT_REGISTRY_VERSION,
    ran: results.length,
    passed: results.length - failed.length,
    errors,
    warnings: failed.length - errors,
    ok: errors === 0,
    results,
  };
}
