import { Command } from 'commander';
import { MODULES, allMigrations } from '../app/modules.ts';
import { createCliHost } from './host.ts';
import { configTable } from '../platform/config.ts';
import { migrateToLatest, pendingMigrations } from '../platform/db/migrator.ts';
import { createAppContext } from '../app/context.ts';
import { serve } from '../app/serve.ts';
import { formatTable } from './table.ts';

const cli = createCliHost();
const program = new Command('crossgate')
  .description('Crossgate: compliance and risk platform for cross-border e-commerce')
  .version('0.1.0')
  .showHelpAfterError()
  .enablePositionalOptions();

program
  .command('serve')
  .description('Run the HTTP API and dashboard (migrates first unless CROSSGATE_MIGRATE_ON_START=false)')
  .option('--port <port>', 'override PORT')
  .action(
    cli.run(async (opts: { port?: string }) => {
      await serve({ port: opts.port ? Number(opts.port) : undefined, loadDemo: false });
    }),
  );

program
  .command('start')
  .description('What `npm start` runs: migrate, load the demo company into an empty database, then serve')
  .option('--port <port>', 'override PORT')
  .action(
    cli.run(async (opts: { port?: string }) => {
      await serve({ port: opts.port ? Number(opts.port) : undefined, loadDemo: true });
    }),
  );

program
  .command('migrate')
  .description('Apply pending database migrations')
  .option('--status', 'list pending migrations without applying')
  .action(
    cli.run(async (opts: { status?: boolean }) => {
      const ctx = await createAppContext({ migrate: false, env: { ...process.env, LOG_LEVEL: 'warn' } });
      try {
        if (opts.status) {
          const pending = await pendingMigrations(ctx.db, allMigrations());
          console.log(pending.length ? pending.join('\n') : 'up to date');
        } else {
          const { applied } = await migrateToLatest(ctx.db, allMigrations());
          console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'up to date');
        }
      } finally {
        await ctx.database.close();
      }
    }),
  );

program
  .command('config')
  .description('The environment variables Crossgate reads')
  .option('--json', 'print JSON')
  .action((opts: { json?: boolean }) => {
    const rows = configTable();
    console.log(opts.json ? JSON.stringify(rows, null, 2) : formatTable(rows, undefined, 80));
  });

for (const m of MODULES) m.commands?.(program, cli);

await program.parseAsync(process.argv);
