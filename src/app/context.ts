import path from 'node:path';
import type { DestinationStream } from 'pino';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrator.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { typeIdGenerator } from '../platform/ids.ts';
import { LocalKeyProvider, type KeyProvider } from '../platform/crypto/key-provider.ts';
import type { AppContext } from '../platform/context.ts';
import { EnvelopeFieldCipher } from '../modules/privacy/index.ts';
import { SqlJournal } from '../modules/journal/index.ts';
import { allMigrations } from './modules.ts';
import { wireWorkflows } from './workflows.ts';

export interface CreateContextOptions {
  config?: Config;
  env?: Record<string, string | undefined>;
  /** In-memory PGlite and ephemeral keys (tests). Ignored when DATABASE_URL is set. */
  ephemeral?: boolean;
  clock?: Clock;
  keys?: KeyProvider;
  logDestination?: DestinationStream;
  migrate?: boolean;
  poolSize?: number;
}

/** The composition root: wires ports to their real implementations. */
export async function createAppContext(opts: CreateContextOptions = {}): Promise<AppContext> {
  const config = opts.config ?? loadConfig(opts.env ?? process.env);
  const logger = createLogger(config.LOG_LEVEL, opts.logDestination);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: opts.ephemeral ? undefined : path.join(config.homeDir, 'db'),
    poolSize: opts.poolSize ?? 10,
    onIdleError: (err) => logger.warn({ err: err.message }, 'idle database connection ended'),
  });
  const clock = opts.clock ?? systemClock;
  const keys =
    opts.keys ?? new LocalKeyProvider(opts.ephemeral ? undefined : path.join(config.homeDir, 'keys'));
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    logger,
    clock,
    ids: typeIdGenerator,
    keys,
    cipher: new EnvelopeFieldCipher(database.db, keys, clock),
    journal: new SqlJournal({ clock, ids: typeIdGenerator }),
  };
  wireWorkflows();
  if (opts.migrate ?? config.CROSSGATE_MIGRATE_ON_START) {
    const { applied } = await migrateToLatest(database.db, allMigrations());
    if (applied.length) logger.info({ applied: applied.length }, 'migrations applied');
  }
  return ctx;
}

export async function closeAppContext(ctx: AppContext): Promise<void> {
  await ctx.database.close();
}
