import fs from 'node:fs';
import path from 'node:path';

/**
 * Secret-store port for customs credentials (OAuth client secrets, ABI passwords, webhook HMAC keys).
 * Endpoint rows hold only a secret *name*; values never reach a table, a log or the journal.
 */
export interface SecretStore {
  get(name: string): Promise<string | undefined>;
}

/** Environment variable name for a secret: `customs.acme.cds` → `CROSSGATE_SECRET_CUSTOMS_ACME_CDS`. */
export function secretEnvName(name: string): string {
  return `CROSSGATE_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * Local secret store: an environment variable first (`CROSSGATE_SECRET_<NAME>`), then the JSON file
 * `CROSSGATE_HOME/secrets.json` (mode 0600, `{ "<name>": "<value>" }`). A vault adapter implements the
 * same one-method port.
 */
export class LocalSecretStore implements SecretStore {
  private readonly file: string | undefined;
  private readonly env: Record<string, string | undefined>;

  constructor(homeDir: string | undefined, env: Record<string, string | undefined> = process.env) {
    this.file = homeDir ? path.join(homeDir, 'secrets.json') : undefined;
    this.env = env;
  }

  async get(name: string): Promise<string | undefined> {
    const fromEnv = this.env[secretEnvName(name)];
    if (fromEnv) return fromEnv;
    if (!this.file || !fs.existsSync(this.file)) return undefined;
    const all = JSON.parse(await fs.promises.readFile(this.file, 'utf8')) as Record<string, string>;
    return all[name];
  }
}
