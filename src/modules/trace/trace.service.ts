import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import readline from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import countries from 'i18n-iso-countries';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type FieldIssue, invalid, notFound } from '../../platform/errors.ts';
import { hasPrefix } from '../../platform/ids.ts';
import { canonicalJson, defineEntryKind, proveEntries, type InclusionBundle } from '../journal/index.ts';
import { coreQueries } from '../core/index.ts';
import { LINK_CODES, LINKS } from './trace.links.ts';
import {
  scoreCompleteness,
  type Completeness,
  type ShipmentFacts,
  type TraceEventView,
} from './completeness.ts';

const country = z
  .string()
  .length(2)
  .transform((c) => c.toUpperCase())
  .refine((c) => countries.isValid(c), 'not an ISO 3166-1 alpha-2 country');
const text = (max = 200) => z.string().trim().min(1).max(max);

/** One chain-of-custody event as the API and the importers take it. */
export const traceEventInput = z
  .object({
    reference: text().optional().describe("the sender's id for the event; re-sending it changes nothing"),
    link: z.enum(LINK_CODES),
    shipmentId: text(64).optional(),
    shipmentRef: text().optional().describe("the shipment's reference (natural key)"),
    productId: text(64).optional(),
    sku: text().optional(),
    occurredAt: z.iso.datetime({ offset: true }),
    country,
    location: text().optional().describe('UN/LOCODE or place name'),
    facility: text().optional().describe('factory, warehouse or terminal (a company, never a person)'),
    partyId: text(64).optional(),
    batch: text().optional().describe('production batch or lot'),
    leg: z.coerce.number().int().min(1).max(99).optional(),
    carrier: text().optional(),
    conveyance: text().optional().describe('vessel and voyage, flight, truck or wagon'),
    documents: z
      .array(z.object({ type: text(50), number: text() }))
      .max(50)
      .optional(),
    quantity: z.coerce.number().positive().optional(),
    unit: text(20).optional(),
    receivedBy: text()
      .optional()
      .describe('person who signed for the goods: stored and journaled only as a keyed hash'),
    attributes: z.record(z.string().max(100), z.string().max(1000)).optional(),
  })
  .superRefine((v, c) => {
    if (!v.shipmentId && !v.shipmentRef && !v.productId && !v.sku)
      c.addIssue({
        code: 'custom',
        path: ['shipmentRef'],
        message: 'attach the event to a shipment or a product',
      });
    const spec = LINKS.find((l) => l.code === v.link)!;
    if (spec.carrierLeg && !v.location)
      c.addIssue({ code: 'custom', path: ['location'], message: 'a carrier leg needs its location' });
    if (spec.scope === 'shipment' && !v.shipmentId && !v.shipmentRef)
      c.addIssue({
        code: 'custom',
        path: ['shipmentRef'],
        message: `${v.link} is recorded against a shipment`,
      });
  });
export type TraceEventInput = z.input<typeof traceEventInput>;

