import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { assertRetentionElapsed, type InclusionBundle } from '../journal/index.ts';
import { shipmentTrace, type ShipmentTrace } from './trace.service.ts';
import { renderDossierPdf } from './dossier.pdf.ts';
import type { TraceEventView } from './completeness.ts';

export const DOSSIER_FORMAT = 'crossgate.trace.dossier/v1';

/** The JSON edition of a dossier: the trace, and one inclusion bundle for all its events. */
export interface TraceDossier {
  format: typeof DOSSIER_FORMAT;
  id: string;
  generatedAt: string;
  organisation: { id: string; name: string; country: string };
  shipment: ShipmentTrace['shipment'];
  products: ShipmentTrace['products'];
  completeness: ShipmentTrace['completeness'];
  events: Array<TraceEventView & { journal: { entryId: string; index: number } }>;
  journal: InclusionBundle | null;
}

/**
 * Issues a dossier for a shipment, of the kind customs asks for when it detains goods (e.g. a CBP
 * forced-labour review): builds the JSON with embedded proofs and the PDF, stores both (kept for the
 * retention period), and journals their hashes in the same transaction.
 */
export async function issueDossier(ctx: AppContext, orgId: string, shipmentRef: string, actor: string) {
  const trace = await shipmentTrace(ctx, orgId, shipmentRef, { proofs: true });
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name', 'country'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const indexByLeaf = new Map<string, number>();
  for (const e of trace.proofs?.entries ?? []) {
    const leaf = JSON.parse(e.leaf) as { id: string };
    indexByLeaf.set(leaf.id, e.index);
  }
  const dossier: TraceDossier = {
    format: DOSSIER_FORMAT,
    id: ctx.ids.next('traceDossier'),
    generatedAt: ctx.clock.now().toISOString(),
    organisation: { id: org.id, name: org.name, country: org.country },
    shipment: trace.shipment,
    products: trace.products,
    completeness: trace.completeness,
    events: trace.events.map((e) => ({
      ...e,
      journal: { entryId: e.journalEntryId, index: indexByLeaf.get(e.journalEntryId) ?? -1 },
    })),
    journal: trace.proofs ?? null,
  };
  const json = JSON.stringify(dossier, null, 2);
  const pdf = await renderDossierPdf(dossier);
  const sha = (b: string | Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const treeSize = trace.proofs ? Number(trace.proofs.checkpoint.text.split('\n')[1]) : 0;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('trace_dossiers')
      .values({
        id: dossier.id,
        org_id: orgId,
        shipment_id: trace.shipment.id,
        score: trace.completeness.score,
        tree_size: treeSize,
        json,
        json_sha256: sha(json),
        pdf,
        pdf_sha256: sha(pdf),
        created_by: actor,
        created_at: ctx.clock.now(),
      })
      .execute();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'trace.dossier_issued',
        version: 1,
        actor,
        subject: trace.shipment.id,
        data: {
          dossierId: dossier.id,
          shipmentId: trace.shipment.id,
          score: trace.completeness.score,
          treeSize,
          jsonSha256: sha(json),
          pdfSha256: sha(pdf),
        },
      },
    ]);
  });
  return { dossier, json, pdf };
}

export async function getDossier(ctx: AppContext, orgId: string, id: string) {
  const r = await ctx.db
    .selectFrom('trace_dossiers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Dossier', id);
  return { ...r, pdf: Buffer.from(r.pdf) };
}

export async function listDossiers(ctx: AppContext, orgId: string, shipmentId: string) {
  return ctx.db
    .selectFrom('trace_dossiers')
    .select([
      'id',
      'shipment_id',
      'score',
      'tree_size',
      'json_sha256',
      'pdf_sha256',
      'created_by',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('shipment_id', '=', shipmentId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Refused within the retention period (service check first, database trigger behind it). */
export async function deleteDossier(ctx: AppContext, orgId: string, id: string, actor: string) {
  const d = await getDossier(ctx, orgId, id);
  assertRetentionElapsed(`Dossier ${id}`, new Date(d.created_at), ctx.clock.now());
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('trace_dossiers').where('org_id', '=', orgId).where('id', '=', id).execute();
    await ctx.journal.append(tx, orgId, [
      { kind: 'trace.dossier_deleted', version: 1, actor, subject: d.shipment_id, data: { dossierId: id } },
    ]);
  });
}
