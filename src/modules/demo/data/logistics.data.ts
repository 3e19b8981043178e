import type { TransportMode } from '../../core/index.ts';

/**
 * How the demo exporter moves goods: one lane per (destination, mode), with UN/LOCODEs for the ports
 * and airports, the carriers it books, nominal transit times and how often it departs over the 90-day
 * window at scale 1 (about 300 departures in all). Parcels of B2C orders travel consolidated (China
 * customs mode 9610): a departure carries every order ready for that lane since the previous one.
 */
export type TrackingFormat =
  | { kind: 'dhl' }
  | { kind: 'fedex' }
  | { kind: 'ups' }
  | { kind: 'mawb'; prefix: string }
  | { kind: 'bl'; scac: string; digits: number }
  | { kind: 's10'; service: string }
  | { kind: 'rail' }
  | { kind: 'cmr' };

export interface Carrier {
  name: string;
  tracking: TrackingFormat;
}

export interface Lane {
  code: string;
  destination: string;
  mode: TransportMode;
  /** Departures over 90 days at scale 1. */
  departures: number;
  originPort: string;
  destinationPorts: string[];
  carriers: Carrier[];
  /** Nominal door-to-port (or door-to-door for express/postal) days. */
  transitDays: [number, number];
  /** Days from arrival to the buyer's door. */
  lastMileDays: [number, number];
  /** Days of consolidation before a departure (orders must be ready this much earlier). */
  cutoffDays: number;
}

const AIR: Carrier[] = [
  { name: 'China Southern Airlines Cargo', tracking: { kind: 'mawb', prefix: '784' } },
  { name: 'Cathay Cargo', tracking: { kind: 'mawb', prefix: '160' } },
  { name: 'Air China Cargo', tracking: { kind: 'mawb', prefix: '999' } },
];
const AIR_EU: Carrier[] = [...AIR, { name: 'Lufthansa Cargo', tracking: { kind: 'mawb', prefix: '020' } }];
const OCEAN: Carrier[] = [
  { name: 'COSCO Shipping Lines', tracking: { kind: 'bl', scac: 'COSU', digits: 10 } },
  { name: 'Maersk', tracking: { kind: 'bl', scac: 'MAEU', digits: 9 } },
  { name: 'Evergreen Line', tracking: { kind: 'bl', scac: 'EGLV', digits: 12 } },
  { name: 'CMA CGM', tracking: { kind: 'bl', scac: 'CMDU', digits: 10 } },
];
const DHL: Carrier = { name: 'DHL Express', tracking: { kind: 'dhl' } };
const FEDEX: Carrier = { name: 'FedEx International Priority', tracking: { kind: 'fedex' } };
const UPS: Carrier = { name: 'UPS Worldwide Express', tracking: { kind: 'ups' } };
const POST: Carrier[] = [
  { name: 'China Post ePacket', tracking: { kind: 's10', service: 'LX' } },
  { name: 'China Post EMS', tracking: { kind: 's10', service: 'EA' } },
];

const air = (destination: string, departures: number, ports: string[], carriers = AIR_EU): Lane => ({
  code: `${destination}-AIR`,
  destination,
  mode: 'air',
  departures,
  originPort: 'CNSZX',
  destinationPorts: ports,
  carriers,
  transitDays: [2, 4],
  lastMileDays: [3, 7],
  cutoffDays: 1,
});
const express = (destination: string, departures: number, ports: string[], carriers: Carrier[]): Lane => ({
  code: `${destination}-EXP`,
  destination,
  mode: 'express',
  departures,
  originPort: 'CNSZX',
  destinationPorts: ports,
  carriers,
  transitDays: [2, 4],
  lastMileDays: [0, 1],
  cutoffDays: 0,
});
const ocean = (
  destination: string,
  departures: number,
  from: string,
  ports: string[],
  transit: [number, number],
): Lane => ({
  code: `${destination}-SEA`,
  destination,
  mode: 'ocean',
  departures,
  originPort: from,
  destinationPorts: ports,
  carriers: OCEAN,
  transitDays: transit,
  lastMileDays: [4, 9],
  cutoffDays: 4,
});
const postal = (destination: string, departures: number, port: string): Lane => ({
  code: `${destination}-PST`,
  destination,
  mode: 'postal',
  departures,
  originPort: 'CNSZX',
  destinationPorts: [port],
  carriers: POST,
  transitDays: [8, 14],
  lastMileDays: [2, 6],
  cutoffDays: 1,
});

export const LANES: Lane[] = [
  air('US', 40, ['USLAX', 'USJFK', 'USORD'], AIR),
  express('US', 30, ['USCVG', 'USMEM', 'USSDF'], [DHL, FEDEX, UPS]),
  ocean('US', 13, 'CNYTN', ['USLAX', 'USLGB'], [15, 20]),
  air('GB', 26, ['GBLHR']),
  express('GB', 14, ['GBEMA'], [DHL, UPS]),
  ocean('GB', 6, 'CNYTN', ['GBFXT'], [32, 38]),
  air('DE', 22, ['DEFRA']),
  express('DE', 12, ['DELEJ', 'DECGN'], [DHL, UPS]),
  ocean('DE', 5, 'CNNGB', ['DEHAM'], [33, 40]),
  {
    code: 'DE-RAIL',
    destination: 'DE',
    mode: 'rail',
    departures: 6,
    originPort: 'CNYIW',
    destinationPorts: ['DEDUI'],
    carriers: [{ name: 'China Railway Express (Yixinou)', tracking: { kind: 'rail' } }],
    transitDays: [18, 24],
    lastMileDays: [3, 6],
    cutoffDays: 3,
  },
  air('FR', 20, ['FRCDG']),
  express('FR', 8, ['FRCDG'], [FEDEX, DHL]),
  air('IT', 15, ['ITMXP']),
  air('ES', 15, ['ESMAD']),
  air('NL', 13, ['NLAMS']),
  ocean('NL', 6, 'CNYTN', ['NLRTM'], [30, 36]),
  postal('PL', 13, 'PLWAW'),
  {
    code: 'PL-ROAD',
    destination: 'PL',
    mode: 'road',
    departures: 3,
    originPort: 'CNYIW',
    destinationPorts: ['PLWAW'],
    carriers: [{ name: 'Silkline TIR Trucking', tracking: { kind: 'cmr' } }],
    transitDays: [14, 19],
    lastMileDays: [2, 4],
    cutoffDays: 3,
  },
  postal('SE', 13, 'SEARN'),
  postal('IE', 13, 'IEDUB'),
  postal('BE', 9, 'BEBRU'),
  postal('AT', 9, 'ATVIE'),
];

/** A destination's lanes in the order the router prefers for each kind of order. */
export const ROUTING = {
  bulky: ['ocean', 'rail', 'road', 'air', 'postal'] as TransportMode[],
  highValue: ['express', 'air', 'postal'] as TransportMode[],
  standard: ['air', 'postal'] as TransportMode[],
  /** Orders at or above this value (USD equivalent) go by express where the lane exists. */
  highValueUsd: 150,
  /** Products at or above this unit weight (or of a bulky family) make an order go by sea, rail or road. */
  bulkyKg: 8,
};
