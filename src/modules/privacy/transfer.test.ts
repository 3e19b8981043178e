import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideTransfer, type TransferInput } from './transfer.service.ts';
import { BASES, CATEGORIES, PURPOSES, TRANSFER_RULES } from './rules/transfer-rules.ts';
import { DSR_DEADLINES, deadlineRule, dueDate } from './rules/dsr-rules.ts';

const AT = new Date('2026-11-21T10:00:00Z');
const t = (x: Partial<TransferInput>): TransferInput => ({
  category: 'contact',
  from: 'CN',
  to: 'US',
  purpose: 'delivery',
  volume: 10,
  ...x,
});

describe('cross-border transfer rules', () => {
  it('lets Chinese consignee data go abroad for delivery under the 2024 contract-necessity exemption', () => {
    const d = decideTransfer(t({ volume: 2_000_000 }), AT);
    assert.equal(d.outcome, 'allow');
    assert.equal(d.basis, 'contract_necessity');
    assert.equal(d.regimes[0]?.clause, 'cn-contract-necessity');
    assert.ok(d.duties.some((x) => x.includes('Art. 39')));
  });

  it('applies the CN volume bands for marketing: exempt under 100,000, contract from 100,000, assessment from 1,000,000', () => {
    assert.equal(decideTransfer(t({ purpose: 'marketing', volume: 99_999 }), AT).outcome, 'allow');
    const mid = decideTransfer(t({ purpose: 'marketing', volume: 100_000 }), AT);
    assert.equal(mid.outcome, 'deny');
    assert.match(mid.explanation.join(' '), /standard_contract, certification/);
    const withContract = decideTransfer(
      t({ purpose: 'marketing', volume: 100_000, basis: 'standard_contract' }),
      AT,
    );
    assert.equal(withContract.outcome, 'allow');
    assert.equal(withContract.basis, 'standard_contract');
    const big = decideTransfer(
      t({ purpose: 'marketing', volume: 1_000_000, basis: 'standard_contract' }),
      AT,
    );
    assert.equal(big.outcome, 'deny');
    assert.match(big.explanation.join(' '), /security assessment/);
    assert.equal(
      decideTransfer(t({ purpose: 'marketing', volume: 1_000_000, basis: 'security_assessment' }), AT)
        .outcome,
      'allow',
    );
  });

  it('treats government ids from China as sensitive: 10,000 people needs a security assessment', () => {
    const d = decideTransfer(
      t({ category: 'government_id', purpose: 'customs_clearance', volume: 10_000 }),
      AT,
    );
    assert.equal(d.outcome, 'deny');
    assert.equal(d.regimes[0]?.clause, 'cn-sensitive-security-assessment');
  });

  it('names the Russian localisation duty and requires the Roskomnadzor notification', () => {
    const d = decideTransfer(t({ from: 'RU', to: 'DE' }), AT);
    assert.equal(d.outcome, 'deny');
    assert.ok(d.duties.some((x) => x.startsWith('Localisation:')));
    const ok = decideTransfer(t({ from: 'RU', to: 'DE', basis: 'notification' }), AT);
    assert.equal(ok.outcome, 'allow');
    assert.equal(ok.regimes[0]?.clause, 'ru-adequate');
    assert.equal(
      decideTransfer(t({ from: 'RU', to: 'US', basis: 'notification' }), AT).regimes[0]?.clause,
      'ru-not-adequate',
    );
  });

  it('follows GDPR Chapter V: free in the EEA, adequacy for Japan, derogation for delivery, safeguards otherwise', () => {
    assert.equal(
      decideTransfer(t({ from: 'DE', to: 'FR', purpose: 'marketing' }), AT).basis,
      'none_required',
    );
    assert.equal(decideTransfer(t({ from: 'DE', to: 'JP', purpose: 'marketing' }), AT).basis, 'adequacy');
    assert.equal(
      decideTransfer(t({ from: 'DE', to: 'CN', purpose: 'delivery' }), AT).basis,
      'contract_necessity',
    );
    const mk = decideTransfer(t({ from: 'DE', to: 'CN', purpose: 'marketing' }), AT);
    assert.equal(mk.outcome, 'deny');
    assert.match(mk.explanation[0] ?? '', /Standard Contractual Clauses/);
  });

  it('blocks bulk US financial data to a country of concern unless the CISA security requirements are met', () => {
    const d = decideTransfer(
      t({ from: 'US', to: 'CN', category: 'payment', purpose: 'payment', volume: 10_000 }),
      AT,
    );
    assert.equal(d.outcome, 'deny');
    assert.ok(d.regimes.some((r) => r.clause === 'us-bulk-financial' && r.outcome === 'deny'));
    const small = decideTransfer(
      t({ from: 'US', to: 'CN', category: 'payment', purpose: 'payment', volume: 9_999 }),
      AT,
    );
    assert.equal(small.outcome, 'allow');
  });

  it('requires every regime of the origin to allow (US: DOJ rule and CCPA)', () => {
    const d = decideTransfer(t({ from: 'US', to: 'GB', purpose: 'marketing' }), AT);
    assert.equal(d.regimes.length, 2);
    assert.equal(d.outcome, 'deny');
    assert.equal(
      decideTransfer(t({ from: 'US', to: 'GB', purpose: 'marketing', basis: 'consent' }), AT).outcome,
      'allow',
    );
  });

  it('denies by default, with an explanation, when no rules exist for the origin', () => {
    const d = decideTransfer(t({ from: 'BR', to: 'US' }), AT);
    assert.equal(d.outcome, 'deny');
    assert.match(d.explanation[0] ?? '', /No transfer rules are on file for data leaving BR/);
  });

  it('does not treat data staying in its country as a transfer', () => {
    assert.equal(decideTransfer(t({ from: 'CN', to: 'cn' }), AT).outcome, 'allow');
  });

  it('records the rule-set version and refuses dates before any rule set', () => {
    assert.equal(decideTransfer(t({}), AT).rulesVersion, TRANSFER_RULES[0]?.version);
    assert.throws(() => decideTransfer(t({}), new Date('2019-01-01')), /No transfer rule set/);
  });

  it('has well-formed rule data: unique clause ids, a source on each, known groups and vocabularies', () => {
    for (const set of TRANSFER_RULES) {
      const ids = set.regimes.flatMap((r) => r.clauses.map((c) => c.id));
      assert.equal(new Set(ids).size, ids.length);
      for (const r of set.regimes) {
        for (const o of r.origins) if (o.startsWith('@')) assert.ok(set.groups[o.slice(1)], o);
        for (const c of r.clauses) {
          assert.ok(c.source.length > 5, c.id);
          for (const g of [...(c.when.toIn ?? []), ...(c.when.toNotIn ?? [])])
            if (g.startsWith('@')) assert.ok(set.groups[g.slice(1)], `${c.id}: ${g}`);
          for (const x of c.when.categories ?? []) assert.ok(CATEGORIES.includes(x));
          for (const x of c.when.purposes ?? []) assert.ok(PURPOSES.includes(x));
          for (const x of [...(c.bases ?? []), ...(c.basis ? [c.basis] : [])]) assert.ok(BASES.includes(x));
          if (c.outcome === 'requires') assert.ok(c.bases?.length, c.id);
        }
      }
    }
  });
});

describe('data-subject request deadlines', () => {
  it('gives GDPR one calendar month (clamped to the month end) and CCPA 45 days', () => {
    const gdpr = deadlineRule('gdpr', AT);
    assert.ok(gdpr);
    assert.equal(dueDate(gdpr, new Date('2026-01-31T12:00:00Z')).toISOString(), '2026-02-28T12:00:00.000Z');
    assert.equal(dueDate(gdpr, AT).toISOString(), '2026-12-21T10:00:00.000Z');
    const ccpa = deadlineRule('ccpa', AT);
    assert.ok(ccpa);
    assert.equal(dueDate(ccpa, AT).toISOString(), '2027-01-05T10:00:00.000Z');
  });

  it('has a source for every deadline', () => {
    for (const d of DSR_DEADLINES)
      assert.ok(d.source && (d.days !== undefined || d.months !== undefined), d.id);
  });
});
