import type { Module } from '../../platform/module.ts';
import {
  LEVELS,
  SCOPED_ROLES,
  definePermissions,
  type Level,
  type ScopedRole,
} from '../../platform/auth/permissions.ts';
import { invalid } from '../../platform/errors.ts';
import { identityMigrations } from './identity.migrations.ts';
import { identityRoutes } from './identity.routes.ts';
import { createApiKey, createOrganisation, createUser, listOrganisations } from './identity.service.ts';
import './identity.tables.ts';

definePermissions({
  'session:self': { description: 'See and end your own session', minLevel: 'viewer' },
  'api_keys:manage': { description: 'Create, list and revoke API keys', minLevel: 'admin' },
  'users:manage': { description: 'Add users, lower their rights, revoke grants', minLevel: 'admin' },
  'users:read': {
    description: 'List users with their levels, roles, grants and activity',
    minLevel: 'manager',
    roles: ['auditor'],
  },
  'access:request': { description: 'Ask for more rights (decided by someone else)', minLevel: 'viewer' },
  'access:read': {
    description: 'See access requests and access reviews',
    minLevel: 'manager',
    roles: ['auditor'],
  },
  'access:approve': {
    description: 'Approve or reject access requests of others (four eyes)',
    minLevel: 'admin',
  },
  'access:review': {
    description: 'Open access reviews and keep or revoke rights in them',
    minLevel: 'admin',
  },
});

function parseLevel(v: string): Level {
  if (!(LEVELS as readonly string[]).includes(v)) throw invalid(`level must be one of ${LEVELS.join(', ')}`);
  return v as Level;
}
function parseRoles(v: string | undefined): ScopedRole[] {
  if (!v) return [];
  const roles = v.split(',').map((r) => r.trim());
  for (const r of roles)
    if (!(SCOPED_ROLES as readonly string[]).includes(r))
      throw invalid(`role ${r} is not one of ${SCOPED_ROLES.join(', ')}`);
  return roles as ScopedRole[];
}

export const identityModule: Module = {
  name: 'identity',
  migrations: identityMigrations,
  routes: identityRoutes,
  commands(program, cli) {
    const orgs = program.command('orgs').description('Organisations (tenants)');
    orgs
      .command('list')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { json?: boolean }) => {
          const ctx = await cli.context();
          cli.print(await listOrganisations(ctx), { json: opts.json });
        }),
      );
    orgs
      .command('create <slug> <name>')
      .requiredOption('--country <cc>', 'ISO 3166-1 alpha-2 seat of the organisation')
      .action(
        cli.run(async (slug: string, name: string, opts: { country: string }) => {
          const ctx = await cli.context();
          const org = await createOrganisation(ctx, { slug, name, country: opts.country });
          console.log(`created ${org.id} (${org.slug})`);
        }),
      );

    const users = program.command('users').description('People who sign in to the dashboard and API');
    users
      .command('add <email>')
      .requiredOption('--name <name>', 'display name')
      .requiredOption('--password <password>', 'at least 12 characters')
      .option('--level <level>', `one of ${LEVELS.join(', ')}`, 'viewer')
      .option('--roles <roles>', `comma-separated scoped roles: ${SCOPED_ROLES.join(', ')}`)
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(
          async (
            email: string,
            opts: { name: string; password: string; level: string; roles?: string; org?: string },
          ) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            const u = await createUser(ctx, org.id, {
              email,
              name: opts.name,
              password: opts.password,
              level: parseLevel(opts.level),
              roles: parseRoles(opts.roles),
            });
            console.log(`created user ${u.id} in ${org.slug}`);
          },
        ),
      );

    program
      .command('api-keys')
      .description('API keys for machine clients')
      .command('create <name>')
      .option('--level <level>', `one of ${LEVELS.join(', ')}`, 'viewer')
      .option('--roles <roles>', 'comma-separated scoped roles')
      .option('--scopes <permissions>', 'comma-separated permissions the key is limited to')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(
          async (name: string, opts: { level: string; roles?: string; scopes?: string; org?: string }) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            const k = await createApiKey(
              ctx,
              org.id,
              {
                name,
                level: parseLevel(opts.level),
                roles: parseRoles(opts.roles),
                ...(opts.scopes ? { scopes: opts.scopes.split(',') } : {}),
              },
              'system:cli',
            );
            console.log(k.key);
          },
        ),
      );
  },
};

export {
  authenticator,
  authenticateToken,
  cliActor,
  createApiKey,
  createOrganisation,
  createUser,
  findOrganisation,
  listOrganisations,
  login,
  revokeApiKey,
} from './identity.service.ts';
export type { Organisation } from './identity.service.ts';
export {
  decideAccessRequest,
  effectiveRights,
  listUserRights,
  openAccessReview,
  requestAccess,
} from './access.service.ts';
export { ACCESS_POLICY } from './access-policy.ts';
