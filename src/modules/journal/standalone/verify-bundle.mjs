#!/usr/bin/env node
// Stand-alone verifier for Crossgate journal proof bundles and traceability dossiers.
//
//   node verify-bundle.mjs <bundle-or-dossier.json> <public-key.pem>
//
// Needs nothing but Node.js (>= 18) and this file: no Crossgate install, no database, no network.
// Written from RFC 6962 §2.1 (recursive definitions of MTH, PATH and PROOF) and the C2SP checkpoint
// format, independently of Crossgate's own code (which uses RFC 9162's iterative algorithms); the
// test suite uses it to check every proof Crossgate produces. Exit code 0 = all entries proven.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const h = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
/** RFC 6962 leaf hash: SHA-256(0x00 || leaf). */
export const leafHash = (leaf) => h(Buffer.of(0), leaf);
const node = (l, r) => h(Buffer.of(1), l, r);
const split = (n) => {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
};

/** MTH(D[n]) from the definition. */
export function mth(leaves) {
  if (leaves.length === 0) return h();
  if (leaves.length === 1) return leafHash(leaves[0]);
  const k = split(leaves.length);
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** The root an audit path implies for leaf bytes `leaf` at index m of n, or null if the path does not fit. */
export function rootFromPath(m, n, leaf, path) {
  const stack = [...path];
  const sub = (m, n) => {
    if (n === 1) return leafHash(leaf);
    const k = split(n);
    const sibling = stack.pop();
    if (!sibling) return null;
    if (m < k) {
      const left = sub(m, k);
      return left && node(left, sibling);
    }
    const right = sub(m - k, n - k);
    return right && node(sibling, right);
  };
  const root = sub(m, n);
  return stack.length === 0 ? root : null;
}

/** True when `proof` shows the tree (m, oldRoot) is a prefix of the tree (n, newRoot). */
export function consistent(m, n, proof, oldRoot, newRoot) {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (m === 0) return proof.length === 0;
  const stack = [...proof];
  const sub = (m, n, b) => {
    if (m === n) {
      if (b) return { o: oldRoot, n: oldRoot };
      const x = stack.pop();
      return x ? { o: x, n: x } : null;
    }
    const k = split(n);
    const x = stack.pop();
    if (!x) return null;
    if (m <= k) {
      const r = sub(m, k, b);
      return r && { o: r.o, n: node(r.n, x) };
    }
    const r = sub(m - k, n - k, false);
    return r && { o: node(x, r.o), n: node(x, r.n) };
  };
  const r = sub(m, n, true);
  return !!r && stack.length === 0 && r.o.equals(oldRoot) && r.n.equals(newRoot);
}

/** Checks a checkpoint's Ed25519 signature; returns its origin, size and root. */
export function openCheckpoint(text, signatureB64, publicKeyPem) {
  const ok = verify(
    null,
    Buffer.from(text),
    createPublicKey(publicKeyPem),
    Buffer.from(signatureB64, 'base64'),
  );
  const [origin, size, root] = text.split('\n');
  return { ok, origin, size: Number(size), root: Buffer.from(root ?? '', 'base64') };
}

/** Verifies a bundle (or a dossier, whose `journal` member is one) against a trusted public key. */
export function verifyBundle(doc, publicKeyPem) {
  const b = doc?.journal ? doc.journal : doc;
  const cp = openCheckpoint(b.checkpoint.text, b.checkpoint.signature, publicKeyPem);
  const results = b.entries.map((e) => {
    const leaf = Buffer.from(e.leaf, 'utf8');
    const parsed = JSON.parse(e.leaf);
    const root = rootFromPath(
      e.index,
      cp.size,
      leaf,
      e.proof.map((x) => Buffer.from(x, 'hex')),
    );
    const ok = parsed.log === cp.origin && parsed.index === e.index && !!root && root.equals(cp.root);
    return { index: e.index, ok };
  });
  return {
    signatureOk: cp.ok,
    origin: cp.origin,
    treeSize: cp.size,
    results,
    ok: cp.ok && results.every((r) => r.ok),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, keyFile] = process.argv.slice(2);
  if (!file || !keyFile) {
    console.error('usage: node verify-bundle.mjs <bundle-or-dossier.json> <public-key.pem>');
    process.exit(64);
  }
  const r = verifyBundle(JSON.parse(readFileSync(file, 'utf8')), readFileSync(keyFile, 'utf8'));
  console.log(
    `${r.ok ? 'OK' : 'FAILED'}: tree head of ${r.origin} at size ${r.treeSize}, signature ${r.signatureOk ? 'valid' : 'INVALID'}`,
  );
  for (const e of r.results) console.log(`  entry ${e.index}: ${e.ok ? 'included' : 'NOT PROVEN'}`);
  process.exit(r.ok ? 0 : 1);
}
