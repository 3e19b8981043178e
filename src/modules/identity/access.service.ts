import type { AppContext, JournalRecord } from '../../platform/context.ts';
import {
  LEVELS,
  can,
  levelRank,
  type Actor,
  type Level,
  type ScopedRole,
} from '../../platform/auth/permissions.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { ACCESS_POLICY, quarterOf } from './access-policy.ts';

/**
 * Grants with four-eyes approval, time-bound elevation, quarterly access reviews and dormant-account
 * flags (PRODUCT.md §3.7). Every change of anyone's rights is journaled in the transaction that makes it.
 */

function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** A user's standing rights plus their active time-bound grants. */
export async function effectiveRights(
  db: Executor,
  user: { id: string; level: Level; roles: readonly ScopedRole[] },
  now: Date,
): Promise<{ level: Level; roles: ScopedRole[] }> {
  const grants = await db
    .selectFrom('grants')
    .select(['level', 'role'])
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  return mergeGrants(user, grants);
}

/** Standing rights raised by active grants (pure; the caller selected the active ones). */
export function mergeGrants(
  user: { level: Level; roles: readonly ScopedRole[] },
  grants: ReadonlyArray<{ level: Level | null; role: ScopedRole | null }>,
): { level: Level; roles: ScopedRole[] } {
  let level = user.level;
  const roles = new Set(user.roles);
  for (const g of grants) {
    if (g.level) level = maxLevel(level, g.level);
    if (g.role) roles.add(g.role);
  }
  return { level, roles: [...roles] };
}

async function loadUser(db: Executor, orgId: string, userId: string) {
  const u = await db
    .selectFrom('users')
    .select(['id', 'org_id', 'level', 'roles', 'disabled_at', 'last_login_at', 'created_at'])
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) throw notFound('User', userId);
  return u;
}

export interface AccessRequestInput {
  userId?: string | undefined;
  level?: Level | undefined;
  role?: ScopedRole | undefined;
  reason: string;
  durationHours?: number | undefined;
}

/**
 * Requests a higher level or a scoped role for a user (yourself by default). A request for someone else
 * needs `users:manage`. Nothing changes until a second person approves.
 */
export async function requestAccess(ctx: AppContext, actor: Actor, input: AccessRequestInput) {
  if (actor.kind !== 'user')
    throw forbidden('Only people request access; give a machine key its rights when creating it');
  const userId = input.userId ?? actor.id;
  if (userId !== actor.id && !can(actor, 'users:manage'))
    throw forbidden('Requesting access for someone else needs the permission users:manage');
  if ((input.level === undefined) === (input.role === undefined))
    throw invalid('Ask for exactly one of a level or a role', [
      { field: 'level', message: 'level xor role' },
    ]);
  if (
    input.durationHours !== undefined &&
    (input.durationHours < 1 || input.durationHours > ACCESS_POLICY.maxGrantHours)
  )
    throw invalid(`A time-bound grant lasts 1 to ${ACCESS_POLICY.maxGrantHours} hours`, [
      { field: 'durationHours', message: 'out of range' },
    ]);
  const user = await loadUser(ctx.db, actor.orgId, userId);
  if (user.disabled_at) throw conflict('The user is disabled');
  const now = ctx.clock.now();
  const current = await effectiveRights(ctx.db, user, now);
  if (input.level && levelRank(input.level) <= levelRank(current.level))
    throw conflict(`The user already holds ${current.level}, which includes ${input.level}`);
  if (input.role && current.roles.includes(input.role))
    throw conflict(`The user already holds the role ${input.role}`);
  const id = ctx.ids.next('accessRequest');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('access_requests')
      .values({
        id,
        org_id: actor.orgId,
        user_id: userId,
        requested_by: actor.id,
        level: input.level ?? null,
        role: input.role ?? null,
        reason: input.reason,
        duration_hours: input.durationHours ?? null,
        status: 'pending',
        created_at: now,
      })
      .execute();
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'access.requested',
        version: 1,
        actor: actor.id,
        subject: id,
        data: {
          user: userId,
          level: input.level ?? null,
          role: input.role ?? null,
          durationHours: input.durationHours ?? null,
        },
      },
    ]);
  });
  return getAccessRequest(ctx, actor.orgId, id);
}

