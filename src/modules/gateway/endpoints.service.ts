import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { invalid } from '../../platform/errors.ts';
import { ENVIRONMENTS, REGIMES, type Environment, type Regime } from './gateway.types.ts';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from './sandbox/sandbox.server.ts';
import type { SecretStore } from './secrets.ts';
import type { EndpointConfig } from './transports/transport.ts';

/**
 * Endpoint configuration per organisation, regime and environment (sandbox / certification /
 * production). An organisation files in the environment of its active endpoint for the regime, or in
 * the sandbox at CROSSGATE_CUSTOMS_URL when it has configured none.
 */
export async function activeEnvironment(db: Executor, orgId: string, regime: Regime): Promise<Environment> {
  const row = await db
    .selectFrom('gateway_endpoints')
    .select('environment')
    .where('org_id', '=', orgId)
    .where('regime', '=', regime)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.environment ?? 'sandbox';
}

export async function resolveEndpoint(
  ctx: AppContext,
  secrets: SecretStore,
  orgId: string,
  regime: Regime,
  environment: Environment,
  timeoutMs: number,
): Promise<EndpointConfig> {
  const row = await ctx.db
    .selectFrom('gateway_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('regime', '=', regime)
    .where('environment', '=', environment)
    .executeTakeFirst();
  if (!row) {
    if (environment !== 'sandbox') throw invalid(`No ${regime} endpoint configured for ${environment}`);
    return {
      regime,
      environment,
      baseUrl: ctx.config.CROSSGATE_CUSTOMS_URL.replace(/\/$/, ''),
      clientId: `${SANDBOX_CLIENT_ID}/${orgId}`,
      secret: (await secrets.get('customs.sandbox')) ?? SANDBOX_CLIENT_SECRET,
      timeoutMs,
    };
  }
  const secret = row.secret_ref ? await secrets.get(row.secret_ref) : undefined;
  if (!secret) {
    if (environment !== 'sandbox')
      throw invalid(
        `Secret ${row.secret_ref ?? '(none named)'} for the ${regime} ${environment} endpoint is not in the secret store`,
      );
  }
  return {
    regime,
    environment,
    baseUrl: row.base_url.replace(/\/$/, ''),
    clientId: row.client_id,
    secret: secret ?? SANDBOX_CLIENT_SECRET,
    timeoutMs,
  };
}

export interface EndpointInput {
  regime: string;
  environment: string;
  baseUrl: string;
  clientId: string;
  secretRef?: string | undefined;
  webhookSecretRef?: string | undefined;
  active?: boolean | undefined;
}

export async function configureEndpoint(ctx: AppContext, orgId: string, actor: string, input: EndpointInput) {
  if (!(REGIMES as readonly string[]).includes(input.regime))
    throw invalid(`regime must be one of ${REGIMES.join(', ')}`);
  if (!(ENVIRONMENTS as readonly string[]).includes(input.environment))
    throw invalid(`environment must be one of ${ENVIRONMENTS.join(', ')}`);
  try {
    new URL(input.baseUrl);
  } catch {
    throw invalid('baseUrl must be a URL');
  }
  if (input.environment !== 'sandbox' && !input.secretRef)
    throw invalid('certification and production endpoints need a secretRef (a name in the secret store)');
  const regime = input.regime as Regime;
  const environment = input.environment as Environment;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    if (input.active)
      await tx
        .updateTable('gateway_endpoints')
        .set({ active: false, updated_at: now })
        .where('org_id', '=', orgId)
        .where('regime', '=', regime)
        .execute();
    const values = {
      base_url: input.baseUrl,
      client_id: input.clientId,
      secret_ref: input.secretRef ?? null,
      webhook_secret_ref: input.webhookSecretRef ?? null,
      active: input.active ?? false,
      updated_at: now,
    };
    const id = ctx.ids.next('customsEndpoint');
    const row = await tx
      .insertInto('gateway_endpoints')
      .values({ id, org_id: orgId, regime, environment, created_at: now, ...values })
      .onConflict((oc) => oc.columns(['org_id', 'regime', 'environment']).doUpdateSet(values))
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await ctx.journal.append(tx, orgId, [
      {
        kind: 'gateway.endpoint_configured',
        version: 1,
        actor,
        subject: row.id,
        data: {
          regime,
          environment,
          baseUrl: input.baseUrl,
          clientId: input.clientId,
          secretRef: input.secretRef ?? null,
          active: input.active ?? false,
        },
      },
    ]);
    return { id: row.id, regime, environment, active: input.active ?? false };
  });
}

export async function listEndpoints(ctx: AppContext, orgId: string) {
  const rows = await ctx.db
    .selectFrom('gateway_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('regime')
    .orderBy('environment')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regime: r.regime,
    environment: r.environment,
    baseUrl: r.base_url,
    clientId: r.client_id,
    secretRef: r.secret_ref,
    webhookSecretRef: r.webhook_secret_ref,
    active: r.active,
  }));
}
