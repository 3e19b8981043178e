import crypto from 'node:crypto';

/**
 * Signed tree heads as checkpoints in the C2SP tlog-checkpoint layout (what Tessera, Rekor v2 and the
 * Go checksum database use): origin line, decimal tree size, base64 root hash, then one extension line
 * with the signing time. The Ed25519 signature is over these exact bytes.
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
  timestamp: string;
}

export function checkpointText(c: Checkpoint): string {
  return `${c.origin}\n${c.treeSize}\n${c.rootHash.toString('base64')}\ntimestamp ${c.timestamp}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, size, root, ts] = lines;
  if (
    !origin ||
    !size ||
    !root ||
    !ts?.startsWith('timestamp ') ||
    !/^\d+$/.test(size) ||
    lines.at(-1) !== ''
  )
    throw new Error('not a Crossgate checkpoint');
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32) throw new Error('checkpoint root hash is not 32 bytes');
  return { origin, treeSize: Number(size), rootHash, timestamp: ts.slice('timestamp '.length) };
}

export function signCheckpoint(text: string, privateKey: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

export function verifyCheckpointSignature(
  text: string,
  signature: string,
  publicKey: crypto.KeyObject,
): boolean {
  try {
    return crypto.verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function publicKeyPem(key: crypto.KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** The key id the key provider uses: first 16 hex digits of SHA-256 over the SPKI DER. */
export function keyIdOf(key: crypto.KeyObject): string {
  return crypto
    .createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}