function presentRequest(r: {
  id: string;
  user_id: string;
  requested_by: string;
  level: string | null;
  role: string | null;
  reason: string;
  duration_hours: number | null;
  status: string;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  created_at: Date | string;
}) {
  return {
    id: r.id,
    userId: r.user_id,
    requestedBy: r.requested_by,
    level: r.level,
    role: r.role,
    reason: r.reason,
    durationHours: r.duration_hours,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    decisionNote: r.decision_note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function getAccessRequest(ctx: AppContext, orgId: string, id: string) {
  const r = await ctx.db
    .selectFrom('access_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Access request', id);
  return presentRequest(r);
}

export async function listAccessRequests(ctx: AppContext, orgId: string, status?: string) {
  let q = ctx.db.selectFrom('access_requests').selectAll().where('org_id', '=', orgId);
  if (status) q = q.where('status', '=', status as 'pending');
  return (await q.orderBy('id', 'desc').limit(500).execute()).map(presentRequest);
}

/**
 * Approves or rejects a pending request. Four eyes: the decider is neither the requester nor the user
 * who would receive the rights, holds `access:approve`, and holds at least the level being granted
 * (an admin cannot make an owner). An approval with a duration makes a time-bound grant; without one
 * it changes the user's standing level or roles.
 */
export async function decideAccessRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'approve' | 'reject',
  note?: string,
) {
  if (actor.kind !== 'user') throw forbidden('Only a person can approve or reject access');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const r = await tx
      .selectFrom('access_requests')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) throw notFound('Access request', id);
    if (r.status !== 'pending') throw conflict(`The request is already ${r.status}`);
    if (actor.id === r.requested_by || actor.id === r.user_id)
      throw forbidden('Four eyes: the person who asked, or who would receive the rights, cannot decide');
    if (!can(actor, 'access:approve')) throw forbidden('Deciding access needs the permission access:approve');
    if (decision === 'approve') {
      if (r.level && levelRank(actor.level) < levelRank(r.level))
        throw forbidden(`Granting ${r.level} needs an approver at ${r.level} or above`);
      if (r.role && !actor.roles.includes(r.role) && levelRank(actor.level) < levelRank('admin'))
        throw forbidden(`Granting the role ${r.role} needs an admin or a holder of that role`);
    }
    await tx
      .updateTable('access_requests')
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decided_by: actor.id,
        decided_at: now,
        decision_note: note ?? null,
      })
      .where('id', '=', id)
      .execute();
    const entries: JournalRecord[] = [
      {
        kind: decision === 'approve' ? 'access.approved' : 'access.rejected',
        version: 1,
        actor: actor.id,
        subject: id,
        data: { user: r.user_id, requestedBy: r.requested_by, level: r.level, role: r.role },
      },
    ];
    if (decision === 'approve') {
      const user = await loadUser(tx, actor.orgId, r.user_id);
      const expiresAt = r.duration_hours ? new Date(now.getTime() + r.duration_hours * 3600_000) : null;
      const grantId = ctx.ids.next('grant');
      await tx
        .insertInto('grants')
        .values({
          id: grantId,
          org_id: actor.orgId,
          user_id: r.user_id,
          request_id: r.id,
          level: r.level,
          role: r.role,
          granted_by: actor.id,
          granted_at: now,
          expires_at: expiresAt,
        })
        .execute();
      if (!expiresAt) {
        // Standing change: the user's own level/roles move; the grant row is the record of why.
        await tx
          .updateTable('users')
          .set({
            level: r.level ? maxLevel(user.level, r.level) : user.level,
            roles: r.role ? [...new Set([...user.roles, r.role])] : user.roles,
          })
          .where('id', '=', r.user_id)
          .execute();
      }
      entries.push({
        kind: 'permission.granted',
        version: 1,
        actor: actor.id,
        subject: r.user_id,
        data: {
          grant: grantId,
          request: r.id,
          level: r.level,
          role: r.role,
          expiresAt: expiresAt?.toISOString() ?? null,
        },
      });
    }
    await ctx.journal.append(tx, actor.orgId, entries);
  });
  return getAccessRequest(ctx, actor.orgId, id);
}

