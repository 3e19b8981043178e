import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ruleset, hasWords, ruleSubject } from './rules.ts';
import { loadRuleset } from './ruleset.ts';
import { tokenize } from './text.ts';
import { parseHtsCsv } from '../hts-format.ts';
import path from 'node:path';

describe('classification ruleset (rules as data)', () => {
  const rs = loadRuleset();

  it('loads, validates and has a version and a dated source', () => {
    assert.match(rs.version, /^\d{4}\.\d{2}-r\d+$/);
    assert.match(rs.data.validFrom, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(rs.rules.length >= 20);
  });

  // Every rule carries its own examples: it must fire on the positive ones and not on the negative ones.
  for (const r of rs.rules) {
    it(`rule ${r.rule.id} fires exactly on its examples`, () => {
      for (const ex of r.rule.examples) {
        const fired = r.test(ruleSubject(ex.title, ex.category ?? [], ex.attributes ?? {}));
        assert.equal(fired, ex.fires, `${r.rule.id} on "${ex.title}" should ${ex.fires ? '' : 'not '}fire`);
      }
    });
  }

  it('is the output of its authoring form (classification-rules.json is generated, never edited by hand)', () => {
    const generator = new URL('../rules/generate-ruleset.mjs', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [generator], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    assert.equal(r.status, 0, r.stderr);
    const committed = fs.readFileSync(new URL('../rules/classification-rules.json', import.meta.url), 'utf8');
    assert.deepEqual(JSON.parse(committed), JSON.parse(r.stdout), 'run `npm run generate:rules`');
  });

  it('refuses an invalid ruleset with every issue named', () => {
    const bad = { ...rs.data, rules: [{ ...rs.data.rules[0]!, id: 'Bad Id', effects: [{ boost: 9 }] }] };
    assert.throws(
      () => new Ruleset(bad),
      (err: { code?: string; issues?: Array<{ field: string }> }) => {
        assert.equal(err.code, 'invalid');
        const fields = (err.issues ?? []).map((i) => i.field);
        assert.ok(fields.includes('rules.0.id'));
        assert.ok(fields.some((f) => f.startsWith('rules.0.effects.0')));
        return true;
      },
    );
  });

  it('matches attribute values by whole words ("men" is not in "Women")', () => {
    const men = rs.rules.find((r) => r.rule.id === 'gender-men')!;
    const women = rs.rules.find((r) => r.rule.id === 'gender-women')!;
    const subject = ruleSubject('Bodycon dress', [], { Gender: 'Women' });
    assert.equal(men.test(subject), false);
    assert.equal(women.test(subject), true);
  });

  it('matches a rule phrase with all its words, stop words and long numbers included', () => {
    const base = rs.data.rules[0]!;
    const ruleOn = (words: string[]) =>
      new Ruleset({ ...rs.data, rules: [{ ...base, when: { kind: 'text', words } }] }).rules[0]!;
    const fires = (words: string[], title: string) => ruleOn(words).test(ruleSubject(title, [], {}));
    // "shipping" and "high" are stop words of the tariff search: the phrase must not shrink to "bag"/"top".
    assert.equal(fires(['shipping bag'], 'Poly Shipping Bags 100pcs'), true);
    assert.equal(fires(['shipping bag'], 'Canvas Tote Bag'), false);
    assert.equal(fires(['high top'], 'High Top Canvas Sneakers'), true);
    assert.equal(fires(['high top'], 'Crop Top Women'), false);
    // Numbers of three or more digits are words; one- or two-digit counts and versions do not break a phrase.
    assert.equal(fires(['silver 925'], 'Ring Silver 925 Stamped'), true);
    assert.equal(fires(['silver 925'], 'Silver Color Alloy Ring'), false);
    assert.equal(fires(['18650'], '18650 Battery 3.7V Rechargeable'), true);
    assert.equal(fires(['wifi router'], 'Dual Band WiFi 6 Router'), true);
    // A phrase never spans two levels of the category path.
    const inCategory = (words: string[], category: string[]) =>
      ruleOn(words).test(ruleSubject('Embroidery starter kit', category, {}));
    assert.equal(inCategory(['sewing needle'], ['Arts, Crafts & Sewing', 'Needle Arts & Craft']), false);
    assert.equal(inCategory(['sewing needle'], ['Arts, Crafts & Sewing', 'Sewing Needles']), true);
  });

  it('reads the category path in a text condition but not in a title condition', () => {
    const base = rs.data.rules[0]!;
    const ruleOf = (kind: 'text' | 'title') =>
      new Ruleset({ ...rs.data, rules: [{ ...base, when: { kind, words: ['linen'] } }] }).rules[0]!;
    // Tablecloths are listed under "Table & Sofa Linens": the category says nothing of their material.
    const tablecloth = ruleSubject('PVC Tablecloth', ['Home Textile', 'Table & Sofa Linens'], {});
    assert.equal(ruleOf('title').test(tablecloth), false);
    assert.equal(ruleOf('text').test(tablecloth), true);
    assert.equal(ruleOf('title').test(ruleSubject('Cotton Linen Tablecloth', [], {})), true);
  });

  it('refuses a rule word that has nothing to match', () => {
    const base = rs.data.rules[0]!;
    assert.throws(
      () => new Ruleset({ ...rs.data, rules: [{ ...base, when: { kind: 'text', words: ['--'] } }] }),
      /"--" has no word the classifier can match/,
    );
    assert.throws(
      () =>
        new Ruleset({
          ...rs.data,
          rules: [{ ...base, effects: [{ lineWords: ['of the'], boost: 0.5 }] }],
        }),
      new RegExp(`Rule ${base.id} \\(line words\\): "of the"`),
    );
  });

  it('fires, through its word index, exactly the rules whose conditions hold (every example of every rule)', () => {
    let fired = 0;
    for (const r of rs.rules)
      for (const ex of r.rule.examples) {
        const s = ruleSubject(ex.title, ex.category ?? [], ex.attributes ?? {});
        const indexed = rs.fire(s).map((x) => x.rule.id);
        assert.deepEqual(
          indexed,
          rs.rules.filter((x) => x.test(s)).map((x) => x.rule.id),
          `on "${ex.title}"`,
        );
        fired += indexed.length;
      }
    assert.ok(fired > rs.rules.length, 'the examples fire rules');
  });

  it('indexes conditions that need no particular word (a lone "not") so that they still fire', () => {
    const base = rs.data.rules[0]!;
    const when = (w: unknown) => new Ruleset({ ...rs.data, rules: [{ ...base, when: w }] });
    const notToy = when({ kind: 'not', of: { kind: 'text', words: ['toy'] } });
    assert.equal(notToy.fire(ruleSubject('Cotton scarf', [], {})).length, 1);
    assert.equal(notToy.fire(ruleSubject('Toy scarf', [], {})).length, 0);
    // all(): any one part's words are necessary; any(): one part without words makes the whole untriggered.
    const scarfNotToy = when({
      kind: 'all',
      of: [
        { kind: 'not', of: { kind: 'text', words: ['toy'] } },
        { kind: 'attribute', key: 'material', values: ['silk'] },
      ],
    });
    assert.equal(scarfNotToy.fire(ruleSubject('Scarf', [], { Material: 'Silk' })).length, 1);
    assert.equal(scarfNotToy.fire(ruleSubject('Silk scarf', [], {})).length, 0);
    const anyNot = when({
      kind: 'any',
      of: [
        { kind: 'text', words: ['scarf'] },
        { kind: 'not', of: { kind: 'text', words: ['toy'] } },
      ],
    });
    assert.equal(anyNot.fire(ruleSubject('Hat', [], {})).length, 1);
  });

  it('refuses two rules with the same id', () => {
    assert.throws(
      () => new Ruleset({ ...rs.data, rules: [rs.data.rules[0], rs.data.rules[0]] }),
      /defined twice/,
    );
  });
});

describe('line words and materials', () => {
  const rs = loadRuleset();

  it('matches a multi-word line word as a phrase, never word by word', () => {
    const synthetic = rs.rules.find((r) => r.rule.id === 'fibre-synthetic')!;
    const effect = synthetic.effects.find((e) => e.boost > 0)!.lineWords!;
    const line = (text: string) => {
      const t = tokenize(text);
      return hasWords(new Set(t), ` ${t.join(' ')} `, effect);
    };
    assert.equal(line("Of man-made fibers: Women's"), true);
    assert.equal(line("Of cotton: Men's or boys'"), false);
  });

  it("reads the material a listing's material attributes state, ignoring minor components", () => {
    const m = rs.materials;
    const cotton = m.namedBy(['Of cotton']);
    const synthetic = m.namedBy(['Of synthetic fibers']);
    assert.ok(cotton && synthetic && (cotton & synthetic) === 0);
    assert.ok(m.stated({ Material: 'POLYESTER,Spandex' }) & synthetic);
    assert.equal(m.stated({ Material: 'POLYESTER' }) & cotton, 0);
    assert.equal(m.stated({ 'Lining Material': 'Cotton', 'Brand Name': 'Cotton Club' }), 0);
    assert.ok(m.stated({ 'Metals Type': 'Stainless Steel' }) & m.namedBy(['Of base metal']));
    assert.equal(m.namedBy(['Rings']), 0);
    const textile = m.namedBy(['Of textile material']);
    assert.ok(textile & m.stated({ Material: 'Nylon' }) && textile & m.stated({ Material: 'Cotton' }));
    assert.equal(textile & m.stated({ Material: 'Silicone' }), 0);
  });

  it('reads a material value longest phrase first, so "PU leather" is plastics and not leather', () => {
    const m = rs.materials;
    const leather = m.namedBy(['Of leather']);
    const plastics = m.namedBy(['Of plastics']);
    const rubber = m.namedBy(['Of rubber']);
    assert.ok(leather && plastics && rubber);
    assert.equal(m.stated({ Material: 'PU Leather' }) & leather, 0);
    assert.ok(m.stated({ Material: 'PU Leather' }) & plastics);
    assert.ok(m.stated({ Material: 'Genuine Leather' }) & leather);
    // Two materials in one value are both read; a word two classes share is both.
    assert.ok(m.stated({ Material: 'PU Leather, Cowhide' }) & leather);
    assert.equal(m.stated({ Material: 'Silicone Rubber' }) & plastics, 0);
    const acrylic = m.stated({ Material: 'Acrylic' });
    assert.ok(acrylic & plastics && acrylic & m.namedBy(['Of synthetic fibers']));
  });
});

const ref = process.env.CROSSGATE_REFERENCE_DIR;
const rev4 = ref && path.join(ref, 'tariff/us-hts-2026-rev4.csv');
describe('the ruleset against the tariff it was written for (reference data)', {
  skip: rev4 && fs.existsSync(rev4) ? false : 'CROSSGATE_REFERENCE_DIR has no HTS 2026 Revision 4',
}, () => {
  it('points every effect at codes that exist (a mistyped prefix would never apply)', () => {
    const codes = parseHtsCsv(fs.readFileSync(rev4!)).map((l) => l.code);
    const missing = loadRuleset().rules.flatMap((r) =>
      r.rule.effects.flatMap((e) =>
        (e.prefixes ?? [])
          .filter((p) => !codes.some((c) => c.startsWith(p)))
          .map((p) => `${r.rule.id}: ${p}`),
      ),
    );
    assert.deepEqual(missing, []);
  });
});
