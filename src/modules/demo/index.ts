import type { Module } from '../../platform/module.ts';
import type { AppContext } from '../../platform/context.ts';
import { createOrganisation, createUser } from '../identity/index.ts';

/** The demo sign-in printed by `npm start`. Demo only: a real deployment creates its own users. */
export const DEMO_LOGIN = { email: 'demo@crossgate.dev', password: 'crossgate-demo-2026' } as const;

export interface DemoOptions {
  seed: number;
  scale: number;
  progress?: (message: string) => void;
}

/** Loads the demo company. (Skeleton: organisation and users; the realistic generator follows.) */
export async function loadDemo(ctx: AppContext, _opts: DemoOptions) {
  const org = await createOrganisation(ctx, {
    slug: 'demo',
    name: 'Shenzhen Brightway Trading Co., Ltd.',
    country: 'CN',
  });
  await createUser(ctx, org.id, {
    email: DEMO_LOGIN.email,
    name: 'Demo Owner',
    password: DEMO_LOGIN.password,
    level: 'owner',
  });
  return { organisation: org.slug };
}

export const demoModule: Module = {
  name: 'demo',
  commands(program, cli) {
    program
      .command('demo')
      .description('Load the demo exporter (products, suppliers, orders, shipments) and exit')
      .option('--seed <n>', 'random seed (same seed, same data)', '1')
      .option('--scale <x>', 'size factor: 0.1 = a tenth, 10 = ten times', '1')
      .action(
        cli.run(async (opts: { seed: string; scale: string }) => {
          const ctx = await cli.context();
          const summary = await loadDemo(ctx, {
            seed: Number(opts.seed),
            scale: Number(opts.scale),
            progress: (m) => process.stderr.write(`${m}\n`),
          });
          console.log(JSON.stringify(summary));
        }),
      );
  },
};
