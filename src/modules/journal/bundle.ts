import crypto from 'node:crypto';
import { parseCheckpoint, verifyCheckpointSignature, keyIdOf } from './checkpoint.ts';
import { hashLeaf, verifyInclusion } from './merkle.ts';

/**
 * An inclusion proof bundle: everything needed to check, offline and with only the log's public key,
 * that entries are in the log whose signed head is given. A dossier embeds one for all its events.
 */
export const BUNDLE_FORMAT = 'crossgate.journal.inclusion/v1';

export interface BundleEntry {
  index: number;
  /** The leaf bytes as UTF-8 text: RFC 8785 canonical JSON (see leaf.ts). */
  leaf: string;
  leafHash: string;
  /** Audit path, hex, leaf level first (RFC 9162 §2.1.3). */
  proof: string[];
}

export interface InclusionBundle {
  format: typeof BUNDLE_FORMAT;
  publicKey: string;
  keyId: string;
  checkpoint: { text: string; signature: string };
  entries: BundleEntry[];
}

export interface BundleCheck {
  ok: boolean;
  origin?: string;
  treeSize?: number;
  rootHash?: string;
  keyId?: string;
  signedAt?: string;
  entries: Array<{ index: number; ok: boolean; problem?: string }>;
  problems: string[];
}

/**
 * Verifies a bundle. `trustedKeyPem` is the key the checker trusts; without it the bundle's own key is
 * used and the result says which key id signed, to be compared with the one published by the log.
 */
export function checkBundle(input: unknown, trustedKeyPem?: string): BundleCheck {
  const problems: string[] = [];
  const result: BundleCheck = { ok: false, entries: [], problems };
  const b = (
    input && typeof input === 'object' && 'journal' in input ? (input as { journal: unknown }).journal : input
  ) as Partial<InclusionBundle> | undefined;
  if (!b || b.format !== BUNDLE_FORMAT || !b.checkpoint || !Array.isArray(b.entries)) {
    problems.push(`not a ${BUNDLE_FORMAT} bundle`);
    return result;
  }
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey(trustedKeyPem ?? b.publicKey ?? '');
  } catch {
    problems.push('the public key cannot be read');
    return result;
  }
  result.keyId = keyIdOf(key);
  if (trustedKeyPem && b.publicKey && b.publicKey.trim() !== trustedKeyPem.trim())
    problems.push('the bundle names another public key than the trusted one');
  if (!verifyCheckpointSignature(b.checkpoint.text, b.checkpoint.signature, key))
    problems.push('the signature on the tree head does not verify with the public key');
  let cp: ReturnType<typeof parseCheckpoint>;
  try {
    cp = parseCheckpoint(b.checkpoint.text);
  } catch (err) {
    problems.push((err as Error).message);
    return result;
  }
  Object.assign(result, {
    origin: cp.origin,
    treeSize: cp.treeSize,
    rootHash: cp.rootHash.toString('hex'),
    signedAt: cp.timestamp,
  });
  for (const e of b.entries) {
    const fail = (problem: string) => result.entries.push({ index: e.index, ok: false, problem });
    let leaf: { log?: unknown; index?: unknown };
    try {
      leaf = JSON.parse(e.leaf);
    } catch {
      fail('the leaf is not JSON');
      continue;
    }
    const leafHash = hashLeaf(Buffer.from(e.leaf, 'utf8'));
    if (leafHash.toString('hex') !== e.leafHash) fail('the leaf does not hash to its leaf hash');
    else if (leaf.log !== cp.origin) fail(`the leaf belongs to log ${String(leaf.log)}, not ${cp.origin}`);
    else if (leaf.index !== e.index) fail(`the leaf says index ${String(leaf.index)}, the bundle ${e.index}`);
    else if (
      !verifyInclusion(
        leafHash,
        e.index,
        cp.treeSize,
        e.proof.map((h) => Buffer.from(h, 'hex')),
        cp.rootHash,
      )
    )
      fail('the audit path does not lead to the signed root');
    else result.entries.push({ index: e.index, ok: true });
  }
  if (b.entries.length === 0) problems.push('the bundle holds no entries');
  result.ok = problems.length === 0 && result.entries.every((e) => e.ok);
  return result;
}
