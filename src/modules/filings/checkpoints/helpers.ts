import type { Filing, FilingKind, FilingLine, FilingParty, PartyRole } from '../model.ts';
import type { Category, CheckContext, Checkpoint, Finding, Severity } from './types.ts';

export const ALL: readonly FilingKind[] = ['us_isf', 'us_entry', 'eu_ens', 'eu_h7', 'uk_cds'];
export const US: readonly FilingKind[] = ['us_isf', 'us_entry'];

interface Spec {
  code: string;
  severity?: Severity;
  kinds: readonly FilingKind[];
  category: Category;
  message: string;
  fix: string;
  applies?: Checkpoint['applies'];
}

const regimeOf = (kinds: readonly FilingKind[]): Checkpoint['regime'] => {
  const r = new Set(kinds.map((k) => (k.startsWith('us') ? 'US' : k.startsWith('eu') ? 'EU' : 'UK')));
  return r.size === 1 ? ([...r][0] as Checkpoint['regime']) : 'ALL';
};

/** A checkpoint over the whole filing: `bad` returns findings (empty = pass). */
export function check(spec: Spec, bad: (f: Filing, ctx: CheckContext) => Finding[]): Checkpoint {
  return {
    code: spec.code,
    severity: spec.severity ?? 'error',
    regime: regimeOf(spec.kinds),
    kinds: spec.kinds,
    category: spec.category,
    message: spec.message,
    fix: spec.fix,
    ...(spec.applies ? { applies: spec.applies } : {}),
    test: bad,
  };
}

/** A checkpoint true/false over the filing; `field` names what to fix. */
export function rule(
  spec: Spec & { field: string },
  ok: (f: Filing, ctx: CheckContext) => boolean,
): Checkpoint {
  return check(spec, (f, ctx) => (ok(f, ctx) ? [] : [{ field: spec.field, detail: spec.message }]));
}

/** A checkpoint per line: `problem` returns a detail string for a failing line, or null. */
export function lineRule(
  spec: Spec & { field: string },
  problem: (l: FilingLine, f: Filing, ctx: CheckContext) => string | null,
): Checkpoint {
  return check(spec, (f, ctx) =>
    f.lines.flatMap((l, i) => {
      const p = problem(l, f, ctx);
      return p ? [{ field: `lines.${i}.${spec.field}`, detail: `line ${l.lineNo}: ${p}` }] : [];
    }),
  );
}

/** A checkpoint per party (optionally of some roles). */
export function partyRule(
  spec: Spec & { field: string; roles?: readonly PartyRole[] },
  problem: (p: FilingParty, f: Filing, ctx: CheckContext) => string | null,
): Checkpoint {
  return check(spec, (f, ctx) =>
    f.parties.flatMap((p, i) => {
      if (spec.roles && !spec.roles.includes(p.role)) return [];
      const d = problem(p, f, ctx);
      return d ? [{ field: `parties.${i}.${spec.field}`, detail: `${p.role}: ${d}` }] : [];
    }),
  );
}

/** The party of `role` has a name and a street address with city and country. */
export function hasNameAndAddress(p: FilingParty | undefined): boolean {
  return !!p?.name?.trim() && !!p.address?.line1?.trim() && !!p.address.city?.trim() && !!p.address.country;
}

export const hours = (ms: number) => ms / 3_600_000;
