/**
 * The independent verifier the tests check every proof with: Crossgate's stand-alone bundle verifier
 * (src/modules/journal/standalone/verify-bundle.mjs), written from RFC 6962's recursive definitions
 * and sharing no code with the producer (which uses RFC 9162's iterative algorithms).
 */
export {
  consistent,
  leafHash,
  mth,
  openCheckpoint,
  rootFromPath,
  verifyBundle,
} from '../../src/modules/journal/standalone/verify-bundle.mjs';
