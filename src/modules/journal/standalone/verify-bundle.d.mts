/** Types for the stand-alone verifier (verify-bundle.mjs), used by the tests. */
export function leafHash(leaf: Buffer): Buffer;
export function mth(leaves: Buffer[]): Buffer;
export function rootFromPath(m: number, n: number, leaf: Buffer, path: Buffer[]): Buffer | null;
export function consistent(m: number, n: number, proof: Buffer[], oldRoot: Buffer, newRoot: Buffer): boolean;
export function openCheckpoint(
  text: string,
  signatureB64: string,
  publicKeyPem: string,
): { ok: boolean; origin: string; size: number; root: Buffer };
export function verifyBundle(
  doc: unknown,
  publicKeyPem: string,
): {
  ok: boolean;
  signatureOk: boolean;
  origin: string;
  treeSize: number;
  results: Array<{ index: number; ok: boolean }>;
};
