import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import type { CliHost } from '../../platform/module.ts';
import { invalid } from '../../platform/errors.ts';
import { validateCode } from './code-validation.ts';
import {
  addReferences,
  classify,
  classifyCatalogue,
  decideReview,
  listReviews,
  trainRankerModel,
} from './classify.service.ts';
import type { ClassifyInput } from './classify/classifier.ts';
import {
  type ListingItem,
  labelledListings,
  parseNdjson,
  referenceEntries,
} from './classify/reference-format.ts';
import { referenceItem } from './classify/train.ts';
import { formatCode } from './hts-format.ts';
import { importRevision, listRevisions, resolveRevision } from './tariff.service.ts';
import { listAlerts, raiseImpactAlerts, revisionDiff } from './tariff-impact.service.ts';
import { DEFAULT_SYNC_URL, httpFetcher, syncTariff } from './tariff-sync.ts';
import type { ScheduleName } from './tariff.tables.ts';

const collect = (v: string, acc: string[]) => [...acc, v];
function attrsOf(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw invalid(`--attr expects key=value, got "${p}"`);
    out[p.slice(0, i).trim()] = p.slice(i + 1).trim();
  }
  return out;
}

/** Labelled listings (HSCodeComp-shaped NDJSON) or HMRC references (.json / .csv) from a file. */
const readReferenceFile = (file: string) => referenceEntries(file, fs.readFileSync(file, 'utf8'));

