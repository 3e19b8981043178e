import type { ShipmentRecord, TransportMode } from '../core/index.ts';
import type { Rng } from './prng.ts';
import { LANES, type Lane, ROUTING, type TrackingFormat } from './data/logistics.data.ts';
import { ORDER_OUTCOMES } from './data/commerce.data.ts';
import { DAY_MS, type OrderDraft, WINDOW_DAYS } from './orders.generator.ts';

type ShipmentInput = Omit<ShipmentRecord, 'lines'> & { lines: ShipmentRecord['lines'] };

export type OrderStatus = 'paid' | 'shipped' | 'delivered' | 'refunded' | 'cancelled';

export interface ShipmentPlan {
  record: ShipmentInput;
  lane: Lane;
  orders: OrderDraft[];
  late: boolean;
}

export interface ShippingResult {
  shipments: ShipmentPlan[];
  /** Order status by draft (every draft has one). */
  status: Map<OrderDraft, OrderStatus>;
}

/** Number of shipments at a scale: about 300 at scale 1. */
export function shipmentTarget(scale: number): number {
  return Math.max(1, Math.round(300 * scale));
}

/** Splits `total` departures over the lanes in proportion to their base departures (largest remainder). */
export function allocateDepartures(total: number): Map<Lane, number> {
  const base = LANES.reduce((s, l) => s + l.departures, 0);
  const exact = LANES.map((l) => (total * l.departures) / base);
  const out = new Map(LANES.map((l, i) => [l, Math.floor(exact[i]!)]));
  let left = total - [...out.values()].reduce((a, b) => a + b, 0);
  const order = LANES.map((l, i) => [l, exact[i]! - Math.floor(exact[i]!)] as const).sort(
    (a, b) => b[1] - a[1] || b[0].departures - a[0].departures,
  );
  for (const [lane] of order) {
    if (left <= 0) break;
    out.set(lane, out.get(lane)! + 1);
    left--;
  }
  return out;
}

/** UPU S10 check digit for an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

function trackingNumber(rng: Rng, f: TrackingFormat, etd: Date): string {
  switch (f.kind) {
    case 'dhl':
      return `${rng.int(1, 9)}${rng.digits(9)}`;
    case 'fedex':
      return `${rng.int(2, 7)}${rng.digits(11)}`;
    case 'ups':
      return `1Z${rng.alnum(6)}66${rng.digits(8)}`;
    case 'mawb': {
      const serial = rng.int(1_000_000, 9_999_999);
      return `${f.prefix}-${serial}${serial % 7}`;
    }
    case 'bl':
      return `${f.scac}${rng.int(1, 9)}${rng.digits(f.digits - 1)}`;
    case 's10': {
      const serial = rng.digits(8);
      return `${f.service}${serial}${s10CheckDigit(serial)}CN`;
    }
    case 'rail':
      return `CRE${String(etd.getUTCFullYear()).slice(2)}${rng.digits(7)}`;
    case 'cmr':
      return `CMR-${rng.digits(8)}`;
  }
}

function chooseLane(rng: Rng, o: OrderDraft, lanes: Lane[]): Lane | undefined {
  const byMode = new Map<TransportMode, Lane>(lanes.map((l) => [l.mode, l]));
  if (o.bulky) {
    const heavy = (['ocean', 'rail', 'road'] as TransportMode[]).filter((m) => byMode.has(m));
    if (heavy.length) return byMode.get(rng.pick(heavy));
  }
  const prefs = o.bulky
    ? ROUTING.bulky
    : o.valueUsd.gte(ROUTING.highValueUsd)
      ? ROUTING.highValue
      : ROUTING.standard;
  for (const m of prefs) if (byMode.has(m)) return byMode.get(m);
  return undefined;
}

const yymmdd = (d: Date) => d.toISOString().slice(2, 10).replace(/-/g, '');

/**
 * Plans departures per lane over the window (the last one of a regular lane falls after `now`), puts each order on the
 * first departure of its lane after it is ready, and derives shipment milestones and order statuses
 * from `now`: planned, in transit, delayed (past ETA without arrival) or arrived/delivered.
 */
