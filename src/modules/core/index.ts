import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { coreMigrations } from './core.migrations.ts';
import { coreRoutes } from './core.routes.ts';
import { listOrders, listProducts, listShipments } from './core.queries.ts';
import './core.tables.ts';

definePermissions({
  'orders:read': { description: 'Read orders and their lines', minLevel: 'viewer' },
  'orders:write': { description: 'Create and change orders', minLevel: 'operator' },
  'shipments:read': { description: 'Read shipments', minLevel: 'viewer' },
  'shipments:write': { description: 'Create and change shipments', minLevel: 'operator', roles: ['filer'] },
  'products:read': { description: 'Read the catalogue', minLevel: 'viewer' },
  'products:write': {
    description: 'Create and change products',
    minLevel: 'operator',
    roles: ['classifier'],
  },
  'parties:read': {
    description: 'Read parties (companies; persons without personal data)',
    minLevel: 'viewer',
  },
  'documents:read': { description: 'Download attached documents', minLevel: 'contributor' },
  'documents:write': { description: 'Attach documents', minLevel: 'operator' },
});

const LIST_LIMIT = 10_000;

export const coreModule: Module = {
  name: 'core',
  migrations: coreMigrations,
  routes: coreRoutes,
  commands(program, cli) {
    const list = (
      name: string,
      what: string,
      fetch: (
        ctx: Awaited<ReturnType<typeof cli.context>>,
        orgId: string,
        limit: number,
      ) => Promise<Array<Record<string, unknown>>>,
      columns: string[],
    ) => {
      program
        .command(name)
        .description(what)
        .command('list')
        .option('--org <org>', 'organisation slug or id')
        .option('--limit <n>', 'rows to show', '50')
        .option('--json', 'print JSON')
        .action(
          cli.run(async (opts: { org?: string; limit: string; json?: boolean }) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            const rows = await fetch(ctx, org.id, Math.min(Number(opts.limit) || 50, LIST_LIMIT));
            cli.print(rows, { json: opts.json, columns });
          }),
        );
    };
    list(
      'orders',
      'Orders imported from platforms',
      (ctx, orgId, limit) => listOrders(ctx, orgId, { limit }),
      ['id', 'platform', 'externalId', 'shipToCountry', 'currency', 'total', 'status', 'orderedAt'],
    );
    list(
      'shipments',
      'Shipments and their transport',
      (ctx, orgId, limit) => listShipments(ctx, orgId, { limit }),
      ['id', 'reference', 'mode', 'carrier', 'originPort', 'destinationPort', 'etd', 'eta', 'status'],
    );
    list('products', 'The catalogue', (ctx, orgId, limit) => listProducts(ctx, orgId, { limit }), [
      'id',
      'sku',
      'title',
      'hsCode',
      'originCountry',
      'value',
      'currency',
    ]);
  },
};

export { PARTY_KINDS, TRANSPORT_MODES } from './core.tables.ts';
export type { Address, PartyKind, TransportMode } from './core.tables.ts';
export * as coreQueries from './core.queries.ts';
export { ingestOrders, ingestProducts, ingestShipments, upsertParties } from './core.ingest.ts';
export type { IngestOutcome, IngestResult, IngestOptions } from './core.ingest.ts';
export { contentHashKey, contentHashWith } from './content-hash.ts';
export * from './core.records.ts';
export {
  ORDER_PERSONAL_COLUMNS,
  ORDER_PERSONAL_FIELDS,
  PARTY_PERSONAL_COLUMNS,
  PARTY_PERSONAL_FIELDS,
  PERSONAL_RECORD_COLUMN,
  openOrderPersonal,
  openPartyPersonal,
} from './core.personal.ts';
export type { OrderPersonalField, PartyPersonalField } from './core.personal.ts';
