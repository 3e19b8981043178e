import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  constructMid,
  entryCheckDigit,
  formatEntryNumber,
  isAirWaybill,
  isContainerNumber,
  isGbVatNumber,
  isMidStructure,
  isPostalCode,
  isUsImporterNumber,
  isValidEntryNumber,
} from './formats.ts';

describe('CBP entry number check digit (CATAIR Appendix E)', () => {
  it('computes check digits for numbers worked by hand', () => {
    // ABC1234567: odd positions 1+3+2+4+6 = 16; even doubled 4,2,6,1(10),5(14) = 18; 34 → 6
    assert.equal(entryCheckDigit('ABC', '1234567'), 6);
    assert.equal(entryCheckDigit('999', '9999999'), 0);
    // S–Z convert to 2–9: STZ0000001 → 2,3,9,0,0,0,0,0,0,1 → 11 + 8 = 19 → 1
    assert.equal(formatEntryNumber('STZ', 1), 'STZ-0000001-1');
    // J–R convert to 1–9: JKR5550123 → 17 + 14 = 31 → 9
    assert.equal(formatEntryNumber('JKR', '5550123'), 'JKR-5550123-9');
  });

  it('accepts numbers with and without hyphens and refuses a wrong check digit', () => {
    assert.ok(isValidEntryNumber('ABC-1234567-6'));
    assert.ok(isValidEntryNumber('ABC12345676'));
    assert.ok(!isValidEntryNumber('ABC-1234567-7'));
    assert.ok(!isValidEntryNumber('000-1234567-4'));
    assert.ok(!isValidEntryNumber('AB-1234567-6'));
  });

  it('catches every single-digit typing error in the transaction number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z0-9]{3}$/).filter((s) => s !== '000'),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (filer, n, pos, delta) => {
          const good = formatEntryNumber(filer, n);
          assert.ok(isValidEntryNumber(good));
          const digits = good.slice(4, 11).split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          return !isValidEntryNumber(`${good.slice(0, 4)}${digits.join('')}${good.slice(11)}`);
        },
      ),
    );
  });
});

describe('other identifiers', () => {
  it('builds MIDs the way the CBP Form 7501 instructions show', () => {
    assert.equal(constructMid('The Fashion Co.', '665 Kangnam-ku', 'Seoul', 'KR'), 'KRFASCO665SEO');
    assert.equal(constructMid('Rambo Industries', '1234 Main Street', 'Toronto', 'XO'), 'XORAMIND1234TOR');
    assert.equal(
      constructMid('Dongguan Sunrise Electronics Co Ltd', '1288 Changan Avenue', 'Dongguan', 'CN'),
      'CNDONSUN1288DON',
    );
    assert.ok(isMidStructure('CNDONSUN1288DON'));
    assert.ok(!isMidStructure('USACME123NEW'), 'a US manufacturer has no MID');
    assert.ok(!isMidStructure('CNDONGGUANSUNRISE1288'), 'longer than 15');
  });

  it('checks ISO 6346 container numbers', () => {
    assert.ok(isContainerNumber('CSQU3054383'));
    assert.ok(!isContainerNumber('CSQU3054384'));
    assert.ok(!isContainerNumber('CSQX3054383'));
  });

  it('checks IATA air waybill numbers (serial mod 7)', () => {
    assert.ok(isAirWaybill('020-12345675'));
    assert.ok(isAirWaybill('02012345675'));
    assert.ok(!isAirWaybill('020-12345670'));
  });

  it('checks GB VAT numbers with the HMRC mod 97 method', () => {
    assert.ok(isGbVatNumber('GB980780684'));
    assert.ok(!isGbVatNumber('GB980780685'));
  });

  it('knows US importer numbers and postal code formats', () => {
    assert.ok(isUsImporterNumber('95-123456700'));
    assert.ok(isUsImporterNumber('261104-12345'));
    assert.ok(!isUsImporterNumber('951234567'));
    assert.ok(isPostalCode('GB', 'NW1 6XE'));
    assert.ok(isPostalCode('US', '90746-1234'));
    assert.ok(!isPostalCode('DE', '6031'));
    assert.ok(isPostalCode('HK', 'n/a'));
  });
});
