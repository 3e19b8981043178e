import type { Disposition, Reason, SubmissionKind } from '../gateway.types.ts';

/**
 * ABI-style batch framing (modelled on CATAIR's block control records; positions are this sandbox
 * protocol's, documented in the module README). Every record is exactly 80 characters.
 *
 *   A  transmission header   1 'A' | 2-4 filer code | 5-12 date YYYYMMDD | 13-52 batch control number
 *   B  block header          1 'B' | 2 action O/A/W | 3-42 idempotency key (transaction reference)
 *   …  application records of one filing (10, 40, 90 … from the filing's CATAIR encoding)
 *   Y  block trailer         1 'Y' | 2-7 records in the block
 *   Z  transmission trailer  1 'Z' | 2-7 blocks
 *
 * Output (acknowledgement) records:
 *   R  disposition           1 'R' | 2-41 key | 42-43 code | 44-57 entry number | 58-65 seq | 66-80 message id
 *   E  reason                1 'E' | 2-6 code | 7-80 text
 */
export const RECORD_LENGTH = 80;

const ACTION_CODE: Record<SubmissionKind, string> = { original: 'O', amendment: 'A', withdrawal: 'W' };
const ACTION_KIND: Record<string, SubmissionKind> = { O: 'original', A: 'amendment', W: 'withdrawal' };

export const DISPOSITION_CODE: Record<Disposition, string> = {
  received: 'RC',
  accepted: 'AC',
  rejected: 'RJ',
  hold: 'HD',
  released: 'RL',
  referral: 'RF',
  do_not_load: 'DN',
  amended: 'AM',
  withdrawn: 'WD',
};
const CODE_DISPOSITION = Object.fromEntries(
  Object.entries(DISPOSITION_CODE).map(([d, c]) => [c, d as Disposition]),
) as Record<string, Disposition>;

export function field(value: string | number, width: number, align: 'left' | 'right' = 'left'): string {
  const s = String(value);
  if (s.length > width) return s.slice(0, width);
  return align === 'left' ? s.padEnd(width, ' ') : s.padStart(width, '0');
}

export function record(...parts: string[]): string {
  return parts.join('').padEnd(RECORD_LENGTH, ' ').slice(0, RECORD_LENGTH);
}

export interface AbiBlock {
  kind: SubmissionKind;
  idempotencyKey: string;
  /** The filing's application records (lines of 80 characters). */
  records: string[];
}

export function encodeBatch(
  filerCode: string,
  date: string,
  batchControl: string,
  blocks: AbiBlock[],
): string {
  const out: string[] = [record('A', field(filerCode, 3), field(date, 8), field(batchControl, 40))];
  for (const b of blocks) {
    out.push(record('B', ACTION_CODE[b.kind], field(b.idempotencyKey, 40)));
    out.push(...b.records);
    out.push(record('Y', field(b.records.length, 6, 'right')));
  }
  out.push(record('Z', field(blocks.length, 6, 'right')));
  return `${out.join('\n')}\n`;
}

export interface DecodedBatch {
  filerCode: string;
  batchControl: string;
  blocks: Array<AbiBlock & { blockNo: number }>;
}

/** Parses a batch; throws Error with a list of framing problems (the sandbox rejects the whole batch). */
export function decodeBatch(text: string): DecodedBatch {
  const lines = text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  const problems: string[] = [];
  lines.forEach((l, i) => {
    if (l.length !== RECORD_LENGTH)
      problems.push(`record ${i + 1} is ${l.length} characters, not ${RECORD_LENGTH}`);
  });
  if (problems.length) throw new Error(problems.join('; '));
  if (lines[0]?.[0] !== 'A') throw new Error('record 1 is not an A (transmission header) record');
  if (lines.at(-1)?.[0] !== 'Z') throw new Error('last record is not a Z (transmission trailer) record');
  const header = lines[0];
  const blocks: DecodedBatch['blocks'] = [];
  let current: (AbiBlock & { blockNo: number }) | undefined;
  for (let i = 1; i < lines.length - 1; i++) {
    const l = lines[i]!;
    if (l[0] === 'B') {
      if (current) throw new Error(`record ${i + 1}: B record inside an open block`);
      const kind = ACTION_KIND[l[1]!];
      if (!kind) throw new Error(`record ${i + 1}: unknown action code ${l[1]}`);
      current = { kind, idempotencyKey: l.slice(2, 42).trim(), records: [], blockNo: blocks.length + 1 };
    } else if (l[0] === 'Y') {
      if (!current) throw new Error(`record ${i + 1}: Y record without a B record`);
      const n = Number(l.slice(1, 7));
      if (n !== current.records.length)
        throw new Error(
          `record ${i + 1}: block trailer counts ${n} records, block has ${current.records.length}`,
        );
      blocks.push(current);
      current = undefined;
    } else {
      if (!current) throw new Error(`record ${i + 1}: application record outside a block`);
      current.records.push(l);
    }
  }
  if (current) throw new Error('block not closed by a Y record');
  const count = Number(lines.at(-1)!.slice(1, 7));
  if (count !== blocks.length) throw new Error(`trailer counts ${count} blocks, batch has ${blocks.length}`);
  return { filerCode: header.slice(1, 4).trim(), batchControl: header.slice(12, 52).trim(), blocks };
}

export interface AbiAck {
  idempotencyKey: string;
  disposition: Disposition;
  entryNumber: string;
  seq: number;
  messageId: string;
  reasons: Reason[];
}

export function encodeAcks(acks: AbiAck[]): string {
  const out: string[] = [];
  for (const a of acks) {
    out.push(
      record(
        'R',
        field(a.idempotencyKey, 40),
        DISPOSITION_CODE[a.disposition],
        field(a.entryNumber, 14),
        field(a.seq, 8, 'right'),
        field(a.messageId, 15),
      ),
    );
    for (const r of a.reasons) out.push(record('E', field(r.code, 5), field(r.text, 74)));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export function decodeAcks(text: string): AbiAck[] {
  const acks: AbiAck[] = [];
  for (const l of text.split('\n')) {
    if (l.length === 0) continue;
    if (l.length !== RECORD_LENGTH) throw new Error(`acknowledgement record of ${l.length} characters`);
    if (l[0] === 'R') {
      const disposition = CODE_DISPOSITION[l.slice(41, 43)];
      if (!disposition) throw new Error(`unknown disposition code ${l.slice(41, 43)}`);
      acks.push({
        idempotencyKey: l.slice(1, 41).trim(),
        disposition,
        entryNumber: l.slice(43, 57).trim(),
        seq: Number(l.slice(57, 65)),
        messageId: l.slice(65, 80).trim(),
        reasons: [],
      });
    } else if (l[0] === 'E') {
      const last = acks.at(-1);
      if (!last) throw new Error('E record before any R record');
      last.reasons.push({ code: l.slice(1, 6).trim(), text: l.slice(6).trim() });
    }
  }
  return acks;
}
