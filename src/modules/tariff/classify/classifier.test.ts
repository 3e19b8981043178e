import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseHsCsv, parseHtsCsv } from '../hts-format.ts';
import { HsNomenclature, Schedule } from '../schedule.ts';
import { ClassificationMemory, Classifier, TariffIndex, prefixConfidence } from './classifier.ts';
import { loadRuleset } from './ruleset.ts';
import { Ruleset } from './rules.ts';
import { Synonyms, categoryLevels, stem, tokenize } from './text.ts';

const fixture = (n: string) => fs.readFileSync(new URL(`../fixtures/${n}`, import.meta.url));
const index = new TariffIndex(
  new Schedule(parseHtsCsv(fixture('hts-mini-a.csv'))),
  new HsNomenclature('HS2022', parseHsCsv(fixture('hs-mini.csv'))),
);
const classifier = new Classifier(index, loadRuleset());

/** A tariff index over a few USITC CSV rows (the export's header is added). */
const tariffOf = (...rows: string[]) =>
  new TariffIndex(
    new Schedule(
      parseHtsCsv(
        [
          'HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty,Quota Quantity,Additional Duties',
          ...rows,
        ].join('\n'),
      ),
    ),
  );
/** A classifier over a few USITC CSV rows, with the shipped ruleset. */
const classifierOf = (...rows: string[]) => new Classifier(tariffOf(...rows), loadRuleset());

describe('text analysis', () => {
  it('stems plurals, possessives and participles so listing and tariff words meet', () => {
    assert.equal(stem('earrings'), 'earring');
    assert.equal(stem('switches'), 'switch');
    assert.equal(stem('batteries'), 'battery');
    assert.deepEqual(tokenize("Women's Knitted Dresses"), ['woman', 'knit', 'dress']);
  });

  it('reads a marketplace category path without its housekeeping markers or untranslated levels', () => {
    // As AliExpress exports them: full-width brackets mis-decoded, markers, a level left in mis-decoded Chinese.
    assert.deepEqual(
      categoryLevels([
        'Shoes',
        "Women's Shoes",
        "Women's Boots\u951b_o Not Post in This Category\u951b(Obsolete)",
        "Women's Boots(Do Not Post in This Category)",
      ]),
      ['Shoes', "Women's Shoes", "Women's Boots"],
    );
    assert.deepEqual(
      categoryLevels([
        'Jewelry Making',
        'Jewelry Findings & Components\u951b_ew\u951b',
        '\u7053___',
        'Charms (New)',
      ]),
      ['Jewelry Making', 'Jewelry Findings & Components', 'Charms'],
    );
    // Brackets that say something about the goods stay.
    assert.deepEqual(categoryLevels(['Human Wigs (For Black)']), ['Human Wigs (For Black)']);
  });

  it('expands synonyms on stems, so a key must not share its stem with another word ("glasses" is "glass")', () => {
    const synonyms = new Synonyms(loadRuleset().data.synonyms);
    const expanded = (text: string) => synonyms.expand(tokenize(text));
    assert.ok(expanded('Reading Eyeglasses +2.0').includes('spectacle'));
    assert.ok(!expanded('Glass Cartridge Fuse').includes('spectacle'));
    assert.ok(expanded('Pullover Hoodie').includes('sweatshirt'));
  });
});

