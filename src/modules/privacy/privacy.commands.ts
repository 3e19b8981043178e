import type { Command } from 'commander';
import type { CliHost } from '../../platform/module.ts';
import { requirePermission } from '../../platform/auth/permissions.ts';
import { invalid } from '../../platform/errors.ts';
import { cliAuthorise } from '../identity/index.ts';
import {
  BASES,
  CATEGORIES,
  PURPOSES,
  type DataCategory,
  type Purpose,
  type TransferBasis,
} from './rules/transfer-rules.ts';
import { evaluateTransfer, listTransferDecisions } from './transfer.service.ts';
import {
  DSR_KINDS,
  DSR_REGIMES,
  createDsr,
  eraseDsr,
  exportDsr,
  listDsrs,
  runDueErasures,
  type DsrKind,
  type DsrRegime,
} from './dsr.service.ts';
import { keyStatus, rotateKek } from './keys.service.ts';
import { envelope, reencryptRetired } from './personal-data.service.ts';

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v))
    throw invalid(`${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

/** `crossgate keys …` and `crossgate privacy …`. Each command checks the same permission as its route. */
export function privacyCommands(program: Command, cli: CliHost): void {
  const keys = program
    .command('keys')
    .description('Encryption keys: KEK rotation, data-key rotation, re-encryption');
  keys
    .command('rotate')
    .description('New key-encryption key; re-wrap every data key under it (no downtime, values untouched)')
    .option('--retire-old', 'remove old KEKs from the key file once no data key uses them')
    .action(
      cli.run(async (opts: { retireOld?: boolean }) => {
        const ctx = await cli.context();
        const r = await rotateKek(ctx, { retireOld: !!opts.retireOld });
        console.log(
          `KEK ${r.previous} -> ${r.kekId}; re-wrapped ${r.rewrapped} data keys${r.retired.length ? `; retired ${r.retired.join(', ')}` : ''}`,
        );
      }),
    );
  keys
    .command('rotate-data')
    .description('New data-key version for an organisation; values under the old one are re-encrypted')
    .option('--org <org>', 'organisation slug or id')
    .option('--as <user>', 'act as this user (id or email)')
    .action(
      cli.run(async (opts: { org?: string; as?: string }) => {
        const { ctx, org, actor } = await cliAuthorise(cli, opts, 'privacy:keys');
        const keyId = await envelope(ctx).rotateDataKey(org.id, null, (tx, id) =>
          ctx.journal.append(tx, org.id, [
            { kind: 'privacy.data_key_rotated', version: 1, actor: actor.id, subject: id, data: {} },
          ]),
        );
        console.log(`data key ${keyId}; re-encrypted ${await reencryptRetired(ctx, org.id)} values`);
      }),
    );
  keys
    .command('reencrypt')
    .description('Move values still sealed under retired data keys to the current one')
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(async (opts: { org?: string }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'privacy:keys');
        console.log(`re-encrypted ${await reencryptRetired(ctx, org.id)} values`);
      }),
    );
  keys
    .command('status')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { org?: string; json?: boolean }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'privacy:read');
        const s = await keyStatus(ctx, org.id);
        if (!opts.json) console.log(`current KEK: ${s.currentKek}`);
        cli.print(s.keys, { json: opts.json });
      }),
    );

  const privacy = program
    .command('privacy')
    .description('Residency and transfer decisions, data-subject requests');
  privacy
    .command('transfer')
    .description('Evaluate a cross-border transfer of personal data (journaled)')
    .requiredOption('--category <c>', CATEGORIES.join(' | '))
    .requiredOption('--from <cc>', 'country the data leaves')
    .requiredOption('--to <cc>', 'destination country')
    .requiredOption('--purpose <p>', PURPOSES.join(' | '))
    .requiredOption('--volume <n>', 'people this year, this transfer included')
    .option('--basis <b>', `a basis in place: ${BASES.join(' | ')}`)
    .option('--recipient <name>', 'who receives it (a 3PL, a customs authority)')
    .option('--org <org>', 'organisation slug or id')
    .option('--as <user>', 'act as this user (id or email)')
    .option('--json', 'print JSON')
    .action(
      cli.run(
        async (opts: {
          category: string;
          from: string;
          to: string;
          purpose: string;
          volume: string;
          basis?: string;
          recipient?: string;
          org?: string;
          as?: string;
          json?: boolean;
        }) => {
          const { ctx, org, actor } = await cliAuthorise(cli, opts, 'privacy:transfers:evaluate');
          const volume = Number(opts.volume);
          if (!Number.isInteger(volume) || volume < 1) throw invalid('--volume must be a positive integer');
          const d = await evaluateTransfer(ctx, {
            orgId: org.id,
            actor: actor.id,
            category: oneOf<DataCategory>('--category', opts.category, CATEGORIES),
            from: opts.from,
            to: opts.to,
            purpose: oneOf<Purpose>('--purpose', opts.purpose, PURPOSES),
            volume,
            basis: opts.basis ? oneOf<TransferBasis>('--basis', opts.basis, BASES) : undefined,
            recipient: opts.recipient,
          });
          if (opts.json) return void console.log(JSON.stringify(d, null, 2));
          console.log(
            `${d.outcome.toUpperCase()}${d.basis ? ` (basis: ${d.basis})` : ''}  [${d.rulesVersion}, ${d.id}]`,
          );
          for (const e of d.explanation) console.log(`  - ${e}`);
          if (d.duties.length) console.log('duties:');
          for (const e of d.duties) console.log(`  - ${e}`);
          if (d.outcome === 'deny') process.exitCode = 3;
        },
      ),
    );
  privacy
    .command('transfers')
    .description('Transfer decisions, newest first')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { org?: string; json?: boolean }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'privacy:read');
        cli.print(await listTransferDecisions(ctx, org.id), {
          json: opts.json,
          columns: ['id', 'category', 'from', 'to', 'purpose', 'volume', 'outcome', 'basis', 'decidedAt'],
        });
      }),
    );

  const dsr = privacy.command('dsr').description('Data-subject requests');
  dsr
    .command('create')
    .requiredOption('--kind <k>', DSR_KINDS.join(' | '))
    .requiredOption('--regime <r>', DSR_REGIMES.join(' | '))
    .option('--subject <key>', 'the subject key (e.g. the platform buyer id)')
    .option('--email <email>', 'find the subject by email')
    .option('--org <org>', 'organisation slug or id')
    .option('--as <user>', 'act as this user (id or email)')
    .action(
      cli.run(
        async (opts: {
          kind: string;
          regime: string;
          subject?: string;
          email?: string;
          org?: string;
          as?: string;
        }) => {
          const { ctx, actor } = await cliAuthorise(cli, opts, 'privacy:dsr');
          const r = await createDsr(ctx, actor, {
            kind: oneOf<DsrKind>('--kind', opts.kind, DSR_KINDS),
            regime: oneOf<DsrRegime>('--regime', opts.regime, DSR_REGIMES),
            subjectKey: opts.subject,
            email: opts.email,
          });
          console.log(`${r.id} due ${r.dueAt.slice(0, 10)} (${r.deadlineRule})`);
        },
      ),
    );
  dsr
    .command('list')
    .option('--status <s>', 'open | held | completed')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { status?: string; org?: string; json?: boolean }) => {
        const { ctx, org } = await cliAuthorise(cli, { org: opts.org }, 'privacy:dsr');
        cli.print(await listDsrs(ctx, org.id, { status: opts.status }), {
          json: opts.json,
          columns: ['id', 'kind', 'regime', 'status', 'receivedAt', 'dueAt', 'overdue', 'holdUntil'],
        });
      }),
    );
  dsr
    .command('export <id>')
    .description("Print the subject's data as JSON (journaled)")
    .option('--org <org>', 'organisation slug or id')
    .option('--as <user>', 'act as this user (id or email)')
    .action(
      cli.run(async (id: string, opts: { org?: string; as?: string }) => {
        const { ctx, actor } = await cliAuthorise(cli, opts, 'privacy:dsr');
        requirePermission(actor, 'personal_data:read');
        console.log(JSON.stringify(await exportDsr(ctx, actor, id), null, 2));
      }),
    );
  dsr
    .command('erase <id>')
    .description('Crypto-shred the subject, or hold it with the legal reason')
    .option('--org <org>', 'organisation slug or id')
    .option('--as <user>', 'act as this user (id or email)')
    .action(
      cli.run(async (id: string, opts: { org?: string; as?: string }) => {
        const { ctx, actor } = await cliAuthorise(cli, opts, 'privacy:dsr');
        const r = await eraseDsr(ctx, actor, id);
        console.log(`${r.status}: ${String(r.outcome?.explanation ?? '')}`);
      }),
    );
  dsr
    .command('run-due')
    .description('Shred held erasures whose legal hold has ended (all organisations)')
    .action(
      cli.run(async () => {
        const ctx = await cli.context();
        console.log(`shredded ${await runDueErasures(ctx)} subjects`);
      }),
    );
}