/** Revokes a time-bound grant early. Removing rights needs no second person. */
export async function revokeGrant(ctx: AppContext, actor: Actor, grantId: string) {
  await ctx.db.transaction().execute(async (tx) => {
    const g = await tx
      .updateTable('grants')
      .set({ revoked_at: ctx.clock.now(), revoked_by: actor.id })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', grantId)
      .where('revoked_at', 'is', null)
      .returning(['user_id', 'level', 'role'])
      .executeTakeFirst();
    if (!g) throw notFound('Active grant', grantId);
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'permission.revoked',
        version: 1,
        actor: actor.id,
        subject: g.user_id,
        data: { grant: grantId, level: g.level, role: g.role },
      },
    ]);
  });
}

/**
 * Lowers a user's standing rights (down to `level`, without `removeRoles`) and revokes their grants
 * above it. Taking rights away needs no approval, but is journaled like any permission change.
 */
export async function reduceAccess(
  ctx: AppContext,
  actor: Pick<Actor, 'id' | 'orgId'>,
  userId: string,
  change: {
    level?: Level | undefined;
    removeRoles?: ScopedRole[] | undefined;
    disable?: boolean | undefined;
  },
  tx?: Executor,
) {
  const run = async (t: Executor) => {
    const u = await loadUser(t, actor.orgId, userId);
    const now = ctx.clock.now();
    if (change.level && levelRank(change.level) > levelRank(u.level))
      throw invalid('Raising a level goes through an access request and a second approver');
    const level = change.level ?? u.level;
    const roles = u.roles.filter((r) => !(change.removeRoles ?? []).includes(r));
    await t
      .updateTable('users')
      .set({ level, roles, ...(change.disable ? { disabled_at: now } : {}) })
      .where('id', '=', userId)
      .execute();
    const revoked = await t
      .updateTable('grants')
      .set({ revoked_at: now, revoked_by: actor.id })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb(
            'level',
            'in',
            LEVELS.filter((l) => levelRank(l) > levelRank(level)),
          ),
          ...(change.removeRoles?.length ? [eb('role', 'in', change.removeRoles)] : []),
          ...(change.disable ? [eb('id', 'is not', null)] : []),
        ]),
      )
      .returning('id')
      .execute();
    if (change.disable)
      await t
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    await ctx.journal.append(t, actor.orgId, [
      {
        kind: 'permission.reduced',
        version: 1,
        actor: actor.id,
        subject: userId,
        data: {
          from: { level: u.level, roles: u.roles },
          to: { level, roles },
          revokedGrants: revoked.map((r) => r.id),
          disabled: !!change.disable,
        },
      },
    ]);
  };
  if (tx) await run(tx);
  else await ctx.db.transaction().execute(run);
}

function daysSince(d: Date | string | null, now: Date): number | null {
  return d ? Math.floor((now.getTime() - new Date(d).getTime()) / 86_400_000) : null;
}

/** Users with their rights, active grants and activity, dormant accounts flagged. No personal data. */
export async function listUserRights(ctx: AppContext, orgId: string) {
  const now = ctx.clock.now();
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'level', 'roles', 'created_at', 'last_login_at', 'disabled_at', 'totp_enabled_at'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  const grants = await ctx.db
    .selectFrom('grants')
    .select(['id', 'user_id', 'level', 'role', 'expires_at', 'granted_by', 'granted_at'])
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return users.map((u) => {
    const lastActive = u.last_login_at ?? u.created_at;
    const idle = daysSince(lastActive, now) ?? 0;
    const own = grants.filter((g) => g.user_id === u.id && g.expires_at !== null);
    const eff = own.reduce(
      (acc, g) => ({
        level: g.level ? maxLevel(acc.level, g.level) : acc.level,
        roles: g.role ? [...new Set([...acc.roles, g.role])] : acc.roles,
      }),
      { level: u.level, roles: [...u.roles] as ScopedRole[] },
    );
    return {
      id: u.id,
      level: u.level,
      roles: u.roles as string[],
      effectiveLevel: eff.level,
      effectiveRoles: eff.roles as string[],
      grants: own.map((g) => ({
        id: g.id,
        level: g.level,
        role: g.role,
        expiresAt: g.expires_at ? new Date(g.expires_at).toISOString() : null,
        grantedBy: g.granted_by,
      })),
      lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
      daysIdle: idle,
      dormant: !u.disabled_at && idle >= ACCESS_POLICY.dormantAfterDays,
      disabled: !!u.disabled_at,
      twoFactor: !!u.totp_enabled_at,
    };
  });
}

