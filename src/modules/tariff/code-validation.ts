import type { AppContext } from '../../platform/context.ts';
import { formatCode } from './hts-format.ts';
import type { HsNomenclature, Schedule } from './schedule.ts';
import { nomenclatureInForce, revisionInForce, loadSchedule } from './tariff.service.ts';

/** Why a code was refused; stable, for callers that branch on it. */
export type CodeProblem =
  | 'malformed'
  | 'unknown'
  | 'not_declarable'
  | 'no_revision'
  | 'hs_unknown'
  | 'hs_too_short';

export interface CodeValidation {
  valid: boolean;
  /** Digits as checked (10 for US, 6 for HS destinations). */
  code: string;
  formatted: string;
  destination: string;
  problem?: CodeProblem;
  /** One sentence a user can act on, e.g. "8536.50 is a subheading, not a declarable line: choose one of …". */
  message: string;
  /** Declarable lines (or HS-6 subheadings) the user could mean, with their descriptions. */
  alternatives: Array<{ code: string; formatted: string; description: string }>;
  /** US only, when valid: description path, units of quantity, rates, additional-duty references. */
  line?: {
    description: string[];
    units: string[];
    generalRate: string;
    specialRate: string;
    column2Rate: string;
    additionalDutyRefs: string[];
  };
  /** The revision the check used (id and label), so a decision can record it. */
  revision?: { id: string; label: string };
}

const MAX_ALTERNATIVES = 12;

/** Checks a US HTS code against a schedule: exists, is a 10-digit statistical line, has units. Pure. */
export function validateUsCode(schedule: Schedule, raw: string): CodeValidation {
  const code = raw.replace(/[.\s-]/g, '');
  const base = { code, formatted: formatCode(code), destination: 'US', alternatives: [] };
  if (!/^\d{4,10}$/.test(code) || code.length % 2 !== 0)
    return {
      ...base,
      valid: false,
      problem: 'malformed',
      message: `"${raw}" is not an HTS number: use 10 digits, e.g. 8536.50.90.20`,
    };
  const line = schedule.byCode.get(code);
  const under = schedule.declarableUnder(code);
  const alternatives = under.slice(0, MAX_ALTERNATIVES).map((l) => ({
    code: l.code,
    formatted: formatCode(l.code),
    description: schedule.pathText(l).slice(-2).join(' › '),
  }));
  if (code.length === 10 && line) {
    const rates = schedule.effectiveRates(line);
    const units = schedule.effectiveUnits(line);
    return {
      ...base,
      valid: true,
      message: units.length
        ? `${formatCode(code)} is a declarable statistical line (units: ${units.join(', ')})`
        : `${formatCode(code)} is a declarable statistical line (no unit of quantity is required: report "X")`,
      line: {
        description: schedule.pathText(line),
        units,
        generalRate: rates.general,
        specialRate: rates.special,
        column2Rate: rates.column2,
        additionalDutyRefs: schedule.effectiveRefs(line),
      },
    };
  }
  if (under.length > 0) {
    const what =
      code.length === 4
        ? 'a heading'
        : code.length === 6
          ? 'a subheading'
          : code.length === 8
            ? 'a tariff-rate line'
            : 'not a statistical line';
    const more = under.length > MAX_ALTERNATIVES ? ` (and ${under.length - MAX_ALTERNATIVES} more)` : '';
    return {
      ...base,
      valid: false,
      problem: 'not_declarable',
      alternatives,
      message: `${formatCode(code)} is ${what}, not a declarable line: choose one of ${alternatives
        .map((a) => a.formatted)
        .join(', ')}${more}`,
    };
  }
  // Unknown: suggest siblings under the longest prefix that exists.
  for (let len = code.length - 2; len >= 4; len -= 2) {
    const sib = schedule.declarableUnder(code.slice(0, len));
    if (sib.length) {
      const alts = sib.slice(0, MAX_ALTERNATIVES).map((l) => ({
        code: l.code,
        formatted: formatCode(l.code),
        description: schedule.pathText(l).slice(-2).join(' › '),
      }));
      return {
        ...base,
        valid: false,
        problem: 'unknown',
        alternatives: alts,
        message: `${formatCode(code)} does not exist in this revision; under ${formatCode(code.slice(0, len))} the declarable lines are ${alts.map((a) => a.formatted).join(', ')}`,
      };
    }
  }
  return {
    ...base,
    valid: false,
    problem: 'unknown',
    message: `${formatCode(code)} does not exist in this revision`,
  };
}

