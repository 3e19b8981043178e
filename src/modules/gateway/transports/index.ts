import type { Clock } from '../../../platform/clock.ts';
import { AceTransport } from './ace.transport.ts';
import { cdsTransport, ics2Transport } from './rest.transport.ts';
import type { CustomsTransport, EndpointConfig } from './transport.ts';

/** The adapter for an endpoint's regime. */
export function createTransport(cfg: EndpointConfig, clock: Clock): CustomsTransport {
  switch (cfg.regime) {
    case 'US-ACE':
      return new AceTransport(cfg, clock);
    case 'UK-CDS':
      return cdsTransport(cfg, clock);
    case 'EU-ICS2':
      return ics2Transport(cfg, clock);
  }
}

export type { CustomsTransport, EndpointConfig, SendOutcome, TransportItem } from './transport.ts';