export function planShipments(rng: Rng, orders: OrderDraft[], scale: number, now: Date): ShippingResult {
  const nowMs = now.getTime();
  const windowStart = nowMs - WINDOW_DAYS * DAY_MS;
  const allocation = allocateDepartures(shipmentTarget(scale));
  const schedule = new Map<Lane, number[]>();
  for (const [lane, k] of allocation) {
    if (k === 0) continue;
    const spacing = (WINDOW_DAYS * DAY_MS) / k;
    const times: number[] = [];
    // A lane with a regular service has its next departure just after now; a lane that departs only
    // once or twice in the window (small scales) departs inside it, so its orders do not all wait.
    const [lead, jitter] = k >= 4 ? [1.4, 0.3] : [0.6, 0.2];
    for (let j = 0; j < k; j++) {
      const t = windowStart + (j + lead) * spacing - rng.range(0, jitter) * spacing;
      times.push(Math.floor(t / DAY_MS) * DAY_MS + rng.int(6, 14) * 3_600_000);
    }
    schedule.set(lane, times);
  }
  const lanesByCountry = new Map<string, Lane[]>();
  for (const lane of schedule.keys())
    lanesByCountry.set(lane.destination, [...(lanesByCountry.get(lane.destination) ?? []), lane]);

  const status = new Map<OrderDraft, OrderStatus>();
  const groups = new Map<string, { lane: Lane; etd: number; orders: OrderDraft[] }>();
  for (const o of orders) {
    if (o.cancelled) {
      status.set(o, 'cancelled');
      continue;
    }
    status.set(o, 'paid');
    const lane = chooseLane(rng, o, lanesByCountry.get(o.market.country) ?? []);
    if (!lane) continue;
    const ready = o.orderedAt.getTime() + rng.range(0.5, 2.5) * DAY_MS + lane.cutoffDays * DAY_MS;
    const times = schedule.get(lane)!;
    const j = times.findIndex((t) => t >= ready);
    if (j < 0) continue;
    const key = `${lane.code}|${j}`;
    const g = groups.get(key) ?? { lane, etd: times[j]!, orders: [] };
    g.orders.push(o);
    groups.set(key, g);
  }

  const shipments: ShipmentPlan[] = [];
  const sorted = [...groups.entries()].sort(([a, ga], [b, gb]) => ga.etd - gb.etd || (a < b ? -1 : 1));
  for (const [key, g] of sorted) {
    const { lane } = g;
    const carrier = rng.pick(lane.carriers);
    const etd = new Date(g.etd);
    const nominal = (lane.transitDays[0] + lane.transitDays[1]) / 2;
    const eta = new Date(g.etd + nominal * DAY_MS);
    const slow = lane.mode === 'ocean' || lane.mode === 'rail' || lane.mode === 'road';
    const r = rng.next();
    const delayH = r < 0.75 ? rng.range(0, 4) : r < 0.95 ? rng.range(6, 30) : rng.range(48, 96);
    const late = rng.chance(0.08);
    const transit =
      rng.range(lane.transitDays[0], lane.transitDays[1]) +
      (late ? (slow ? rng.range(5, 12) : rng.range(2, 6)) : 0);
    const atdMs = g.etd + Math.round(delayH * 3_600_000);
    const atd = atdMs <= nowMs ? new Date(atdMs) : undefined;
    const ataMs = atdMs + Math.round(transit * DAY_MS);
    const ata = atd && ataMs <= nowMs ? new Date(ataMs) : undefined;
    const shipmentStatus = !atd
      ? g.etd > nowMs
        ? 'planned'
        : 'delayed'
      : !ata
        ? nowMs > eta.getTime()
          ? 'delayed'
          : 'in_transit'
        : lane.mode === 'express' || lane.mode === 'postal'
          ? 'delivered'
          : 'arrived';

    const lines: ShipmentInput['lines'] = [];
    let weight = 0;
    for (const o of g.orders) {
      for (const l of o.lines) {
        lines.push({
          lineNo: lines.length + 1,
          orderPlatform: o.platform,
          orderExternalId: o.externalId,
          sku: l.item.record.sku,
          quantity: l.quantity,
        });
        weight += l.item.weightKg * l.quantity;
      }
      const lastMile = rng.range(lane.lastMileDays[0], lane.lastMileDays[1]) * DAY_MS;
      let s: OrderStatus = 'paid';
      if (ata && ataMs + lastMile <= nowMs)
        s = rng.chance(ORDER_OUTCOMES.refundedAfterDelivery) ? 'refunded' : 'delivered';
      else if (atd) s = 'shipped';
      status.set(o, s);
    }
    const j = Number(key.split('|')[1]);
    shipments.push({
      lane,
      orders: g.orders,
      late: late || shipmentStatus === 'delayed',
      record: {
        reference: `BW-${lane.code}-${yymmdd(etd)}-${String(j + 1).padStart(3, '0')}`,
        mode: lane.mode,
        carrier: carrier.name,
        trackingNumber: trackingNumber(rng, carrier.tracking, etd),
        originCountry: 'CN',
        destinationCountry: lane.destination,
        originPort: lane.originPort,
        destinationPort: rng.pick(lane.destinationPorts),
        etd,
        eta,
        ...(atd ? { atd } : {}),
        ...(ata ? { ata } : {}),
        status: shipmentStatus,
        grossWeightKg: (weight * 1.1 + g.orders.length * 0.08).toFixed(2),
        packageCount: g.orders.length,
        lines,
      },
    });
  }
  return { shipments, status };
}
