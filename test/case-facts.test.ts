// The case-path facts are generated source (so assessing never loads zod); they must match the case schema.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseJsonSchema } from '../src/case/json-schema.js';
import { caseFactsFromSchema, caseFactsSource } from '../src/rules/case-facts.js';
import { factRegistry } from '../src/rules/fact-registry.js';
import { ROOT } from './helpers.js';

describe('generated case facts', () => {
  it('are up to date with the case schema (npm run build regenerates them)', () => {
    const onDisk = readFileSync(join(ROOT, 'src', 'rules', 'case-facts.generated.ts'), 'utf8');
    expect(onDisk).toBe(caseFactsSource(caseFactsFromSchema(caseJsonSchema())));
  });

  it('give the registry every case path with its kind, values and description', () => {
    const reg = factRegistry();
    expect(reg.get('order.channel')).toMatchObject({ kind: 'enum', values: ['trade_assurance', 'wholesale_checkout', 'offline'] });
    expect(reg.get('order.value')?.kind).toBe('money');
    expect(reg.get('order.value.amount')?.kind).toBe('number');
    expect(reg.get('order.delivery.receipt_confirmed_date')).toMatchObject({ kind: 'date' });
    expect(reg.get('dispute.types')?.kind).toBe('list');
    expect(reg.get('evidence.contract')?.kind).toBe('enum');
    expect(reg.get('supplier.activity.website_updated')?.description).toMatch(/Website updated/);
    expect([...reg.keys()].some((k) => k.startsWith('expect'))).toBe(false);
  });
});
