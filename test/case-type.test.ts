// The published `Case` type is generated from the case JSON Schema (scripts/build-case-type.ts), so the package's
// declarations need no zod. It must be up to date with the schema, and equal to what zod infers from the schema
// both ways: a field added, dropped or retyped on either side fails `tsc --noEmit` (npm test type-checks test/).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import type { caseSchema, moneySchema } from '../src/case/schema.js';
import type { expectSchema } from '../src/case/expect-schema.js';
import type { Case, Expectations, Money, Payment } from '../src/case/case-type.generated.js';
import { CASE_TYPE_FILE, caseTypeSource } from '../scripts/build-case-type.js';
import { ROOT } from './helpers.js';

type Inferred = z.infer<typeof caseSchema>;

describe('the generated Case type', () => {
  it('is up to date with the case schema (npm run build regenerates it)', async () => {
    expect(readFileSync(join(ROOT, CASE_TYPE_FILE), 'utf8')).toBe(await caseTypeSource());
  });

  it('equals z.infer<typeof caseSchema>, and its named parts the zod ones (checked at compile time)', () => {
    expectTypeOf<Case>().toEqualTypeOf<Inferred>();
    expectTypeOf<Inferred>().toEqualTypeOf<Case>();
    expectTypeOf<Money>().toEqualTypeOf<z.infer<typeof moneySchema>>();
    expectTypeOf<Payment>().toEqualTypeOf<NonNullable<NonNullable<Inferred['order']>['payments']>[number]>();
    expectTypeOf<Expectations>().toEqualTypeOf<z.infer<typeof expectSchema>>();
  });
});