export function tariffCommands(program: Command, cli: CliHost): void {
  const tariff = program
    .command('tariff')
    .description('Tariff schedules: import, revisions, diffs, validation, sync');
  tariff
    .command('import <fileOrUrl>')
    .description(
      'Import a USITC HTS export (CSV or JSON) or, with --schedule HS, the WCO HS nomenclature CSV',
    )
    .option('--schedule <name>', 'US-HTS or HS', 'US-HTS')
    .option('--label <label>', 'revision label, e.g. "2026 Revision 4"')
    .option('--valid-from <date>', 'in force from (YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .action(
      cli.run(
        async (
          src: string,
          opts: { schedule: string; label?: string; validFrom?: string; json?: boolean },
        ) => {
          const ctx = await cli.context();
          let content: Buffer;
          let etag: string | null = null;
          let lastModified: string | null = null;
          if (/^https?:\/\//.test(src)) {
            const res = await httpFetcher.get(src, {});
            if (res.status !== 200) throw invalid(`${src} answered HTTP ${res.status}`);
            content = res.body;
            etag = res.headers.etag ?? null;
            lastModified = res.headers.lastModified ?? null;
          } else content = fs.readFileSync(src);
          const schedule = opts.schedule.toUpperCase() as ScheduleName;
          if (schedule !== 'US-HTS' && schedule !== 'HS') throw invalid('--schedule is US-HTS or HS');
          const { revision, created } = await importRevision(ctx, {
            content,
            schedule,
            label: opts.label ?? path.basename(src),
            validFrom: opts.validFrom ?? ctx.clock.now().toISOString().slice(0, 10),
            source: src,
            etag,
            lastModified,
          });
          cli.print([{ ...revision, created }], {
            json: opts.json,
            columns: ['id', 'schedule', 'label', 'validFrom', 'lineCount', 'created'],
          });
        },
      ),
    );
  tariff
    .command('revisions')
    .description('List imported revisions')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { json?: boolean }) => {
        const ctx = await cli.context();
        cli.print(await listRevisions(ctx), {
          json: opts.json,
          columns: ['id', 'schedule', 'label', 'validFrom', 'lineCount', 'importedAt'],
        });
      }),
    );
  tariff
    .command('diff <from> <to>')
    .description('Differences between two revisions (id or label)')
    .option('--kind <kind>', 'only added|deleted|redescribed|rerated|moved')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (fromRef: string, toRef: string, opts: { kind?: string; json?: boolean }) => {
        const ctx = await cli.context();
        const [from, to] = await Promise.all([resolveRevision(ctx, fromRef), resolveRevision(ctx, toRef)]);
        const d = await revisionDiff(ctx, from.id, to.id);
        const changes = d.changes.filter((c) => !opts.kind || c.kind === opts.kind);
        if (opts.json) return cli.print([{ ...d, changes }], { json: true });
        process.stdout.write(
          `${from.label} → ${to.label}: ${Object.entries(d.summary)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        );
        cli.print(
          changes.map((c) => ({
            kind: c.kind,
            code: formatCode(c.code),
            old: c.old?.general ?? c.old?.description ?? '',
            new: c.new?.general ?? c.new?.description ?? '',
          })),
          { columns: ['kind', 'code', 'old', 'new'] },
        );
      }),
    );
  tariff
    .command('impact <from> <to>')
    .description("Raise alerts for the organisation's products affected by the change")
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (fromRef: string, toRef: string, opts: { org?: string; json?: boolean }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const [from, to] = await Promise.all([resolveRevision(ctx, fromRef), resolveRevision(ctx, toRef)]);
        await raiseImpactAlerts(ctx, org.id, from.id, to.id, 'system:cli');
        cli.print(await listAlerts(ctx, org.id, { status: 'open' }), {
          json: opts.json,
          columns: ['sku', 'kind', 'code', 'oldText', 'newText'],
        });
      }),
    );
  tariff
    .command('validate <code>')
    .description('Validate a code for a destination on a date')
    .option('--destination <cc>', 'destination country', 'US')
    .option('--date <date>', 'YYYY-MM-DD (default today)')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (code: string, opts: { destination: string; date?: string; json?: boolean }) => {
        const ctx = await cli.context();
        const r = await validateCode(ctx, { code, destination: opts.destination, date: opts.date });
        if (opts.json) return cli.print([r], { json: true });
        process.stdout.write(`${r.valid ? 'valid' : 'INVALID'}: ${r.message}\n`);
        if (r.line)
          process.stdout.write(
            `  ${r.line.description.join(' › ')}\n  general ${r.line.generalRate || '-'}; special ${r.line.specialRate || '-'}; column 2 ${r.line.column2Rate || '-'}\n`,
          );
        if (!r.valid) process.exitCode = 65;
      }),
    );
  tariff
    .command('sync')
    .description(
      'Fetch the schedule from the configured URL (conditional GET) and switch to it if it changed',
    )
    .option('--url <url>', 'source URL', process.env.CROSSGATE_TARIFF_SYNC_URL ?? DEFAULT_SYNC_URL)
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { url: string; json?: boolean }) => {
        const ctx = await cli.context();
        cli.print([await syncTariff(ctx, { url: opts.url })], { json: opts.json });
      }),
    );

  const cls = program
    .command('classify')
    .description(
      'Classify a product: `crossgate classify "<title>" [--attr k=v]`; also batch, reference, catalogue, queue',
    )
    .argument('[title]', 'product title')
    .option('--attr <k=v>', 'attribute (repeatable)', collect, [])
    .option('--category <path>', 'category path, e.g. "Jewelry > Rings"')
    .option('--description <text>', 'description')
    .option('-k <k>', 'how many codes', '5')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(
        async (
          title: string | undefined,
          opts: {
            attr: string[];
            category?: string;
            description?: string;
            k: string;
            org?: string;
            json?: boolean;
          },
        ) => {
          if (!title) {
            cls.help();
            return;
          }
          const ctx = await cli.context();
          const org = await cli.organisation(ctx, opts.org);
          const input: ClassifyInput = {
            title,
            description: opts.description,
            attributes: attrsOf(opts.attr),
            categoryPath: opts.category?.split(/\s*>\s*/).filter(Boolean),
          };
          const r = await classify(ctx, org.id, input, { k: Number(opts.k) || 5 });
          if (opts.json) return cli.print([r], { json: true });
          process.stdout.write(
            `${r.revision.label} · ruleset ${r.rulesetVersion} · ranker ${r.rankerVersion}${r.needsReview ? ' · low confidence: review advised' : ''}\n`,
          );
          for (const [i, c] of r.candidates.entries()) {
            process.stdout.write(
              `\n${i + 1}. ${c.formatted}  ${(c.confidence * 100).toFixed(1)}%  (general ${c.generalRate || '-'}; units ${c.units.join(', ') || '-'})\n`,
            );
            process.stdout.write(`   ${c.tariffText.join(' › ')}\n`);
            if (c.evidence.matchedTerms.length)
              process.stdout.write(`   matched: ${c.evidence.matchedTerms.join(', ')}\n`);
            for (const rule of c.evidence.rules)
              process.stdout.write(
                `   rule ${rule.id} (${rule.basis}) ${rule.boost > 0 ? '+' : ''}${rule.boost}\n`,
              );
            for (const n of c.evidence.neighbours.slice(0, 3))
              process.stdout.write(
                `   similar: "${n.text.slice(0, 70)}" → ${formatCode(n.code)} (${n.source}, ${n.similarity.toFixed(2)})\n`,
              );
          }
          process.stdout.write(
            `\nHS-6: ${r.hs6.map((h) => `${h.formatted} ${(h.confidence * 100).toFixed(0)}%`).join(', ')}\n`,
          );
        },
      ),
    );
  cls
    .command('batch <in> <out>')
    .description(
      'Classify an NDJSON file of HSCodeComp-shaped items; writes {id, codes:[{code, confidence}]} per line',
    )
    .option('-k <k>', 'how many codes', '5')
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(async (inFile: string, outFile: string, opts: { k: string; org?: string }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const items = parseNdjson(fs.readFileSync(inFile, 'utf8'));
        const out = fs.createWriteStream(outFile);
        const bar = new SingleBar(
          { format: 'classify [{bar}] {value}/{total} {eta_formatted}', stream: process.stderr },
          Presets.shades_classic,
        );
        bar.start(items.length, 0);
        let errors = 0;
        for (const it of items) {
          if ('error' in it) {
            errors++;
            out.write(`${JSON.stringify({ id: `line-${it.line}`, error: it.error })}\n`);
          } else {
            const r = await classify(ctx, org.id, it.input, { k: Number(opts.k) || 5 });
            out.write(
              `${JSON.stringify({ id: it.id, codes: r.candidates.map((c) => ({ code: c.code, confidence: c.confidence })), hs6: r.hs6.map((h) => ({ code: h.code, confidence: h.confidence })) })}\n`,
            );
          }
          bar.increment();
        }
        bar.stop();
        await new Promise<void>((resolve, reject) =>
          out.end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
        process.stderr.write(
          `${items.length - errors} classified, ${errors} unreadable line(s) → ${outFile}\n`,
        );
      }),
    );
  cls
    .command('reference')
    .description('Labelled reference items')
    .command('add <file>')
    .description(
      'Load HSCodeComp-shaped NDJSON (US codes) or HMRC references (.json / .csv: HS-6 carries) into memory',
    )
    .option('--source <name>', 'corpus name (default: from the file name)')
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(async (file: string, opts: { source?: string; org?: string }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const entries = readReferenceFile(file);
        const source =
          opts.source ??
          path
            .basename(file)
            .replace(/\.[^.]+$/, '')
            .toLowerCase()
            .replace(/[^a-z0-9._-]/g, '-')
            .slice(0, 40);
        const r = await addReferences(ctx, org.id, source, entries);
        process.stdout.write(
          `${r.added} reference item(s) added, ${r.skipped} already known (source ${source})\n`,
        );
      }),
    );
  cls
    .command('train <labelled...>')
    .description(
      'Train the re-ranker on labelled listings (HSCodeComp-shaped NDJSON with US codes); writes CROSSGATE_HOME/models/classify-ranker.json',
    )
    .option('--reference <file>', 'reference corpus used as memory while training (repeatable)', collect, [])
    .option('--out <file>', 'where to write the model (default: CROSSGATE_HOME/models/classify-ranker.json)')
    .option('--l2 <n>', 'L2 penalty on the standardised weights', '0.01')
    .action(
      cli.run(async (files: string[], opts: { reference: string[]; out?: string; l2: string }) => {
        const ctx = await cli.context();
        const labelled: ListingItem[] = files.flatMap((f) =>
          labelledListings(fs.readFileSync(f, 'utf8')).map((it) => ({
            ...it,
            id: `${path.basename(f)}:${it.id}`,
          })),
        );
        const references = opts.reference.flatMap((f) =>
          readReferenceFile(f).map((e) => referenceItem(e, path.basename(f))),
        );
        const names = (list: string[]) => list.map((f) => path.basename(f)).join(', ');
        const r = await trainRankerModel(
          ctx,
          {
            labelled,
            references: references.filter((e) => e.text.trim() && e.code.length >= 6),
            source: `labelled listings: ${names(files)}${opts.reference.length ? `; references: ${names(opts.reference)}` : ''}`,
            command: 'crossgate classify train',
          },
          { out: opts.out, l2: Number(opts.l2) },
        );
        process.stdout.write(
          `re-ranker ${r.model.version} trained on ${r.items} labelled listing(s) → ${r.file}\n`,
        );
      }),
    );
  cls
    .command('catalogue')
    .description("Classify the organisation's products and record suggestions in the review queue")
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(async (opts: { org?: string }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const bar = new SingleBar(
          { format: 'catalogue [{bar}] {value}/{total}', stream: process.stderr },
          Presets.shades_classic,
        );
        let started = false;
        const r = await classifyCatalogue(ctx, org.id, {
          onProgress: (d, t) => {
            if (!started) {
              bar.start(t, 0);
              started = true;
            }
            bar.update(d);
          },
        });
        if (started) bar.stop();
        process.stdout.write(
          `${r.classified} classified: ${r.confident} confident, ${r.queued} below the review threshold\n`,
        );
      }),
    );
  cls
    .command('queue')
    .description('The review queue')
    .option('--org <org>', 'organisation slug or id')
    .option('--json', 'print JSON')
    .action(
      cli.run(async (opts: { org?: string; json?: boolean }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const rows = await listReviews(ctx, org.id, { status: 'pending', limit: 200 });
        cli.print(
          opts.json
            ? rows
            : rows.map((r) => ({
                id: r.id,
                title: r.input.title.slice(0, 60),
                top: r.topCode ? formatCode(r.topCode) : '',
                confidence: r.confidence,
              })),
          { json: opts.json, columns: ['id', 'title', 'top', 'confidence'] },
        );
      }),
    );
  cls
    .command('decide <reviewId>')
    .description('Accept the top suggestion, or --code <code> --reason <why> to override')
    .option('--code <code>', 'the code to use instead')
    .option('--reason <why>', 'why (required to override)')
    .option('--org <org>', 'organisation slug or id')
    .action(
      cli.run(async (id: string, opts: { code?: string; reason?: string; org?: string }) => {
        const ctx = await cli.context();
        const org = await cli.organisation(ctx, opts.org);
        const r = await decideReview(ctx, org.id, id, {
          action: opts.code ? 'override' : 'accept',
          code: opts.code,
          reason: opts.reason,
          actor: `cli:${process.env.USER ?? 'unknown'}`,
        });
        process.stdout.write(`${r.id}: ${r.status} ${r.decidedCode ? formatCode(r.decidedCode) : ''}\n`);
      }),
    );
}
