import fs from 'node:fs';
import type { Module } from '../../platform/module.ts';
import { definePermissions } from '../../platform/auth/permissions.ts';
import { invalid } from '../../platform/errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { journalMigrations } from './journal.migrations.ts';
import { journalRoutes } from './journal.routes.ts';
import {
  consistencyBetween,
  headAt,
  journalPublicKey,
  latestHead,
  listEntries,
  proveEntries,
  publishHeads,
  signTreeHead,
  verifyJournal,
} from './journal.service.ts';
import { checkBundle } from './bundle.ts';
import { parseCheckpoint } from './checkpoint.ts';
import './journal.tables.ts';

definePermissions({
  'journal:read': {
    description: 'Read journal entries, signed heads and proofs',
    minLevel: 'viewer',
    roles: ['auditor'],
  },
  'journal:sign': { description: 'Sign a tree head on demand', minLevel: 'operator', roles: ['auditor'] },
  'journal:verify': {
    description: 'Run a full verification of the journal',
    minLevel: 'specialist',
    roles: ['auditor'],
  },
});

/** How often `crossgate serve` signs a head for every log that grew. */
export const HEAD_INTERVAL_MS = 60_000;

/** A head argument: a tree size of a stored head, or a file holding a head as JSON (`journal head --json`). */
function headArg(arg: string): { size: number; rootHash?: string } {
  if (/^\d+$/.test(arg)) return { size: Number(arg) };
  if (!fs.existsSync(arg)) throw invalid(`${arg} is neither a tree size nor a head file`);
  const raw = JSON.parse(fs.readFileSync(arg, 'utf8')) as { checkpoint?: string; treeSize?: number };
  if (!raw.checkpoint) throw invalid(`${arg} holds no checkpoint`);
  const cp = parseCheckpoint(raw.checkpoint);
  return { size: cp.treeSize, rootHash: cp.rootHash.toString('hex') };
}

