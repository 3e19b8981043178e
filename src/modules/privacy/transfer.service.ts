import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import {
  TRANSFER_RULES,
  type Clause,
  type DataCategory,
  type Purpose,
  type Regime,
  type TransferBasis,
  type TransferRuleSet,
} from './rules/transfer-rules.ts';

export interface TransferInput {
  category: DataCategory;
  /** ISO 3166-1 alpha-2 where the data is (and whose law governs it leaving). */
  from: string;
  to: string;
  purpose: Purpose;
  /** People whose data of this category went to `to` this calendar year, this transfer included. */
  volume: number;
  /** A basis the caller has in place (e.g. a filed standard contract, a Roskomnadzor notification). */
  basis?: TransferBasis | undefined;
}

export interface RegimeDecision {
  regime: string;
  clause: string | null;
  outcome: 'allow' | 'deny';
  basis: TransferBasis | null;
  explanation: string;
  duties: string[];
  source: string | null;
}

export interface TransferDecision {
  outcome: 'allow' | 'deny';
  /** The basis the transfer rests on (the strictest regime's), or null when denied. */
  basis: TransferBasis | null;
  rulesVersion: string;
  regimes: RegimeDecision[];
  explanation: string[];
  duties: string[];
}

export function ruleSetAt(at: Date, sets: TransferRuleSet[] = TRANSFER_RULES): TransferRuleSet {
  const day = at.toISOString().slice(0, 10);
  const set = sets.find((s) => s.validFrom <= day && (s.validTo === undefined || day < s.validTo));
  if (!set) throw invalid(`No transfer rule set is valid on ${day}`);
  return set;
}

function inAny(country: string, list: string[], groups: Record<string, string[]>): boolean {
  return list.some((x) => (x.startsWith('@') ? (groups[x.slice(1)] ?? []).includes(country) : x === country));
}

function matches(c: Clause, input: TransferInput, groups: Record<string, string[]>): boolean {
  const w = c.when;
  if (w.categories !== undefined && !w.categories.includes(input.category)) return false;
  if (w.purposes !== undefined && !w.purposes.includes(input.purpose)) return false;
  if (w.toIn !== undefined && !inAny(input.to, w.toIn, groups)) return false;
  if (w.toNotIn !== undefined && inAny(input.to, w.toNotIn, groups)) return false;
  if (w.volumeAtLeast !== undefined && input.volume < w.volumeAtLeast) return false;
  if (w.volumeBelow !== undefined && input.volume >= w.volumeBelow) return false;
  return true;
}

function decideRegime(r: Regime, input: TransferInput, groups: Record<string, string[]>): RegimeDecision {
  const duties = r.localisation ? [`Localisation: ${r.localisation}`] : [];
  const clause = r.clauses.find((c) => matches(c, input, groups));
  if (!clause)
    return {
      regime: r.id,
      clause: null,
      outcome: 'deny',
      basis: null,
      explanation: `${r.name}: no clause covers ${input.category} data for ${input.purpose}; denied by default.`,
      duties,
      source: null,
    };
  const base = { regime: r.id, clause: clause.id, source: clause.source };
  const allDuties = [...duties, ...(clause.duties ?? [])];
  if (clause.outcome === 'allow')
    return {
      ...base,
      outcome: 'allow',
      basis: clause.basis ?? 'none_required',
      explanation: clause.explanation,
      duties: allDuties,
    };
  if (clause.outcome === 'requires' && input.basis !== undefined && clause.bases?.includes(input.basis))
    return {
      ...base,
      outcome: 'allow',
      basis: input.basis,
      explanation: `${clause.explanation} The ${input.basis.replaceAll('_', ' ')} stated as in place satisfies it.`,
      duties: allDuties,
    };
  const needs = clause.bases?.length ? ` Needs one of: ${clause.bases.join(', ')}.` : '';
  const claimed = input.basis ? ` The stated basis (${input.basis}) does not satisfy it.` : '';
  return {
    ...base,
    outcome: 'deny',
    basis: null,
    explanation: `${clause.explanation}${needs}${claimed}`,
    duties: allDuties,
  };
}