/**
 * Opens the access review for the current quarter (idempotent): one item per user and per live API key,
 * with its rights, active grants, last activity and dormant flag, for a reviewer to keep or revoke.
 */
export async function openAccessReview(ctx: AppContext, actor: Pick<Actor, 'id' | 'orgId'>, period?: string) {
  const now = ctx.clock.now();
  const p = period ?? quarterOf(now);
  const existing = await ctx.db
    .selectFrom('access_reviews')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('period', '=', p)
    .executeTakeFirst();
  if (existing) return getAccessReview(ctx, actor.orgId, existing.id);
  const users = (await listUserRights(ctx, actor.orgId)).filter((u) => !u.disabled);
  const keys = await ctx.db
    .selectFrom('api_keys')
    .select(['id', 'level', 'roles', 'scopes', 'created_at', 'last_used_at', 'expires_at'])
    .where('org_id', '=', actor.orgId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  const id = ctx.ids.next('accessReview');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('access_reviews')
      .values({
        id,
        org_id: actor.orgId,
        period: p,
        status: 'open',
        created_by: actor.id,
        created_at: now,
        due_at: new Date(now.getTime() + ACCESS_POLICY.reviewDueDays * 86_400_000),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const items = [
      ...users.map((u) => ({
        id: ctx.ids.next('accessReviewItem'),
        org_id: actor.orgId,
        review_id: id,
        principal_kind: 'user' as const,
        principal_id: u.id,
        level: u.level,
        roles: u.roles,
        grants: JSON.stringify(u.grants),
        last_active_at: u.lastLoginAt,
        dormant: u.dormant,
      })),
      ...keys.map((k) => {
        const last = k.last_used_at ?? k.created_at;
        return {
          id: ctx.ids.next('accessReviewItem'),
          org_id: actor.orgId,
          review_id: id,
          principal_kind: 'api_key' as const,
          principal_id: k.id,
          level: k.level,
          roles: k.roles as string[],
          grants: JSON.stringify(k.scopes ? [{ scopes: k.scopes }] : []),
          last_active_at: k.last_used_at,
          dormant: (daysSince(last, now) ?? 0) >= ACCESS_POLICY.dormantAfterDays,
        };
      }),
    ];
    if (items.length) await tx.insertInto('access_review_items').values(items).execute();
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'access_review.opened',
        version: 1,
        actor: actor.id,
        subject: id,
        data: {
          period: p,
          items: items.length,
          dormant: items.filter((i) => i.dormant).length,
          policy: ACCESS_POLICY.version,
        },
      },
    ]);
  });
  return getAccessReview(ctx, actor.orgId, id);
}

export async function getAccessReview(ctx: AppContext, orgId: string, id: string) {
  const r = await ctx.db
    .selectFrom('access_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Access review', id);
  const items = await ctx.db
    .selectFrom('access_review_items')
    .selectAll()
    .where('review_id', '=', id)
    .orderBy('id')
    .execute();
  const pending = items.filter((i) => i.decision === null).length;
  return {
    id: r.id,
    period: r.period,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    dueAt: new Date(r.due_at).toISOString(),
    overdue: r.status === 'open' && new Date(r.due_at) <= ctx.clock.now(),
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    pending,
    items: items.map((i) => ({
      id: i.id,
      principalKind: i.principal_kind,
      principalId: i.principal_id,
      level: i.level,
      roles: i.roles,
      grants: (typeof i.grants === 'string' ? JSON.parse(i.grants) : i.grants) as Array<
        Record<string, unknown>
      >,
      lastActiveAt: i.last_active_at ? new Date(i.last_active_at).toISOString() : null,
      dormant: i.dormant,
      decision: i.decision,
      decidedBy: i.decided_by,
      note: i.note,
    })),
  };
}

