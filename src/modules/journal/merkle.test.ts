import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CompactRange,
  EMPTY_ROOT,
  consistencyRanges,
  decompose,
  foldRight,
  hashLeaf,
  inclusionRanges,
  rootOf,
  verifyConsistency,
  verifyInclusion,
  type Range,
} from './merkle.ts';
import { consistent, leafHash, mth, rootFromPath } from '../../../test/support/rfc6962.ts';

// The eight leaves of the Certificate Transparency reference tests (merkle_tree_test.cc), and the
// roots of their prefixes as published there.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((x) => Buffer.from(x, 'hex'));
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`leaf-${i}`));

/** The producer's proof from an in-memory tree: ranges → their MTH. */
function hashesFor(leaves: Buffer[], ranges: Range[]): Buffer[] {
  const lh = leaves.map((l) => hashLeaf(l));
  return ranges.map((r) =>
    foldRight(
      decompose(r.start, r.end).map((n) =>
        rootOf(lh.slice(n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level)),
      ),
    ),
  );
}

describe('RFC 6962 Merkle tree', () => {
  it('hashes the empty tree and the CT reference trees to their published roots', () => {
    assert.equal(
      EMPTY_ROOT.toString('hex'),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    for (let n = 1; n <= 8; n++) {
      const range = new CompactRange();
      for (const l of CT_LEAVES.slice(0, n)) range.append(hashLeaf(l));
      assert.equal(range.root().toString('hex'), CT_ROOTS[n - 1], `root of ${n} leaves`);
      assert.equal(mth(CT_LEAVES.slice(0, n)).toString('hex'), CT_ROOTS[n - 1]);
    }
  });

  it('separates leaves from nodes with distinct prefixes', () => {
    const a = hashLeaf(Buffer.from('a'));
    const b = hashLeaf(Buffer.from('b'));
    // A two-leaf root must not equal the leaf hash of the concatenated children.
    assert.notEqual(rootOf([a, b]).toString('hex'), hashLeaf(Buffer.concat([a, b])).toString('hex'));
  });

  it('produces audit paths that an independent verifier accepts for every leaf of trees up to 40', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = leavesOf(n);
      const root = mth(leaves);
      for (let m = 0; m < n; m++) {
        const proof = hashesFor(leaves, inclusionRanges(m, n));
        const implied = rootFromPath(m, n, leaves[m]!, proof);
        assert.ok(implied?.equals(root), `leaf ${m} of ${n}`);
        assert.ok(verifyInclusion(leafHash(leaves[m]!), m, n, proof, root));
        if (proof.length) assert.ok(!verifyInclusion(leafHash(leaves[m]!), m, n, proof.slice(1), root));
      }
    }
  });

  it('produces consistency proofs that an independent verifier accepts for every pair up to 40', () => {
    for (let n = 1; n <= 40; n++) {
      const leaves = leavesOf(n);
      for (let m = 1; m <= n; m++) {
        const proof = hashesFor(leaves, consistencyRanges(m, n));
        const oldRoot = mth(leaves.slice(0, m));
        const newRoot = mth(leaves);
        assert.ok(consistent(m, n, proof, oldRoot, newRoot), `${m} → ${n}`);
        assert.ok(verifyConsistency(m, n, proof, oldRoot, newRoot), `${m} → ${n} (RFC 9162 algorithm)`);
        if (m < n)
          assert.ok(
            !verifyConsistency(m, n, proof, mth([Buffer.from('bogus'), ...leavesOf(m).slice(1)]), newRoot),
          );
      }
    }
  });

  it('rejects an audit path for a leaf that was changed, at any position (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), (n, seed) => {
        const m = seed % n;
        const leaves = leavesOf(n);
        const proof = hashesFor(leaves, inclusionRanges(m, n));
        const root = mth(leaves);
        return !verifyInclusion(leafHash(Buffer.from('forged')), m, n, proof, root);
      }),
      { numRuns: 50 },
    );
  });

  it('returns the interior nodes a leaf completes, which are the aligned subtree roots', () => {
    const range = new CompactRange();
    const lh = leavesOf(8).map((l) => hashLeaf(l));
    const completed = lh.map((h) => range.append(h));
    assert.deepEqual(
      completed.map((c) => c.length),
      [0, 1, 0, 2, 0, 1, 0, 3],
    );
    assert.ok(completed[7]![2]!.equals(rootOf(lh)));
    assert.ok(completed[7]![0]!.equals(rootOf(lh.slice(6, 8))));
    const first = new CompactRange();
    for (const h of lh.slice(0, 5)) first.append(h);
    const resumed = CompactRange.fromBytes(5, first.toBytes());
    for (const h of lh.slice(5)) resumed.append(h);
    assert.ok(resumed.root().equals(rootOf(lh)));
  });
});
