import { z } from 'zod';
import { invalid, issuesFromZod } from '../../../platform/errors.ts';
import { ruleTokens, tokenize } from './text.ts';

/**
 * Classification rules as typed data (STYLE.md "rules as typed data"): conditions on the listing
 * (words in title/description/category, attribute values) that add evidence for or against parts of the
 * tariff (a chapter, heading or subheading prefix; or lines whose text says e.g. "women's" or "knitted").
 * In the spirit of the General Rules of Interpretation and the section/chapter notes: each rule names
 * its legal basis. A ruleset is versioned and immutable once published; every classification records
 * the version it used.
 */

export type Condition =
  /** Words in the title, the description or the category path. */
  | { kind: 'text'; words: string[] }
  /** Words in the title or the description only (not the category path, whose names are broad). */
  | { kind: 'title'; words: string[] }
  | { kind: 'category'; words: string[] }
  | { kind: 'attribute'; key: string; values: string[] }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition };

const condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), words: z.array(z.string().min(1)).min(1) }),
    z.object({ kind: z.literal('title'), words: z.array(z.string().min(1)).min(1) }),
    z.object({ kind: z.literal('category'), words: z.array(z.string().min(1)).min(1) }),
    z.object({
      kind: z.literal('attribute'),
      key: z.string().min(1),
      values: z.array(z.string().min(1)).min(1),
    }),
    z.object({ kind: z.literal('all'), of: z.array(condition).min(1) }),
    z.object({ kind: z.literal('any'), of: z.array(condition).min(1) }),
    z.object({ kind: z.literal('not'), of: condition }),
  ]),
);

const effect = z
  .object({
    /** Applies to lines whose code starts with one of these (chapter, heading or subheading). */
    prefixes: z
      .array(z.string().regex(/^\d{2,10}$/))
      .min(1)
      .optional(),
    /** Applies only to lines whose hierarchy text contains one of these words (e.g. "women", "knitted"). */
    lineWords: z.array(z.string().min(1)).min(1).optional(),
    /** Added to the line's score; negative to argue against. */
    boost: z.number().min(-5).max(5),
    /**
     * Re-orders lines among their siblings without changing how their group ranks against others: the
     * group (the lines under the longest prefix the rule's `within` effects share, at least the
     * subheading) keeps its best line's score (for choosing a statistical line, e.g. the residual "Other").
     */
    within: z.boolean().optional(),
  })
  .refine((e) => e.prefixes || e.lineWords, 'an effect needs prefixes or lineWords');

const example = z.object({
  title: z.string(),
  attributes: z.record(z.string(), z.string()).optional(),
  category: z.array(z.string()).optional(),
  fires: z.boolean(),
});

export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(1),
  /** Legal basis: GRI, section/chapter note, heading text. */
  basis: z.string().min(1),
  when: condition,
  effects: z.array(effect).min(1),
  /** Listings the rule must (and must not) fire on: the rule's own tests. */
  examples: z.array(example).min(2),
});
export type Rule = z.infer<typeof ruleSchema>;

/**
 * Materials as the tariff's text names them ("of cotton", "of synthetic fibers", "of plastics", "of base
 * metal"…) and the words a listing states them with. The classifier compares the materials a listing's
 * material attributes state with those a candidate line's own text (below the heading) names.
 */
const materialClass = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Words in the listing's material attributes that state this material. */
  listing: z.array(z.string().min(1)).min(1),
  /** Words in a tariff line's text (heading excluded) that name it. */
  tariff: z.array(z.string().min(1)).min(1),
});
const materialsSchema = z.object({
  basis: z.string().min(1),
  /** Attribute keys (substrings, case-insensitive) whose values state the goods' material. */
  keys: z.array(z.string().min(1)).min(1),
  /** Attribute keys (substrings) that name a minor component's material (lining, insole…): ignored. */
  ignoreKeys: z.array(z.string().min(1)),
  /** At most 31: a line's and a listing's materials are compared as bit sets. */
  classes: z.array(materialClass).min(1).max(31),
});
export type MaterialsData = z.infer<typeof materialsSchema>;

export const rulesetSchema = z.object({
  version: z.string().min(1),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  validTo: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  source: z.string().min(1),
  synonyms: z.record(z.string(), z.array(z.string())),
  materials: materialsSchema.optional(),
  rules: z.array(ruleSchema),
});
export type RulesetData = z.infer<typeof rulesetSchema>;

