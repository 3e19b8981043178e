import type { Migration } from 'kysely/migration';
import type { Command } from 'commander';
import type { AppContext } from './context.ts';
import type { HttpApp } from './http/server.ts';

/**
 * The contract every business module fulfils (PRODUCT.md §4): it owns its tables (migrations), and
 * exposes routes and CLI commands through this one object, exported from its `index.ts`.
 */
export interface Module {
  name: string;
  /** Keyed `YYYYMMDDHHMM_<module>_<what>`; never edit one that has shipped, add another. */
  migrations?: Record<string, Migration>;
  /** Registers the module's HTTP routes under /api. Every route declares a permission (deny by default). */
  routes?(app: HttpApp, ctx: AppContext): void | Promise<void>;
  /** Adds the module's subcommands to the `crossgate` program. */
  commands?(program: Command, cli: CliHost): void;
  /** Background work started by `crossgate serve` (schedulers); returns a stop function. */
  start?(ctx: AppContext): Promise<() => Promise<void>>;
}

/** What a CLI command gets: a lazily opened context and the chosen organisation. */
export interface CliHost {
  /** Opens config, database (migrated) and services. Call once per command. */
  context(): Promise<AppContext>;
  /** Resolves `--org` (slug or id) or the only organisation; throws a clear error when ambiguous. */
  organisation(ctx: AppContext, orgOption?: string): Promise<{ id: string; slug: string; name: string }>;
  /** Prints rows as a table, or JSON when `json` is set. */
  print(rows: ReadonlyArray<object>, opts: { json?: boolean; columns?: string[] }): void;
  /** Wraps a command action: runs it, closes the context, maps errors to exit codes. */
  run<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
}
