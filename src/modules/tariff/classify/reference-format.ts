import { parse } from 'csv-parse/sync';
import { invalid } from '../../../platform/errors.ts';
import { type ClassifyInput, listingText } from './classifier.ts';

/** An item shaped like HSCodeComp's (AliExpress listing): any label field is optional. */
export interface ListingItem {
  id: string;
  input: ClassifyInput;
  /** Present on labelled (reference) items: the digits of the code. */
  code: string | undefined;
}

function attributesOf(raw: unknown): Record<string, string> {
  if (!raw) return {};
  let obj = raw;
  if (typeof raw === 'string') {
    try {
      obj = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return {};
  return Object.fromEntries(
    Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k.trim(), String(v)]),
  );
}

/** One NDJSON object → a listing. Accepts HSCodeComp's fields (product_name, product_attributes, cate_lv1_desc…). */
export function listingFromJson(obj: Record<string, unknown>, fallbackId: string): ListingItem {
  const title = String(obj.product_name ?? obj.title ?? '').trim();
  if (!title) throw invalid('item has no product_name (or title)');
  const categoryPath: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const c = obj[`cate_lv${i}_desc`];
    if (typeof c === 'string' && c.trim() && categoryPath.at(-1) !== c.trim()) categoryPath.push(c.trim());
  }
  if (Array.isArray(obj.categoryPath)) categoryPath.push(...obj.categoryPath.map(String));
  const id = String(obj.id ?? obj.task_id ?? obj.sku ?? fallbackId);
  const rawCode = obj.hs_code ?? obj.code;
  const code = rawCode === undefined || rawCode === null ? undefined : String(rawCode).replace(/\D/g, '');
  return {
    id,
    code: code || undefined,
    input: {
      title,
      description: typeof obj.description === 'string' ? obj.description : undefined,
      attributes: attributesOf(obj.product_attributes ?? obj.attributes),
      categoryPath,
      price: typeof obj.price === 'number' ? obj.price : obj.price ? Number(obj.price) : undefined,
      currency: typeof obj.currency_code === 'string' ? obj.currency_code : undefined,
    },
  };
}

/** Reads NDJSON text into listings; a line that does not parse is reported with its number. */
export function parseNdjson(text: string): Array<ListingItem | { line: number; error: string }> {
  const out: Array<ListingItem | { line: number; error: string }> = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      out.push(listingFromJson(JSON.parse(raw), `line-${i + 1}`));
    } catch (err) {
      out.push({ line: i + 1, error: (err as Error).message });
    }
  });
  return out;
}

/** A labelled reference: a description and a code (of `country`'s tariff). */
export interface ReferenceEntry {
  text: string;
  code: string;
  country: string;
}

/**
 * HMRC parcel references: `search_references.json` (`{"description": "code"}`) or
 * `extra_references.csv` (`Goods Description,Commodity Code`). UK codes: only the HS-6 part carries.
 */
export function parseHmrcReferences(text: string): ReferenceEntry[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const obj = JSON.parse(trimmed) as Record<string, unknown>;
    return Object.entries(obj)
      .map(([d, c]) => ({ text: d, code: String(c).replace(/\D/g, '').slice(0, 6), country: 'GB' }))
      .filter((r) => r.code.length === 6);
  }
  const rows: Record<string, string>[] = parse(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  });
  if (!rows[0] || !('Goods Description' in rows[0]) || !('Commodity Code' in rows[0]))
    throw invalid('Not an HMRC reference CSV: expected columns "Goods Description,Commodity Code"');
  return rows
    .map((r) => ({
      text: String(r['Goods Description']).trim(),
      code: String(r['Commodity Code']).replace(/\D/g, '').slice(0, 6),
      country: 'GB',
    }))
    .filter((r) => r.text && r.code.length === 6);
}

/**
 * Reference entries from a file's name and text: labelled listings (HSCodeComp-shaped NDJSON, US codes)
 * or HMRC parcel references (`search_references.json`, `extra_references.csv`).
 */
export function referenceEntries(fileName: string, text: string): ReferenceEntry[] {
  const isNdjson = /\.(nd)?jsonl?$/.test(fileName) && text.trimStart().startsWith('{"');
  return isNdjson && !fileName.endsWith('search_references.json')
    ? labelledListings(text).map(listingEntry)
    : parseHmrcReferences(text);
}

/** The labelled listings of HSCodeComp-shaped NDJSON (lines that do not parse, or carry no code, left out). */
export const labelledListings = (text: string): ListingItem[] =>
  parseNdjson(text).flatMap((it) => ('input' in it && it.code ? [it] : []));

/** A labelled listing as a reference entry: the text it is known by and its US code. */
export const listingEntry = (it: ListingItem): ReferenceEntry => ({
  text: listingText(it.input),
  code: it.code!,
  country: 'US',
});
