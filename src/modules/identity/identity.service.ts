import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import i18nCountries from 'i18n-iso-countries';
import type { AppContext } from '../../platform/context.ts';
import {
  requirePermission,
  systemActor,
  type Actor,
  type Level,
  type ScopedRole,
} from '../../platform/auth/permissions.ts';
import type { CliHost } from '../../platform/module.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { isUniqueViolation, type Executor } from '../../platform/db/database.ts';
import { hashPassword, hashSecret, randomSecret, verifyPassword } from './password.ts';
import { effectiveRights, mergeGrants, reduceAccess } from './access.service.ts';
import { authenticateJwt } from './oauth.service.ts';
import { otpauthUri, verifyTotp } from './totp.ts';

export const SESSION_COOKIE = 'cg_session';
const SESSION_PREFIX = 'cgs_';
const API_KEY_PREFIX = 'cgk_';

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  country: string;
}

function emailLookup(ctx: AppContext, email: string): string {
  return crypto
    .createHmac('sha256', ctx.keys.blindIndexKey())
    .update(`email:${email.trim().toLowerCase()}`)
    .digest('hex');
}

export async function createOrganisation(
  ctx: AppContext,
  input: { slug: string; name: string; country: string },
): Promise<Organisation> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug))
    throw invalid('slug must be lower-case letters, digits and dashes', [
      { field: 'slug', message: 'invalid' },
    ]);
  if (!i18nCountries.isValid(input.country))
    throw invalid(`${input.country} is not an ISO 3166-1 country code`, [
      { field: 'country', message: 'unknown country' },
    ]);
  const org = {
    id: ctx.ids.next('organisation'),
    slug: input.slug,
    name: input.name,
    country: input.country.toUpperCase(),
  };
  try {
    await ctx.db
      .insertInto('organisations')
      .values({ ...org, created_at: ctx.clock.now() })
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`An organisation with slug ${input.slug} exists`);
    throw err;
  }
  return org;
}

export async function listOrganisations(ctx: AppContext): Promise<Organisation[]> {
  return ctx.db.selectFrom('organisations').select(['id', 'slug', 'name', 'country']).orderBy('id').execute();
}

export async function findOrganisation(ctx: AppContext, slugOrId: string): Promise<Organisation | undefined> {
  return ctx.db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'country'])
    .where((eb) => eb.or([eb('slug', '=', slugOrId), eb('id', '=', slugOrId)]))
    .executeTakeFirst();
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  level: Level;
  roles?: ScopedRole[];
}