const journaledEvent = z.object({
  eventId: z.string(),
  reference: z.string(),
  link: z.enum(LINK_CODES),
  shipmentId: z.string().nullable(),
  productId: z.string().nullable(),
  occurredAt: z.string(),
  country: z.string().length(2),
  location: z.string().nullable(),
  facility: z.string().nullable(),
  partyId: z.string().nullable(),
  batch: z.string().nullable(),
  leg: z.number().nullable(),
  carrier: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
defineEntryKind(
  'trace.event_recorded',
  1,
  'A chain-of-custody event attached to a shipment or product',
  journaledEvent,
);
defineEntryKind(
  'trace.import_completed',
  1,
  'A bulk import of trace events and its outcome',
  z.object({
    sha256: z.string(),
    format: z.string(),
    rows: z.number(),
    recorded: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
  }),
);
defineEntryKind(
  'trace.dossier_issued',
  1,
  'A traceability dossier issued for a shipment, with the hashes of its files',
  z.object({
    dossierId: z.string(),
    shipmentId: z.string(),
    score: z.number(),
    treeSize: z.number(),
    jsonSha256: z.string(),
    pdfSha256: z.string(),
  }),
);

interface Prepared {
  position: number;
  reference: string;
  link: string;
  shipmentId: string | null;
  productId: string | null;
  occurredAt: Date;
  country: string;
  location: string | null;
  facility: string | null;
  partyId: string | null;
  batch: string | null;
  leg: number | null;
  carrier: string | null;
  details: Record<string, unknown>;
}

export interface Rejection {
  /** 1-based position in the request, or the file's line number for imports. */
  row: number;
  field: string;
  message: string;
}

/** Validates and resolves events; rows that fail come back as rejections with field and reason. */
async function prepare(
  ctx: AppContext,
  orgId: string,
  raw: Array<{ row: number; value: unknown }>,
): Promise<{ ok: Prepared[]; rejected: Rejection[] }> {
  const rejected: Rejection[] = [];
  const parsed: Array<{ row: number; v: z.output<typeof traceEventInput> }> = [];
  for (const { row, value } of raw) {
    const r = traceEventInput.safeParse(value);
    if (r.success) parsed.push({ row, v: r.data });
    else
      for (const i of r.error.issues)
        rejected.push({ row, field: i.path.join('.') || '(row)', message: i.message });
  }
  const shipRefs = [
    ...new Set(parsed.flatMap((p) => [p.v.shipmentRef, p.v.shipmentId].filter((x): x is string => !!x))),
  ];
  const skus = [...new Set(parsed.flatMap((p) => [p.v.sku, p.v.productId].filter((x): x is string => !!x)))];
  const partyIds = [...new Set(parsed.map((p) => p.v.partyId).filter((x): x is string => !!x))];
  const [ships, prods, parties] = await Promise.all([
    shipRefs.length
      ? ctx.db
          .selectFrom('shipments')
          .select(['id', 'reference'])
          .where('org_id', '=', orgId)
          .where((eb) => eb.or([eb('reference', 'in', shipRefs), eb('id', 'in', shipRefs)]))
          .execute()
      : [],
    skus.length
      ? ctx.db
          .selectFrom('products')
          .select(['id', 'sku'])
          .where('org_id', '=', orgId)
          .where((eb) => eb.or([eb('sku', 'in', skus), eb('id', 'in', skus)]))
          .execute()
      : [],
    partyIds.length
      ? ctx.db
          .selectFrom('parties')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', 'in', partyIds)
          .execute()
      : [],
  ]);
  const shipById = new Map(ships.map((s) => [s.id, s.id]));
  const shipByRef = new Map(ships.map((s) => [s.reference, s.id]));
  const prodById = new Map(prods.map((p) => [p.id, p.id]));
  const prodBySku = new Map(prods.map((p) => [p.sku, p.id]));
  const partySet = new Set(parties.map((p) => p.id));
  const ok: Prepared[] = [];
  for (const { row, v } of parsed) {
    const problems: FieldIssue[] = [];
    const shipmentId = v.shipmentId
      ? shipById.get(v.shipmentId)
      : v.shipmentRef
        ? (shipByRef.get(v.shipmentRef) ?? shipById.get(v.shipmentRef))
        : null;
    if (shipmentId === undefined)
      problems.push({ field: v.shipmentId ? 'shipmentId' : 'shipmentRef', message: 'no such shipment' });
    const productId = v.productId
      ? prodById.get(v.productId)
      : v.sku
        ? (prodBySku.get(v.sku) ?? prodById.get(v.sku))
        : null;
    if (productId === undefined)
      problems.push({ field: v.productId ? 'productId' : 'sku', message: 'no such product' });
    if (v.partyId && !partySet.has(v.partyId)) problems.push({ field: 'partyId', message: 'no such party' });
    if (problems.length) {
      for (const p of problems) rejected.push({ row, ...p });
      continue;
    }
    const details: Record<string, unknown> = {};
    if (v.conveyance) details.conveyance = v.conveyance;
    if (v.documents?.length) details.documents = v.documents;
    if (v.quantity !== undefined) details.quantity = v.quantity;
    if (v.unit) details.unit = v.unit;
    if (v.attributes && Object.keys(v.attributes).length) details.attributes = v.attributes;
    // A person is never stored or journaled in clear: a keyed hash lets an auditor check a claimed
    // name without the log holding it, and survives the person's erasure request.
    if (v.receivedBy)
      details.receivedByRef = `hmac-sha256:${ctx.cipher.blindIndex(orgId, v.receivedBy.normalize('NFC').trim().toLowerCase())}`;
    const reference =
      v.reference ??
      `sha256:${crypto
        .createHash('sha256')
        .update(canonicalJson({ ...v, receivedBy: undefined, receivedByRef: details.receivedByRef }))
        .digest('hex')}`;
    ok.push({
      position: row,
      reference,
      link: v.link,
      shipmentId: shipmentId ?? null,
      productId: productId ?? null,
      occurredAt: new Date(v.occurredAt),
      country: v.country,
      location: v.location ?? null,
      facility: v.facility ?? null,
      partyId: v.partyId ?? null,
      batch: v.batch ?? null,
      leg: v.leg ?? null,
      carrier: v.carrier ?? null,
      details,
    });
  }
  return { ok, rejected };
}

/** Inserts events (skipping references already recorded) and journals each new one, in `tx`. */
async function insertEvents(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  actor: string,
  events: Prepared[],
  source: string,
): Promise<Array<{ id: string; reference: string; journalEntryId: string }>> {
  if (events.length === 0) return [];
  const now = ctx.clock.now();
  const rows = events.map((e) => ({
    id: ctx.ids.next('traceEvent'),
    org_id: orgId,
    reference: e.reference,
    link: e.link,
    shipment_id: e.shipmentId,
    product_id: e.productId,
    occurred_at: e.occurredAt,
    country: e.country,
    location: e.location,
    facility: e.facility,
    party_id: e.partyId,
    batch: e.batch,
    leg: e.leg,
    carrier: e.carrier,
    details: JSON.stringify(e.details),
    source,
    journal_entry_id: ctx.ids.next('journalEntry'),
    recorded_by: actor,
    created_at: now,
  }));
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const got = await tx
      .insertInto('trace_events')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['org_id', 'reference']).doNothing())
      .returning('id')
      .execute();
    for (const g of got) inserted.add(g.id);
  }
  const fresh = rows.filter((r) => inserted.has(r.id));
  await ctx.journal.append(
    tx,
    orgId,
    fresh.map((r) => ({
      id: r.journal_entry_id,
      kind: 'trace.event_recorded',
      version: 1,
      actor,
      subject: r.shipment_id ?? r.product_id!,
      dedupe: true,
      data: {
        eventId: r.id,
        reference: r.reference,
        link: r.link,
        shipmentId: r.shipment_id,
        productId: r.product_id,
        occurredAt: r.occurred_at.toISOString(),
        country: r.country,
        location: r.location,
        facility: r.facility,
        partyId: r.party_id,
        batch: r.batch,
        leg: r.leg,
        carrier: r.carrier,
        details: JSON.parse(r.details),
      },
    })),
  );
  return fresh.map((r) => ({ id: r.id, reference: r.reference, journalEntryId: r.journal_entry_id }));
}

