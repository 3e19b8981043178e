import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import {
  formatCode,
  normaliseCode,
  parseHsCsv,
  parseHtsCsv,
  parseHtsExport,
  parseHtsJson,
} from './hts-format.ts';
import { Schedule } from './schedule.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('USITC HTS export parsing', () => {
  it('links every line to the nearest preceding line with a smaller indent', () => {
    const lines = parseHtsCsv(fixture('hts-mini-a.csv'));
    const s = new Schedule(lines);
    const line = s.byCode.get('6104432010')!;
    assert.deepEqual(s.pathText(line), [
      "Women's or girls' suits, dresses, skirts and trousers, knitted or crocheted:",
      'Dresses:',
      'Of synthetic fibers:',
      'Other',
      "Women's (636)",
    ]);
    // The unnumbered "Dresses:" line groups its children without a code.
    assert.equal(s.ancestors(line)[1]!.code, '');
  });

  it('declares an 8-digit line the export gives no statistical lines under suffix 00 (not chapters 98, 99)', () => {
    const header =
      'HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty,Quota Quantity,Additional Duties';
    const s = new Schedule(
      parseHtsCsv(
        [
          header,
          '9105,0,Other clocks:,,,,,,',
          '9105.21,1,Electrically operated:,,,,,,',
          '"9105.21.40",2,With opto-electronic display only,,3.9%,,35%,,',
          '"9105.21.80",2,Other,,30¢ each,,75¢ each,,',
          '"9105.29.30",2,Other,,5%,,35%,,',
          '"9105.29.30.10",3,Alarm,"[""No.""]",,,,,',
          '"9903.88.01",0,Articles the product of China,,25%,,,,',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      s.statisticalLines().map((l) => l.code),
      ['9105214000', '9105218000', '9105293010'],
    );
    assert.equal(s.byCode.get('9105214000')!.generalRate, '3.9%');
    assert.ok(s.byCode.get('91052930'), 'a subdivided line keeps its 8 digits');
    assert.ok(s.byCode.get('99038801'), 'chapter 99 provisions are not statistical lines');
  });

  it('reads units of quantity as lists and inherits rates from the rate line', () => {
    const s = new Schedule(parseHtsCsv(fixture('hts-mini-a.csv')));
    const l = s.byCode.get('6104420010')!;
    assert.deepEqual(l.units, ['doz.', 'kg']);
    assert.deepEqual(s.effectiveRates(l), {
      general: '11.5%',
      special: 'Free (AU,BH)',
      column2: '90%',
      from: '61044200',
    });
  });

  it('reads the JSON export with footnotes as additional-duty references', () => {
    const s = new Schedule(parseHtsJson(fixture('hts-mini.json')));
    assert.deepEqual(s.byCode.get('85365090')!.additionalDutyRefs, ['9903.88.15']);
    assert.deepEqual(s.effectiveRefs(s.byCode.get('8536509031')!), ['9903.88.15']);
    assert.equal(s.byCode.get('8536509031')!.parent, 4, 'the unnumbered "Rotary:" line is the parent');
  });

  it('sniffs CSV and JSON', () => {
    assert.equal(parseHtsExport(fixture('hts-mini.json')).length, 6);
    assert.equal(parseHtsExport(fixture('hts-mini-a.csv')).length, 39);
  });

  it('refuses a CSV that is not the USITC layout, naming the missing columns', () => {
    assert.throws(() => parseHtsCsv('code,text\n0101,Horses\n'), /missing column\(s\) HTS Number, Indent/);
  });

  it('reads the WCO HS nomenclature and drops the TOTAL row', () => {
    const hs = parseHsCsv(fixture('hs-mini.csv'));
    assert.equal(hs.length, 9);
    assert.deepEqual(
      hs.find((e) => e.code === '853650'),
      {
        code: '853650',
        level: 6,
        parent: '8536',
        section: 'XVI',
        description: 'Switches n.e.c. in heading 8536',
      },
    );
  });

  it('formats and normalises codes as inverses', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}(\d{2}){0,3}$/), (digits) => {
        assert.equal(normaliseCode(formatCode(digits)), digits);
      }),
    );
    assert.throws(() => normaliseCode('85A6.50'), /not a tariff number/);
  });

  it('never throws anything but a clear error on arbitrary CSV input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseHtsCsv(text);
        } catch (err) {
          assert.equal((err as { code?: string }).code, 'invalid');
        }
      }),
      { numRuns: 200 },
    );
  });
});
