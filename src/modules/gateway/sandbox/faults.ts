/**
 * Fault injection for the customs sandbox. With probability `failRate` a request draws one of the
 * enabled faults, uniformly.
 *
 * - latency       the answer comes `spikeMs` late
 * - timeout       no answer for `hangMs` (half the time the submission was processed first)
 * - 5xx           503 before processing, or 502 after processing (half each)
 * - reset         the connection is reset before processing, or after processing (half each)
 * - duplicate     acknowledgements are delivered twice
 * - out_of_order  a filing's acknowledgements are delivered in reverse order
 * - token_expiry  the bearer token presented is revoked mid-stream: 401 invalid_token
 */
export const FAULT_KINDS = [
  'latency',
  'timeout',
  '5xx',
  'reset',
  'duplicate',
  'out_of_order',
  'token_expiry',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function parseFaults(list: string | undefined): FaultKind[] {
  if (!list || list === 'all') return [...FAULT_KINDS];
  if (list === 'none') return [];
  const kinds = list.split(',').map((s) => s.trim());
  for (const k of kinds)
    if (!(FAULT_KINDS as readonly string[]).includes(k))
      throw new Error(`unknown fault ${k}; known: ${FAULT_KINDS.join(', ')}`);
  return kinds as FaultKind[];
}

export class FaultPlan {
  readonly failRate: number;
  readonly kinds: readonly FaultKind[];
  private readonly random: () => number;

  constructor(failRate: number, kinds: readonly FaultKind[], random: () => number = Math.random) {
    this.failRate = failRate;
    this.kinds = kinds;
    this.random = random;
  }

  /** The fault for this request, or undefined; `allowed` narrows the kinds that make sense here. */
  draw(allowed?: readonly FaultKind[]): FaultKind | undefined {
    const kinds = allowed ? this.kinds.filter((k) => allowed.includes(k)) : this.kinds;
    if (kinds.length === 0 || this.random() >= this.failRate) return undefined;
    return kinds[Math.floor(this.random() * kinds.length)];
  }

  coin(): boolean {
    return this.random() < 0.5;
  }

  roll(p: number): boolean {
    return p > 0 && this.random() < p;
  }
}
