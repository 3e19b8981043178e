import { AppError, exitCodeOf } from '../platform/errors.ts';
import type { AppContext } from '../platform/context.ts';
import type { CliHost } from '../platform/module.ts';
import { closeAppContext, createAppContext } from '../app/context.ts';
import { findOrganisation, listOrganisations } from '../modules/identity/index.ts';
import { formatTable } from './table.ts';

/** The CLI side of the composition root: one context per command, closed when the command ends. */
export function createCliHost(): CliHost & { close(): Promise<void> } {
  let ctx: AppContext | undefined;
  return {
    async context() {
      ctx ??= await createAppContext({ env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' } });
      return ctx;
    },
    async organisation(c, orgOption) {
      if (orgOption) {
        const org = await findOrganisation(c, orgOption);
        if (!org) throw new AppError('not_found', `No organisation ${orgOption}`);
        return org;
      }
      const all = await listOrganisations(c);
      if (all.length === 1) return all[0]!;
      if (all.length === 0)
        throw new AppError(
          'not_found',
          'No organisation yet: run `crossgate demo` or `crossgate orgs create`',
        );
      throw new AppError(
        'invalid',
        `Several organisations exist (${all.map((o) => o.slug).join(', ')}): choose one with --org`,
      );
    },
    print(rows, opts) {
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatTable(rows, opts.columns)}\n`);
    },
    run(fn) {
      return async (...args) => {
        try {
          await fn(...args);
        } catch (err) {
          const e =
            err instanceof AppError
              ? err
              : new AppError('internal', err instanceof Error ? err.message : String(err));
          process.stderr.write(`crossgate: ${e.code}: ${e.message}\n`);
          for (const i of e.issues) process.stderr.write(`  ${i.field}: ${i.message}\n`);
          if (!(err instanceof AppError) && process.env.CROSSGATE_DEBUG) console.error(err);
          process.exitCode = exitCodeOf(e.code);
        } finally {
          if (ctx) {
            await closeAppContext(ctx);
            ctx = undefined;
          }
        }
      };
    },
    async close() {
      if (ctx) await closeAppContext(ctx);
      ctx = undefined;
    },
  };
}
