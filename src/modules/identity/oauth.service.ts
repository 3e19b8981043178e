import crypto from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { AppContext } from '../../platform/context.ts';
import { permissionSpec, type Actor } from '../../platform/auth/permissions.ts';
import { ACCESS_POLICY } from './access-policy.ts';
import { hashSecret } from './password.ts';

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for Crossgate's own API. The client is an API key: its id
 * is the client_id and its secret the client_secret. Tokens are short-lived JWTs (RFC 9068 profile),
 * signed EdDSA with the key provider's `oauth` key, scoped to the permissions asked for (never more than
 * the key holds). A revoked key's tokens stop working at once (checked per request).
 */
export const ISSUER = 'crossgate';
export const AUDIENCE = 'crossgate-api';

export type OAuthError = { status: 400 | 401; error: string; error_description: string };

export async function issueClientToken(
  ctx: AppContext,
  input: {
    grantType?: string | undefined;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    scope?: string | undefined;
  },
): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string } | OAuthError> {
  if (input.grantType !== 'client_credentials')
    return {
      status: 400,
      error: 'unsupported_grant_type',
      error_description: 'Only client_credentials is supported',
    };
  if (!input.clientId || !input.clientSecret)
    return { status: 401, error: 'invalid_client', error_description: 'Client authentication failed' };
  const now = ctx.clock.now();
  const k = await ctx.db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', input.clientId)
    .executeTakeFirst();
  const expected = Buffer.from(k?.secret_hash ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(hashSecret(input.clientSecret), 'hex');
  const match = expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
  if (!k || !match || k.revoked_at || (k.expires_at && new Date(k.expires_at) <= now))
    return { status: 401, error: 'invalid_client', error_description: 'Client authentication failed' };
  const asked = input.scope ? input.scope.split(/\s+/).filter(Boolean) : undefined;
  if (asked?.some((s) => !permissionSpec(s) || (k.scopes && !k.scopes.includes(s))))
    return {
      status: 400,
      error: 'invalid_scope',
      error_description: 'A requested scope is unknown or beyond the client',
    };
  const scopes = asked ?? k.scopes ?? [];
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ACCESS_POLICY.accessTokenSeconds;
  const signing = ctx.keys.signingKey('oauth');
  const token = await new SignJWT({ org: k.org_id, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'EdDSA', kid: signing.keyId, typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(k.id)
    .setJti(ctx.ids.next('oauthToken'))
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(signing.privateKey);
  return { access_token: token, token_type: 'Bearer', expires_in: exp - iat, scope: scopes.join(' ') };
}

/** Resolves a bearer JWT to the client's actor, or null (bad signature, expired, key revoked). */
export async function authenticateJwt(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  let payload: { sub?: string; org?: unknown; scope?: unknown };
  try {
    ({ payload } = await jwtVerify(token, ctx.keys.signingKey('oauth').publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
      currentDate: now,
      typ: 'at+jwt',
    }));
  } catch {
    return null;
  }
  if (!payload.sub || typeof payload.org !== 'string') return null;
  const k = await ctx.db
    .selectFrom('api_keys')
    .select(['id', 'org_id', 'level', 'roles', 'scopes', 'revoked_at', 'expires_at'])
    .where('id', '=', payload.sub)
    .where('org_id', '=', payload.org)
    .executeTakeFirst();
  if (!k || k.revoked_at || (k.expires_at && new Date(k.expires_at) <= now)) return null;
  const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  return {
    kind: 'api_key',
    id: k.id,
    orgId: k.org_id,
    level: k.level,
    roles: k.roles,
    // An empty scope on an unscoped key means "what the key's level allows".
    scopes: scope.length ? scope : (k.scopes ?? undefined),
  };
}
