import crypto from 'node:crypto';

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing and proofs, over bytes only: this file knows nothing about
 * what an entry means. Leaves and interior nodes are hashed with distinct one-byte prefixes (0x00 and
 * 0x01) so that a leaf can never be passed off as a node (second-preimage resistance).
 */
export const HASH_SIZE = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256 of the concatenated parts (a string part stands for its UTF-8 bytes). */
export function sha256(...parts: Array<Uint8Array | string>): Buffer {
  // One-shot hashing (no Hash object per call) is about twice as fast for inputs this small.
  const one =
    parts.length === 1
      ? parts[0]!
      : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return crypto.hash('sha256', one, 'buffer');
}

/** MTH({d}) = SHA-256(0x00 || d); `d` may be given as a string, meaning its UTF-8 bytes. */
export function hashLeaf(leaf: Uint8Array | string): Buffer {
  // U+0000 is the single byte 0x00 in UTF-8: hashing the string spares encoding it and a concat.
  return typeof leaf === 'string'
    ? crypto.hash('sha256', `\u0000${leaf}`, 'buffer')
    : sha256(LEAF_PREFIX, leaf);
}

const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = NODE_PREFIX[0]!;

/** MTH of an interior node = SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) return sha256(NODE_PREFIX, left, right);
  // One reused input buffer instead of a concatenation per node (hashing is synchronous).
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return crypto.hash('sha256', nodeInput, 'buffer');
}

/** MTH of the empty tree = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256();

/** Largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A complete, aligned subtree: `2^level` leaves starting at leaf `index * 2^level`. */
export interface NodeId {
  level: number;
  index: number;
}

/**
 * The aligned complete subtrees that make up leaves [start, end), left to right, largest first. For
 * every range the RFC's recursion produces (and for [0, n)), folding their hashes from the right gives
 * MTH(D[start:end]).
 */
export function decompose(start: number, end: number): NodeId[] {
  const out: NodeId[] = [];
  let a = start;
  while (a < end) {
    let size = 1;
    let level = 0;
    while (a % (size * 2) === 0 && a + size * 2 <= end) {
      size *= 2;
      level += 1;
    }
    out.push({ level, index: a / size });
    a += size;
  }
  return out;
}

/** A leaf range [start, end) whose MTH is one element of a proof. */
export interface Range {
  start: number;
  end: number;
}

/** The ranges whose hashes form the audit path for leaf m in a tree of n leaves (RFC 9162 §2.1.3.1). */
export function inclusionRanges(m: number, n: number): Range[] {
  if (!(m >= 0 && m < n)) throw new RangeError(`leaf ${m} is not in a tree of size ${n}`);
  const out: Range[] = [];
  const rec = (m: number, start: number, n: number) => {
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      rec(m, start, k);
      out.push({ start: start + k, end: start + n });
    } else {
      rec(m - k, start + k, n - k);
      out.push({ start, end: start + k });
    }
  };
  rec(m, 0, n);
  return out;
}

/** The ranges whose hashes form the consistency proof from size m to size n (RFC 9162 §2.1.4.1). */
export function consistencyRanges(m: number, n: number): Range[] {
  if (!(m >= 0 && m <= n)) throw new RangeError(`cannot prove size ${m} against size ${n}`);
  if (m === 0 || m === n) return [];
  const out: Range[] = [];
  const rec = (m: number, start: number, n: number, b: boolean) => {
    if (m === n) {
      if (!b) out.push({ start, end: start + n });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      rec(m, start, k, b);
      out.push({ start: start + k, end: start + n });
    } else {
      rec(m - k, start + k, n - k, false);
      out.push({ start, end: start + k });
    }
  };
  rec(m, 0, n, true);
  return out;
}

/** Folds the hashes of a range's decomposition (left to right) into the range's MTH. */
export function foldRight(hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i]!, acc);
  return acc;
}

/**
 * The right edge of a growing tree ("compact range"): the roots of its complete subtrees, largest
 * first. Appending a leaf returns the interior nodes it completes (level 1 upwards), which is what the
 * store keeps so that any node can be read back, never recomputed.
 */
export class CompactRange {
  size: number;
  private readonly stack: Buffer[];

  constructor(size = 0, hashes: Buffer[] = []) {
    if (popcount(size) !== hashes.length)
      throw new Error(`a tree of ${size} leaves has ${popcount(size)} frontier hashes, got ${hashes.length}`);
    this.size = size;
    this.stack = [...hashes];
  }

  static fromBytes(size: number, bytes: Uint8Array): CompactRange {
    const hashes: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += HASH_SIZE)
      hashes.push(Buffer.from(bytes.subarray(i, i + HASH_SIZE)));
    return new CompactRange(size, hashes);
  }

  /** Appends a leaf hash; returns the completed interior nodes, lowest level first. */
  append(leafHash: Buffer): Buffer[] {
    let h = leafHash;
    const completed: Buffer[] = [];
    let n = this.size;
    while (n % 2 === 1) {
      h = hashChildren(this.stack.pop()!, h);
      completed.push(h);
      n = (n - 1) / 2;
    }
    this.stack.push(h);
    this.size += 1;
    return completed;
  }

  root(): Buffer {
    return foldRight(this.stack);
  }

  hashes(): Buffer[] {
    return [...this.stack];
  }

  toBytes(): Buffer {
    return Buffer.concat(this.stack);
  }
}

function popcount(n: number): number {
  let c = 0;
  while (n > 0) {
    c += n % 2;
    n = Math.floor(n / 2);
  }
  return c;
}

/** RFC 9162 §2.1.3.2: verifies that `leafHash` is leaf `index` of the tree of `size` with `root`. */
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
  root: Buffer,
): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: verifies that the tree (size1, root1) is a prefix of the tree (size2, root2). */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: Buffer[],
  root1: Buffer,
  root2: Buffer,
): boolean {
  if (size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  let path = proof;
  if (isPowerOfTwo(size1)) path = [root1, ...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** MTH over leaf hashes held in memory (tests, small logs). */
export function rootOf(leafHashes: Buffer[]): Buffer {
  const range = new CompactRange();
  for (const h of leafHashes) range.append(h);
  return range.root();
}
