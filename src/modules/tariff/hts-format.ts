import { parse } from 'csv-parse/sync';
import { invalid } from '../../platform/errors.ts';

/**
 * One line of a tariff schedule as published (USITC HTS export): the official layout, with the
 * hierarchy made explicit. `code` is digits only ('' for the unnumbered "superior text" lines that only
 * group their children); `parent` is the index of the nearest preceding line with a smaller indent.
 */
export interface TariffLine {
  seq: number;
  code: string;
  indent: number;
  description: string;
  parent: number | null;
  units: string[];
  generalRate: string;
  specialRate: string;
  column2Rate: string;
  quotaQuantity: string;
  additionalDuties: string;
  /** Chapter 99 provisions this line points to (additional duties, e.g. 9903.88.15), from text and footnotes. */
  additionalDutyRefs: string[];
}

const CSV_HEADER = [
  'HTS Number',
  'Indent',
  'Description',
  'Unit of Quantity',
  'General Rate of Duty',
  'Special Rate of Duty',
  'Column 2 Rate of Duty',
  'Quota Quantity',
  'Additional Duties',
] as const;

/** `8536.50.90.20` → `8536509020`; rejects anything that is not dotted digits. */
export function normaliseCode(raw: string): string {
  const s = raw.trim().replace(/[.\s]/g, '');
  if (s !== '' && !/^\d+$/.test(s)) throw invalid(`"${raw}" is not a tariff number`);
  return s;
}

/** `8536509020` → `8536.50.90.20`; `853650` → `8536.50`. */
export function formatCode(code: string): string {
  const parts = [code.slice(0, 4), code.slice(4, 6), code.slice(6, 8), code.slice(8, 10)].filter(Boolean);
  return parts.join('.');
}

const REF = /\b99(?:0[0-9]|2[0-9])\.\d{2}\.\d{2}\b/g;
function refsIn(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(REF)) out.add(m[0]);
  return [...out];
}

function parseUnits(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String).filter(Boolean);
  const s = String(raw ?? '').trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const v = JSON.parse(s);
      if (Array.isArray(v)) return v.map(String).filter(Boolean);
    } catch {
      // fall through: a hand-edited cell such as `[No.]`
    }
  }
  return s
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((u) => u.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}

function parseIndent(raw: unknown, row: number): number {
  const n = Number(String(raw ?? '').trim());
  if (!Number.isInteger(n) || n < 0 || n > 20)
    throw invalid(`row ${row}: indent "${String(raw)}" is not 0–20`);
  return n;
}

const clean = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();

interface RawRow {
  code: string;
  indent: number;
  description: string;
  units: string[];
  general: string;
  special: string;
  other: string;
  quota: string;
  additional: string;
  footnotes: string[];
}

/**
 * The code a row is declared under. An 8-digit tariff line of chapters 01–97 that the export gives no
 * statistical lines is declared with the statistical suffix 00 (HTSUS General Statistical Notes: a
 * subheading not subdivided for statistics takes suffix 00). The USITC export mostly prints the 00 (8210.00.00.00)
 * but leaves it off some lines (9105.21.40, battery wall clocks, and 94 others of chapter 91), which would
 * otherwise read as subheadings with nothing declarable under them. Chapter 98 and 99 provisions stay as
 * they are.
 */
function declaredCodes(rows: RawRow[]): string[] {
  const subdivided = new Set(rows.filter((r) => r.code.length === 10).map((r) => r.code.slice(0, 8)));
  return rows.map((r) =>
    r.code.length === 8 && !subdivided.has(r.code) && r.code < '98' ? `${r.code}00` : r.code,
  );
}

function link(rows: RawRow[]): TariffLine[] {
  const out: TariffLine[] = [];
  const stack: number[] = [];
  const codes = declaredCodes(rows);
  rows.forEach((r, seq) => {
    while (stack.length && out[stack.at(-1)!]!.indent >= r.indent) stack.pop();
    out.push({
      seq,
      code: codes[seq]!,
      indent: r.indent,
      description: r.description,
      parent: stack.length ? stack.at(-1)! : null,
      units: r.units,
      generalRate: r.general,
      specialRate: r.special,
      column2Rate: r.other,
      quotaQuantity: r.quota,
      additionalDuties: r.additional,
      additionalDutyRefs: r.code.startsWith('99')
        ? []
        : refsIn(r.description, r.general, r.special, r.other, r.additional, ...r.footnotes),
    });
    stack.push(seq);
  });
  return out;
}