describe('classifier', () => {
  it('finds the line by hierarchy-expanded tariff text and shows the matched text', () => {
    const r = classifier.classify({ title: 'Glass cartridge fuse 5x20mm' }, undefined);
    assert.equal(r.candidates[0]!.code, '8536100020');
    assert.deepEqual(r.candidates[0]!.tariffText.slice(-2), ['Fuses', 'Glass cartridge']);
    assert.ok(r.candidates[0]!.evidence.matchedTerms.includes('glass'));
    assert.ok(r.candidates[0]!.confidence > 0 && r.candidates[0]!.confidence <= 1);
  });

  it("applies rules as evidence and names them (wigs → 6704, gender → women's line)", () => {
    const wig = classifier.classify(
      { title: 'Body wave lace front wig', attributes: { Material: 'Human Hair' } },
      undefined,
    );
    assert.equal(wig.candidates[0]!.code.slice(0, 4), '6704');
    assert.ok(wig.rulesFired.includes('wigs-hair-pieces'));
    assert.ok(wig.candidates[0]!.evidence.rules.some((x) => x.id === 'wigs-hair-pieces'));

    const dress = classifier.classify(
      {
        title: 'Knit bodycon dress polyester',
        attributes: { Gender: 'Women', Material: 'Polyester' },
        categoryPath: ["Women's Clothing", 'Dresses'],
      },
      undefined,
    );
    assert.equal(dress.candidates[0]!.code, '6104432010');
  });

  it('leaves out the rules a reviewer names (what the classification would be without them)', () => {
    const input = { title: 'Body wave lace front wig', attributes: { Material: 'Human Hair' } };
    const all = classifier.classify(input, undefined);
    const fired = new Set(all.rulesFired.filter((id) => id.startsWith('wigs')));
    assert.ok(fired.size > 0);
    const without = classifier.classify(input, undefined, { withoutRules: fired });
    assert.ok(without.rulesFired.every((id) => !fired.has(id)));
    assert.ok(without.candidates.every((c) => c.evidence.rules.every((x) => !fired.has(x.id))));
    assert.ok(without.candidates[0]!.score < all.candidates[0]!.score);
  });

  it('learns from a confirmed decision at once (nearest neighbours vote)', () => {
    const input = { title: 'Zorblax thingamajig model 7' };
    const memory = new ClassificationMemory();
    const before = classifier.classify(input, memory);
    assert.notEqual(before.candidates[0]?.code, '7117909000');
    memory.add({ id: 'c1', text: 'Zorblax thingamajig model 5', code: '7117909000', source: 'confirmed' });
    const after = classifier.classify(input, memory);
    assert.equal(after.candidates[0]!.code, '7117909000');
    assert.equal(after.candidates[0]!.evidence.neighbours[0]!.id, 'c1');
    // Leave-one-out: excluding the item removes its vote.
    const excluded = classifier.classify(input, memory, { excludeMemory: (m) => m.id === 'c1' });
    assert.notEqual(excluded.candidates[0]?.code, '7117909000');
  });

  it('keeps the nearest 10-digit decisions as candidates when HS-6 references crowd the ten nearest', () => {
    const memory = new ClassificationMemory();
    // Twelve short references, each nearer to the query than the decision (which has extra words), spread
    // over enough headings that the heading and subheading centroids do not bring the decision's line in.
    const hs6 = ['853650', '610442', '610443', '670411', '670420', '711719'];
    for (let i = 0; i < 12; i++)
      memory.add({ id: `h${i}`, text: 'zorblax widget', code: hs6[i % 6]!, source: 'reference:hmrc' });
    memory.add({
      id: 'c1',
      text: 'zorblax widget boxed gift edition',
      code: '3926400010',
      source: 'confirmed',
    });
    const input = { title: 'zorblax widget' };
    const ev = memory.evidence(tokenize(input.title), 10);
    assert.equal(ev.neighbours.length, 10);
    assert.ok(ev.neighbours.every((n) => n.code.length === 6));
    assert.deepEqual(
      ev.usNeighbours.map((n) => n.id),
      ['c1'],
    );
    const codes = classifier.candidateFeatures(input, memory).codes;
    assert.ok(codes.includes('3926400010'), 'the decision’s line is a candidate');
    // …and the decision is shown as the evidence that brought the line in.
    const shown = classifier
      .classify(input, memory, { k: 100 })
      .candidates.find((c) => c.code === '3926400010');
    assert.deepEqual(
      shown?.evidence.neighbours.map((n) => n.id),
      ['c1'],
    );
    // Leaving the decision out removes it again (honest evaluation).
    const without = classifier.candidateFeatures(input, memory, { excludeMemory: (m) => m.id === 'c1' });
    assert.ok(!without.codes.includes('3926400010'));
  });

  it('uses a foreign reference only for its HS-6 part', () => {
    const memory = new ClassificationMemory();
    memory.add({ id: 'h1', text: 'zorblax', code: '853650', source: 'reference:hmrc' });
    const r = classifier.classify({ title: 'zorblax' }, memory);
    assert.equal(r.candidates[0]!.hs6, '853650');
    assert.equal(r.hs6[0]!.code, '853650');
    assert.equal(r.hs6[0]!.description, 'Switches n.e.c. in heading 8536');
  });

  it('uses the voltage the listing states against the voltage bands in the tariff text', () => {
    const r = classifier.classify({ title: 'Fuse 250V' }, undefined);
    const top = r.candidates[0]!;
    assert.equal(top.code.slice(0, 4), '8536');
    assert.ok(top.evidence.rules.some((x) => x.id === 'voltage-band' && x.boost > 0));
  });

  it('names the re-ranker that scored, and shows score components that add up to the score', () => {
    const r = classifier.classify({ title: 'Glass cartridge fuse 250V' }, undefined);
    assert.equal(r.rankerVersion, classifier.model.version);
    for (const c of r.candidates) {
      const { lexical, heading, neighbours, rules } = c.evidence.components;
      assert.ok(Math.abs(lexical + heading + neighbours + rules - c.score) < 1e-3);
    }
  });

  it('gives confidences that sum to at most 1 and rank in order', () => {
    const r = classifier.classify({ title: 'switch' }, undefined, { k: 5 });
    const sum = r.candidates.reduce((a, c) => a + c.confidence, 0);
    assert.ok(sum <= 1.0001);
    for (let i = 1; i < r.candidates.length; i++)
      assert.ok(r.candidates[i - 1]!.score >= r.candidates[i]!.score);
  });
});

