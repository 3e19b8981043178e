import type { z } from 'zod';
import type { JournalRecord } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';

/**
 * Entry kinds are the log's "personalities": the core hashes bytes; a kind says what an entry means.
 * A module may register a zod schema for `kind@version`; appends of a registered kind are validated
 * against it. Unregistered kinds are accepted if well named, so modules can journal before they
 * register. Whatever the kind, personal data in clear is refused (see `assertNoPersonalData`).
 */
interface KindSpec {
  description: string;
  schema: z.ZodType;
}

const registry = new Map<string, KindSpec>();
const KIND_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function defineEntryKind(kind: string, version: number, description: string, schema: z.ZodType): void {
  if (!KIND_NAME.test(kind)) throw new Error(`entry kind ${kind} is not dotted lower_snake_case`);
  registry.set(`${kind}@${version}`, { description, schema });
}

export function entryKinds(): Array<{ kind: string; version: number; description: string }> {
  return [...registry.entries()].map(([k, v]) => {
    const [kind, version] = k.split('@');
    return { kind: kind!, version: Number(version), description: v.description };
  });
}

const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

/** Refuses an obvious e-mail address anywhere in `data`: persons are referenced by id or keyed hash. */
export function assertNoPersonalData(data: unknown, path = 'data'): void {
  const at = emailAt(data);
  if (at)
    throw invalid('Personal data must not be journaled in clear: reference the person by id or keyed hash', [
      { field: [path, ...at.reverse()].join('.'), message: 'looks like an e-mail address' },
    ]);
}

/**
 * The path (innermost first) to a string in `data` that looks like an e-mail address, or undefined.
 * Runs on every journal entry, some listing thousands of imported records: no work per member beyond
 * the walk, the path is built only for a hit, and only strings holding an "@" meet the regex.
 */
function emailAt(data: unknown): Array<string | number> | undefined {
  if (typeof data === 'string') return data.includes('@') && EMAIL.test(data) ? [] : undefined;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const at = emailAt(data[i]);
      if (at) {
        at.push(i);
        return at;
      }
    }
  } else if (data && typeof data === 'object')
    for (const k in data) {
      const at = emailAt((data as Record<string, unknown>)[k]);
      if (at) {
        at.push(k);
        return at;
      }
    }
  return undefined;
}

export function validateRecord(r: JournalRecord, position: number): void {
  const field = (f: string) => `records.${position}.${f}`;
  if (!KIND_NAME.test(r.kind))
    throw invalid('Journal entry kind must be dotted lower_snake_case', [
      { field: field('kind'), message: r.kind },
    ]);
  if (!Number.isInteger(r.version) || r.version < 1)
    throw invalid('Journal entry version must be a positive integer', [
      { field: field('version'), message: String(r.version) },
    ]);
  if (!r.actor) throw invalid('Journal entry needs an actor', [{ field: field('actor'), message: 'empty' }]);
  for (const f of ['actor', 'subject'] as const) {
    const v = r[f];
    if (v != null && (typeof v !== 'string' || !v.isWellFormed()))
      throw invalid(`Journal entry ${f} must be well-formed text`, [{ field: field(f), message: 'invalid' }]);
  }
  const spec = registry.get(`${r.kind}@${r.version}`);
  if (spec) {
    const parsed = spec.schema.safeParse(r.data);
    if (!parsed.success)
      throw invalid(
        `Journal entry ${r.kind}@${r.version} does not match its schema`,
        parsed.error.issues.map((i) => ({ field: field(`data.${i.path.join('.')}`), message: i.message })),
      );
  }
  assertNoPersonalData(r.data, field('data'));
}
