import type { KeyObject } from 'node:crypto';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { IdGenerator } from './ids.ts';
import type { Logger } from './logger.ts';
import type { Database, Db, Executor, Pipeline } from './db/database.ts';
import type { KeyProvider } from './crypto/key-provider.ts';

/** A journal entry as a module hands it over; the journal module owns encoding, hashing and proofs. */
export interface JournalRecord {
  /** Typed, versioned entry kind, e.g. `order.imported`, `filing.submitted`. */
  kind: string;
  version: number;
  /** Who did it: a user id, an API key id, or `system:<process>`. */
  actor: string;
  /** The id of the thing the entry is about (order, shipment, filing…). Never personal data in clear. */
  subject?: string;
  data: Record<string, unknown>;
  /** Optional pre-assigned entry id (`jnl_…`), so the caller can store a reference to its entry. */
  id?: string;
  /**
   * Skip this record when the same fact (kind, version, subject, data) is already in the log: for
   * re-imports. Facts that may legitimately repeat leave it unset.
   */
  dedupe?: boolean;
}

/** Port every module writes its facts through, inside the transaction that changes its state. */
export interface JournalPort {
  append(tx: Executor, orgId: string, records: JournalRecord[]): Promise<void>;
}

/**
 * Port for personal data at rest: AES-256-GCM envelope encryption with per-organisation data keys
 * (and per-subject keys for crypto-shredding). Values are opaque strings in the database.
 */
export interface FieldCipher {
  /**
   * Pass `tx` when calling inside a transaction: a data key created on first use is then written in that
   * transaction (the embedded database has a single connection, so a second one would wait forever).
   */
  seal(orgId: string, plaintext: string, subjectKey?: string, tx?: Executor): Promise<string>;
  open(orgId: string, sealed: string, tx?: Executor): Promise<string>;
  /**
   * Loads or creates the data keys of many data subjects in one round trip, before a batch seals under
   * them (a bulk import would otherwise make one round trip per new buyer). With `writes`, the new keys
   * are sent through that pipeline of `tx` without waiting (a conflict fails it at `done()`).
   */
  prepareSubjects(
    orgId: string,
    subjectKeys: Iterable<string>,
    tx?: Executor,
    writes?: Pipeline,
  ): Promise<void>;
  /**
   * Call once the transaction `tx` has committed: the data keys created in it become known to every
   * caller. Until then only that transaction uses them (they exist only if it commits); without this call
   * they are loaded from the database again on their next use.
   */
  committed(tx: Executor): void;
  /** Like open(), but null when the value was crypto-shredded (its data subject erased). */
  tryOpen(orgId: string, sealed: string, tx?: Executor): Promise<string | null>;
  /** Keyed hash for exact lookup of an encrypted value (normalised by the caller). */
  blindIndex(orgId: string, value: string): string;
  /** The organisation's blind-index key, for `blindIndexWith` where this object is not at hand (a worker thread). */
  blindIndexKey(orgId: string): KeyObject;
  /**
   * Seals several fields of one record (e.g. a party's name, address, phone, e-mail) as one AEAD message
   * under one IV: one cipher call for all of them (ADR 0007). undefined/null fields are left out.
   */
  sealRecord(
    orgId: string,
    fields: Readonly<Record<string, string | null | undefined>>,
    subjectKey?: string,
    tx?: Executor,
  ): Promise<string>;
  /** Every field of a sealed record (authenticated as a whole). */
  openRecord(orgId: string, sealed: string, tx?: Executor): Promise<Record<string, string>>;
  /** Like openRecord(), but null when the record was crypto-shredded. */
  tryOpenRecord(orgId: string, sealed: string, tx?: Executor): Promise<Record<string, string> | null>;
  /** One field of a sealed record, or null when the record does not hold it. */
  openField(orgId: string, sealed: string, field: string, tx?: Executor): Promise<string | null>;
}

export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  clock: Clock;
  ids: IdGenerator;
  keys: KeyProvider;
  cipher: FieldCipher;
  journal: JournalPort;
}