/** What a rule sees of a listing: its analysed text, category and attributes. */
export interface RuleSubject {
  textTokens: ReadonlySet<string>;
  textJoined: string;
  categoryTokens: ReadonlySet<string>;
  categoryJoined: string;
  /** Attribute keys (lower-cased) with their values' tokens, analysed once per listing. */
  attributes: ReadonlyArray<{ key: string; tokens: ReadonlySet<string>; joined: string }>;
}

/**
 * Words as a matcher: one-token words looked up in a token set, longer ones as phrases in the joined text
 * (searched only when the phrase's rarest-looking word, its longest, is among the tokens).
 */
export interface CompiledWords {
  single: string[];
  phrases: Array<{ key: string; text: string }>;
}
/**
 * Compiles words with the tokenizer of the text they will be matched against (`ruleTokens` for listings,
 * `tokenize` for tariff text). A word that tokenizes to nothing could never match: the ruleset is refused.
 */
const compileWords = (words: string[], tok: (text: string) => string[], where: string): CompiledWords => {
  const single: string[] = [];
  const phrases: Array<{ key: string; text: string }> = [];
  for (const w of words) {
    const t = tok(w);
    if (t.length === 0) throw invalid(`${where}: "${w}" has no word the classifier can match`);
    if (t.length === 1) single.push(t[0]!);
    else phrases.push({ key: t.reduce((a, b) => (b.length > a.length ? b : a)), text: ` ${t.join(' ')} ` });
  }
  return { single, phrases };
};
export const hasWords = (tokens: ReadonlySet<string>, joined: string, w: CompiledWords) =>
  w.single.some((s) => tokens.has(s)) || w.phrases.some((p) => tokens.has(p.key) && joined.includes(p.text));

type Test = (s: RuleSubject) => boolean;
/**
 * A compiled condition: its test, and the tokens at least one of which a listing must have for it to hold
 * (undefined when it can hold without any, e.g. a lone `not`). The ruleset indexes rules by these, so that
 * a listing tests only the rules its words can fire and firing cost does not grow with the ruleset.
 */
interface Compiled {
  test: Test;
  triggers: ReadonlySet<string> | undefined;
}
const triggersOf = (w: CompiledWords) => new Set([...w.single, ...w.phrases.map((p) => p.key)]);

/** Compiles a rule's condition; `where` names the rule in errors. */
function compile(c: Condition, where: string): Compiled {
  switch (c.kind) {
    case 'text': {
      const w = compileWords(c.words, ruleTokens, where);
      return {
        test: (s) =>
          hasWords(s.textTokens, s.textJoined, w) || hasWords(s.categoryTokens, s.categoryJoined, w),
        triggers: triggersOf(w),
      };
    }
    case 'title': {
      const w = compileWords(c.words, ruleTokens, where);
      return { test: (s) => hasWords(s.textTokens, s.textJoined, w), triggers: triggersOf(w) };
    }
    case 'category': {
      const w = compileWords(c.words, ruleTokens, where);
      return { test: (s) => hasWords(s.categoryTokens, s.categoryJoined, w), triggers: triggersOf(w) };
    }
    case 'attribute': {
      // Whole words of the value, so that "men" does not match "Women".
      const key = c.key.toLowerCase();
      const w = compileWords(c.values, ruleTokens, where);
      return {
        test: (s) => s.attributes.some((a) => a.key.includes(key) && hasWords(a.tokens, a.joined, w)),
        triggers: triggersOf(w),
      };
    }
    case 'all': {
      const parts = c.of.map((x) => compile(x, where));
      const tests = parts.map((p) => p.test);
      // Every part must hold: the smallest trigger set of any part is necessary.
      const sets = parts.flatMap((p) => (p.triggers ? [p.triggers] : []));
      return {
        test: (s) => tests.every((t) => t(s)),
        triggers: sets.length ? sets.reduce((a, b) => (b.size < a.size ? b : a)) : undefined,
      };
    }
    case 'any': {
      const parts = c.of.map((x) => compile(x, where));
      const tests = parts.map((p) => p.test);
      // One part must hold: the union of the parts' triggers, unless one part needs none.
      return {
        test: (s) => tests.some((t) => t(s)),
        triggers: parts.every((p) => p.triggers)
          ? new Set(parts.flatMap((p) => [...p.triggers!]))
          : undefined,
      };
    }
    case 'not': {
      const inner = compile(c.of, where).test;
      return { test: (s) => !inner(s), triggers: undefined };
    }
  }
}