/**
 * Records events posted through the API: all or nothing (a bad event refuses the request with its
 * position, field and reason). Events whose reference is already recorded are reported unchanged.
 */
export async function recordEvents(ctx: AppContext, orgId: string, actor: string, inputs: unknown[]) {
  const { ok, rejected } = await prepare(
    ctx,
    orgId,
    inputs.map((value, i) => ({ row: i + 1, value })),
  );
  if (rejected.length)
    throw invalid(
      'Some events are not valid',
      rejected.map((r) => ({ field: `events.${r.row - 1}.${r.field}`, message: r.message })),
    );
  const recorded = await ctx.db.transaction().execute((tx) => insertEvents(ctx, tx, orgId, actor, ok, 'api'));
  const fresh = new Set(recorded.map((r) => r.reference));
  return { recorded, unchanged: ok.filter((e) => !fresh.has(e.reference)).map((e) => e.reference) };
}

const CSV_FIELDS: Record<string, keyof TraceEventInput> = {
  reference: 'reference',
  link: 'link',
  shipment: 'shipmentRef',
  shipment_ref: 'shipmentRef',
  shipment_id: 'shipmentId',
  sku: 'sku',
  product_id: 'productId',
  occurred_at: 'occurredAt',
  country: 'country',
  location: 'location',
  facility: 'facility',
  party_id: 'partyId',
  batch: 'batch',
  leg: 'leg',
  carrier: 'carrier',
  conveyance: 'conveyance',
  quantity: 'quantity',
  unit: 'unit',
  received_by: 'receivedBy',
};

/** A CSV record to the API shape: known columns mapped, `documents` as `type:number;…`, others kept as attributes. */
function fromCsv(rec: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec)) {
    if (v === '' || v === undefined) continue;
    const key = k.trim().toLowerCase();
    const f = CSV_FIELDS[key];
    if (f) out[f] = v;
    else if (key === 'documents')
      out.documents = v.split(';').map((d) => {
        const [type, ...num] = d.split(':');
        return { type: (type ?? '').trim(), number: num.join(':').trim() };
      });
    else attributes[key] = v;
  }
  if (Object.keys(attributes).length) out.attributes = attributes;
  return out;
}

