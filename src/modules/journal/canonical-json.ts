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

/**
 * The canonical JSON of what `JSON.stringify` makes of `value`, in one pass: exactly
 * `canonicalJson(JSON.parse(JSON.stringify(value)))` (toJSON is called, boxed primitives unwrapped,
 * undefined/function/symbol members dropped and array elements written as null, non-finite numbers as
 * null), without building the intermediate string and object tree. The append path uses it for
 * records' `data`, which callers build as ordinary JavaScript values.
 */
export function canonicalJsonOf(value: unknown): string {
  const out = writeLoose(value, '', '$', []);
  if (out === undefined) throw new TypeError(`$: a ${typeof value} is not representable in JSON`);
  return out;
}

function writeLoose(input: unknown, key: string, path: string, open: object[]): string | undefined {
  let v = input;
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, key);
  }
  if (v instanceof Number) v = Number(v);
  else if (v instanceof String) v = String(v);
  else if (v instanceof Boolean) v = v.valueOf();
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return Number.isFinite(v) ? JSON.stringify(v) : 'null';
    case 'string':
      if (!v.isWellFormed()) throw new TypeError(`${path}: string contains a lone surrogate`);
      return JSON.stringify(v);
    case 'bigint':
      throw new TypeError(`${path}: a bigint is not representable in JSON`);
    case 'object': {
      if (open.includes(v)) throw new TypeError(`${path}: circular structure`);
      open.push(v);
      let out: string;
      if (Array.isArray(v)) {
        const parts: string[] = [];
        for (let i = 0; i < v.length; i++)
          parts.push(writeLoose(v[i], String(i), `${path}[${i}]`, open) ?? 'null');
        out = `[${parts.join(',')}]`;
      } else {
        const o = v as Record<string, unknown>;
        const parts: string[] = [];
        for (const k of Object.keys(o).sort()) {
          const s = writeLoose(o[k], k, `${path}.${k}`, open);
          if (s === undefined) continue;
          if (!k.isWellFormed()) throw new TypeError(`${path}: member name contains a lone surrogate`);
          parts.push(`${JSON.stringify(k)}:${s}`);
        }
        out = `{${parts.join(',')}}`;
      }
      open.pop();
      return out;
    }
    default:
      return undefined; // undefined, function, symbol: skipped as JSON.stringify skips them
  }
}