describe('prefix confidence', () => {
  const lines = [
    { code: '8536500000', confidence: 0.3 },
    { code: '8536690000', confidence: 0.25 },
    { code: '8536690010', confidence: 0.25 },
    { code: '8536410000', confidence: 0.2 },
  ];
  it('gives a prefix the confidence of its best line (its many lines do not add up)', () => {
    const m = prefixConfidence(lines, 6);
    assert.equal(m.get('853669'), 0.25);
    assert.equal(m.get('853650'), 0.3);
    assert.equal(prefixConfidence(lines, 4).get('8536'), 0.3);
  });
  it('gives each HS-6 the confidence of its best line', () => {
    const r = classifier.classify({ title: 'switch' }, undefined, { k: 50 });
    for (const h of r.hs6) {
      const best = Math.max(...r.candidates.filter((c) => c.hs6 === h.code).map((c) => c.confidence));
      if (Number.isFinite(best)) assert.equal(h.confidence, best);
    }
    assert.ok(r.hs6.length > 1);
  });
});

describe('classifier and rules that choose within a subheading', () => {
  it('re-orders the lines of a subheading (residual "Other") without moving the subheading', () => {
    const c = classifierOf(
      '"3926","0","Other articles of plastics and articles of other materials of headings 3901 to 3914:","","","","","",""',
      '"3926.90","1","Other:","","","","","",""',
      '"3926.90.99","2","Other","","5.3%","","80%","",""',
      '"3926.90.99.40","3","Covers, rings and frames for manholes; catch basins","[""No.""]","","","","",""',
      '"3926.90.99.89","3","Other","[""No. and kg""]","","","","",""',
      '"4202","0","Trunks, suitcases, cases for cameras and similar containers:","","","","","",""',
      '"4202.99.90.00","1","Other cases","[""No.""]","20%","","45%","",""',
    );
    const input = { title: 'Silicone phone case cover', attributes: { Material: 'Silicone' } };
    const id = 'plastics-3926-90-99-residual';
    const withRule = c.classify(input, undefined, { k: 10 });
    const without = c.classify(input, undefined, { k: 10, withoutRules: new Set([id]) });
    const best = (r: typeof withRule, code: string) => r.candidates.find((x) => x.code === code)!;
    // Without the rule the manhole-cover line wins its subheading on the word "cover"; with it, "Other".
    assert.ok(best(without, '3926909940').score > best(without, '3926909989').score);
    assert.ok(best(withRule, '3926909989').score > best(withRule, '3926909940').score);
    assert.ok(best(withRule, '3926909989').evidence.rules.some((x) => x.id === id && x.boost > 0));
    // The subheading keeps its best line's score, so it ranks against 4202 as before.
    const top = (r: typeof withRule) =>
      Math.max(...r.candidates.filter((x) => x.hs6 === '392690').map((x) => x.score));
    assert.ok(Math.abs(top(withRule) - top(without)) < 1e-3);
    assert.equal(best(withRule, '4202999000').score, best(without, '4202999000').score);
    // Where the subheading is not a candidate, the rule brings none of its lines and is not reported.
    const bag = c.classify({ title: 'Camera carrying case' }, undefined, { k: 10 });
    assert.ok(bag.candidates.every((x) => x.hs6 !== '392690'));
    assert.ok(!bag.rulesFired.includes(id));
    // The score components still add up to the score.
    for (const x of withRule.candidates) {
      const { lexical, heading, neighbours, rules } = x.evidence.components;
      assert.ok(Math.abs(lexical + heading + neighbours + rules - x.score) < 1e-3);
    }
  });
});

