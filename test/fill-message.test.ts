// Sums filled into rule messages read as the report's amounts do: grouped, with the currency's code before them.
import { describe, expect, it } from 'vitest';
import { fillMessage, labelCode, sumCurrency } from '../src/engine/format-value.js';
import { builtinRules } from './helpers.js';

const params = {
  fee_cny: { value: 1000, unit: 'CNY' },
  low_usd: { value: 229, unit: 'USD' },
  high_usd: { value: 400.5, unit: 'USD' },
  max_hkd: { value: 75000, unit: 'HKD' },
  days: { value: 30, unit: 'days' },
};

describe('fillMessage', () => {
  it('groups a derived sum and writes its code for the label before it', () => {
    const facts = new Map([
      ['derived.court_fee_cny', 3157],
      ['derived.court_fee_share_pct', 2.2049],
    ]);
    expect(fillMessage('about RMB {derived.court_fee_cny}, {derived.court_fee_share_pct}% of the claim', facts, params)).toBe(
      'about CNY 3,157, 2.2% of the claim',
    );
  });

  it('does the same for parameters whose unit is a currency, and leaves others alone', () => {
    const m = fillMessage('USD {params.low_usd}-{params.high_usd}; HK$ {params.max_hkd}; RMB {params.fee_cny}; {params.days} days', new Map(), params);
    expect(m).toBe('USD 229-400.50; HKD 75,000; CNY 1,000; 30 days');
  });

  it('keeps a label that names another currency than the sum (a rule error the next test finds)', () => {
    expect(fillMessage('USD {params.fee_cny}', new Map(), params)).toBe('USD 1,000');
  });

  it("every label a rule writes before a sum names that sum's currency", () => {
    const set = builtinRules();
    const texts = [
      ...set.rules.flatMap((r) => [r.message, ...Object.values((r as { messages?: Record<string, string> }).messages ?? {})]),
      ...Object.values(set.catalogue.routes).flatMap((e) => [e.cost?.basis, e.time]),
    ].filter((t): t is string => typeof t === 'string');
    const bad: string[] = [];
    let sums = 0;
    for (const t of texts) {
      for (const m of t.matchAll(/(\S+) ?\{((?:derived|params)\.[a-z0-9_]+)\}/g)) {
        const currency = sumCurrency(m[2]!, set.params);
        if (!currency) continue;
        sums++;
        const code = labelCode(m[1]!);
        if (code !== undefined && code !== currency) bad.push(`${m[0]} (${currency})`);
      }
    }
    expect(sums).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });
});