export async function createUser(
  ctx: AppContext,
  orgId: string,
  input: NewUser,
  createdBy = 'system:cli',
): Promise<{ id: string }> {
  if (input.password.length < 12)
    throw invalid('Password must be at least 12 characters', [{ field: 'password', message: 'too short' }]);
  const id = ctx.ids.next('user');
  const row = {
    id,
    org_id: orgId,
    email_lookup: emailLookup(ctx, input.email),
    email_sealed: await ctx.cipher.seal(orgId, input.email.trim(), id),
    name_sealed: await ctx.cipher.seal(orgId, input.name, id),
    password_hash: await hashPassword(input.password),
    level: input.level,
    roles: input.roles ?? [],
    created_at: ctx.clock.now(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    try {
      await tx.insertInto('users').values(row).execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('A user with this email exists in the organisation');
      throw err;
    }
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'user.created',
        version: 1,
        actor: createdBy,
        subject: id,
        data: { level: input.level, roles: input.roles ?? [] },
      },
    ]);
  });
  return { id };
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: { id: string; orgId: string; level: Level; roles: ScopedRole[] };
}

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; organisation?: string | undefined; totp?: string | undefined },
): Promise<LoginResult> {
  const lookup = emailLookup(ctx, input.email);
  let q = ctx.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.org_id')
    .select([
      'users.id',
      'users.org_id',
      'users.password_hash',
      'users.level',
      'users.roles',
      'users.disabled_at',
      'users.totp_secret_sealed',
      'users.totp_enabled_at',
      'users.totp_last_step',
      'organisations.slug',
    ])
    .where('users.email_lookup', '=', lookup);
  if (input.organisation)
    q = q.where((eb) =>
      eb.or([
        eb('organisations.slug', '=', input.organisation!),
        eb('organisations.id', '=', input.organisation!),
      ]),
    );
  const candidates = await q.execute();
  // Always spend the hashing time so response time does not reveal whether the email exists.
  const user = candidates.length === 1 ? candidates[0] : undefined;
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ??
      '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (candidates.length > 1 && !input.organisation)
    throw invalid('This email belongs to several organisations: name one', [
      { field: 'organisation', message: 'required' },
    ]);
  if (!user || !ok || user.disabled_at) throw new AppError('unauthenticated', 'Email or password is wrong');
  const now = ctx.clock.now();
  let totpStep: number | null = null;
  if (user.totp_enabled_at && user.totp_secret_sealed) {
    if (!input.totp)
      throw new AppError('unauthenticated', 'A one-time code from your authenticator is required', {
        details: { secondFactor: 'totp' },
      });
    const secret = Buffer.from(await ctx.cipher.open(user.org_id, user.totp_secret_sealed), 'base64');
    totpStep = verifyTotp(secret, input.totp, Math.floor(now.getTime() / 1000));
    if (totpStep === null || (user.totp_last_step !== null && totpStep <= Number(user.totp_last_step)))
      throw new AppError('unauthenticated', 'The one-time code is wrong or already used', {
        details: { secondFactor: 'totp' },
      });
  }
  const token = SESSION_PREFIX + randomSecret();
  const expiresAt = new Date(now.getTime() + ctx.config.CROSSGATE_SESSION_TTL_HOURS * 3600_000);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('sessions')
      .values({
        id: ctx.ids.next('session'),
        org_id: user.org_id,
        user_id: user.id,
        token_hash: hashSecret(token),
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await tx
      .updateTable('users')
      .set({ last_login_at: now, ...(totpStep !== null ? { totp_last_step: totpStep } : {}) })
      .where('id', '=', user.id)
      .execute();
    await ctx.journal.append(tx, user.org_id, [
      {
        kind: 'session.opened',
        version: 1,
        actor: user.id,
        subject: user.id,
        data: { secondFactor: totpStep !== null },
      },
    ]);
  });
  const rights = await effectiveRights(ctx.db, user, now);
  return {
    token,
    expiresAt,
    user: { id: user.id, orgId: user.org_id, level: rights.level, roles: rights.roles },
  };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now() })
    .where('token_hash', '=', hashSecret(token))
    .execute();
}

function bearerOrCookie(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const apiKey = req.headers['x-api-key'];
  if (typeof apiKey === 'string') return apiKey.trim();
  return req.cookies?.[SESSION_COOKIE];
}

/** Resolves a credential string to an actor, or null (expired, revoked, unknown). */
export async function authenticateToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  if (token.startsWith(SESSION_PREFIX)) {
    const s = await ctx.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'users.id',
        'users.org_id',
        'users.level',
        'users.roles',
        'users.disabled_at',
        'sessions.expires_at',
        'sessions.revoked_at',
        // Active time-bound grants in the same round trip.
        sql<Array<{
          level: Level | null;
          role: ScopedRole | null;
        }> | null>`(select json_agg(json_build_object('level', g.level, 'role', g.role))
          from grants g where g.user_id = users.id and g.revoked_at is null and g.expires_at > ${now})`.as(
          'grants',
        ),
      ])
      .where('sessions.token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!s || s.revoked_at || s.disabled_at || new Date(s.expires_at) <= now) return null;
    const rights = mergeGrants(s, (typeof s.grants === 'string' ? JSON.parse(s.grants) : s.grants) ?? []);
    return { kind: 'user', id: s.id, orgId: s.org_id, level: rights.level, roles: rights.roles };
  }
  if (token.startsWith('eyJ')) return authenticateJwt(ctx, token);
  if (token.startsWith(API_KEY_PREFIX)) {
    const [, id, secret] = /^cgk_(key_[0-9a-z]{26})_(.+)$/.exec(token) ?? [];
    if (!id || !secret) return null;
    const k = await ctx.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!k || k.revoked_at || (k.expires_at && new Date(k.expires_at) <= now)) return null;
    const expected = Buffer.from(k.secret_hash, 'hex');
    const actual = Buffer.from(hashSecret(secret), 'hex');
    if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
    // Record use at most hourly (dormant-key detection) rather than writing on every request.
    if (!k.last_used_at || now.getTime() - new Date(k.last_used_at).getTime() > 3600_000)
      await ctx.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', k.id).execute();
    return {
      kind: 'api_key',
      id: k.id,
      orgId: k.org_id,
      level: k.level,
      roles: k.roles,
      scopes: k.scopes ?? undefined,
    };
  }
  return null;
}

