import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { allSettled, anyText, type Executor, type Pipeline, pipeline } from '../../platform/db/database.ts';
import { copyRows, copyText } from '../../platform/db/copy.ts';
import { beginBulkLoad } from '../../platform/db/bulk-load.ts';
import { ORDER_PERSONAL_COLUMNS } from './core.personal.ts';
import type { OrderRecord, PartyRecord, ProductRecord, ShipmentRecord } from './core.records.ts';
import { contentHashKey, contentHashWith } from './content-hash.ts';

/**
 * The write side of the domain core: idempotent upserts of canonical records by natural key.
 * A record whose content hash matches the stored row is "unchanged" and not written again, so
 * importing the same file twice changes nothing. Each batch runs in one transaction with one journal
 * entry listing every created or updated row (id, natural key, content hash).
 */
export type IngestOutcome = 'created' | 'updated' | 'unchanged';

export interface IngestResult {
  outcomes: IngestOutcome[];
  ids: string[];
}

export interface IngestOptions {
  actor: string;
  importRunId?: string | undefined;
  /**
   * The records' content hashes, in order, when the caller computed them already (the importer's parsing
   * thread does, with `contentHashWith(contentHashKey(ctx), orgId, record)`); computed here otherwise.
   */
  hashes?: ReadonlyArray<string | undefined> | undefined;
}

/** The content hash of records[i]: the caller's, or computed now. */
function hashOf(ctx: AppContext, orgId: string, record: unknown, i: number, opts: IngestOptions): string {
  return opts.hashes?.[i] ?? contentHashWith(contentHashKey(ctx), orgId, record);
}

/** Column name and the PostgreSQL type of its array parameter, for insertRows. */
type UnnestColumns = ReadonlyArray<readonly [string, string]>;

