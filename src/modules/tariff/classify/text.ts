/**
 * Text analysis shared by the tariff index and the memory index: lower-casing, accent folding,
 * tokenising, stop words, a light English stemmer (plurals, -ing/-ed, possessives) and synonym
 * expansion from the ruleset. Written for tariff and listing language, not general prose.
 */

const STOP = new Set(
  `a an and are as at be been but by for from has have in into is it its of on or other others than that the
  their this to was were which with without whether not nor so such per each any all only also being both
  new hot sale free shipping pcs pc piece pieces set sets lot style fashion high quality 1pc 2pcs 1pcs
  for with use used using type kind kinds described provided heading headings subheading subheadings chapter
  note notes including include includes inc etc thereof therefor article articles product products item
  items part parts accessory accessories`.split(/\s+/),
);
/** Words that stop-listing would lose but that classify goods ("parts", "accessories" are kept as signals). */
const KEEP = new Set(['parts', 'accessories', 'set', 'sets']);

const IRREGULAR: Record<string, string> = {
  women: 'woman',
  womens: 'woman',
  men: 'man',
  mens: 'man',
  children: 'child',
  childrens: 'child',
  kids: 'child',
  kid: 'child',
  girls: 'girl',
  boys: 'boy',
  feet: 'foot',
  teeth: 'tooth',
  knives: 'knife',
  leaves: 'leaf',
  shelves: 'shelf',
  wolves: 'wolf',
  lenses: 'lens',
  glasses: 'glass',
  dresses: 'dress',
  watches: 'watch',
  boxes: 'box',
  brushes: 'brush',
  batteries: 'battery',
  accessories: 'accessory',
  jewellery: 'jewelry',
  jewelery: 'jewelry',
  colour: 'color',
  aluminium: 'aluminum',
  fibre: 'fiber',
  fibres: 'fiber',
  woven: 'woven',
  knitted: 'knit',
  knitting: 'knit',
  crocheted: 'crochet',
  plated: 'plate',
  plating: 'plate',
  printed: 'print',
  coated: 'coat',
  padded: 'pad',
  heated: 'heat',
};

/** Light stemmer: enough to make "earrings"/"earring", "switches"/"switch", "knitted"/"knit" meet. */
export function stem(w: string): string {
  const irr = IRREGULAR[w];
  if (irr) return irr;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  // -ing only on verbs with a long stem ("printing"), never nouns such as "earring", "fishing", "string".
  if (w.endsWith('ing') && w.length >= 8 && !/r$/.test(w.slice(0, -3))) w = w.slice(0, -3);
  return w;
}

const SPLIT = /[^a-z0-9]+/;

/** Tokens of `text`: folded, split, stop words dropped, stemmed. Bare numbers are dropped. */
export function tokenize(text: string): string[] {
  return terms(text, false);
}

/**
 * Tokens for matching the ruleset's words: folded, split and stemmed like `tokenize`, but keeping stop
 * words, one-letter words and numbers of three or more digits, so that a rule's phrase keeps every word
 * ("silver 925", "high top", "e bike", "pc case") and a number such as "18650" can be a rule's word.
 * Numbers of one or two digits (counts, sizes, versions: "WiFi 6 Router", "Bluetooth 5.0 Receiver") are
 * dropped, so that they do not break a phrase.
 */
export function ruleTokens(text: string): string[] {
  return terms(text, true);
}

function terms(text: string, keepAll: boolean): string[] {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']s\b/g, '')
    .replace(/t-shirt/g, 'tshirt');
  const out: string[] = [];
  for (const raw of folded.split(SPLIT)) {
    if (!raw) continue;
    if (
      keepAll
        ? /^\d{1,2}$/.test(raw)
        : raw.length < 2 || /^\d+$/.test(raw) || (STOP.has(raw) && !KEEP.has(raw))
    )
      continue;
    out.push(stem(raw));
  }
  return out;
}

/** Synonym table (from the ruleset): a listing word → tariff words. Keys and values are stemmed on load. */
export class Synonyms {
  private readonly map = new Map<string, string[]>();
  constructor(table: Record<string, string[]>) {
    for (const [k, vs] of Object.entries(table)) {
      const key = tokenize(k).join(' ');
      if (!key) continue;
      this.map.set(
        key,
        vs.flatMap((v) => tokenize(v)),
      );
    }
  }
  /** Adds the synonyms of every token and adjacent token pair; originals are kept. */
  expand(tokens: string[]): string[] {
    const out = [...tokens];
    for (let i = 0; i < tokens.length; i++) {
      const one = this.map.get(tokens[i]!);
      if (one) out.push(...one);
      if (i + 1 < tokens.length) {
        const two = this.map.get(`${tokens[i]} ${tokens[i + 1]}`);
        if (two) out.push(...two);
      }
    }
    return out;
  }
}

/** Term → count. */
export function bag(tokens: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * A marketplace category path as the classifier reads it. Marketplace exports carry housekeeping markers
 * in their category names ("Women's Boots (Do Not Post in This Category)(Obsolete)", "Jeans (New)",
 * "Cosplay Costumes (Deactivate)"), often with their full-width brackets mis-decoded ("Jeans锛_ew锛"), and
 * levels left untranslated or mis-decoded into no Latin word at all. The markers say nothing about the
 * goods and the untranslated level hides the real leaf: both are dropped, then repeated levels folded.
 */
export function categoryLevels(path: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of path ?? []) {
    const level = raw
      .replace(/锛[^锛]*锛/g, ' ')
      .replace(
        /[（(]\s*(?:old,?\s*)?(?:new|obsolete|deactivated?|do not post in this category)\s*[)）]/gi,
        ' ',
      )
      .replace(/\s+/g, ' ')
      .trim();
    if (!/[a-z]{2}/i.test(level)) continue;
    if (out.at(-1)?.toLowerCase() !== level.toLowerCase()) out.push(level);
  }
  return out;
}
