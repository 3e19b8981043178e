import { buildFiling, planFilings } from '../builders/builders.ts';
import type { ShipmentBundle } from '../builders/common.ts';
import type { CheckContext } from '../checkpoints/types.ts';
import { planClocks } from '../deadlines.ts';
import { noScreening } from '../filings.ports.ts';
import { formatEntryNumber } from '../formats.ts';
import type { Filing, FilingKind } from '../model.ts';
import {
  euAirBundle,
  fixtureTariff,
  ukLowBundle,
  ukStandardBundle,
  usAirBundle,
  usOceanBundle,
} from './fixtures.ts';

export const BUILD_NOW = new Date('2026-11-02T09:00:00Z');

/** Builds every filing a bundle needs, completed with the data a filer adds by hand (flight, PGA). */
export function buildAll(b: ShipmentBundle, now = BUILD_NOW): Filing[] {
  return planFilings(b).map((p, i) => {
    const f = buildFiling(b, p, {
      now,
      tariff: fixtureTariff,
      reference: `${b.shipment.reference}-${i + 1}`.replace(/[^A-Za-z0-9_-]/g, ''),
      ...(p.kind === 'us_entry' ? { entryNumber: formatEntryNumber('B7X', 1234) } : {}),
    });
    return f;
  });
}

export function checkContext(f: Filing, now = BUILD_NOW): CheckContext {
  return {
    now,
    tariff: fixtureTariff,
    screening: noScreening,
    priceHistory: new Map([['BW-HEADPHONES', { median: '24.00', currency: 'USD', samples: 12 }]]),
    deadlines: planClocks({
      kind: f.kind,
      variant: f.header.ensVariant ?? '',
      mode: f.transport.mode,
      departure: f.transport.departure ?? null,
      arrival: f.transport.arrival ?? null,
      portOfLading: f.transport.portOfLading ?? null,
      portOfUnlading: f.transport.portOfUnlading ?? null,
      on: now,
    }).map((c) => ({ clock: c.clock, dueAt: c.dueAt })),
  };
}

/** One complete, valid filing per situation the checkpoints distinguish. */
export function baseFilings(): Record<string, Filing> {
  const [isf, entryOcean] = buildAll(usOceanBundle());
  const [entryAir] = buildAll(usAirBundle());
  const [placi, ensAir, h7] = buildAll(euAirBundle());
  const euOcean = euAirBundle();
  euOcean.shipment = {
    ...euOcean.shipment,
    mode: 'ocean',
    carrier: 'MAEU',
    trackingNumber: 'MAEU240011224',
    originPort: 'CNYTN',
    destinationPort: 'DEHAM',
    eta: '2026-12-06T06:00:00.000Z',
  };
  const [ensOcean] = buildAll(euOcean);
  const [cdsLow] = buildAll(ukLowBundle());
  const [cdsStd] = buildAll(ukStandardBundle());
  ensAir!.transport.conveyance = 'LH8401';
  ensOcean!.transport.conveyance = 'IMO9811000';
  ensOcean!.transport.containers = ['CSQU3054383'];
  const out: Record<string, Filing> = {
    isf: isf!,
    entryOcean: entryOcean!,
    entryAir: entryAir!,
    placi: placi!,
    ensAir: ensAir!,
    ensOcean: ensOcean!,
    h7: h7!,
    cdsLow: cdsLow!,
    cdsStd: cdsStd!,
  };
  return out;
}

export const KIND_OF_BASE: Record<string, FilingKind> = {
  isf: 'us_isf',
  entryOcean: 'us_entry',
  entryAir: 'us_entry',
  placi: 'eu_ens',
  ensAir: 'eu_ens',
  ensOcean: 'eu_ens',
  h7: 'eu_h7',
  cdsLow: 'uk_cds',
  cdsStd: 'uk_cds',
};
