import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addCalendarDays,
  addUsWorkingDays,
  crossedLeads,
  isUsWorkingDay,
  localDate,
  planClocks,
  tzOffsetMinutes,
  zonedInstant,
} from './deadlines.ts';

const on = new Date('2026-11-01T00:00:00Z');

describe('deadline arithmetic', () => {
  it('reads time-zone offsets across the US and EU DST changes', () => {
    assert.equal(tzOffsetMinutes('America/Los_Angeles', new Date('2026-10-31T12:00:00Z')), -420);
    assert.equal(tzOffsetMinutes('America/Los_Angeles', new Date('2026-11-02T12:00:00Z')), -480);
    assert.equal(tzOffsetMinutes('Europe/Berlin', new Date('2026-03-28T12:00:00Z')), 60);
    assert.equal(tzOffsetMinutes('Europe/Berlin', new Date('2026-03-30T12:00:00Z')), 120);
    assert.equal(tzOffsetMinutes('Asia/Shanghai', new Date('2026-03-30T12:00:00Z')), 480);
  });

  it('maps a local wall-clock time to the right instant on both sides of a DST change', () => {
    assert.equal(
      zonedInstant('America/Los_Angeles', '2026-10-31', '23:59:59.999').toISOString(),
      '2026-11-01T06:59:59.999Z',
    );
    assert.equal(
      zonedInstant('America/Los_Angeles', '2026-11-02', '23:59:59.999').toISOString(),
      '2026-11-03T07:59:59.999Z',
    );
  });

  it('skips weekends and US federal holidays when counting working days', () => {
    assert.equal(isUsWorkingDay('2026-11-11'), false); // Veterans Day (Wednesday)
    assert.equal(isUsWorkingDay('2026-11-26'), false); // Thanksgiving
    assert.equal(isUsWorkingDay('2026-11-14'), false); // Saturday
    assert.equal(isUsWorkingDay('2026-11-12'), true);
  });

  it('ends an entry summary 10 working days after a release in Los Angeles, across DST and Veterans Day', () => {
    // Released Friday 2026-10-30 16:00 PDT (23:00Z). Working days: Nov 2,3,4,5,6,9,10,12,13,16 → Nov 16 local.
    const due = addUsWorkingDays(new Date('2026-10-30T23:00:00Z'), 10, 'America/Los_Angeles');
    assert.equal(due.toISOString(), '2026-11-17T07:59:59.999Z'); // 23:59:59.999 PST
  });

  it('counts working days on the local calendar, not the UTC one', () => {
    // 2026-11-20T06:00Z is still Thursday 19 Nov in Los Angeles but Friday in UTC.
    const la = addUsWorkingDays(new Date('2026-11-20T06:00:00Z'), 1, 'America/Los_Angeles');
    assert.equal(la.toISOString(), '2026-11-21T07:59:59.999Z'); // Friday 20 Nov local end
    const ny = addUsWorkingDays(new Date('2026-11-20T06:00:00Z'), 1, 'America/New_York');
    assert.equal(ny.toISOString(), '2026-11-24T04:59:59.999Z'); // Monday 23 Nov local end
  });

  it('counts calendar days to the end of the local day', () => {
    assert.equal(
      addCalendarDays(new Date('2026-10-25T10:00:00Z'), 15, 'America/Los_Angeles').toISOString(),
      '2026-11-10T07:59:59.999Z',
    );
  });

  it('puts an ISF 24 elapsed hours before lading in Yantian', () => {
    const [isf] = planClocks({
      kind: 'us_isf',
      mode: 'ocean',
      departure: '2026-11-10T02:00:00Z',
      arrival: '2026-11-24T15:00:00Z',
      portOfLading: 'CNYTN',
      portOfUnlading: 'USLAX',
      on,
    });
    assert.equal(isf!.clock, 'isf');
    assert.equal(isf!.dueAt, '2026-11-09T02:00:00.000Z');
    assert.equal(isf!.timeZone, 'Asia/Shanghai');
    assert.match(isf!.rule, /^DEADLINES@/);
  });

  it('keeps ICS2 air "4 h before arrival" as elapsed hours over the EU spring-forward night', () => {
    // Arrival 05:00 CEST on 2026-03-29 (= 03:00Z). Four elapsed hours earlier is 00:00 CET: 5 wall-clock hours.
    const clocks = planClocks({
      kind: 'eu_ens',
      variant: 'full',
      mode: 'air',
      departure: '2026-03-28T16:00:00Z',
      arrival: '2026-03-29T03:00:00Z',
      portOfLading: 'CNSZX',
      portOfUnlading: 'DEFRA',
      on: new Date('2026-03-01T00:00:00Z'),
    });
    assert.deepEqual(
      clocks.map((c) => [c.clock, c.dueAt]),
      [['ens_air', '2026-03-28T23:00:00.000Z']],
    );
  });

  it('makes a short flight due at take-off and PLACI due before loading', () => {
    const full = planClocks({
      kind: 'eu_ens',
      variant: 'full',
      mode: 'air',
      departure: '2026-11-10T08:00:00Z',
      arrival: '2026-11-10T10:30:00Z',
      on,
    });
    assert.equal(full[0]!.dueAt, '2026-11-10T08:00:00.000Z');
    const placi = planClocks({
      kind: 'eu_ens',
      variant: 'placi',
      mode: 'air',
      departure: '2026-11-10T08:00:00Z',
      on,
    });
    assert.deepEqual(
      placi.map((c) => c.clock),
      ['ens_placi'],
    );
  });

  it('uses 24 h before loading for sea, 1 h for road and 2 h for rail', () => {
    const at = (mode: 'ocean' | 'road' | 'rail') =>
      planClocks({
        kind: 'eu_ens',
        variant: 'full',
        mode,
        departure: '2026-11-10T00:00:00Z',
        arrival: '2026-11-12T00:00:00Z',
        on,
      })[0]!.dueAt;
    assert.equal(at('ocean'), '2026-11-09T00:00:00.000Z');
    assert.equal(at('road'), '2026-11-11T23:00:00.000Z');
    assert.equal(at('rail'), '2026-11-11T22:00:00.000Z');
  });

  it('moves the clocks when the ETD changes', () => {
    const a = planClocks({ kind: 'us_isf', mode: 'ocean', departure: '2026-11-10T02:00:00Z', on });
    const b = planClocks({ kind: 'us_isf', mode: 'ocean', departure: '2026-11-12T02:00:00Z', on });
    assert.equal(Date.parse(b[0]!.dueAt) - Date.parse(a[0]!.dueAt), 48 * 3_600_000);
  });

  it('reports which alert leads a clock has crossed', () => {
    const due = '2026-11-10T00:00:00Z';
    assert.deepEqual(crossedLeads(due, new Date('2026-11-07T00:00:00Z'), [48, 24, 4]), []);
    assert.deepEqual(crossedLeads(due, new Date('2026-11-08T12:00:00Z'), [48, 24, 4]), ['48h']);
    assert.deepEqual(crossedLeads(due, new Date('2026-11-09T21:00:00Z'), [48, 24, 4]), ['48h', '24h', '4h']);
    assert.deepEqual(crossedLeads(due, new Date('2026-11-10T00:00:01Z'), [48, 24, 4]), ['overdue']);
  });

  const zones = [
    'America/Los_Angeles',
    'America/New_York',
    'America/Chicago',
    'Europe/London',
    'Europe/Berlin',
    'Asia/Shanghai',
  ];

  it('always ends N working days later on a local working day at 23:59:59.999 (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-11-30T00:00:00Z') }),
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom(...zones),
        (t, n, tz) => {
          const from = new Date(t);
          const due = addUsWorkingDays(from, n, tz);
          const day = localDate(tz, due);
          assert.ok(isUsWorkingDay(day), day);
          assert.equal(
            localDate(tz, new Date(due.getTime() + 1)) > day,
            true,
            'last millisecond of the local day',
          );
          // exactly n working days in (start day, due day]
          let count = 0;
          for (let d = new Date(`${localDate(tz, from)}T12:00:00Z`); ; ) {
            d = new Date(d.getTime() + 86_400_000);
            const ds = d.toISOString().slice(0, 10);
            if (isUsWorkingDay(ds)) count++;
            if (ds === day) break;
          }
          return count === n;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('maps local noon to an instant that reads back as the same local date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.constantFrom(...zones), (days, tz) => {
        const date = new Date(Date.parse('2025-01-01T00:00:00Z') + days * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return localDate(tz, zonedInstant(tz, date, '12:00:00.000')) === date;
      }),
    );
  });
});
