import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './database.ts';
import { AppError } from '../errors.ts';

/**
 * Ordered migrations from every module. Each module names its migrations `YYYYMMDDHHMM_<module>_<what>`,
 * so the global order is by time; unordered application is allowed because modules are developed in
 * parallel and a later-merged module may carry an older timestamp.
 */
export async function migrateToLatest(
  db: Db,
  migrations: Record<string, Migration>,
): Promise<{ applied: string[] }> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableName: 'crossgate_migrations',
    migrationLockTableName: 'crossgate_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AppError(
      'internal',
      `Migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`,
      {
        cause: result.error,
      },
    );
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

export async function pendingMigrations(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
    migrationTableName: 'crossgate_migrations',
    migrationLockTableName: 'crossgate_migrations_lock',
  });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
