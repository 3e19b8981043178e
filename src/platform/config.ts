import path from 'node:path';
import { z } from 'zod';
import { AppError, issuesFromZod } from './errors.ts';

/**
 * Every environment variable Crossgate reads, validated at start. The README's table is generated from
 * the `describe()` texts (`crossgate config`), so this list is the single source.
 */
export const configSchema = z.object({
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('HTTP port for the API and dashboard'),
  HOST: z.string().default('127.0.0.1').describe('Interface to bind (0.0.0.0 to expose)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe('PostgreSQL URL; unset = embedded PGlite under CROSSGATE_HOME/db'),
  CROSSGATE_HOME: z
    .string()
    .default('./.crossgate')
    .describe('Where the embedded database, keys and files live'),
  CROSSGATE_REFERENCE_DIR: z
    .string()
    .default('../shared/data')
    .describe(
      'Public reference data in official formats (USITC HTS exports, HS nomenclature, classification corpora): the demo company loads it on first start when it is there; tests and benchmarks read it',
    ),
  CROSSGATE_CUSTOMS_URL: z
    .string()
    .url()
    .default('http://127.0.0.1:4700')
    .describe('Customs gateway endpoint (default: the local customs sandbox)'),
  CROSSGATE_MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Run pending migrations when the service starts'),
  CROSSGATE_DEMO_ON_FIRST_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('`crossgate start` loads the demo company into an empty database'),
  CROSSGATE_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(12)
    .describe('Lifetime of a login session'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('pino log level'),
});

export type Config = z.infer<typeof configSchema> & { homeDir: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new AppError(
      'invalid',
      `Invalid configuration: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
      {
        issues,
      },
    );
  }
  return { ...parsed.data, homeDir: path.resolve(parsed.data.CROSSGATE_HOME) };
}

/** Rows for the configuration table in the README / `crossgate config`. */
export function configTable(): Array<{ name: string; default: string; description: string }> {
  return Object.entries(configSchema.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    let def = '';
    const r = s.safeParse(undefined);
    if (r.success && r.data !== undefined) def = String(r.data);
    return { name, default: def, description: s.description ?? '' };
  });
}