const PARTY_COLUMNS: UnnestColumns = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['kind', 'text'],
  ['external_ref', 'text'],
  ['is_person', 'bool'],
  ['name', 'text'],
  ['address', 'jsonb'],
  ['country', 'text'],
  ['region', 'text'],
  ['personal_sealed', 'text'],
  ['mid', 'text'],
  ['email_index', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const ORDER_COLUMNS: UnnestColumns = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['platform', 'text'],
  ['external_id', 'text'],
  ['buyer_party_id', 'text'],
  ['ship_to_country', 'text'],
  ['currency', 'text'],
  ['subtotal', 'numeric'],
  ['shipping', 'numeric'],
  ['tax', 'numeric'],
  ['total', 'numeric'],
  ['payment_method', 'text'],
  ['personal_sealed', 'text'],
  ['status', 'text'],
  ['ordered_at', 'timestamptz'],
  ['paid_at', 'timestamptz'],
  ['line_count', 'int4'],
  ['content_hash', 'text'],
  ['import_run_id', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
/**
 * An order that exists is replaced in place (same id); created_at is kept. Its personal data moves to the
 * record column: the per-field columns of an order written before it are cleared.
 */
const ORDER_UPSERT = `on conflict (id) do update set ${ORDER_COLUMNS.map(([c]) => c)
  .filter((c) => !['id', 'org_id', 'platform', 'external_id', 'created_at'].includes(c))
  .map((c) => `${c} = excluded.${c}`)
  .concat(Object.values(ORDER_PERSONAL_COLUMNS).map((c) => `${c} = null`))
  .join(', ')}`;
const ORDER_LINE_COLUMNS: UnnestColumns = [
  ['id', 'text'],
  ['org_id', 'text'],
  ['order_id', 'text'],
  ['line_no', 'int4'],
  ['sku', 'text'],
  ['product_id', 'text'],
  ['title', 'text'],
  ['quantity', 'int4'],
  ['unit_price', 'numeric'],
  ['total', 'numeric'],
];

/** A value as a COPY text-format field. */
function copyField(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return copyText(String(v));
}

/**
 * Bulk insert of new rows: `COPY … FROM STDIN` in the caller's transaction (the database's cheapest way
 * in, on both drivers: platform/db/copy.ts). When a conflict clause is needed: `insert … select * from
 * unnest($1::text[], $2::numeric[], …)`, one array parameter per column instead of one per cell, so a
 * batch of thousands of rows is one short statement parsed and planned once.
 * A unique violation under COPY fails the batch, which the importer retries record by record.
 */
async function insertRows(
  tx: Executor,
  table: string,
  columns: UnnestColumns,
  rows: ReadonlyArray<Record<string, unknown>>,
  onConflict?: string,
): Promise<void> {
  if (rows.length === 0) return;
  if (onConflict === undefined) {
    let text = '';
    for (const r of rows) {
      for (let i = 0; i < columns.length; i++) text += (i ? '\t' : '') + copyField(r[columns[i]![0]]);
      text += '\n';
    }
    await copyRows(
      tx,
      table,
      columns.map(([c]) => c),
      text,
    );
    return;
  }
  const arrays = columns.map(
    ([name, type]) =>
      sql`${rows.map((r) => {
        const v = r[name];
        return v instanceof Date ? v.toISOString() : (v ?? null);
      })}::${sql.raw(type)}[]`,
  );
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)}) ${sql.raw(onConflict)}`.execute(
    tx,
  );
}

/**
 * Orders sealed and sent to the database at a time within a batch (see ingestOrders). Parts pay where
 * the database runs in its own process (PostgreSQL works on one part while this thread seals the next);
 * the embedded PGlite runs on this thread, so there a batch is one part (each COPY has a fixed cost).
 */
function writePart(ctx: AppContext): number {
  return ctx.database.dialect === 'postgres' ? 500 : Number.POSITIVE_INFINITY;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The data subject a natural person's sealed fields belong to (per-subject keys: crypto-shredding). */
function personSubject(p: PartyRecord): string | undefined {
  return p.isPerson ? `${p.kind}:${p.externalRef}` : undefined;
}

/** Runs a `= any(…)` lookup over `keys` in parts of 10,000 and returns all rows. */
async function selectIn<K, R>(keys: K[], query: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const part of chunk(keys, 10_000)) rows.push(...(await query(part)));
  return rows;
}

/**
 * The sealed record of a party (core.personal.ts): a person's name, address, email, phone and tax id, or a
 * company's email, phone and tax id (its name and address stay in clear). Null when there is nothing to seal.
 */
async function sealPartyRecord(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  p: PartyRecord,
  subject: string | undefined,
): Promise<string | null> {
  const fields = {
    name: p.isPerson ? p.name : undefined,
    address: p.isPerson && p.address ? JSON.stringify(p.address) : undefined,
    email: p.email,
    phone: p.phone,
    taxId: p.taxId,
  };
  if (Object.values(fields).every((v) => v === undefined)) return null;
  return ctx.cipher.sealRecord(orgId, fields, subject, tx);
}

/** Records sealed between two turns of the event loop, when statements are waiting to be sent (Pipeline.tick). */
const TICK_EVERY = 100;

/** New parties sent to the database at a time (see writePart); a multiple of TICK_EVERY. */
const PARTY_PART = 500;

/** A party's natural key. */
function partyKey(p: PartyRecord): string {
  return `${p.kind}|${p.externalRef}`;
}

/** Upserts parties by (kind, externalRef); returns their ids in input order. */
export async function upsertParties(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  parties: PartyRecord[],
): Promise<string[]> {
  if (parties.length === 0) return [];
  const ids = await findParties(tx, orgId, parties);
  await ctx.cipher.prepareSubjects(orgId, subjectsOf(parties.filter((p) => !ids.has(partyKey(p)))), tx);
  const writes = pipeline();
  const load = await beginBulkLoad(ctx.database, tx, writes);
  load.parents({ table: 'organisations', ids: [orgId] });
  await sendNewParties(ctx, tx, orgId, parties, ids, writes);
  load.end();
  await writes.done();
  return parties.map((p) => ids.get(partyKey(p))!);
}

/** The data subjects of the natural persons among `parties`. */
function subjectsOf(parties: Iterable<PartyRecord | undefined>): string[] {
  const out: string[] = [];
  for (const p of parties) {
    const s = p && personSubject(p);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** The ids of those of `parties` that exist, by partyKey. */
async function findParties(
  tx: Executor,
  orgId: string,
  parties: PartyRecord[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // One `kind = k and external_ref in (…)` lookup per kind: an OR of (kind, ref) pairs is slow to plan.
  const refsByKind = new Map<PartyRecord['kind'], Set<string>>();
  for (const p of parties) {
    const refs = refsByKind.get(p.kind);
    if (refs) refs.add(p.externalRef);
    else refsByKind.set(p.kind, new Set([p.externalRef]));
  }
  for (const [kind, refs] of refsByKind) {
    const rows = await selectIn([...refs], (part) =>
      tx
        .selectFrom('parties')
        .select(['id', 'kind', 'external_ref'])
        .where('org_id', '=', orgId)
        .where('kind', '=', kind)
        .where('external_ref', '=', anyText(part))
        .execute(),
    );
    for (const r of rows) found.set(`${r.kind}|${r.external_ref}`, r.id);
  }
  return found;
}

/**
 * Seals and sends (through `writes`, without waiting) the parties that are not in `ids`, the last
 * occurrence of each, and adds their new ids to `ids`. The data keys of the
 * persons among them must be prepared. A party created meanwhile by a concurrent import fails the batch
 * at `writes.done()`, which is then retried record by record and finds it (PGlite, with one connection,
 * cannot race).
 */
async function sendNewParties(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  parties: PartyRecord[],
  ids: Map<string, string>,
  writes: Pipeline,
): Promise<void> {
  const now = ctx.clock.now();
  const fresh = new Map<string, PartyRecord>();
  for (const p of parties) {
    const key = partyKey(p);
    if (!ids.has(key)) fresh.set(key, p);
  }
  const rows: Array<Record<string, unknown>> = [];
  for (const [n, [key, p]] of [...fresh].entries()) {
    if (n > 0 && n % TICK_EVERY === 0) await writes.tick(); // also right after each part is sent
    const id = ctx.ids.next('party');
    ids.set(key, id);
    rows.push({
      id,
      org_id: orgId,
      kind: p.kind,
      external_ref: p.externalRef,
      is_person: p.isPerson,
      name: p.isPerson ? null : p.name,
      address: p.isPerson || !p.address ? null : JSON.stringify(p.address),
      country: p.country,
      region: p.region ?? null,
      // A person's data as one sealed record (one AEAD message, ADR 0007); a company's email, phone and
      // tax id are sealed the same way, under the organisation key.
      personal_sealed: await sealPartyRecord(ctx, tx, orgId, p, personSubject(p)),
      mid: p.mid ?? null,
      email_index: p.email ? ctx.cipher.blindIndex(orgId, p.email.toLowerCase()) : null,
      created_at: now,
      updated_at: now,
    });
    if (rows.length === PARTY_PART) writes.send(insertRows(tx, 'parties', PARTY_COLUMNS, rows.splice(0)));
  }
  writes.send(insertRows(tx, 'parties', PARTY_COLUMNS, rows));
}

/**
 * Runs `fn` in a transaction and, once it has committed, lets every caller use the data keys it created
 * (FieldCipher.committed: a large import's later batches then find their returning buyers' keys cached).
 */
async function inTransaction<T>(ctx: AppContext, fn: (tx: Executor) => Promise<T>): Promise<T> {
  let used: Executor | undefined;
  const out = await ctx.db.transaction().execute((tx) => {
    used = tx;
    return fn(tx);
  });
  if (used) ctx.cipher.committed(used);
  return out;
}

export async function ingestProducts(
  ctx: AppContext,
  orgId: string,
  records: ProductRecord[],
  opts: IngestOptions,
): Promise<IngestResult> {
  const outcomes: IngestOutcome[] = [];
  const ids: string[] = [];
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const existing = new Map<string, { id: string; content_hash: string }>();
    const rows = await selectIn(
      records.map((r) => r.sku),
      (part) =>
        tx
          .selectFrom('products')
          .select(['id', 'sku', 'content_hash'])
          .where('org_id', '=', orgId)
          .where('sku', '=', anyText(part))
          .execute(),
    );
    for (const r of rows) existing.set(r.sku, r);
    const suppliers = records.filter((r) => r.supplier).map((r) => r.supplier!);
    const supplierIds = await upsertParties(ctx, tx, orgId, suppliers);
    const supplierId = new Map(suppliers.map((s, i) => [partyKey(s), supplierIds[i]!]));
    const changes: Array<{ id: string; sku: string; hash: string; change: IngestOutcome }> = [];
    for (const [i, r] of records.entries()) {
      const hash = hashOf(ctx, orgId, r, i, opts);
      const prev = existing.get(r.sku);
      const row = {
        org_id: orgId,
        sku: r.sku,
        title: r.title,
        description: r.description ?? null,
        attributes: JSON.stringify(r.attributes),
        category_path: r.categoryPath ?? null,
        origin_country: r.originCountry ?? null,
        hs_code: r.hsCode ?? null,
        value: r.value ?? null,
        currency: r.currency ?? null,
        weight_kg: r.weightKg ?? null,
        supplier_party_id: r.supplier ? supplierId.get(partyKey(r.supplier))! : null,
        content_hash: hash,
        updated_at: now,
      };
      if (prev && prev.content_hash === hash) {
        outcomes.push('unchanged');
        ids.push(prev.id);
        continue;
      }
      if (prev) {
        await tx.updateTable('products').set(row).where('id', '=', prev.id).execute();
        existing.set(r.sku, { id: prev.id, content_hash: hash });
        outcomes.push('updated');
        ids.push(prev.id);
        changes.push({ id: prev.id, sku: r.sku, hash, change: 'updated' });
      } else {
        const id = ctx.ids.next('product');
        await tx
          .insertInto('products')
          .values({ ...row, id, created_at: now })
          .execute();
        existing.set(r.sku, { id, content_hash: hash });
        outcomes.push('created');
        ids.push(id);
        changes.push({ id, sku: r.sku, hash, change: 'created' });
      }
    }
    if (changes.length) {
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'products.upserted',
          version: 1,
          actor: opts.actor,
          subject: opts.importRunId,
          data: { importRunId: opts.importRunId ?? null, items: changes },
        },
      ]);
    }
  });
  return { outcomes, ids };
}

export async function ingestOrders(
  ctx: AppContext,
  orgId: string,
  records: OrderRecord[],
  opts: IngestOptions,
): Promise<IngestResult> {
  const outcomes: IngestOutcome[] = new Array(records.length);
  const ids: string[] = new Array(records.length);
  await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const key = (platform: string, externalId: string) => `${platform}|${externalId}`;
    const existing = new Map<string, { id: string; content_hash: string }>();
    const byPlatform = new Map<string, string[]>();
    for (const r of records) {
      const ids = byPlatform.get(r.platform);
      if (ids) ids.push(r.externalId);
      else byPlatform.set(r.platform, [r.externalId]);
    }
    for (const [platform, extIds] of byPlatform) {
      const rows = await selectIn(extIds, (part) =>
        tx
          .selectFrom('orders')
          .select(['id', 'external_id', 'content_hash'])
          .where('org_id', '=', orgId)
          .where('platform', '=', platform)
          .where('external_id', '=', anyText(part))
          .execute(),
      );
      for (const r of rows) existing.set(key(platform, r.external_id), r);
    }
    const hashes = records.map((r, i) => hashOf(ctx, orgId, r, i, opts));
    const todo: number[] = [];
    records.forEach((r, i) => {
      const prev = existing.get(key(r.platform, r.externalId));
      if (prev && prev.content_hash === hashes[i]) {
        outcomes[i] = 'unchanged';
        ids[i] = prev.id;
      } else todo.push(i);
    });
    if (todo.length === 0) return;

    // From here on, statements are sent without waiting except for the two lookups below: the database
    // stores one part while the next is sealed here (on PostgreSQL). Foreign keys are checked once for
    // the batch (platform/db/bulk-load.ts); everything is verified at `writes.done()`, before commit.
    const writes = pipeline();
    const load = await beginBulkLoad(ctx.database, tx, writes);
    load.parents({ table: 'organisations', ids: [orgId] });

    // Which buyers and products exist, and every buyer's data key (loaded, or made and sent), at once.
    const buyers = todo.map((i) => records[i]!.buyer).filter((b): b is PartyRecord => b !== undefined);
    const skus = [...new Set(todo.flatMap((i) => records[i]!.lines.map((l) => l.sku)))];
    const [buyerIds, products] = await allSettled(
      findParties(tx, orgId, buyers),
      selectIn(skus, (part) =>
        tx
          .selectFrom('products')
          .select(['id', 'sku'])
          .where('org_id', '=', orgId)
          .where('sku', '=', anyText(part))
          .execute(),
      ),
      ctx.cipher.prepareSubjects(orgId, subjectsOf(buyers), tx, writes),
    );
    const productId = new Map(products.map((r) => [r.sku, r.id]));
    // Buyers made by this transaction cannot be deleted by another before it commits: no lock needed.
    load.parents({ table: 'parties', ids: [...buyerIds.values()] });
    load.parents({ table: 'products', ids: productId.values() });
    await sendNewParties(ctx, tx, orgId, buyers, buyerIds, writes);

    const changes: Array<{
      id: string;
      platform: string;
      externalId: string;
      hash: string;
      change: IngestOutcome;
    }> = [];
    // The same order twice in one batch: the later row wins, as a second import would. Only the last
    // occurrence is written; every occurrence gets the same id and outcome.
    const lastOf = new Map<string, number>();
    for (const i of todo) lastOf.set(key(records[i]!.platform, records[i]!.externalId), i);
    const idOf = new Map<string, string>();
    const replaced = new Set<string>(); // orders imported before: replaced in place, same id
    for (const k of lastOf.keys()) {
      const prev = existing.get(k);
      idOf.set(k, prev?.id ?? ctx.ids.next('order'));
      if (prev) replaced.add(prev.id);
    }
    for (const i of todo) {
      const r = records[i]!;
      const k = key(r.platform, r.externalId);
      ids[i] = idOf.get(k)!;
      outcomes[i] = existing.has(k) ? 'updated' : 'created';
      changes.push({
        id: ids[i]!,
        platform: r.platform,
        externalId: r.externalId,
        hash: hashes[i]!,
        change: outcomes[i]!,
      });
    }

    for (const part of chunk([...replaced], 1000))
      writes.send(tx.deleteFrom('order_lines').where('order_id', '=', anyText(part)).execute());
    for (const part of chunk([...lastOf.values()], writePart(ctx))) {
      const fresh: Array<Record<string, unknown>> = [];
      const updates: Array<Record<string, unknown>> = [];
      const lineRows: Array<Record<string, unknown>> = [];
      for (const [n, i] of part.entries()) {
        if (n > 0 && n % TICK_EVERY === 0) await writes.tick();
        const r = records[i]!;
        const id = ids[i]!;
        const buyerRef = r.buyer ? buyerIds.get(partyKey(r.buyer))! : null;
        const subject = r.buyer ? personSubject(r.buyer) : undefined;
        // A line number given twice: the last one counts.
        const lines = new Map<number, (typeof r.lines)[number]>();
        for (const l of r.lines) lines.set(l.lineNo, l);
        (replaced.has(id) ? updates : fresh).push({
          id,
          org_id: orgId,
          platform: r.platform,
          external_id: r.externalId,
          buyer_party_id: buyerRef,
          ship_to_country: r.shipTo.country,
          currency: r.currency,
          subtotal: r.subtotal,
          shipping: r.shipping,
          tax: r.tax,
          total: r.total,
          payment_method: r.paymentMethod ?? null,
          personal_sealed: await ctx.cipher.sealRecord(
            orgId,
            { shipTo: JSON.stringify(r.shipTo), paymentReference: r.paymentRef },
            subject,
            tx,
          ),
          status: r.status,
          ordered_at: r.orderedAt,
          paid_at: r.paidAt ?? null,
          line_count: lines.size,
          content_hash: hashes[i]!,
          import_run_id: opts.importRunId ?? null,
          created_at: now,
          updated_at: now,
        });
        for (const l of lines.values())
          lineRows.push({
            id: ctx.ids.next('orderLine'),
            org_id: orgId,
            order_id: id,
            line_no: l.lineNo,
            sku: l.sku,
            product_id: productId.get(l.sku) ?? null,
            title: l.title,
            quantity: l.quantity,
            unit_price: l.unitPrice,
            total: l.total,
          });
      }
      // New orders are plain inserts; orders imported before are replaced in place (same id).
      writes.send(insertRows(tx, 'orders', ORDER_COLUMNS, fresh));
      writes.send(insertRows(tx, 'orders', ORDER_COLUMNS, updates, ORDER_UPSERT));
      writes.send(insertRows(tx, 'order_lines', ORDER_LINE_COLUMNS, lineRows));
      await writes.tick();
    }
    load.end();
    await writes.done();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'orders.upserted',
        version: 1,
        actor: opts.actor,
        subject: opts.importRunId,
        data: { importRunId: opts.importRunId ?? null, items: changes },
      },
    ]);
  });
  return { outcomes, ids };
}

export async function ingestShipments(
  ctx: AppContext,
  orgId: string,
  records: ShipmentRecord[],
  opts: IngestOptions,
): Promise<IngestResult> {
  const outcomes: IngestOutcome[] = [];
  const ids: string[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const existing = new Map<string, { id: string; content_hash: string }>();
    const rows = await selectIn(
      records.map((r) => r.reference),
      (part) =>
        tx
          .selectFrom('shipments')
          .select(['id', 'reference', 'content_hash'])
          .where('org_id', '=', orgId)
          .where('reference', '=', anyText(part))
          .execute(),
    );
    for (const r of rows) existing.set(r.reference, r);
    const extIds = [
      ...new Set(
        records.flatMap((r) => r.lines.map((l) => l.orderExternalId).filter((x): x is string => !!x)),
      ),
    ];
    const orderByExt = new Map<string, string>();
    const orders = await selectIn(extIds, (part) =>
      tx
        .selectFrom('orders')
        .select(['id', 'platform', 'external_id'])
        .where('org_id', '=', orgId)
        .where('external_id', '=', anyText(part))
        .execute(),
    );
    for (const r of orders) {
      orderByExt.set(`${r.platform}|${r.external_id}`, r.id);
      orderByExt.set(`|${r.external_id}`, r.id);
    }
    const changes: Array<{ id: string; reference: string; hash: string; change: IngestOutcome }> = [];
    for (const [i, r] of records.entries()) {
      const hash = hashOf(ctx, orgId, r, i, opts);
      const prev = existing.get(r.reference);
      if (prev && prev.content_hash === hash) {
        outcomes.push('unchanged');
        ids.push(prev.id);
        continue;
      }
      const row = {
        org_id: orgId,
        reference: r.reference,
        mode: r.mode,
        carrier: r.carrier ?? null,
        tracking_number: r.trackingNumber ?? null,
        origin_country: r.originCountry,
        destination_country: r.destinationCountry,
        origin_port: r.originPort ?? null,
        destination_port: r.destinationPort ?? null,
        etd: r.etd ?? null,
        eta: r.eta ?? null,
        atd: r.atd ?? null,
        ata: r.ata ?? null,
        status: r.status,
        gross_weight_kg: r.grossWeightKg ?? null,
        package_count: r.packageCount ?? null,
        content_hash: hash,
        updated_at: now,
      };
      const id = prev?.id ?? ctx.ids.next('shipment');
      if (prev) {
        await tx.updateTable('shipments').set(row).where('id', '=', id).execute();
        await tx.deleteFrom('shipment_lines').where('shipment_id', '=', id).execute();
      } else {
        await tx
          .insertInto('shipments')
          .values({ ...row, id, created_at: now })
          .execute();
      }
      existing.set(r.reference, { id, content_hash: hash });
      const lineRows = r.lines.map((l) => ({
        id: ctx.ids.next('shipmentLine'),
        org_id: orgId,
        shipment_id: id,
        line_no: l.lineNo,
        order_id: l.orderExternalId
          ? (orderByExt.get(`${l.orderPlatform ?? ''}|${l.orderExternalId}`) ?? null)
          : null,
        order_external_id: l.orderExternalId ?? null,
        sku: l.sku,
        quantity: l.quantity,
      }));
      for (const batch of chunk(lineRows, 1000))
        await tx.insertInto('shipment_lines').values(batch).execute();
      const change: IngestOutcome = prev ? 'updated' : 'created';
      outcomes.push(change);
      ids.push(id);
      changes.push({ id, reference: r.reference, hash, change });
    }
    if (changes.length) {
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'shipments.upserted',
          version: 1,
          actor: opts.actor,
          subject: opts.importRunId,
          data: { importRunId: opts.importRunId ?? null, items: changes },
        },
      ]);
    }
  });
  return { outcomes, ids };
}
