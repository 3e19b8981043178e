import type { AppContext, JournalRecord } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notifySinks } from './gateway.ports.ts';
import { messagesTotal, submitToAckSeconds } from './gateway.metrics.ts';
import { FINAL_DISPOSITIONS, statusOfDisposition, type AuthorityMessage } from './gateway.types.ts';

export type MessageHandling = 'applied' | 'stale' | 'duplicate' | 'unmatched';

/**
 * Applies authority messages to the outbox and the filing-status projection, in the caller's
 * transaction. Correlation is by the authority's transaction reference (the submission's idempotency
 * key, or its digest where the protocol's field is shorter). A message
 * seen before (same message id) is a duplicate and changes nothing; a message whose `seq` is not
 * above the last applied one for the filing's current submission is stale (out of order) and is
 * recorded but not applied. Journal records are pushed to `journal`; the caller appends them last,
 * after every row lock is taken (rows are locked outbox first, then filing status, in key order).
 */
export async function applyMessages(
  ctx: AppContext,
  tx: Executor,
  orgId: string,
  messages: AuthorityMessage[],
  via: 'response' | 'pull' | 'push',
  actor: string,
  journal: JournalRecord[],
): Promise<Record<MessageHandling, number>> {
  const counts: Record<MessageHandling, number> = { applied: 0, stale: 0, duplicate: 0, unmatched: 0 };
  const seen = new Set<string>();
  const ordered = [...messages].sort(
    (a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey) || a.seq - b.seq,
  );
  const now = ctx.clock.now();
  for (const m of ordered) {
    if (seen.has(m.messageId)) {
      counts.duplicate += 1;
      messagesTotal.inc({ disposition: m.disposition, handling: 'duplicate' });
      continue;
    }
    seen.add(m.messageId);
    const outbox = await tx
      .selectFrom('gateway_outbox')
      .select(['id', 'filing_id', 'regime', 'state', 'enqueued_at', 'completed_at', 'authority_ref'])
      .where('org_id', '=', orgId)
      .where('transaction_ref', '=', m.idempotencyKey)
      .forUpdate()
      .executeTakeFirst();
    const fs = outbox
      ? await tx
          .selectFrom('gateway_filing_status')
          .select(['outbox_id', 'last_seq', 'status'])
          .where('org_id', '=', orgId)
          .where('filing_id', '=', outbox.filing_id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    const handling: MessageHandling = !outbox
      ? 'unmatched'
      : fs?.outbox_id === outbox.id && m.seq > (fs?.last_seq ?? 0)
        ? 'applied'
        : 'stale';
    // Inserted while the submission's row is locked: of two processes handed the same message, the
    // second waits on the lock and then finds it here (a duplicate), so it is applied and journalled once.
    const inserted = await tx
      .insertInto('gateway_messages')
      .values({
        org_id: orgId,
        message_id: m.messageId,
        outbox_id: outbox?.id ?? null,
        filing_id: outbox?.filing_id ?? null,
        idempotency_key: m.idempotencyKey,
        disposition: m.disposition,
        seq: m.seq,
        authority_ref: m.authorityRef ?? null,
        reasons: JSON.stringify(m.reasons),
        issued_at: m.issuedAt,
        received_at: now,
        via,
        applied: handling === 'applied',
      })
      .onConflict((oc) => oc.doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (!inserted) {
      counts.duplicate += 1;
      messagesTotal.inc({ disposition: m.disposition, handling: 'duplicate' });
      continue;
    }
    let status: string | undefined;
    if (outbox) {
      if (handling === 'applied') {
        const newStatus = statusOfDisposition(m.disposition);
        status = newStatus;
        await tx
          .updateTable('gateway_filing_status')
          .set({
            status: newStatus,
            reasons: JSON.stringify(m.reasons),
            authority_ref: m.authorityRef ?? outbox.authority_ref,
            last_seq: m.seq,
            updated_at: now,
          })
          .where('org_id', '=', orgId)
          .where('filing_id', '=', outbox.filing_id)
          .execute();
        await notifySinks(
          ctx,
          tx,
          orgId,
          outbox.filing_id,
          newStatus,
          m.reasons,
          m.authorityRef ?? outbox.authority_ref,
        );
      }
      if (FINAL_DISPOSITIONS.has(m.disposition) && outbox.state !== 'done') {
        await tx
          .updateTable('gateway_outbox')
          .set({
            state: 'done',
            completed_at: outbox.completed_at ?? now,
            authority_ref: m.authorityRef ?? outbox.authority_ref,
            lease_until: null,
            locked_by: null,
            updated_at: now,
          })
          .where('id', '=', outbox.id)
          .execute();
        if (!outbox.completed_at)
          submitToAckSeconds.observe(
            { regime: outbox.regime },
            (now.getTime() - new Date(outbox.enqueued_at).getTime()) / 1000,
          );
        if (outbox.state === 'dead') {
          await tx
            .updateTable('gateway_alerts')
            .set({ resolved_at: now })
            .where('org_id', '=', orgId)
            .where('kind', '=', 'dead_letter')
            .where('subject', '=', outbox.id)
            .where('resolved_at', 'is', null)
            .execute();
        }
      } else if (m.authorityRef && !outbox.authority_ref) {
        await tx
          .updateTable('gateway_outbox')
          .set({ authority_ref: m.authorityRef, updated_at: now })
          .where('id', '=', outbox.id)
          .execute();
      }
    }
    counts[handling] += 1;
    messagesTotal.inc({ disposition: m.disposition, handling });
    journal.push({
      kind: 'gateway.ack_received',
      version: 1,
      actor,
      subject: outbox?.filing_id ?? m.idempotencyKey,
      data: {
        messageId: m.messageId,
        submissionId: outbox?.id ?? null,
        idempotencyKey: m.idempotencyKey,
        disposition: m.disposition,
        seq: m.seq,
        authorityRef: m.authorityRef ?? null,
        reasons: m.reasons,
        via,
        handling,
        ...(status ? { status } : {}),
      },
    });
  }
  return counts;
}
