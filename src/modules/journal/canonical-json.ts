/**
 * RFC 8785 JSON Canonicalization Scheme (JCS). Object members sorted by their names' UTF-16 code
 * units, no insignificant whitespace, numbers in the ECMAScript shortest round-trip form, strings
 * escaped as ECMAScript's JSON.stringify does. Values JSON cannot represent are refused, not skipped:
 * a journal leaf must mean exactly what its bytes say.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${path}: ${v} is not representable in JSON`);
      // ECMAScript Number serialisation is what RFC 8785 §3.2.2.3 prescribes; -0 becomes 0.
      return JSON.stringify(v);
    case 'string':
      if (!v.isWellFormed()) throw new TypeError(`${path}: string contains a lone surrogate`);
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => write(x, `${path}[${i}]`)).join(',')}]`;
      if (v instanceof Date) return JSON.stringify(v.toISOString());
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null)
        throw new TypeError(`${path}: only plain objects can be canonicalised`);
      const keys = Object.keys(v as object)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .sort();
      const parts: string[] = [];
      for (const k of keys) {
        if (!k.isWellFormed()) throw new TypeError(`${path}: member name contains a lone surrogate`);
        parts.push(`${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], `${path}.${k}`)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`${path}: a ${typeof v} is not representable in JSON`);
  }
}
