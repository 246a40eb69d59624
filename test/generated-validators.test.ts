// The case and config validators are generated source (ajv standalone from the JSON Schemas zod writes), so a
// run never loads zod; they must match the schemas, and accept and refuse what zod does.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CASE_VALIDATOR_FILE,
  CONFIG_VALIDATOR_FILE,
  EXPECT_VALIDATOR_FILE,
  SCHEMA_JSON_FILES,
  caseValidatorSource,
  configValidatorSource,
  expectValidatorSource,
  schemaJsonSources,
} from '../scripts/build-rule-validator.js';
import { caseSchema } from '../src/case/schema.js';
import { expectSchema } from '../src/case/expect-schema.js';
import { validate } from '../src/case/case-validator.generated.js';
import { validate as validateExpect } from '../src/case/expect-validator.generated.js';
import { validateCase } from '../src/case/validate.js';
import { readYaml } from '../src/source/read-yaml.js';
import { ROOT } from './helpers.js';

describe('generated validators', () => {
  it('are up to date with the zod schemas (npm run build regenerates them)', () => {
    expect(readFileSync(join(ROOT, CASE_VALIDATOR_FILE), 'utf8')).toBe(caseValidatorSource());
    expect(readFileSync(join(ROOT, CONFIG_VALIDATOR_FILE), 'utf8')).toBe(configValidatorSource());
    expect(readFileSync(join(ROOT, EXPECT_VALIDATOR_FILE), 'utf8')).toBe(expectValidatorSource());
  });

  it('include the JSON Schemas `schema` prints, up to date with the zod schemas, and the package ships them as they are', () => {
    const texts = schemaJsonSources();
    for (const [k, file] of Object.entries(SCHEMA_JSON_FILES)) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).toBe(texts[k as keyof typeof texts]);
      expect(readFileSync(join(ROOT, 'dist', `${k}.schema.json`), 'utf8'), k).toBe(text);
    }
  });

  it('accept and refuse the same expectations as the zod schema', () => {
    const docs: unknown[] = [
      {},
      { exit_code: 1, fail_on: 'high', findings: ['ta/off-platform-payment'] },
      { exit_code: 3 },
      { exit_code: '1' },
      { findings: ['Bad Id'] },
      { trade_assurance: 'eligible' },
      { trade_assurance: { status: 'eligible', recoverable: { amount: 10, currency: 'USD' } } },
      { trade_assurance: { status: 'maybe' } },
      { trade_assurance: { recoverable: { amount: Number.NaN, currency: 'USD' } } },
      { programs: { card_chargeback: 'eligible' } },
      { programs: { paypal: 'eligible' } },
      { ranked_above: [['negotiation', 'ta_claim']] },
      { ranked_above: [['negotiation']] },
      { alternatives: [['order.channel', 'ta_claim', 'x']] },
      { diagnostics: [{ code: 'case-enum', line: 0 }] },
      { diagnostics: [{ code: 'case-enum', line: 2, did_you_mean: 'offline' }] },
      { unknowns: ['x'.repeat(201)] },
      { description: 'x', extra: true },
    ];
    for (const doc of docs) expect([validateExpect(doc), JSON.stringify(doc)]).toEqual([expectSchema.safeParse(doc).success, JSON.stringify(doc)]);
  });

  it('accept and refuse the same documents as the zod schema', () => {
    const docs: unknown[] = [
      {},
      { order: { value: { amount: 10, currency: 'USD' }, payments: [{ amount: { amount: 1, currency: 'EUR' } }] } },
      { order: { value: { amount: Number.NaN, currency: 'USD' } } },
      { order: { value: { amount: Infinity, currency: 'USD' } } },
      { order: { date: '2024-02-29' } },
      { order: { date: '2023-02-29' } },
      { supplier: { account_age_months: 5.5 } },
      { evidence: { contract: 'have', photos: { status: 'partial', files: ['a.jpg'] } } },
      { evidence: { contract: { status: 'have', extra: 1 } } },
      { evidence: { contract: 5 } },
      { buyer: { name: 'x'.repeat(2001) } },
      { buyer: { name: '😀'.repeat(1000) } },
      { expect: { exit_code: 1, programs: { paypal_buyer_protection: 'eligible' } } },
      { expect: { exit_code: 3 } },
      { expect: { ranked_above: [['negotiation']] } },
    ];
    for (const doc of docs) expect([validate(doc), JSON.stringify(doc)]).toEqual([caseSchema.safeParse(doc).success, JSON.stringify(doc)]);
  });

  it('report a mapping with an unknown key as that key only, as zod did (not as matching no alternative)', () => {
    const doc = readYaml('evidence:\n  contract:\n    status: have\n    flie: a.pdf\n', 'c.yaml');
    if (!doc.ok) throw new Error('unreadable');
    const r = validateCase(doc.value);
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.line])).toEqual([['case-unknown-key', 4]]);
  });
});
