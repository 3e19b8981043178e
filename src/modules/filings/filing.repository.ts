import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { hasPrefix } from '../../platform/ids.ts';
import type { Filing, FilingParty, FilingStatus } from './model.ts';
import './filings.tables.ts';

/**
 * Storage of filings: the canonical document (parties apart, persons sealed), lines and the
 * status history. Every function takes the executor it must run on (the caller's transaction).
 */

export const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

// ------------------------------------------------------------------------------------- persistence

export function splitDocument(f: Filing) {
  const { parties, ...rest } = f;
  return { document: rest, parties };
}

export async function writeParties(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filingId: string,
  parties: FilingParty[],
) {
  await tx.deleteFrom('filing_parties').where('filing_id', '=', filingId).execute();
  if (!parties.length) return;
  const rows = [];
  for (const [idx, p] of parties.entries()) {
    const payload = JSON.stringify({ name: p.name ?? null, address: p.address ?? null, ids: p.ids });
    rows.push({
      filing_id: filingId,
      idx,
      org_id: orgId,
      role: p.role,
      party_ref: p.ref ?? null,
      party_id: p.partyId ?? null,
      is_person: p.isPerson,
      country: p.country,
      clear: p.isPerson ? null : payload,
      sealed: p.isPerson ? await ctx.cipher.seal(orgId, payload, p.partyId, tx) : null,
    });
  }
  await tx.insertInto('filing_parties').values(rows).execute();
}

export async function writeLines(tx: Executor, orgId: string, filingId: string, f: Filing) {
  await tx.deleteFrom('filing_lines').where('filing_id', '=', filingId).execute();
  for (let i = 0; i < f.lines.length; i += 500) {
    const chunk = f.lines.slice(i, i + 500).map((l) => ({
      filing_id: filingId,
      line_no: l.lineNo,
      org_id: orgId,
      sku: l.sku,
      hs_code: l.hsCode,
      origin_country: l.originCountry,
      quantity: l.quantity,
      value: l.value,
      currency: l.currency,
      customs_value: l.customsValue,
      data: JSON.stringify(l),
    }));
    if (chunk.length) await tx.insertInto('filing_lines').values(chunk).execute();
  }
}

/** Loads a filing and re-assembles the canonical model (opening sealed party data). */
export async function loadFiling(ctx: AppContext, orgId: string, id: string, db: Executor = ctx.db) {
  if (!hasPrefix(id, 'filing')) throw notFound('Filing', id);
  const row = await db
    .selectFrom('filings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Filing', id);
  const partyRows = await db
    .selectFrom('filing_parties')
    .selectAll()
    .where('filing_id', '=', id)
    .orderBy('idx')
    .execute();
  const parties: FilingParty[] = [];
  for (const p of partyRows) {
    const data = (p.clear ?? JSON.parse(await ctx.cipher.open(orgId, p.sealed!, db))) as {
      name: string | null;
      address: FilingParty['address'] | null;
      ids: FilingParty['ids'];
    };
    parties.push({
      role: p.role as FilingParty['role'],
      ...(p.party_ref ? { ref: p.party_ref } : {}),
      ...(p.party_id ? { partyId: p.party_id } : {}),
      isPerson: p.is_person,
      ...(data.name ? { name: data.name } : {}),
      ...(data.address ? { address: data.address } : {}),
      country: p.country,
      ids: data.ids ?? {},
    });
  }
  const filing = { ...(row.document as unknown as Omit<Filing, 'parties'>), parties } as Filing;
  return { row, filing };
}

export async function transition(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  filingId: string,
  from: FilingStatus | null,
  to: FilingStatus,
  reasons: string[],
  actor: string,
) {
  await tx
    .insertInto('filing_status_history')
    .values({
      org_id: orgId,
      filing_id: filingId,
      from_status: from,
      to_status: to,
      reasons: JSON.stringify(reasons),
      actor,
      at: ctx.clock.now(),
    })
    .execute();
}
