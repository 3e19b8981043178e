import { LEVELS, LINK_RULES_VERSION, LINKS, SCORING, TOLERANCES, type LinkSpec } from './trace.links.ts';

/** A recorded chain-of-custody event as the scorer and the dossier see it. */
export interface TraceEventView {
  id: string;
  reference: string;
  link: string;
  shipmentId: string | null;
  productId: string | null;
  occurredAt: string;
  recordedAt: string;
  country: string;
  location: string | null;
  facility: string | null;
  batch: string | null;
  leg: number | null;
  carrier: string | null;
  details: Record<string, unknown>;
  journalEntryId: string;
}

export interface ShipmentFacts {
  mode: string;
  originCountry: string;
  destinationCountry: string;
  atd: string | null;
  ata: string | null;
}

export type LinkStatus = 'present' | 'late' | 'contradictory' | 'missing' | 'not_applicable';

export interface LinkResult {
  code: string;
  label: string;
  order: number;
  weight: number;
  status: LinkStatus;
  eventIds: string[];
  reasons: string[];
}

export interface Completeness {
  /** 0–100: weighted share of applicable links present (late links count half, contradictory none). */
  score: number;
  level: string;
  rulesVersion: string;
  counts: Record<LinkStatus, number>;
  links: LinkResult[];
}

const HOUR = 3_600_000;
const t = (iso: string) => new Date(iso).getTime();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Scores one shipment's chain of custody against the link catalogue. Each link is present, missing,
 * late (reported later than its reporting window) or contradictory (wrong country, out of order,
 * conflicting duplicates, at odds with the shipment's actual departure/arrival, or in the future), and
 * every status carries its reasons.
 */
export function scoreCompleteness(
  shipment: ShipmentFacts,
  events: TraceEventView[],
  now: Date,
): Completeness {
  const byLink = new Map<string, TraceEventView[]>();
  for (const e of events) byLink.set(e.link, [...(byLink.get(e.link) ?? []), e]);
  const earliest = (code: string) => {
    const evs = byLink.get(code);
    return evs?.length ? Math.min(...evs.map((e) => t(e.occurredAt))) : undefined;
  };

  const links = LINKS.map((spec): LinkResult => {
    const evs = (byLink.get(spec.code) ?? []).sort((a, b) => t(a.occurredAt) - t(b.occurredAt));
    const base = {
      code: spec.code,
      label: spec.label,
      order: spec.order,
      weight: spec.weight,
      eventIds: evs.map((e) => e.id),
    };
    if (evs.length === 0) {
      const na = spec.optionalForModes.includes(shipment.mode);
      return {
        ...base,
        status: na ? 'not_applicable' : 'missing',
        reasons: [na ? `not required for ${shipment.mode} shipments` : 'no event recorded'],
      };
    }
    const contradictions = contradictionsOf(spec, evs, shipment, earliest, now);
    if (contradictions.length) return { ...base, status: 'contradictory', reasons: contradictions };
    const late = evs
      .filter((e) => t(e.recordedAt) - t(e.occurredAt) > spec.reportWithinHours * HOUR)
      .map(
        (e) =>
          `${e.reference} reported ${Math.round((t(e.recordedAt) - t(e.occurredAt)) / HOUR)} h after it happened (window ${spec.reportWithinHours} h)`,
      );
    if (late.length) return { ...base, status: 'late', reasons: late };
    return {
      ...base,
      status: 'present',
      reasons: [`${evs.length} event${evs.length > 1 ? 's' : ''} recorded`],
    };
  });

  const applicable = links.filter((l) => l.status !== 'not_applicable');
  const total = applicable.reduce((s, l) => s + l.weight, 0);
  const got = applicable.reduce((s, l) => s + l.weight * (SCORING[l.status as keyof typeof SCORING] ?? 0), 0);
  const score = total === 0 ? 0 : Math.round((got / total) * 1000) / 10;
  const counts = { present: 0, late: 0, contradictory: 0, missing: 0, not_applicable: 0 };
  for (const l of links) counts[l.status] += 1;
  const level = [...LEVELS].sort((a, b) => b.lower - a.lower).find((l) => score >= l.lower)!.level;
  return { score, level, rulesVersion: LINK_RULES_VERSION, counts, links };
}

function contradictionsOf(
  spec: LinkSpec,
  evs: TraceEventView[],
  shipment: ShipmentFacts,
  earliest: (code: string) => number | undefined,
  now: Date,
): string[] {
  const out: string[] = [];
  const expected =
    spec.country === 'origin'
      ? shipment.originCountry
      : spec.country === 'destination'
        ? shipment.destinationCountry
        : undefined;
  if (expected)
    for (const e of evs.filter((x) => x.country !== expected))
      out.push(`${e.reference} took place in ${e.country}; the shipment's ${spec.country} is ${expected}`);
  if (!spec.multiple) {
    const places = new Set(evs.map((e) => `${e.country}/${e.location ?? ''}/${e.facility ?? ''}`));
    if (places.size > 1)
      out.push(`${evs.length} conflicting events where one is expected: ${[...places].join(' vs ')}`);
  }
  const first = t(evs[0]!.occurredAt);
  for (const before of spec.after) {
    const b = earliest(before);
    if (b !== undefined && first < b - TOLERANCES.chronology * HOUR)
      out.push(`happened ${day(first)}, before the ${before.replaceAll('_', ' ')} (${day(b)})`);
  }
  if (spec.milestone) {
    const actual = shipment[spec.milestone];
    const at = spec.milestone === 'atd' ? first : t(evs.at(-1)!.occurredAt);
    if (actual && Math.abs(at - t(actual)) > TOLERANCES.shipmentMilestone * HOUR)
      out.push(
        `recorded at ${day(at)} but the shipment's ${spec.milestone.toUpperCase()} is ${day(t(actual))} (tolerance ${TOLERANCES.shipmentMilestone} h)`,
      );
  }
  for (const e of evs)
    if (t(e.occurredAt) > now.getTime() + TOLERANCES.future * HOUR)
      out.push(`${e.reference} is dated in the future`);
  return out;
}