export function authenticator(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<Actor | null> => {
    const token = bearerOrCookie(req);
    return token ? authenticateToken(ctx, token) : null;
  };
}

export async function createApiKey(
  ctx: AppContext,
  orgId: string,
  input: { name: string; level: Level; roles?: ScopedRole[]; scopes?: string[]; expiresAt?: Date },
  createdBy: string,
): Promise<{ id: string; key: string }> {
  const id = ctx.ids.next('apiKey');
  const secret = randomSecret();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('api_keys')
      .values({
        id,
        org_id: orgId,
        name: input.name,
        secret_hash: hashSecret(secret),
        level: input.level,
        roles: input.roles ?? [],
        scopes: input.scopes ?? null,
        created_by: createdBy,
        created_at: ctx.clock.now(),
        expires_at: input.expiresAt ?? null,
      })
      .execute();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'api_key.created',
        version: 1,
        actor: createdBy,
        subject: id,
        data: { level: input.level, roles: input.roles ?? [], scopes: input.scopes ?? null },
      },
    ]);
  });
  return { id, key: `${API_KEY_PREFIX}${id}_${secret}` };
}

export async function revokeApiKey(ctx: AppContext, orgId: string, id: string, actor: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('api_keys')
      .set({ revoked_at: ctx.clock.now() })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('API key', id);
    await ctx.journal.append(tx, orgId, [
      { kind: 'api_key.revoked', version: 1, actor, subject: id, data: {} },
    ]);
  });
}

export async function listApiKeys(ctx: AppContext, orgId: string) {
  return ctx.db
    .selectFrom('api_keys')
    .select([
      'id',
      'name',
      'level',
      'roles',
      'scopes',
      'created_at',
      'expires_at',
      'last_used_at',
      'revoked_at',
    ])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
}

export async function me(ctx: AppContext, actor: Actor) {
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'country'])
    .where('id', '=', actor.orgId)
    .executeTakeFirstOrThrow();
  let name: string | null = null;
  let email: string | null = null;
  if (actor.kind === 'user') {
    const u = await ctx.db
      .selectFrom('users')
      .select(['email_sealed', 'name_sealed'])
      .where('id', '=', actor.id)
      .executeTakeFirstOrThrow();
    name = await ctx.cipher.tryOpen(actor.orgId, u.name_sealed);
    email = await ctx.cipher.tryOpen(actor.orgId, u.email_sealed);
  }
  return {
    actor: { kind: actor.kind, id: actor.id, level: actor.level, roles: [...actor.roles] },
    name,
    email,
    organisation: org,
  };
}

/** Starts TOTP enrolment: stores a new secret (sealed, not yet enforced) and returns it once. */
export async function startTotp(
  ctx: AppContext,
  actor: Actor,
): Promise<{ secret: string; otpauthUri: string }> {
  if (actor.kind !== 'user') throw invalid('Only people have a second factor');
  const secret = crypto.randomBytes(20);
  await ctx.db
    .updateTable('users')
    .set({
      totp_secret_sealed: await ctx.cipher.seal(actor.orgId, secret.toString('base64'), actor.id),
      totp_enabled_at: null,
      totp_last_step: null,
    })
    .where('id', '=', actor.id)
    .execute();
  const { base32Encode } = await import('./totp.ts');
  return { secret: base32Encode(secret), otpauthUri: otpauthUri(secret, actor.id) };
}