async function* records(
  input: Readable,
  format: 'csv' | 'ndjson',
): AsyncGenerator<{ row: number; value: unknown }> {
  if (format === 'csv') {
    const parser = input.pipe(
      parseCsv({
        columns: true,
        skip_empty_lines: true,
        trim: true,
        bom: true,
        info: true,
        relax_column_count: true,
      }),
    );
    for await (const r of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>)
      yield { row: r.info.lines, value: fromCsv(r.record) };
    return;
  }
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    try {
      yield { row: n, value: JSON.parse(line) };
    } catch {
      yield { row: n, value: { __unparseable: line.slice(0, 80) } };
    }
  }
}

export interface ImportResult {
  rows: number;
  recorded: number;
  unchanged: number;
  rejected: Rejection[];
  sha256: string;
}

const IMPORT_BATCH = 1000;

/**
 * Bulk import (CSV or NDJSON), streaming in batches of 1,000: each batch's events and journal entries
 * commit together. Every row ends as recorded, unchanged (reference already known) or rejected with
 * its line number, field and reason; re-importing the same file records nothing new.
 */
export async function importEvents(
  ctx: AppContext,
  orgId: string,
  actor: string,
  input: Readable | string | Buffer,
  format: 'csv' | 'ndjson',
  onProgress?: (rows: number) => void,
): Promise<ImportResult> {
  const stream = typeof input === 'string' || Buffer.isBuffer(input) ? Readable.from([input]) : input;
  const hash = crypto.createHash('sha256');
  stream.on('data', (c: Buffer | string) => hash.update(c));
  const result: ImportResult = { rows: 0, recorded: 0, unchanged: 0, rejected: [], sha256: '' };
  let batch: Array<{ row: number; value: unknown }> = [];
  const flush = async () => {
    const { ok, rejected } = await prepare(ctx, orgId, batch);
    result.rejected.push(...rejected);
    const recorded = await ctx.db
      .transaction()
      .execute((tx) => insertEvents(ctx, tx, orgId, actor, ok, 'import'));
    result.recorded += recorded.length;
    result.unchanged += ok.length - recorded.length;
    batch = [];
    onProgress?.(result.rows);
  };
  for await (const r of records(stream, format)) {
    result.rows += 1;
    batch.push(r);
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  if (batch.length) await flush();
  result.sha256 = hash.digest('hex');
  await ctx.db.transaction().execute((tx) =>
    ctx.journal.append(tx, orgId, [
      {
        kind: 'trace.import_completed',
        version: 1,
        actor,
        data: {
          sha256: result.sha256,
          format,
          rows: result.rows,
          recorded: result.recorded,
          unchanged: result.unchanged,
          rejected: result.rejected.length,
        },
      },
    ]),
  );
  return result;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** A shipment's id from its id or reference, within the organisation. */
export async function resolveShipmentId(ctx: AppContext, orgId: string, ref: string): Promise<string> {
  let q = ctx.db.selectFrom('shipments').select('id').where('org_id', '=', orgId);
  q = hasPrefix(ref, 'shipment') ? q.where('id', '=', ref) : q.where('reference', '=', ref);
  const s = await q.executeTakeFirst();
  if (!s) throw notFound('Shipment', ref);
  return s.id;
}

type EventRow = {
  id: string;
  reference: string;
  link: string;
  shipment_id: string | null;
  product_id: string | null;
  occurred_at: Date;
  created_at: Date;
  country: string;
  location: string | null;
  facility: string | null;
  batch: string | null;
  leg: number | null;
  carrier: string | null;
  details: Record<string, unknown>;
  journal_entry_id: string;
};

function eventView(r: EventRow): TraceEventView {
  return {
    id: r.id,
    reference: r.reference,
    link: r.link,
    shipmentId: r.shipment_id,
    productId: r.product_id,
    occurredAt: iso(r.occurred_at)!,
    recordedAt: iso(r.created_at)!,
    country: r.country,
    location: r.location,
    facility: r.facility,
    batch: r.batch,
    leg: r.leg,
    carrier: r.carrier,
    details: r.details,
    journalEntryId: r.journal_entry_id,
  };
}

/**
 * Completeness of a page of shipments (by id order), for lists and for the compliance score: four
 * queries whatever the page size.
 */
export async function completenessOfShipments(
  ctx: AppContext,
  orgId: string,
  opts: { limit: number; after?: string | undefined },
) {
  let q = ctx.db
    .selectFrom('shipments')
    .select(['id', 'reference', 'mode', 'origin_country', 'destination_country', 'atd', 'ata', 'status'])
    .where('org_id', '=', orgId);
  if (opts.after) q = q.where('id', '>', opts.after);
  const ships = await q.orderBy('id').limit(opts.limit).execute();
  if (ships.length === 0) return [];
  const ids = ships.map((s) => s.id);
  const lines = await ctx.db
    .selectFrom('shipment_lines')
    .innerJoin('products', (j) =>
      j
        .onRef('products.sku', '=', 'shipment_lines.sku')
        .onRef('products.org_id', '=', 'shipment_lines.org_id'),
    )
    .select(['shipment_lines.shipment_id', 'products.id as product_id'])
    .where('shipment_lines.org_id', '=', orgId)
    .where('shipment_lines.shipment_id', 'in', ids)
    .execute();
  const productIds = [...new Set(lines.map((l) => l.product_id))];
  const rows = await ctx.db
    .selectFrom('trace_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('shipment_id', 'in', ids),
        ...(productIds.length
          ? [eb.and([eb('product_id', 'in', productIds), eb('shipment_id', 'is', null)])]
          : []),
      ]),
    )
    .execute();
  const byShipment = new Map<string, TraceEventView[]>();
  const byProduct = new Map<string, TraceEventView[]>();
  for (const r of rows) {
    const v = eventView(r);
    const map = r.shipment_id ? byShipment : byProduct;
    const key = (r.shipment_id ?? r.product_id)!;
    map.set(key, [...(map.get(key) ?? []), v]);
  }
  const now = ctx.clock.now();
  return ships.map((s) => {
    const events = [
      ...(byShipment.get(s.id) ?? []),
      ...lines.filter((l) => l.shipment_id === s.id).flatMap((l) => byProduct.get(l.product_id) ?? []),
    ];
    const c = scoreCompleteness(
      {
        mode: s.mode,
        originCountry: s.origin_country,
        destinationCountry: s.destination_country,
        atd: iso(s.atd),
        ata: iso(s.ata),
      },
      events,
      now,
    );
    return {
      id: s.id,
      reference: s.reference,
      status: s.status,
      score: c.score,
      level: c.level,
      counts: c.counts,
      missing: c.links.filter((l) => l.status === 'missing').map((l) => l.code),
      rulesVersion: c.rulesVersion,
    };
  });
}