/** Pure decision: every regime that governs data leaving `from` must allow it. */
export function decideTransfer(input: TransferInput, at: Date, sets?: TransferRuleSet[]): TransferDecision {
  const set = ruleSetAt(at, sets);
  const from = input.from.toUpperCase();
  const to = input.to.toUpperCase();
  const norm = { ...input, from, to };
  if (from === to)
    return {
      outcome: 'allow',
      basis: 'none_required',
      rulesVersion: set.version,
      regimes: [],
      explanation: [`Not a cross-border transfer: the data stays in ${from}.`],
      duties: [],
    };
  const regimes = set.regimes.filter((r) => inAny(from, r.origins, set.groups));
  if (regimes.length === 0)
    return {
      outcome: 'deny',
      basis: null,
      rulesVersion: set.version,
      regimes: [],
      explanation: [
        `No transfer rules are on file for data leaving ${from} (rule set ${set.version}); denied by default until a reviewed regime is added.`,
      ],
      duties: [],
    };
  const decisions = regimes.map((r) => decideRegime(r, norm, set.groups));
  const denied = decisions.filter((d) => d.outcome === 'deny');
  const outcome = denied.length ? 'deny' : 'allow';
  // The basis reported is the most demanding one any regime required (a claimed basis over an exemption).
  const basis =
    outcome === 'allow'
      ? (decisions.find((d) => d.basis !== 'none_required')?.basis ?? 'none_required')
      : null;
  return {
    outcome,
    basis,
    rulesVersion: set.version,
    regimes: decisions,
    explanation: (denied.length ? denied : decisions).map((d) => d.explanation),
    duties: [...new Set(decisions.flatMap((d) => d.duties))],
  };
}

/**
 * Evaluates a transfer before it happens (e.g. consignee data to a foreign customs authority or a 3PL),
 * stores the decision and journals it (`privacy.transfer_evaluated`) in one transaction. A denied
 * transfer is a normal result, not an error: the caller must not send and can show the explanation.
 */
export async function evaluateTransfer(
  ctx: AppContext,
  input: TransferInput & { orgId: string; actor: string; recipient?: string | undefined },
): Promise<TransferDecision & { id: string }> {
  const at = ctx.clock.now();
  const decision = decideTransfer(input, at);
  const id = ctx.ids.next('transferDecision');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('transfer_decisions')
      .values({
        id,
        org_id: input.orgId,
        category: input.category,
        from_country: input.from.toUpperCase(),
        to_country: input.to.toUpperCase(),
        purpose: input.purpose,
        recipient: input.recipient ?? null,
        volume: input.volume,
        basis_claimed: input.basis ?? null,
        outcome: decision.outcome,
        basis: decision.basis,
        rules_version: decision.rulesVersion,
        explanation: JSON.stringify(decision.explanation),
        duties: JSON.stringify(decision.duties),
        actor: input.actor,
        decided_at: at,
      })
      .execute();
    await ctx.journal.append(tx, input.orgId, [
      {
        kind: 'privacy.transfer_evaluated',
        version: 1,
        actor: input.actor,
        subject: id,
        data: {
          category: input.category,
          from: input.from.toUpperCase(),
          to: input.to.toUpperCase(),
          purpose: input.purpose,
          volume: input.volume,
          basisClaimed: input.basis ?? null,
          outcome: decision.outcome,
          basis: decision.basis,
          rulesVersion: decision.rulesVersion,
          clauses: decision.regimes.map((r) => `${r.regime}:${r.clause ?? 'none'}`),
        },
      },
    ]);
  });
  return { id, ...decision };
}

function present(r: {
  id: string;
  category: string;
  from_country: string;
  to_country: string;
  purpose: string;
  recipient: string | null;
  volume: number | null;
  basis_claimed: string | null;
  outcome: string;
  basis: string | null;
  rules_version: string;
  explanation: unknown;
  duties: unknown;
  actor: string;
  decided_at: Date | string;
}) {
  const arr = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : (v as string[]));
  return {
    id: r.id,
    category: r.category,
    from: r.from_country,
    to: r.to_country,
    purpose: r.purpose,
    recipient: r.recipient,
    volume: r.volume,
    basisClaimed: r.basis_claimed,
    outcome: r.outcome as 'allow' | 'deny',
    basis: r.basis,
    rulesVersion: r.rules_version,
    explanation: arr(r.explanation),
    duties: arr(r.duties),
    actor: r.actor,
    decidedAt: new Date(r.decided_at).toISOString(),
  };
}

export async function listTransferDecisions(
  ctx: AppContext,
  orgId: string,
  opts: { outcome?: 'allow' | 'deny' | undefined; limit?: number } = {},
) {
  let q = ctx.db.selectFrom('transfer_decisions').selectAll().where('org_id', '=', orgId);
  if (opts.outcome) q = q.where('outcome', '=', opts.outcome);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
  return rows.map(present);
}

export async function getTransferDecision(ctx: AppContext, orgId: string, id: string) {
  const r = await ctx.db
    .selectFrom('transfer_decisions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Transfer decision', id);
  return present(r);
}

/** Count of distinct transfers of a category to a destination this year (a volume hint for callers). */
export async function transfersThisYear(ctx: AppContext, orgId: string, category: string, to: string) {
  const start = new Date(Date.UTC(ctx.clock.now().getUTCFullYear(), 0, 1));
  const r = await sql<{
    n: number;
  }>`select coalesce(sum(coalesce(volume, 0)), 0)::int as n from transfer_decisions
    where org_id = ${orgId} and category = ${category} and to_country = ${to} and decided_at >= ${start}`.execute(
    ctx.db,
  );
  return r.rows[0]?.n ?? 0;
}
