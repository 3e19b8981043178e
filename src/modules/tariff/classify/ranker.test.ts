import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_WEIGHTS,
  FEATURES,
  type Feature,
  MODEL_FORMAT,
  RankerModel,
  type TrainingExample,
  readRankerModel,
  trainRanker,
  writeRankerModel,
} from './ranker.ts';

const at = (f: Feature) => FEATURES.indexOf(f);
function row(values: Partial<Record<Feature, number>>): Float64Array {
  const x = new Float64Array(FEATURES.length);
  for (const [f, v] of Object.entries(values)) x[at(f as Feature)] = v;
  return x;
}

// Deterministic pseudo-random numbers (no Math.random in tests).
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Listings whose confirmed code is the candidate with the most neighbour votes; lexical scores are noise. */
function examples(n: number, seed: number): TrainingExample[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, () => {
    const codes = ['1111111111', '2222222222', '3333333333', '4444444444'];
    const gold = Math.floor(rnd() * 4);
    const features = codes.map((_, i) =>
      row({ votes10: i === gold ? 0.5 + rnd() * 0.5 : rnd() * 0.4, lexical: rnd() }),
    );
    return { codes, features, gold: codes[gold]! };
  });
}

describe('re-ranker', () => {
  it('learns to weigh the evidence that picks the confirmed code, and not the noise', () => {
    const w = trainRanker(examples(200, 1));
    assert.ok(w.votes10 > 1, `votes10 weight ${w.votes10}`);
    assert.ok(Math.abs(w.lexical) < w.votes10 / 5, `lexical ${w.lexical} vs votes10 ${w.votes10}`);
    // The trained model ranks unseen listings of the same kind correctly.
    const model = RankerModel.fromData(modelData(w));
    let right = 0;
    const test = examples(100, 2);
    for (const ex of test) {
      const scores = ex.features.map((x) => model.score(x));
      if (ex.codes[scores.indexOf(Math.max(...scores))] === ex.gold) right++;
    }
    assert.ok(right >= 95, `${right}/100`);
  });

  it('is deterministic: the same examples give the same weights', () => {
    assert.deepEqual(trainRanker(examples(50, 3)), trainRanker(examples(50, 3)));
  });

  it('refuses a model with an unknown or missing feature, a weight that is not a number, or another feature set', () => {
    const ok = modelData({ ...DEFAULT_WEIGHTS });
    assert.equal(RankerModel.fromData(ok).version, ok.version);
    const bad = [
      { ...ok, weights: { ...ok.weights, colour: 1 } },
      { ...ok, weights: { ...ok.weights, lexical: 'high' } },
      { ...ok, weights: Object.fromEntries(Object.entries(ok.weights).filter(([f]) => f !== 'lexical')) },
      { ...ok, features: ok.features.slice(1) },
      { ...ok, version: 'default' },
      { ...ok, format: 'something/2' },
      { ...ok, trainedAt: 'yesterday' },
    ];
    for (const b of bad) assert.throws(() => RankerModel.fromData(b), { code: 'invalid' }, JSON.stringify(b));
  });

  it('ships built-in weights named "default", with a weight for every feature and no provenance', () => {
    const m = RankerModel.DEFAULT;
    assert.equal(m.version, 'default');
    assert.equal(m.data, undefined);
    assert.deepEqual(Object.keys(DEFAULT_WEIGHTS).sort(), [...FEATURES].sort());
    assert.deepEqual(
      [...m.weights],
      FEATURES.map((f) => DEFAULT_WEIGHTS[f]),
    );
    // More evidence for a line never lowers its score under the defaults.
    for (const f of FEATURES) assert.ok(DEFAULT_WEIGHTS[f] >= 0, f);
  });

  it('writes a model file and reads it back; no file is undefined, a malformed one is refused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ranker-'));
    try {
      const file = path.join(dir, 'models', 'classify-ranker.json');
      assert.equal(readRankerModel(file), undefined);
      const model = RankerModel.fromData(modelData(trainRanker(examples(30, 4))));
      writeRankerModel(file, model);
      const back = readRankerModel(file)!;
      assert.equal(back.version, model.version);
      assert.deepEqual([...back.weights], [...model.weights]);
      fs.writeFileSync(file, '{"format": ');
      assert.throws(
        () => readRankerModel(file),
        (e: Error & { code?: string }) => {
          assert.equal(e.code, 'invalid');
          assert.ok(e.message.includes(file), e.message);
          return true;
        },
      );
      fs.writeFileSync(file, JSON.stringify({ ...modelData({ lexical: 1 }) }));
      assert.throws(
        () => readRankerModel(file),
        (e: Error & { issues?: Array<{ field: string }> }) => {
          assert.match(e.message, /not valid/);
          assert.ok(
            e.issues?.some((i) => i.field.startsWith('weights')),
            JSON.stringify(e.issues),
          );
          return true;
        },
      );
      assert.throws(() => writeRankerModel(file, RankerModel.DEFAULT), /built-in/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function modelData(weights: Record<string, number>) {
  return {
    format: MODEL_FORMAT,
    version: '2026-11-21.test',
    trainedAt: '2026-11-21',
    source: 'synthetic examples made by the test',
    command: 'test',
    training: { items: 1, l2: 0.01 },
    features: [...FEATURES] as string[],
    weights,
  };
}