/** Confirms enrolment with a first code; from then on sign-in asks for a code. */
export async function confirmTotp(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['totp_secret_sealed'])
    .where('id', '=', actor.id)
    .where('org_id', '=', actor.orgId)
    .executeTakeFirst();
  if (!u?.totp_secret_sealed) throw invalid('Start TOTP enrolment first');
  const now = ctx.clock.now();
  const secret = Buffer.from(await ctx.cipher.open(actor.orgId, u.totp_secret_sealed), 'base64');
  const step = verifyTotp(secret, code, Math.floor(now.getTime() / 1000));
  if (step === null) throw invalid('The code does not match', [{ field: 'code', message: 'wrong code' }]);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ totp_enabled_at: now, totp_last_step: step })
      .where('id', '=', actor.id)
      .execute();
    await ctx.journal.append(tx, actor.orgId, [
      {
        kind: 'user.second_factor_enabled',
        version: 1,
        actor: actor.id,
        subject: actor.id,
        data: { method: 'totp' },
      },
    ]);
  });
}

/**
 * The actor a CLI command runs as. Without `as`, the host operator (a system actor: whoever can run the
 * CLI can read the key file anyway). With `as` (a user id or email), that user's effective rights, so
 * commands that need a person (four-eyes approvals) check the same permissions as the API.
 */
export async function cliActor(ctx: AppContext, orgId: string, as?: string): Promise<Actor> {
  if (!as) return systemActor(orgId, 'cli');
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'org_id', 'level', 'roles', 'disabled_at'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('id', '=', as), eb('email_lookup', '=', emailLookup(ctx, as))]))
    .executeTakeFirst();
  if (!u || u.disabled_at) throw notFound('User', as);
  const rights = await effectiveRights(ctx.db, u, ctx.clock.now());
  return { kind: 'user', id: u.id, orgId, level: rights.level, roles: rights.roles };
}

/**
 * The prologue of every CLI command: opens the context, resolves `--org` and `--as`, and runs the same
 * permission check as the route that does the same thing.
 */
export async function cliAuthorise(
  cli: CliHost,
  opts: { org?: string | undefined; as?: string | undefined },
  permission: string,
) {
  const ctx = await cli.context();
  const org = await cli.organisation(ctx, opts.org);
  const actor = await cliActor(ctx, org.id, opts.as);
  requirePermission(actor, permission);
  return { ctx, org, actor };
}

/** The user of `orgId` who signs in with `email`, if any (employees as data subjects: their subject key). */
export async function userIdForEmail(
  ctx: AppContext,
  orgId: string,
  email: string,
): Promise<string | undefined> {
  const u = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('email_lookup', '=', emailLookup(ctx, email))
    .executeTakeFirst();
  return u?.id;
}

/**
 * The account side of an erasure request from an employee (a user of the product; their personal data is
 * sealed under their user id). The account is disabled: sessions ended, grants revoked (journaled as a
 * permission change by reduceAccess); the sign-in lookup and password hash are replaced, so the e-mail
 * no longer leads to the account and can be used for a new one; the second factor is removed. The row
 * stays (ids in the journal and in other records keep pointing at it). Runs in the caller's transaction.
 * Returns false when `userId` is not a user of the organisation.
 */
export async function disableErasedUser(
  ctx: AppContext,
  tx: Executor,
  actor: Pick<Actor, 'id' | 'orgId'>,
  userId: string,
): Promise<boolean> {
  const u = await tx
    .selectFrom('users')
    .select(['id', 'disabled_at'])
    .where('org_id', '=', actor.orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u) return false;
  if (!u.disabled_at) await reduceAccess(ctx, actor, userId, { disable: true }, tx);
  await tx
    .updateTable('users')
    .set({
      email_lookup: `erased:${crypto.randomUUID()}`,
      password_hash: '!erased',
      totp_secret_sealed: null,
      totp_enabled_at: null,
      totp_last_step: null,
    })
    .where('id', '=', userId)
    .execute();
  return true;
}
