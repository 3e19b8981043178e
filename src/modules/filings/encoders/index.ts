import { createHash } from 'node:crypto';
import type { Filing } from '../model.ts';
import { encodeEntry, encodeIsf } from './catair.ts';
import { encodeCds, encodeEns, encodeH7 } from './xml.encoders.ts';

export const ENCODER_VERSION = 'filings-encoders@1';

export interface EncodedFiling {
  regime: Filing['regime'];
  kind: Filing['kind'];
  format: 'catair-fixed-80' | 'ics2-ens-v3-xml' | 'eu-h7-xml' | 'wco-dms-xml';
  contentType: string;
  payload: string;
  sha256: string;
}

/** The wire payload of a filing. Deterministic: the same filing encodes to the same bytes. */
export function encode(f: Filing): EncodedFiling {
  let format: EncodedFiling['format'];
  let payload: string;
  switch (f.kind) {
    case 'us_isf':
      format = 'catair-fixed-80';
      payload = encodeIsf(f);
      break;
    case 'us_entry':
      format = 'catair-fixed-80';
      payload = encodeEntry(f);
      break;
    case 'eu_ens':
      format = 'ics2-ens-v3-xml';
      payload = encodeEns(f);
      break;
    case 'eu_h7':
      format = 'eu-h7-xml';
      payload = encodeH7(f);
      break;
    case 'uk_cds':
      format = 'wco-dms-xml';
      payload = encodeCds(f);
      break;
  }
  return {
    regime: f.regime,
    kind: f.kind,
    format,
    contentType: format === 'catair-fixed-80' ? 'text/plain' : 'application/xml',
    payload,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
}
