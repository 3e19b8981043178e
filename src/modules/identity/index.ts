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
import {
  cliActor,
  cliAuthorise,
  createApiKey,
  createOrganisation,
  createUser,
  listOrganisations,
} from './identity.service.ts';
import {
  accessReviewHousekeeping,
  decideAccessRequest,
  getAccessReview,
  listAccessRequests,
  listUserRights,
  openAccessReview,
  requestAccess,
} from './access.service.ts';
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

function accessCommands(
  program: Parameters<NonNullable<Module['commands']>>[0],
  cli: Parameters<NonNullable<Module['commands']>>[1],
) {
  const access = program
    .command('access')
    .description('Rights: users, four-eyes requests, quarterly reviews');
  access
    .command('users')
    .description('Every user with level, roles, grants, last sign-in and dormant flag')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { org?: string; json?: boolean }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'users:read');
        cli.print(await listUserRights(ctx, org.id), {
          json: opts.json,
          columns: [
            'id',
            'level',
            'roles',
            'effectiveLevel',
            'lastLoginAt',
            'daysIdle',
            'dormant',
            'disabled',
            'twoFactor',
          ],
        });
      }),
    );
  access
    .command('request <user>')
    .description('Ask for a level or role for a user; a second person approves')
    .option('--level <level>', `one of ${LEVELS.join(', ')}`)
    .option('--role <role>', `one of ${SCOPED_ROLES.join(', ')}`)
    .requiredOption('--reason <text>', 'why')
    .option('--hours <n>', 'time-bound grant length')
    .requiredOption('--as <user>', 'the requesting user (id or email)')
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(
        async (
          user: string,
          opts: { level?: string; role?: string; reason: string; hours?: string; as: string; org?: string },
        ) => {
          const { ctx, org, actor } = await cliAuthorise(cli, opts, 'access:request');
          const target = await cliActor(ctx, org.id, user);
          const r = await requestAccess(ctx, actor, {
            userId: target.id,
            level: opts.level ? parseLevel(opts.level) : undefined,
            role: opts.role ? (parseRoles(opts.role)[0] as ScopedRole) : undefined,
            reason: opts.reason,
            durationHours: opts.hours ? Number(opts.hours) : undefined,
          });
          console.log(`${r.id} pending`);
        },
      ),
    );
  access
    .command('requests')
    .option('--status <s>', 'pending | approved | rejected')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { status?: string; org?: string; json?: boolean }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'access:read');
        cli.print(await listAccessRequests(ctx, org.id, opts.status), {
          json: opts.json,
          columns: [
            'id',
            'userId',
            'requestedBy',
            'level',
            'role',
            'durationHours',
            'status',
            'decidedBy',
            'createdAt',
          ],
        });
      }),
    );
  for (const decision of ['approve', 'reject'] as const)
    access
      .command(`${decision} <request>`)
      .description(
        `${decision === 'approve' ? 'Approve' : 'Reject'} a request (four eyes: --as must be another person)`,
      )
      .requiredOption('--as <user>', 'the deciding user (id or email)')
      .option('--note <text>', 'why')
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(async (id: string, opts: { as: string; note?: string; org?: string }) => {
          const { ctx, actor } = await cliAuthorise(cli, opts, 'access:approve');
          const r = await decideAccessRequest(ctx, actor, id, decision, opts.note);
          console.log(`${r.id} ${r.status}`);
        }),
      );
  access
    .command('review')
    .description("Open this quarter's access review (idempotent) and print it; sends due reminders")
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { org?: string; json?: boolean }) => {
        const { ctx, org, actor } = await cliAuthorise(cli, opts, 'access:review');
        const opened = await openAccessReview(ctx, actor);
        await accessReviewHousekeeping(ctx, org.id);
        const r = await getAccessReview(ctx, org.id, opened.id);
        if (opts.json) return void console.log(JSON.stringify(r, null, 2));
        console.log(`${r.id} ${r.period} ${r.status}, due ${r.dueAt.slice(0, 10)}, ${r.pending} undecided`);
        cli.print(r.items, {
          columns: [
            'id',
            'principalKind',
            'principalId',
            'level',
            'roles',
            'lastActiveAt',
            'dormant',
            'decision',
          ],
        });
      }),
    );
}

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
  async start(ctx) {
    // Quarterly access reviews open by themselves; undecided ones get reminders (journaled, logged).
    const tick = async () => {
      for (const org of await listOrganisations(ctx)) await accessReviewHousekeeping(ctx, org.id);
    };
    const run = () => tick().catch((err) => ctx.logger.error({ err }, 'access review housekeeping failed'));
    const timer = setInterval(run, 6 * 3600_000);
    timer.unref();
    void run();
    return async () => clearInterval(timer);
  },
  commands(program, cli) {
    accessCommands(program, cli);
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
  disableErasedUser,
  userIdForEmail,
  authenticator,
  authenticateToken,
  cliActor,
  cliAuthorise,
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