export async function listAccessReviews(ctx: AppContext, orgId: string) {
  const rows = await ctx.db
    .selectFrom('access_reviews')
    .select(['id'])
    .where('org_id', '=', orgId)
    .orderBy('id', 'desc')
    .limit(40)
    .execute();
  const out = [];
  for (const r of rows) {
    const { items: _items, ...rest } = await getAccessReview(ctx, orgId, r.id);
    out.push(rest);
  }
  return out;
}

/**
 * Keep or revoke one principal's rights in a review. Revoking a user drops them to viewer without roles
 * and revokes their grants; revoking an API key revokes the key. A reviewer cannot review their own rights.
 */
export async function decideReviewItem(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  itemId: string,
  decision: 'keep' | 'revoke',
  note?: string,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const review = await tx
      .selectFrom('access_reviews')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', reviewId)
      .executeTakeFirst();
    if (!review) throw notFound('Access review', reviewId);
    if (review.status !== 'open') throw conflict('The review is completed');
    const item = await tx
      .selectFrom('access_review_items')
      .selectAll()
      .where('review_id', '=', reviewId)
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item) throw notFound('Review item', itemId);
    if (item.decision) throw conflict(`Already decided: ${item.decision}`);
    if (item.principal_id === actor.id) throw forbidden('Four eyes: nobody reviews their own rights');
    await tx
      .updateTable('access_review_items')
      .set({ decision, decided_by: actor.id, decided_at: now, note: note ?? null })
      .where('id', '=', itemId)
      .execute();
    if (decision === 'revoke') {
      if (item.principal_kind === 'user') {
        await reduceAccess(
          ctx,
          actor,
          item.principal_id,
          { level: 'viewer', removeRoles: item.roles as ScopedRole[] },
          tx,
        );
      } else {
        await tx
          .updateTable('api_keys')
          .set({ revoked_at: now })
          .where('id', '=', item.principal_id)
          .where('org_id', '=', actor.orgId)
          .execute();
      }
    }
    const left = await tx
      .selectFrom('access_review_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('review_id', '=', reviewId)
      .where('decision', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0)
      await tx
        .updateTable('access_reviews')
        .set({ status: 'completed', completed_at: now })
        .where('id', '=', reviewId)
        .execute();
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'access_review.decided',
        version: 1,
        actor: actor.id,
        subject: item.principal_id,
        data: { review: reviewId, item: itemId, decision, completed: Number(left.n) === 0 },
      },
    ]);
  });
  return getAccessReview(ctx, actor.orgId, reviewId);
}

/**
 * Quarterly housekeeping, run by the service scheduler (and `crossgate access reviews remind`): opens
 * the quarter's review where missing and records a reminder for each open review with undecided items
 * whose last reminder is older than the policy interval. Returns the reminders sent.
 */
export async function accessReviewHousekeeping(ctx: AppContext, orgId: string) {
  const now = ctx.clock.now();
  await openAccessReview(ctx, { id: 'system:access-review', orgId });
  const open = await ctx.db
    .selectFrom('access_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .execute();
  const reminders: Array<{ review: string; pending: number; overdue: boolean }> = [];
  for (const r of open) {
    const last = r.last_reminded_at ? new Date(r.last_reminded_at) : new Date(r.created_at);
    if (now.getTime() - last.getTime() < ACCESS_POLICY.reminderEveryDays * 86_400_000) continue;
    const v = await getAccessReview(ctx, orgId, r.id);
    if (v.pending === 0) continue;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.updateTable('access_reviews').set({ last_reminded_at: now }).where('id', '=', r.id).execute();
      await ctx.journal.append(tx, orgId, [
        {
          kind: 'access_review.reminder',
          version: 1,
          actor: 'system:access-review',
          subject: r.id,
          data: { pending: v.pending, overdue: v.overdue },
        },
      ]);
    });
    ctx.logger.warn(
      { review: r.id, pending: v.pending, overdue: v.overdue },
      'access review awaiting decisions',
    );
    reminders.push({ review: r.id, pending: v.pending, overdue: v.overdue });
  }
  return reminders;
}
