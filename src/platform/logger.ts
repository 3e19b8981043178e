import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * pino with redaction of every field that could carry personal data. Modules log ids, counts and codes,
 * never names, addresses, emails or phones; the redact list is the safety net, not the plan.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.name',
  '*.phone',
  '*.address',
  '*.token',
  '*.secret',
  '*.apiKey',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'crossgate' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