/** Checks an HS code for a non-US destination: its first 6 digits must be an HS subheading. Pure. */
export function validateHsCode(
  hs: HsNomenclature | undefined,
  raw: string,
  destination: string,
): CodeValidation {
  const digits = raw.replace(/[.\s-]/g, '');
  const code = digits.slice(0, 6);
  const base = { code, formatted: formatCode(code), destination, alternatives: [] };
  if (!/^\d+$/.test(digits))
    return { ...base, valid: false, problem: 'malformed', message: `"${raw}" is not an HS code` };
  if (digits.length < 6) {
    const alts = (hs?.subheadingsUnder(digits) ?? []).slice(0, MAX_ALTERNATIVES).map((e) => ({
      code: e.code,
      formatted: formatCode(e.code),
      description: e.description,
    }));
    return {
      ...base,
      code: digits,
      formatted: formatCode(digits),
      valid: false,
      problem: 'hs_too_short',
      alternatives: alts,
      message: `${formatCode(digits)} is not a 6-digit HS subheading${alts.length ? `: choose one of ${alts.map((a) => a.formatted).join(', ')}` : ''}`,
    };
  }
  if (!hs)
    return {
      ...base,
      valid: false,
      problem: 'no_revision',
      message: 'No HS nomenclature is loaded: import one with `crossgate tariff import --schedule HS <file>`',
    };
  const entry = hs.byCode.get(code);
  if (!entry) {
    const alts = hs
      .subheadingsUnder(code.slice(0, 4))
      .slice(0, MAX_ALTERNATIVES)
      .map((e) => ({
        code: e.code,
        formatted: formatCode(e.code),
        description: e.description,
      }));
    return {
      ...base,
      valid: false,
      problem: 'hs_unknown',
      alternatives: alts,
      message: `${formatCode(code)} is not a subheading of ${hs.edition}${alts.length ? `; under ${code.slice(0, 4)} they are ${alts.map((a) => a.formatted).join(', ')}` : ''}`,
    };
  }
  return {
    ...base,
    valid: true,
    message: `${formatCode(code)} is an ${hs.edition} subheading: ${entry.description}${digits.length > 6 ? ` (the national digits after the sixth are not checked for ${destination})` : ''}`,
  };
}

/**
 * Validates a tariff code for a destination on a date, for any module (filings call it when they build a
 * declaration). US: the HTS revision in force on `date`; every other destination: the HS-6 part against
 * the HS nomenclature in force.
 *
 * @example
 *   const r = await validateCode(ctx, { code: '8536.50', destination: 'US', date: '2026-11-02' });
 *   // r.valid === false, r.problem === 'not_declarable',
 *   // r.message === '8536.50 is a subheading, not a declarable line: choose one of 8536.50.40.00, …'
 */
export async function validateCode(
  ctx: AppContext,
  input: { code: string; destination: string; date?: string },
): Promise<CodeValidation> {
  const destination = input.destination.toUpperCase();
  if (destination === 'US') {
    const rev = await revisionInForce(ctx, 'US-HTS', input.date);
    if (!rev) {
      const code = input.code.replace(/[.\s-]/g, '');
      return {
        valid: false,
        code,
        formatted: formatCode(code),
        destination,
        problem: 'no_revision',
        alternatives: [],
        message: `No US tariff revision is in force${input.date ? ` on ${input.date}` : ''}: import one with \`crossgate tariff import <file|url>\``,
      };
    }
    const r = validateUsCode(await loadSchedule(ctx, rev.id), input.code);
    return { ...r, revision: { id: rev.id, label: rev.label } };
  }
  const hsRev = await revisionInForce(ctx, 'HS', input.date);
  const r = validateHsCode(await nomenclatureInForce(ctx, input.date), input.code, destination);
  return hsRev ? { ...r, revision: { id: hsRev.id, label: hsRev.label } } : r;
}