export interface CompiledEffect {
  prefixes: string[] | undefined;
  /** Re-orders lines among their siblings only (see the schema and `CompiledRule.withinDigits`). */
  within: boolean;
  /** Multi-word entries ("man-made", "covering the ankle") match as phrases, not word by word. */
  lineWords: CompiledWords | undefined;
  boost: number;
}
export interface CompiledRule {
  rule: Rule;
  test: Test;
  effects: CompiledEffect[];
  /** The chapters (2 digits) its effects can touch; undefined when an effect has no prefixes (any line). */
  chapters: ReadonlySet<string> | undefined;
  /**
   * How many digits its `within` effects' prefixes share (at least 6): their lines are re-ordered among
   * the candidates under that common prefix, which keeps its best score.
   */
  withinDigits: number;
}

/** The material table, compiled: which materials a listing states, and which a line's text names. */
export class Materials {
  private readonly keys: string[];
  private readonly ignore: string[];
  /** Each class's words as the tariff's text names it (the schema allows at most 31 classes). */
  private readonly classes: Array<{ id: string; tariff: CompiledWords }>;
  /** Every class's listing phrases as tokens with the class's bit, in groups of one length, longest first. */
  private readonly listingPhrases: Array<Array<{ words: string[]; bit: number }>>;

  constructor(data: MaterialsData | undefined) {
    this.keys = (data?.keys ?? []).map((k) => k.toLowerCase());
    this.ignore = (data?.ignoreKeys ?? []).map((k) => k.toLowerCase());
    this.classes = (data?.classes ?? []).map((c) => ({
      id: c.id,
      tariff: compileWords(c.tariff, tokenize, `Material ${c.id}`),
    }));
    const byLength = new Map<number, Array<{ words: string[]; bit: number }>>();
    (data?.classes ?? []).forEach((c, i) => {
      for (const w of c.listing) {
        const words = ruleTokens(w);
        if (words.length === 0)
          throw invalid(`Material ${c.id}: "${w}" has no word the classifier can match`);
        byLength.set(words.length, [...(byLength.get(words.length) ?? []), { words, bit: 1 << i }]);
      }
    });
    this.listingPhrases = [...byLength].sort((a, b) => b[0] - a[0]).map(([, group]) => group);
  }

  /**
   * The materials the listing's material attributes state (bit set; 0 when none). Each value is read
   * longest phrase first: words a longer phrase of another class has taken are not read again, so "PU
   * leather" is plastics and not leather, "silicone rubber" rubber and not plastics.
   */
  stated(attributes: Readonly<Record<string, string>>): number {
    let bits = 0;
    for (const [k0, v] of Object.entries(attributes)) {
      const k = k0.trim().toLowerCase();
      if (!this.keys.some((x) => k.includes(x)) || this.ignore.some((x) => k.includes(x))) continue;
      const tokens = ruleTokens(String(v ?? ''));
      const taken = new Array<boolean>(tokens.length).fill(false);
      // The phrases of one length are read together (a word two classes share, "acrylic", is both); the
      // words they match are then taken from the shorter phrases.
      for (const group of this.listingPhrases) {
        const claimed: number[] = [];
        for (const { words, bit } of group)
          for (let i = 0; i + words.length <= tokens.length; i++) {
            if (!words.every((w, j) => tokens[i + j] === w && !taken[i + j])) continue;
            for (let j = 0; j < words.length; j++) claimed.push(i + j);
            bits |= bit;
          }
        for (const i of claimed) taken[i] = true;
      }
    }
    return bits;
  }

  /** The materials a line's own text (below the heading) names (bit set; 0 when none). */
  namedBy(lineText: readonly string[]): number {
    return this.namedIn(tokenize(lineText.join(' ; ')));
  }

  /** The same for a text already tokenized (`tokenize`). */
  namedIn(tokens: readonly string[]): number {
    if (tokens.length === 0) return 0;
    const set = new Set(tokens);
    const joined = ` ${tokens.join(' ')} `;
    let bits = 0;
    this.classes.forEach((c, i) => {
      if (hasWords(set, joined, c.tariff)) bits |= 1 << i;
    });
    return bits;
  }
}