export interface ShipmentTrace {
  shipment: Omit<Awaited<ReturnType<typeof coreQueries.getShipment>>, 'lines'>;
  products: Array<{
    id: string;
    sku: string;
    title: string;
    hsCode: string | null;
    originCountry: string | null;
  }>;
  events: TraceEventView[];
  completeness: Completeness;
  proofs?: InclusionBundle;
}

/**
 * A shipment's chain of custody: its own events plus the product-level events (raw material,
 * production) of the products on its lines, scored for completeness; with `proofs`, an inclusion
 * proof for every event's journal entry against one signed head.
 */
export async function shipmentTrace(
  ctx: AppContext,
  orgId: string,
  shipmentRef: string,
  opts: { proofs?: boolean } = {},
): Promise<ShipmentTrace> {
  const { lines, ...s } = await coreQueries.getShipment(
    ctx,
    orgId,
    await resolveShipmentId(ctx, orgId, shipmentRef),
  );
  const skus = [...new Set(lines.map((l) => l.sku))];
  const products = skus.length
    ? await ctx.db
        .selectFrom('products')
        .select(['id', 'sku', 'title', 'hs_code', 'origin_country'])
        .where('org_id', '=', orgId)
        .where('sku', 'in', skus)
        .orderBy('sku')
        .execute()
    : [];
  const productIds = products.map((p) => p.id);
  const rows = await ctx.db
    .selectFrom('trace_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('shipment_id', '=', s.id),
        ...(productIds.length
          ? [eb.and([eb('product_id', 'in', productIds), eb('shipment_id', 'is', null)])]
          : []),
      ]),
    )
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const events = rows.map(eventView);
  const facts: ShipmentFacts = {
    mode: s.mode,
    originCountry: s.originCountry,
    destinationCountry: s.destinationCountry,
    atd: s.atd,
    ata: s.ata,
  };
  const out: ShipmentTrace = {
    shipment: s,
    products: products.map((p) => ({
      id: p.id,
      sku: p.sku,
      title: p.title,
      hsCode: p.hs_code,
      originCountry: p.origin_country,
    })),
    events,
    completeness: scoreCompleteness(facts, events, ctx.clock.now()),
  };
  if (opts.proofs && events.length) {
    const { head: _h, ...bundle } = await proveEntries(
      ctx,
      orgId,
      events.map((e) => e.journalEntryId),
    );
    out.proofs = bundle;
  }
  return out;
}
