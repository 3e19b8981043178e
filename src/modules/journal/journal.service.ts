import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { IdGenerator } from '../../platform/ids.ts';
import type { JournalPort, JournalRecord } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';

/**
 * Append-only journal, written in the caller's transaction. Sequence numbers are per organisation and
 * gap-free: the append takes a transaction-scoped advisory lock on the organisation so concurrent
 * writers serialise on the log, not on each other's rows.
 */
export class SqlJournal implements JournalPort {
  private readonly clock: Clock;
  private readonly ids: IdGenerator;

  constructor(clock: Clock, ids: IdGenerator) {
    this.clock = clock;
    this.ids = ids;
  }

  async append(tx: Executor, orgId: string, records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    await sql`select pg_advisory_xact_lock(hashtextextended(${`journal:${orgId}`}, 0))`.execute(tx);
    const last = await tx
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    const now = this.clock.now();
    const rows = records.map((r) => ({
      id: this.ids.next('journalEntry'),
      org_id: orgId,
      seq: ++seq,
      kind: r.kind,
      version: r.version,
      actor: r.actor,
      subject: r.subject ?? null,
      data: JSON.stringify(r.data),
      recorded_at: now,
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('journal_entries')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  }
}