/** The length of the common prefix of a rule's `within` effects' prefixes (at least 6; 6 when none). */
function withinDigitsOf(effects: Rule['effects']): number {
  const ps = [...new Set(effects.filter((e) => e.within).flatMap((e) => e.prefixes ?? []))];
  // One line (or prefix) alone is chosen among the lines of its subheading: a group of itself would move nothing.
  if (ps.length <= 1 || effects.some((e) => e.within && !e.prefixes)) return 6;
  let n = Math.min(...ps.map((p) => p.length));
  while (n > 6 && !ps.every((p) => p.startsWith(ps[0]!.slice(0, n)))) n--;
  return Math.max(6, n);
}

/** A validated, compiled ruleset. Loading fails with every schema issue named. */
export class Ruleset {
  readonly version: string;
  readonly data: RulesetData;
  readonly rules: CompiledRule[];
  readonly materials: Materials;
  /** Rule numbers by the tokens that can fire them, and the rules that need no particular token. */
  private readonly byTrigger = new Map<string, number[]>();
  private readonly untriggered: number[] = [];

  constructor(raw: unknown) {
    const parsed = rulesetSchema.safeParse(raw);
    if (!parsed.success)
      throw invalid('The classification ruleset is not valid', issuesFromZod(parsed.error));
    const ids = new Set<string>();
    for (const r of parsed.data.rules) {
      if (ids.has(r.id)) throw invalid(`Rule ${r.id} is defined twice`);
      ids.add(r.id);
    }
    this.data = parsed.data;
    this.version = parsed.data.version;
    this.materials = new Materials(parsed.data.materials);
    this.rules = parsed.data.rules.map((rule, n) => {
      const { test, triggers } = compile(rule.when, `Rule ${rule.id}`);
      if (!triggers) this.untriggered.push(n);
      else
        for (const t of triggers) {
          const list = this.byTrigger.get(t);
          if (list) list.push(n);
          else this.byTrigger.set(t, [n]);
        }
      return {
        rule,
        test,
        withinDigits: withinDigitsOf(rule.effects),
        chapters: rule.effects.every((e) => e.prefixes)
          ? new Set(rule.effects.flatMap((e) => e.prefixes!.map((p) => p.slice(0, 2))))
          : undefined,
        effects: rule.effects.map((e) => ({
          prefixes: e.prefixes,
          within: e.within ?? false,
          lineWords: e.lineWords
            ? compileWords(e.lineWords, tokenize, `Rule ${rule.id} (line words)`)
            : undefined,
          boost: e.boost,
        })),
      };
    });
  }

  /** The rules that fire for a listing, in ruleset order (only those its tokens can trigger are tested). */
  fire(subject: RuleSubject): CompiledRule[] {
    const maybe = new Set(this.untriggered);
    const add = (tokens: ReadonlySet<string>) => {
      for (const t of tokens) for (const n of this.byTrigger.get(t) ?? []) maybe.add(n);
    };
    add(subject.textTokens);
    add(subject.categoryTokens);
    for (const a of subject.attributes) add(a.tokens);
    return [...maybe]
      .sort((a, b) => a - b)
      .map((n) => this.rules[n]!)
      .filter((r) => r.test(subject));
  }
}

/** Builds the subject rules see from the listing's parts. */
export function ruleSubject(
  text: string,
  category: readonly string[],
  attributes: Readonly<Record<string, string>>,
): RuleSubject {
  const tt = ruleTokens(text);
  // Each level of the category path on its own: a phrase never spans two levels ("Arts, Crafts & Sewing >
  // Needle Arts" does not say "sewing needle").
  const levels = category.map((c) => ruleTokens(c));
  return {
    textTokens: new Set(tt),
    textJoined: ` ${tt.join(' ')} `,
    categoryTokens: new Set(levels.flat()),
    categoryJoined: ` ${levels.map((l) => l.join(' ')).join(' | ')} `,
    attributes: Object.entries(attributes).map(([k, v]) => {
      const t = ruleTokens(String(v));
      return { key: k.trim().toLowerCase(), tokens: new Set(t), joined: ` ${t.join(' ')} ` };
    }),
  };
}
