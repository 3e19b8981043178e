import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { invalid, issuesFromZod } from '../../../platform/errors.ts';

/**
 * The learned re-ranker: a linear model over the evidence features of each candidate line, whose softmax
 * over a listing's candidates is the reported confidence. Out of the box it uses built-in weights chosen by
 * reasoning (`DEFAULT_WEIGHTS`, fitted to nothing); an installation can train a model on its own labelled
 * listings (`crossgate classify train`, see `train.ts`), written to CROSSGATE_HOME/models and never part
 * of the repository. Training computes each listing's evidence leave-one-out, so that the neighbour
 * features look as they will for a listing the memory has never seen.
 */

/** Evidence features of one candidate line, in this order (the model's weights are keyed by name). */
export const FEATURES = [
  /** BM25 of the line's hierarchy-expanded text, relative to the best line. */
  'lexical',
  /** The line's BM25 relative to the best line of its heading (chooses within a heading). */
  'lexicalInHeading',
  /** BM25 of the best line of the heading (heading-level evidence). */
  'headingLexical',
  /** 1 for the lexically best line of its heading. */
  'bestInHeading',
  /** TF-IDF similarity to the labelled items of the heading, relative to the best heading. */
  'centroid4',
  /** The same at 6 digits. */
  'centroid6',
  /** Squared similarities of the nearest labelled items voting for the line at 10, 8, 6 and 4 digits. */
  'votes10',
  'votes8',
  'votes6',
  'votes4',
  /** Similarity of the most similar labelled item sharing the line's 6 (4) digits. */
  'nearest6',
  'nearest4',
  /** Sum of the positive (negative) boosts of the rules that apply to the line. */
  'rulesFor',
  'rulesAgainst',
  /** +1 when the listing's price (stated voltage) fits the line's band, −1 when outside, 0 when unknown. */
  'valueBand',
  'voltageBand',
  /**
   * +1 when the line's own text (below the heading) names a material the listing's material attributes
   * state ("of cotton", "of plastics"), −1 when it names only others, 0 when either says nothing.
   */
  'material',
  /** 1 for a residual "Other" line. */
  'other',
  /** log(1 + n): how many of the organisation's own (US, 10-digit) labelled items share the line's 10/6/4 digits. */
  'prior10',
  'prior6',
  'prior4',
] as const;
export type Feature = (typeof FEATURES)[number];

/** How each feature is reported in the evidence's score components. */
export const COMPONENT: Record<Feature, 'lexical' | 'heading' | 'neighbours' | 'rules'> = {
  lexical: 'lexical',
  lexicalInHeading: 'lexical',
  headingLexical: 'heading',
  bestInHeading: 'heading',
  centroid4: 'neighbours',
  centroid6: 'neighbours',
  votes10: 'neighbours',
  votes8: 'neighbours',
  votes6: 'neighbours',
  votes4: 'neighbours',
  nearest6: 'neighbours',
  nearest4: 'neighbours',
  rulesFor: 'rules',
  rulesAgainst: 'rules',
  valueBand: 'rules',
  voltageBand: 'rules',
  material: 'rules',
  other: 'lexical',
  prior10: 'neighbours',
  prior6: 'neighbours',
  prior4: 'neighbours',
};

/**
 * The built-in weights, used when no trained model is installed. Chosen by reasoning, NOT fitted to any
 * data: each feature is on a 0–1 (or ±1) scale where more means "more evidence for this line", so every
 * piece of positive evidence weighs 1 (the neighbour votes are cumulative over 10/8/6/4 digits, so a
 * neighbour agreeing to 10 digits counts four times). The ruleset is one body of evidence, reviewed and
 * tested, and its boosts are small (0.3–1.5): its two features weigh 3 each, as much as the tariff text's
 * evidence for a line against other headings, which comes in three features of up to 1 (`lexical`,
 * `headingLexical`, `bestInHeading`); at weight 1 a rule that names the goods was outvoted by lexical
 * noise. (Checked on the HSCodeComp dev part with the first 249 rules of ruleset 2026.11-r5: built-in
 * 10-digit top-1 31.1 → 36.1 %; 3 is that count of features, not a fitted value.) Residual "Other" lines
 * and the organisation's code-frequency priors get 0 (no reason to favour or disfavour them before data
 * says so). The softmax of these scores is a confidence that is not
 * calibrated; a trained model (`crossgate classify train`) is.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<Feature, number>> = {
  lexical: 1,
  lexicalInHeading: 1,
  headingLexical: 1,
  bestInHeading: 1,
  centroid4: 1,
  centroid6: 1,
  votes10: 1,
  votes8: 1,
  votes6: 1,
  votes4: 1,
  nearest6: 1,
  nearest4: 1,
  rulesFor: 3,
  rulesAgainst: 3,
  valueBand: 1,
  voltageBand: 1,
  material: 1,
  other: 0,
  prior10: 0,
  prior6: 0,
  prior4: 0,
};

/** The version name of the built-in weights (a trained model may not use it). */
export const DEFAULT_VERSION = 'default';
export const MODEL_FORMAT = 'crossgate.classify-ranker/1';

const modelSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z
    .string()
    .min(1)
    .refine((v) => v !== DEFAULT_VERSION, `"${DEFAULT_VERSION}" names the built-in weights`),
  trainedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date'),
  source: z.string().min(1),
  command: z.string().min(1),
  training: z.object({ items: z.number().int().positive(), l2: z.number().nonnegative() }),
  /** The features the model was trained on, in order: must be this version's (else retrain). */
  features: z
    .array(z.string())
    .refine(
      (f) => f.length === FEATURES.length && f.every((x, j) => x === FEATURES[j]),
      'the model was trained for another feature set: retrain it with `crossgate classify train`',
    ),
  weights: z.record(z.enum(FEATURES), z.number().finite()),
});
export type RankerModelData = z.infer<typeof modelSchema>;

/** A re-ranker: the built-in defaults, or a validated trained model (weights in feature order). */
export class RankerModel {
  readonly version: string;
  readonly weights: Float64Array;
  /** The trained model's file content (provenance); undefined for the built-in defaults. */
  readonly data: RankerModelData | undefined;

  private constructor(version: string, weights: Record<Feature, number>, data: RankerModelData | undefined) {
    this.version = version;
    this.weights = Float64Array.from(FEATURES, (f) => weights[f]);
    this.data = data;
  }

  /** The built-in weights (`DEFAULT_WEIGHTS`), version "default". */
  static readonly DEFAULT: RankerModel = new RankerModel(DEFAULT_VERSION, DEFAULT_WEIGHTS, undefined);

  /** Validates a trained model's content; throws an `invalid` AppError naming `where` and the issues. */
  static fromData(raw: unknown, where = 'The re-ranker model'): RankerModel {
    const parsed = modelSchema.safeParse(raw);
    if (!parsed.success)
      throw invalid(
        `${where} is not valid; retrain it with \`crossgate classify train\` or remove it to use the built-in weights`,
        issuesFromZod(parsed.error),
      );
    return new RankerModel(parsed.data.version, parsed.data.weights, parsed.data);
  }

  score(x: Float64Array): number {
    let s = 0;
    for (let j = 0; j < x.length; j++) s += this.weights[j]! * x[j]!;
    return s;
  }
}

/** Where an installation's trained model lives. */
export const rankerModelPath = (homeDir: string) => path.join(homeDir, 'models', 'classify-ranker.json');

/**
 * Reads a trained model file: undefined when there is none; an `invalid` error when it is there but
 * unreadable or not valid (never a silent fall back to the defaults).
 */
export function readRankerModel(file: string): RankerModel | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(
      `The re-ranker model ${file} is not JSON (${(err as Error).message}); retrain it with \`crossgate classify train\` or remove it to use the built-in weights`,
    );
  }
  return RankerModel.fromData(raw, `The re-ranker model ${file}`);
}

