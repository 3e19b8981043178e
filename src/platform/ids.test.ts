import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TypeID } from 'typeid-js';
import { hasPrefix, newId, typeIdGenerator } from './ids.ts';

// typeid-js (the TypeID reference implementation for JavaScript) is the oracle for the encoding.
describe('ids', () => {
  it('are valid TypeIDs holding a version-7 UUID with the current time', () => {
    const before = Date.now();
    const id = newId('journalEntry');
    const after = Date.now();
    assert.ok(hasPrefix(id, 'journalEntry'), id);
    const parsed = TypeID.fromString(id);
    assert.equal(parsed.getType(), 'jnl');
    const hex = parsed.toUUID().replaceAll('-', '');
    assert.equal(hex[12], '7', 'version 7');
    assert.ok(['8', '9', 'a', 'b'].includes(hex[16]!), 'RFC 9562 variant');
    const ms = Number.parseInt(hex.slice(0, 12), 16);
    assert.ok(ms >= before && ms <= after, `${ms} not in [${before}, ${after}]`);
    // Round trip through the reference encoder: same 26 characters.
    assert.equal(TypeID.fromUUID('jnl', parsed.toUUID()).toString(), id);
  });

  it('are unique and sort in the order they were made, within a millisecond too', () => {
    const ids = Array.from({ length: 50_000 }, () => typeIdGenerator.next('order'));
    assert.equal(new Set(ids).size, ids.length);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]} !< ${ids[i]}`);
    for (const id of ids.slice(0, 200)) assert.equal(TypeID.fromString(id).toString(), id);
  });
});
