import { createHash, createPublicKey, verify } from 'node:crypto';

/**
 * An independent verifier for tests, written from RFC 6962 §2.1 and sharing no code with the
 * producer: it mirrors the recursive definitions of PATH and PROOF (consuming the proof from its
 * outermost element inwards), where the producer uses RFC 9162's iterative algorithms.
 */
const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
export const leafHash = (leaf: Buffer) => h(Buffer.of(0), leaf);
const node = (l: Buffer, r: Buffer) => h(Buffer.of(1), l, r);
const k = (n: number) => {
  let p = 1;
  while (p << 1 < n) p <<= 1;
  return p;
};

/** MTH(D[n]) straight from the definition. */
export function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return h();
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const s = k(leaves.length);
  return node(mth(leaves.slice(0, s)), mth(leaves.slice(s)));
}

/** Root implied by an audit path for the leaf bytes `leaf` at m of n, or null when the path has the wrong length. */
export function rootFromPath(m: number, n: number, leaf: Buffer, path: Buffer[]): Buffer | null {
  const stack = [...path];
  const sub = (m: number, n: number): Buffer | null => {
    if (n === 1) return leafHash(leaf);
    const s = k(n);
    const sibling = stack.pop();
    if (!sibling) return null;
    if (m < s) {
      const left = sub(m, s);
      return left && node(left, sibling);
    }
    const right = sub(m - s, n - s);
    return right && node(sibling, right);
  };
  const root = sub(m, n);
  return stack.length === 0 ? root : null;
}

/** True when `proof` shows the tree (m, oldRoot) is a prefix of the tree (n, newRoot). */
export function consistent(m: number, n: number, proof: Buffer[], oldRoot: Buffer, newRoot: Buffer): boolean {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0) return proof.length === 0;
  const stack = [...proof];
  const sub = (m: number, n: number, b: boolean): { o: Buffer; n: Buffer } | null => {
    if (m === n) {
      if (b) return { o: oldRoot, n: oldRoot };
      const x = stack.pop();
      return x ? { o: x, n: x } : null;
    }
    const s = k(n);
    const x = stack.pop();
    if (!x) return null;
    if (m <= s) {
      const r = sub(m, s, b);
      return r && { o: r.o, n: node(r.n, x) };
    }
    const r = sub(m - s, n - s, false);
    return r && { o: node(x, r.o), n: node(x, r.n) };
  };
  const r = sub(m, n, true);
  return !!r && stack.length === 0 && r.o.equals(oldRoot) && r.n.equals(newRoot);
}

/** Checks a checkpoint's Ed25519 signature and returns its size and root. */
export function openCheckpoint(text: string, signatureB64: string, publicKeyPem: string) {
  const ok = verify(
    null,
    Buffer.from(text),
    createPublicKey(publicKeyPem),
    Buffer.from(signatureB64, 'base64'),
  );
  const [origin, size, root] = text.split('\n');
  return { ok, origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') };
}