/** Parses the USITC "HTS export" CSV (the columns of CSV_HEADER, BOM and multi-line cells allowed). */
export function parseHtsCsv(input: string | Buffer): TariffLine[] {
  let records: Record<string, string>[];
  try {
    records = parse(input, { bom: true, columns: true, relax_quotes: true, skip_empty_lines: true });
  } catch (err) {
    throw invalid(`Not a readable CSV: ${(err as Error).message}`);
  }
  const first = records[0];
  if (!first) throw invalid('The HTS file has no rows');
  const missing = CSV_HEADER.filter((h) => !(h in first));
  if (missing.length) throw invalid(`Not a USITC HTS export: missing column(s) ${missing.join(', ')}`);
  return link(
    records.map((r, i) => ({
      code: normaliseCode(r['HTS Number'] ?? ''),
      indent: parseIndent(r.Indent, i + 2),
      description: clean(r.Description),
      units: parseUnits(r['Unit of Quantity']),
      general: clean(r['General Rate of Duty']),
      special: clean(r['Special Rate of Duty']),
      other: clean(r['Column 2 Rate of Duty']),
      quota: clean(r['Quota Quantity']),
      additional: clean(r['Additional Duties']),
      footnotes: [],
    })),
  );
}

interface JsonRow {
  htsno?: string;
  indent?: string | number;
  description?: string;
  units?: unknown;
  general?: string;
  special?: string;
  other?: string;
  quotaQuantity?: string;
  additionalDuties?: string;
  footnotes?: Array<{ value?: string }>;
}

/** Parses the USITC export service's JSON (an array of `{htsno, indent, description, units, general, …}`). */
export function parseHtsJson(input: string | Buffer): TariffLine[] {
  let data: unknown;
  try {
    data = JSON.parse(String(input).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw invalid(`Not readable JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data) || data.length === 0)
    throw invalid('The HTS JSON export is not a non-empty array');
  return link(
    (data as JsonRow[]).map((r, i) => {
      if (typeof r !== 'object' || r === null || !('indent' in r))
        throw invalid(`element ${i}: not an HTS line (no indent)`);
      return {
        code: normaliseCode(r.htsno ?? ''),
        indent: parseIndent(r.indent, i),
        description: clean(r.description),
        units: parseUnits(r.units),
        general: clean(r.general),
        special: clean(r.special),
        other: clean(r.other),
        quota: clean(r.quotaQuantity),
        additional: clean(r.additionalDuties),
        footnotes: (r.footnotes ?? []).map((f) => clean(f?.value)),
      };
    }),
  );
}

/** Sniffs the format: JSON arrays start with `[`, everything else is read as the CSV export. */
export function parseHtsExport(input: string | Buffer): TariffLine[] {
  const head = (typeof input === 'string' ? input.slice(0, 64) : input.subarray(0, 64).toString('utf8'))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('[') ? parseHtsJson(input) : parseHtsCsv(input);
}

/** One WCO HS nomenclature entry (section, 2/4/6-digit code, description, parent). */
export interface HsEntry {
  code: string;
  level: 2 | 4 | 6;
  parent: string | null;
  section: string;
  description: string;
}

/** Parses the WCO HS nomenclature CSV (`section,hscode,description,parent,level`). */
export function parseHsCsv(input: string | Buffer): HsEntry[] {
  const records: Record<string, string>[] = parse(input, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
  });
  if (!records[0] || !('hscode' in records[0]) || !('level' in records[0]))
    throw invalid('Not an HS nomenclature CSV: expected columns section,hscode,description,parent,level');
  return records
    .filter((r) => String(r.hscode).trim() !== 'TOTAL')
    .map((r, i) => {
      const level = Number(r.level);
      const code = String(r.hscode).trim();
      if (![2, 4, 6].includes(level) || !/^\d+$/.test(code) || code.length !== level)
        throw invalid(`row ${i + 2}: "${code}" at level ${r.level} is not an HS code`);
      return {
        code,
        level: level as 2 | 4 | 6,
        parent: r.parent && r.parent !== 'TOTAL' ? r.parent : null,
        section: clean(r.section),
        description: clean(r.description),
      };
    });
}