/** Writes a trained model (creating the folder), atomically: a reader never sees half a file. */
export function writeRankerModel(file: string, model: RankerModel): void {
  if (!model.data) throw new Error('the built-in weights are not written to a file');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(model.data, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** One labelled listing's candidates, as the classifier scored them, and its confirmed code. */
export interface TrainingExample {
  codes: string[];
  features: Float64Array[];
  gold: string;
}

export interface TrainOptions {
  /** L2 penalty on the (standardised) weights. */
  l2?: number;
  iterations?: number;
  /** Weight of the log-likelihood of the gold code's mass at each number of digits. */
  levels?: Partial<Record<4 | 6 | 10, number>>;
}

/**
 * Fits the weights by maximising the likelihood of the confirmed code under the softmax over each
 * listing's candidates, at 10, 6 and 4 digits (the mass of the candidates sharing the gold prefix), with
 * an L2 penalty; full-batch Adam on standardised features. Deterministic. Returns weights per feature.
 */
export function trainRanker(examples: TrainingExample[], opts: TrainOptions = {}): Record<Feature, number> {
  const l2 = opts.l2 ?? 0.01;
  const iterations = opts.iterations ?? 400;
  const levels = Object.entries(opts.levels ?? { 10: 1, 6: 1, 4: 0.5 }).map(
    ([d, lambda]) => [Number(d), lambda] as const,
  );
  const nf = FEATURES.length;
  // Standardise (the softmax is shift-invariant per listing, so only the scale matters).
  const mean = new Float64Array(nf);
  const sq = new Float64Array(nf);
  let rows = 0;
  for (const ex of examples)
    for (const x of ex.features) {
      rows++;
      for (let j = 0; j < nf; j++) {
        mean[j]! += x[j]!;
        sq[j]! += x[j]! * x[j]!;
      }
    }
  const scale = new Float64Array(nf);
  for (let j = 0; j < nf; j++) {
    const m = rows ? mean[j]! / rows : 0;
    const sd = rows ? Math.sqrt(Math.max(0, sq[j]! / rows - m * m)) : 0;
    scale[j] = sd > 1e-9 ? 1 / sd : 0;
  }
  // Gold sets per level, once.
  const usable = examples
    .map((ex) => ({
      ex,
      gold: levels.map(([d, lambda]) => ({
        lambda,
        idx: ex.codes.flatMap((c, i) => (c.slice(0, d) === ex.gold.slice(0, d) ? [i] : [])),
      })),
    }))
    .filter((u) => u.gold.some((g) => g.idx.length > 0));

  const w = new Float64Array(nf);
  const m1 = new Float64Array(nf);
  const m2 = new Float64Array(nf);
  const grad = new Float64Array(nf);
  const lr = 0.05;
  for (let it = 1; it <= iterations; it++) {
    grad.fill(0);
    for (const { ex, gold } of usable) {
      const n = ex.codes.length;
      const s = new Float64Array(n);
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        let v = 0;
        const x = ex.features[i]!;
        for (let j = 0; j < nf; j++) v += w[j]! * x[j]! * scale[j]!;
        s[i] = v;
        if (v > max) max = v;
      }
      let z = 0;
      for (let i = 0; i < n; i++) {
        s[i] = Math.exp(s[i]! - max);
        z += s[i]!;
      }
      for (let i = 0; i < n; i++) s[i]! /= z;
      // d/dw log(sum_{g in G} p_g) = E_{p | G}[x] - E_p[x]
      for (const { lambda, idx } of gold) {
        if (idx.length === 0) continue;
        let mass = 0;
        for (const i of idx) mass += s[i]!;
        if (mass <= 0) continue;
        for (const i of idx) {
          const x = ex.features[i]!;
          const c = (lambda * s[i]!) / mass;
          for (let j = 0; j < nf; j++) grad[j]! += c * x[j]! * scale[j]!;
        }
        for (let i = 0; i < n; i++) {
          const x = ex.features[i]!;
          const c = lambda * s[i]!;
          for (let j = 0; j < nf; j++) grad[j]! -= c * x[j]! * scale[j]!;
        }
      }
    }
    for (let j = 0; j < nf; j++) {
      const g = grad[j]! / Math.max(1, usable.length) - 2 * l2 * w[j]!;
      m1[j] = 0.9 * m1[j]! + 0.1 * g;
      m2[j] = 0.999 * m2[j]! + 0.001 * g * g;
      const mh = m1[j]! / (1 - 0.9 ** it);
      const vh = m2[j]! / (1 - 0.999 ** it);
      w[j]! += (lr * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return Object.fromEntries(FEATURES.map((f, j) => [f, round6(w[j]! * scale[j]!)])) as Record<
    Feature,
    number
  >;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
