/**
 * Value bands stated in tariff text ("Valued not over $3/pair", "valued over 20 cents per dozen pieces",
 * "Valued over $0.30 but not over $3 each"): parsed once per line so a listing's price can argue for or
 * against the line. Only per-article units (each, piece, pair, dozen) are used; per-kg/liter bands are
 * skipped because a listing does not state its weight reliably.
 */
export interface ValueBand {
  /** USD per article, exclusive lower bound (valued over). */
  over?: number;
  /** USD per article, inclusive upper bound (valued not over / under). */
  notOver?: number;
}

const MONEY = String.raw`(\$\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?(?:¢|cents?))`;
const UNIT = String.raw`(?:\s*(each|per piece|per pair|/pair|per dozen(?: pieces)?(?: or parts)?|/doz(?:en)?\.?|per unit|/unit|/piece))`;
const BAND = new RegExp(
  String.raw`valued\s+(not over|over|under|less than)\s+${MONEY}(?:\s+but\s+(?:not over|under|less than)\s+${MONEY})?${UNIT}?`,
  'gi',
);

function usd(m: string): number {
  const n = Number(m.replace(/[^\d.]/g, ''));
  return /¢|cent/.test(m) ? n / 100 : n;
}
function perArticle(unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  if (/doz/.test(unit)) return 12;
  return 1;
}

/** Bands stated anywhere on the path from heading to line (each must hold). */
export function valueBands(pathText: readonly string[]): ValueBand[] {
  const out: ValueBand[] = [];
  for (const text of pathText) {
    for (const m of text.matchAll(BAND)) {
      const [, op, first, second, unit] = m;
      const per = perArticle(unit?.toLowerCase());
      if (per === undefined) continue;
      const a = usd(first!) / per;
      const b = second ? usd(second) / per : undefined;
      if (/over/i.test(op!) && !/not/i.test(op!))
        out.push(b !== undefined ? { over: a, notOver: b } : { over: a });
      else out.push({ notOver: a });
    }
  }
  return out;
}

/** true = the price fits every band, false = it breaks one, undefined = no band on this line. */
export function fitsBands(bands: readonly ValueBand[], priceUsd: number): boolean | undefined {
  if (bands.length === 0) return undefined;
  return bands.every(
    (b) => (b.over === undefined || priceUsd > b.over) && (b.notOver === undefined || priceUsd <= b.notOver),
  );
}

/** Voltage bands in tariff text ("for a voltage not exceeding 1,000 V", "exceeding 60 V but not exceeding 1,000 V"). */
const VOLT =
  /voltage\s+(not exceeding|exceeding)\s+([\d,]+(?:\.\d+)?)\s*(k?V)?(?:\s+but\s+not\s+exceeding\s+([\d,]+(?:\.\d+)?)\s*(k?V)?)?/gi;
const volts = (n: string, unit: string | undefined) =>
  Number(n.replace(/,/g, '')) * (unit?.toLowerCase() === 'kv' ? 1000 : 1);

export function voltageBands(pathText: readonly string[]): ValueBand[] {
  const out: ValueBand[] = [];
  for (const text of pathText)
    for (const m of text.matchAll(VOLT)) {
      const [, op, a, ua, b, ub] = m;
      if (/^not/i.test(op!)) out.push({ notOver: volts(a!, ua) });
      else out.push(b ? { over: volts(a!, ua), notOver: volts(b, ub) } : { over: volts(a!, ua) });
    }
  return out;
}

/** The highest voltage a listing states ("250V", "12 V DC", "10kV"), or undefined. */
export function listingVoltage(text: string): number | undefined {
  let max: number | undefined;
  for (const m of text.matchAll(/(?<![\w.])(\d+(?:\.\d+)?)\s?(kv|v)(?:ac|dc)?\b/gi)) {
    const v = Number(m[1]) * (m[2]!.toLowerCase() === 'kv' ? 1000 : 1);
    if (v > 0 && v < 1_000_000) max = Math.max(max ?? 0, v);
  }
  return max;
}
