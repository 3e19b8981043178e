/**
 * Small in-memory inverted indexes: BM25 for retrieval over tariff text, and TF-IDF cosine for nearest
 * neighbours (whose scores must be comparable across queries, which BM25's are not).
 */

interface Postings {
  docs: number[];
  tfs: number[];
}

export class Bm25Index {
  private readonly postings = new Map<string, Postings>();
  private readonly lengths: number[] = [];
  private avgLength = 0;
  private readonly k1: number;
  private readonly b: number;

  constructor(opts: { k1?: number; b?: number } = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Adds a document (its tokens) and returns its number. */
  add(tokens: readonly string[]): number {
    const id = this.lengths.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) {
        p = { docs: [], tfs: [] };
        this.postings.set(t, p);
      }
      p.docs.push(id);
      p.tfs.push(n);
    }
    this.lengths.push(tokens.length);
    this.avgLength += (tokens.length - this.avgLength) / this.lengths.length;
    return id;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    const n = this.lengths.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Scores every document against weighted query terms into `out` (length = size); returns the terms that
   * matched anything. In a large index, terms in more than `maxDfShare` of the documents are skipped (they
   * rank nothing and cost the most).
   */
  score(query: ReadonlyMap<string, number>, out: Float64Array, maxDfShare = 0.25): string[] {
    out.fill(0);
    const matched: string[] = [];
    const n = this.lengths.length;
    for (const [term, qw] of query) {
      const p = this.postings.get(term);
      if (!p || (n >= 1000 && p.docs.length > n * maxDfShare)) continue;
      matched.push(term);
      const idf = this.idf(term) * qw;
      const { docs, tfs } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const tf = tfs[i]!;
        const norm = this.k1 * (1 - this.b + (this.b * this.lengths[d]!) / this.avgLength);
        out[d]! += (idf * tf * (this.k1 + 1)) / (tf + norm);
      }
    }
    return matched;
  }
}

/** TF-IDF cosine similarity over a growing set of documents (the classification memory). */
export class CosineIndex {
  private readonly postings = new Map<string, { docs: number[]; ws: number[] }>();
  private readonly docTerms: Map<string, number>[] = [];
  private norms: Float64Array = new Float64Array(0);
  private dirty = true;
  // Scratch accumulator reused across queries (one query at a time: the service is single-threaded).
  private acc = new Float64Array(0);

  get size(): number {
    return this.docTerms.length;
  }

  add(tokens: readonly string[]): number {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const id = this.docTerms.length;
    this.docTerms.push(tf);
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) {
        p = { docs: [], ws: [] };
        this.postings.set(t, p);
      }
      p.docs.push(id);
      p.ws.push(1 + Math.log(n));
    }
    this.dirty = true;
    return id;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log((this.docTerms.length + 1) / (df + 1)) + 1;
  }

  private refresh(): void {
    if (!this.dirty) return;
    const norms = new Float64Array(this.docTerms.length);
    for (const [t, p] of this.postings) {
      const idf = this.idf(t);
      for (let i = 0; i < p.docs.length; i++) norms[p.docs[i]!]! += (p.ws[i]! * idf) ** 2;
    }
    for (let i = 0; i < norms.length; i++) norms[i] = Math.sqrt(norms[i]!) || 1;
    this.norms = norms;
    this.dirty = false;
  }

  /** The `k` most similar documents (cosine in [0,1]), skipping those `exclude` rejects. */
  nearest(
    query: ReadonlyMap<string, number>,
    k: number,
    exclude?: (doc: number) => boolean,
  ): Array<{ doc: number; similarity: number }> {
    this.refresh();
    if (this.acc.length < this.docTerms.length) this.acc = new Float64Array(this.docTerms.length * 2);
    const acc = this.acc;
    const touched: number[] = [];
    let qnorm = 0;
    for (const [term, qw] of query) {
      const p = this.postings.get(term);
      const idf = this.idf(term);
      const w = (1 + Math.log(qw)) * idf;
      qnorm += w * w;
      if (!p) continue;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        if (acc[d] === 0) touched.push(d);
        acc[d]! += w * p.ws[i]! * idf;
      }
    }
    qnorm = Math.sqrt(qnorm) || 1;
    const out: Array<{ doc: number; similarity: number }> = [];
    for (const doc of touched) {
      const dot = acc[doc]!;
      acc[doc] = 0;
      if (exclude?.(doc)) continue;
      out.push({ doc, similarity: dot / (qnorm * this.norms[doc]!) });
    }
    out.sort((a, b) => b.similarity - a.similarity);
    return out.slice(0, k);
  }
}
