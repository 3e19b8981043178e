import { canonicalJson } from './src/modules/journal/canonical-json.ts';
import { encodeLeaf, identityHashOf } from './src/modules/journal/leaf.ts';
import { hashLeaf, sha256 } from './src/modules/journal/merkle.ts';
const recs = Array.from({ length: 10000 }, (_, k) => ({ kind: 'order.imported', version: 1, actor: 'system:bench', subject: `ord_${k}`, data: { platform: 'shopify', externalId: `#${k}`, total: '12.5', currency: 'USD', lines: 3, country: 'US' } }));
for (let rep = 0; rep < 3; rep++) {
let t = performance.now(); for (const r of recs) JSON.parse(JSON.stringify(r.data)); console.log('json rt', Math.round(performance.now() - t));
t = performance.now(); for (const r of recs) canonicalJson(r.data); console.log('canon data', Math.round(performance.now() - t));
t = performance.now(); for (const r of recs) encodeLeaf({ log: 'x', index: 1, id: 'jnl_x', kind: r.kind, version: 1, actor: r.actor, subject: r.subject, data: r.data, at: 'x' }); console.log('encodeLeaf', Math.round(performance.now() - t));
t = performance.now(); for (const r of recs) sha256(Buffer.from('abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdef')); console.log('sha', Math.round(performance.now() - t));
t = performance.now(); for (const r of recs) identityHashOf({ log: 'x', kind: r.kind, version: 1, subject: r.subject, data: r.data }); console.log('identity', Math.round(performance.now() - t));
}