export const journalModule: Module = {
  name: 'journal',
  migrations: journalMigrations,
  routes: journalRoutes,
  async start(ctx: AppContext) {
    const tick = async () => {
      try {
        const n = await publishHeads(ctx);
        if (n) ctx.logger.info({ logs: n }, 'journal heads signed');
      } catch (err) {
        ctx.logger.error({ err }, 'signing journal heads failed');
      }
    };
    await tick();
    const timer = setInterval(tick, HEAD_INTERVAL_MS);
    timer.unref();
    return async () => clearInterval(timer);
  },
  commands(program, cli) {
    const journal = program
      .command('journal')
      .description('The verifiable journal: heads, proofs, verification');
    journal
      .command('verify')
      .description('Check every entry of the log against its stored hashes and signed heads')
      .option('--org <org>', 'organisation slug or id')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (opts: { org?: string; json?: boolean }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const r = await verifyJournal(ctx, org.id, (n) => {
            if (!opts.json && process.stderr.isTTY) process.stderr.write(`\rverified ${n} entries`);
          });
          if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
          if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          else {
            console.log(
              `${r.ok ? 'OK' : 'FAILED'}: ${r.entries} entries, ${r.headsChecked} signed heads, root ${r.rootHash} (${r.millis} ms)`,
            );
            if (!r.ok) {
              console.log(`first bad index: ${r.firstBadIndex}`);
              cli.print(r.problems.slice(0, 20), { columns: ['index', 'problem', 'message'] });
            }
          }
          if (!r.ok) process.exitCode = 1;
        }),
      );
    journal
      .command('prove <ref>')
      .description('Write an inclusion proof bundle (entry, proof, signed head, public key) as JSON')
      .option('--org <org>', 'organisation slug or id')
      .option('--tree-size <n>', 'prove against the signed head of this size (default: latest)')
      .action(
        cli.run(async (ref: string, opts: { org?: string; treeSize?: string }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const { head: _h, ...bundle } = await proveEntries(ctx, org.id, [ref], {
            ...(opts.treeSize ? { treeSize: Number(opts.treeSize) } : {}),
          });
          process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
        }),
      );
    journal
      .command('check-bundle <file>')
      .description('Verify a proof bundle or dossier offline (no database; only the public key)')
      .option('--public-key <pem-file>', 'the trusted public key (default: the one in the bundle)')
      .option('--json', 'print JSON')
      .action(
        cli.run(async (file: string, opts: { publicKey?: string; json?: boolean }) => {
          const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
          const key = opts.publicKey ? fs.readFileSync(opts.publicKey, 'utf8') : undefined;
          const r = checkBundle(bundle, key);
          if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          else {
            console.log(
              `${r.ok ? 'OK' : 'FAILED'}: ${r.entries.filter((e) => e.ok).length}/${r.entries.length} entries in ${r.origin ?? '?'} at size ${r.treeSize ?? '?'}, signed by key ${r.keyId ?? '?'}${key ? ' (trusted)' : ' (key taken from the bundle: compare its id with the published one)'}`,
            );
            for (const p of r.problems) console.log(`  ${p}`);
            for (const e of r.entries.filter((x) => !x.ok)) console.log(`  entry ${e.index}: ${e.problem}`);
          }
          if (!r.ok) process.exitCode = 1;
        }),
      );
    journal
      .command('consistency <old-head> <new-head>')
      .description(
        'Prove that the log at <new-head> extends the log at <old-head> (tree sizes or head files)',
      )
      .option('--org <org>', 'organisation slug or id')
      .action(
        cli.run(async (oldArg: string, newArg: string, opts: { org?: string }) => {
          const a = headArg(oldArg);
          const b = headArg(newArg);
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const c = await consistencyBetween(ctx, org.id, a.size, b.size);
          const pinned =
            (a.rootHash === undefined || a.rootHash === c.from.rootHash) &&
            (b.rootHash === undefined || b.rootHash === c.to.rootHash);
          const ok = c.verified && pinned;
          process.stdout.write(
            `${JSON.stringify({ ok, from: c.from, to: c.to, proof: c.proof, ...(pinned ? {} : { problem: 'a head file does not match the stored head of its size' }) }, null, 2)}\n`,
          );
          if (!ok) process.exitCode = 1;
        }),
      );
    journal
      .command('head')
      .description('Print the latest signed tree head')
      .option('--org <org>', 'organisation slug or id')
      .option('--sign', 'sign a new head first if the log grew')
      .option('--size <n>', 'the head of this tree size instead of the latest')
      .action(
        cli.run(async (opts: { org?: string; sign?: boolean; size?: string }) => {
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const h = opts.sign
            ? await signTreeHead(ctx, org.id)
            : opts.size
              ? await headAt(ctx, org.id, Number(opts.size))
              : await latestHead(ctx, org.id);
          if (!h) throw invalid('No signed head yet: run `crossgate journal head --sign`');
          process.stdout.write(`${JSON.stringify(h, null, 2)}\n`);
        }),
      );
    journal
      .command('public-key')
      .description('Print the public key that signs tree heads (PEM)')
      .action(
        cli.run(async () => {
          const ctx = await cli.context();
          process.stdout.write(journalPublicKey(ctx).publicKey);
        }),
      );
    journal
      .command('entries')
      .description('List journal entries, newest first')
      .option('--org <org>', 'organisation slug or id')
      .option('--limit <n>', 'rows', '50')
      .option('--kind <kind>', 'only this kind')
      .option('--subject <id>', 'only entries about this subject')
      .option('--json', 'print JSON')
      .action(
        cli.run(
          async (opts: { org?: string; limit: string; kind?: string; subject?: string; json?: boolean }) => {
            const ctx = await cli.context();
            const org = await cli.organisation(ctx, opts.org);
            const rows = await listEntries(ctx, org.id, {
              limit: Math.min(Number(opts.limit) || 50, 10_000),
              ...(opts.kind ? { kind: opts.kind } : {}),
              ...(opts.subject ? { subject: opts.subject } : {}),
            });
            cli.print(rows, {
              json: opts.json,
              columns: ['index', 'id', 'kind', 'version', 'actor', 'subject', 'recordedAt'],
            });
          },
        ),
      );
  },
};

export { SqlJournal } from './journal.store.ts';
export type { AppendResult, AppendedEntry } from './journal.store.ts';
export {
  currentTree,
  getEntry,
  journalPublicKey,
  latestHead,
  proveEntries,
  signTreeHead,
  verifyJournal,
} from './journal.service.ts';
export type { SignedHead, VerifyReport } from './journal.service.ts';
export { checkBundle, BUNDLE_FORMAT } from './bundle.ts';
export type { InclusionBundle, BundleCheck } from './bundle.ts';
export { defineEntryKind, entryKinds, assertNoPersonalData } from './entry-kinds.ts';
export {
  assertRetentionElapsed,
  retentionCutoff,
  retentionYears,
  RETENTION_POLICY_VERSION,
} from './retention.ts';
export { canonicalJson } from './canonical-json.ts';
