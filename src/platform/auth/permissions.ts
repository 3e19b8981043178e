import { AppError } from '../errors.ts';

/**
 * Access model (PRODUCT.md §3.7): seven permission levels from read-only viewer to organisation owner,
 * plus scoped roles that grant specific permissions below the level that would otherwise be needed.
 * Permissions are registered as data by each module; a route or command names the one it needs.
 */
export const LEVELS = [
  'viewer',
  'contributor',
  'operator',
  'specialist',
  'manager',
  'admin',
  'owner',
] as const;
export type Level = (typeof LEVELS)[number];

export const SCOPED_ROLES = [
  'classifier',
  'filer',
  'finance',
  'risk_analyst',
  'privacy_officer',
  'auditor',
] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level) + 1;
}

export interface PermissionSpec {
  description: string;
  /** Lowest level that holds this permission by rank. */
  minLevel: Level;
  /** Scoped roles that hold it regardless of level. */
  roles?: ScopedRole[];
}

const registry = new Map<string, PermissionSpec>();

/** Modules call this at import time with their permissions. Re-defining a name with another spec is a bug. */
export function definePermissions(specs: Record<string, PermissionSpec>): void {
  for (const [name, spec] of Object.entries(specs)) {
    const existing = registry.get(name);
    if (existing && JSON.stringify(existing) !== JSON.stringify(spec)) {
      throw new Error(`Permission ${name} defined twice with different specs`);
    }
    registry.set(name, spec);
  }
}

export function permissionSpec(name: string): PermissionSpec | undefined {
  return registry.get(name);
}

export function allPermissions(): Array<{ name: string } & PermissionSpec> {
  return [...registry.entries()]
    .map(([name, spec]) => ({ name, ...spec }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Who is acting. Every request and command has exactly one. */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  orgId: string;
  level: Level;
  roles: readonly ScopedRole[];
  /** API keys may be narrowed to a subset of permissions; undefined = everything the level allows. */
  scopes?: readonly string[] | undefined;
}

export function can(actor: Actor, permission: string): boolean {
  const spec = registry.get(permission);
  if (!spec) return false; // unknown permission: deny by default
  if (actor.scopes && !actor.scopes.includes(permission)) return false;
  if (levelRank(actor.level) >= levelRank(spec.minLevel)) return true;
  return (spec.roles ?? []).some((r) => actor.roles.includes(r));
}

/**
 * The one authorisation check. Tenancy is enforced by the repositories (every query is scoped to
 * actor.orgId, so another tenant's row is simply "not found"); this checks the permission.
 */
export function requirePermission(actor: Actor, permission: string): void {
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `Your role does not include the permission ${permission}`);
  }
}

export function systemActor(orgId: string, process = 'cli'): Actor {
  return { kind: 'system', id: `system:${process}`, orgId, level: 'owner', roles: [...SCOPED_ROLES] };
}
