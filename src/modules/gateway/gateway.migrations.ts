import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const gatewayMigrations: Record<string, Migration> = {
  '202611211600_gateway_init': {
    async up(db: Kysely<unknown>) {
      const org = (c: import('kysely').ColumnDefinitionBuilder) => c.notNull().references('organisations.id');
      await db.schema
        .createTable('gateway_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('base_url', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('secret_ref', 'text')
        .addColumn('webhook_secret_ref', 'text')
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('gateway_endpoints_key', ['org_id', 'regime', 'environment'])
        .execute();

      await db.schema
        .createTable('gateway_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('filing_id', 'text', (c) => c.notNull())
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('payload_sealed', 'text', (c) => c.notNull())
        .addColumn('payload_sha256', 'text', (c) => c.notNull())
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
        .addColumn('lease_until', 'timestamptz')
        .addColumn('locked_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('dead_reason', 'text')
        .addColumn('authority_ref', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('deadline_at', 'timestamptz')
        .addColumn('enqueued_at', 'timestamptz', (c) => c.notNull())
        .addColumn('transmitted_at', 'timestamptz')
        .addColumn('completed_at', 'timestamptz')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('gateway_outbox_idempotency', ['org_id', 'idempotency_key'])
        .execute();
      // Workers claim by (state, next_attempt_at); the partial index keeps the claim cheap as `done` grows.
      await sql`create index gateway_outbox_claim on gateway_outbox (next_attempt_at)
        where state in ('pending', 'retry', 'sending')`.execute(db);
      // The pull loop watches endpoints with submissions awaiting an answer.
      await sql`create index gateway_outbox_awaiting on gateway_outbox (org_id, regime, environment)
        where state in ('transmitted', 'retry', 'dead')`.execute(db);
      await db.schema
        .createIndex('gateway_outbox_filing')
        .on('gateway_outbox')
        .columns(['org_id', 'filing_id'])
        .execute();

      await db.schema
        .createTable('gateway_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('outbox_id', 'text', (c) => c.notNull().references('gateway_outbox.id'))
        .addColumn('attempt_no', 'integer', (c) => c.notNull())
        .addColumn('worker', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('endpoint', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('gateway_attempts_outbox')
        .on('gateway_attempts')
        .column('outbox_id')
        .execute();

      await db.schema
        .createTable('gateway_messages')
        .addColumn('org_id', 'text', org)
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('outbox_id', 'text')
        .addColumn('filing_id', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('disposition', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('authority_ref', 'text')
        .addColumn('reasons', 'jsonb', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'timestamptz', (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('applied', 'boolean', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_messages_pk', ['org_id', 'message_id'])
        .execute();

      await db.schema
        .createTable('gateway_filing_status')
        .addColumn('org_id', 'text', org)
        .addColumn('filing_id', 'text', (c) => c.notNull())
        .addColumn('regime', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reasons', 'jsonb', (c) => c.notNull())
        .addColumn('authority_ref', 'text')
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outbox_id', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_filing_status_pk', ['org_id', 'filing_id'])
        .execute();

      await sql`create index gateway_filing_status_open on gateway_filing_status (outbox_id)
        where status in ('held', 'referred', 'received')`.execute(db);

      await db.schema
        .createTable('gateway_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', org)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('resolved_at', 'timestamptz')
        .addUniqueConstraint('gateway_alerts_once', ['org_id', 'kind', 'subject'])
        .execute();

      await db.schema
        .createTable('gateway_cursors')
        .addColumn('org_id', 'text', org)
        .addColumn('endpoint_key', 'text', (c) => c.notNull())
        .addColumn('position', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('gateway_cursors_pk', ['org_id', 'endpoint_key'])
        .execute();
    },
  },
  /**
   * The reference the authority de-duplicates on (`transports/transaction-ref.ts`): the idempotency key,
   * or its digest where the protocol's field is shorter (ACE: 40). Keys were at most 40 characters
   * before this migration, so existing rows keep their key as the reference.
   */
  '202611211700_gateway_transaction_ref': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('gateway_outbox').addColumn('transaction_ref', 'text').execute();
      await sql`update gateway_outbox set transaction_ref = idempotency_key`.execute(db);
      await sql`alter table gateway_outbox alter column transaction_ref set not null`.execute(db);
      await db.schema
        .alterTable('gateway_outbox')
        .addUniqueConstraint('gateway_outbox_transaction_ref', ['org_id', 'transaction_ref'])
        .execute();
    },
  },
};