describe('classifier and rules that choose among the lines of one subdivision', () => {
  it("re-orders only the lines under the prefix the rule's within effects share", () => {
    const index = tariffOf(
      '"4202","0","Trunks, suitcases, handbags and similar containers:","","","","","",""',
      '"4202.92","1","With outer surface of sheeting of plastic or of textile materials:","","","","","",""',
      '"4202.92.31","2","Travel, sports and similar bags of man-made fibers","","17.6%","","65%","",""',
      '"4202.92.31.20","3","Backpacks (670)","[""No.""]","","","","",""',
      '"4202.92.31.31","3","Other (670)","[""No.""]","","","","",""',
      '"4202.92.45.00","2","Other travel bags","[""No.""]","20%","","45%","",""',
    );
    const base = loadRuleset().data;
    const rule = {
      id: 'travel-bags-residual',
      description: 'Travel bags of man-made fibres other than backpacks go to .31',
      basis: 'test',
      when: { kind: 'not', of: { kind: 'text', words: ['backpack'] } },
      effects: [
        { prefixes: ['4202923131'], boost: 0.5, within: true },
        { prefixes: ['4202923120'], boost: -0.5, within: true },
      ],
      examples: [
        { title: 'Travel duffel bag', fires: true },
        { title: 'Hiking backpack', fires: false },
      ],
    };
    const withRule = new Classifier(index, new Ruleset({ ...base, rules: [rule] }));
    const without = new Classifier(index, new Ruleset({ ...base, rules: [] }));
    const input = { title: 'Travel bag nylon backpacks style' };
    const a = withRule.classify({ title: 'Nylon travel bag' }, undefined, { k: 10 });
    const b = without.classify({ title: 'Nylon travel bag' }, undefined, { k: 10 });
    const score = (r: typeof a, code: string) => r.candidates.find((x) => x.code === code)!.score;
    // The lines of 4202.92.31 move apart; the group keeps its best score, and 4202.92.45 is untouched.
    assert.ok(
      score(a, '4202923131') - score(a, '4202923120') > score(b, '4202923131') - score(b, '4202923120'),
    );
    const best = (r: typeof a) => Math.max(score(r, '4202923131'), score(r, '4202923120'));
    assert.ok(Math.abs(best(a) - best(b)) < 1e-3);
    assert.equal(score(a, '4202924500'), score(b, '4202924500'));
    assert.ok(withRule.classify(input, undefined).rulesFired.length === 0, 'silent when a backpack is named');

    // A rule that names one line alone chooses it among the lines of its subheading.
    const single = new Classifier(
      index,
      new Ruleset({
        ...base,
        rules: [{ ...rule, effects: [{ prefixes: ['4202924500'], boost: 1, within: true }] }],
      }),
    );
    const c = single.classify({ title: 'Nylon travel bag' }, undefined, { k: 10 });
    assert.ok(
      score(c, '4202924500') - score(c, '4202923131') > score(b, '4202924500') - score(b, '4202923131'),
    );
    assert.ok(
      Math.abs(
        Math.max(...c.candidates.map((x) => x.score)) - Math.max(...b.candidates.map((x) => x.score)),
      ) < 1e-3,
    );
  });
});

describe('classifier and value bands', () => {
  it('argues for the line whose value band the price fits, and says so', () => {
    const c = classifierOf(
      '"6402","0","Other footwear with outer soles and uppers of rubber or plastics:","","","","","",""',
      '"6402.99.12.00","1","Sandals valued not over $3/pair","[""prs.""]","24%","","84%","",""',
      '"6402.99.21.00","1","Sandals valued over $12/pair","[""prs.""]","20%","","35%","",""',
    );
    const cheap = c.classify({ title: 'Beach sandals', price: 14, currency: 'CNY' }, undefined);
    assert.equal(cheap.candidates[0]!.code, '6402991200');
    const dear = c.classify({ title: 'Beach sandals', price: 140, currency: 'CNY' }, undefined);
    assert.equal(dear.candidates[0]!.code, '6402992100');
    assert.ok(dear.candidates[0]!.evidence.rules.some((r) => r.id === 'value-band' && r.boost > 0));
  });
});

describe('classifier and materials', () => {
  it("argues for the line whose text names the material the listing's attributes state, and says so", () => {
    const c = classifierOf(
      '"6302","0","Bed linen, table linen, toilet linen and kitchen linen:","","","","","",""',
      '"6302.51.20.00","1","Tablecloths of cotton","[""No.""]","5%","","40%","",""',
      '"6302.53.00.10","1","Tablecloths of synthetic fibers","[""No.""]","11%","","85%","",""',
    );
    const poly = c.classify({ title: 'Tablecloth', attributes: { Material: 'Polyester' } }, undefined);
    assert.equal(poly.candidates[0]!.code, '6302530010');
    assert.ok(poly.candidates[0]!.evidence.rules.some((r) => r.id === 'material' && r.boost > 0));
    assert.ok(poly.candidates[1]!.evidence.rules.some((r) => r.id === 'material' && r.boost < 0));
    const cotton = c.classify({ title: 'Tablecloth', attributes: { Material: 'Cotton' } }, undefined);
    assert.equal(cotton.candidates[0]!.code, '6302512000');
  });

  it('does not read a textile-restraint annotation as the material of its line', () => {
    const index = tariffOf(
      '"6110","0","Sweaters, pullovers, sweatshirts, waistcoats (vests) and similar articles, knitted or crocheted:","","","","","",""',
      '"6110.90","1","Of other textile materials:","","","","","",""',
      '"6110.90.90","2","Other","","6%","","45%","",""',
      '"","3","Subject to cotton restraints or to man-made fiber restraints:","","","","","",""',
      '"6110.90.90.30","4","Men\'s or boys\' (638)","[""doz."",""kg""]","","","","",""',
      '"6110.90.90.64","3","Subject to wool restraints (438)","[""doz."",""kg""]","","","","",""',
    );
    for (const code of ['6110909030', '6110909064']) {
      const line = index.lines[index.byCode.get(code)!]!;
      assert.ok(line.joined.includes(' textile '), `${code} keeps its goods words`);
      for (const w of ['subject', 'restraint', 'made', 'fiber', 'cotton', 'wool'])
        assert.ok(!line.tokens.has(w), `${code} does not read "${w}" from a restraint annotation`);
    }
  });
});
