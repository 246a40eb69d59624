// The expectations of a fixture case (`expect:` block, or a sibling `<name>.expect.yaml`): what `check` compares.
// Expectations are partial: only what is written is checked. docs/writing-rules.md documents the format.
// The source of truth at build time: `check` validates with the validator ajv generated from its JSON Schema
// (expect-validator.generated.js) and imports only the types from here, so a run never loads zod.
import * as z from 'zod';
import { CURRENCY_CODES } from './iso-codes.js';
import { DISPUTE_TYPES, ELIGIBILITY, PROGRAMS, ROUTES, SEVERITIES, STRENGTHS } from './enums.js';

const ruleId = z
  .string()
  .regex(/^[a-z0-9_-]+(\/[a-z0-9_-]+)+$/, 'a rule id like ta/off-platform-payment')
  .meta({ examples: ['ta/off-platform-payment'] });
const route = z.enum(ROUTES);
const pair = z.tuple([route, route]);
const money = z.object({ amount: z.number().finite().nonnegative(), currency: z.enum(CURRENCY_CODES) }).strict();

const tradeAssurance = z.union([
  z.enum(ELIGIBILITY),
  z
    .object({
      status: z.enum(ELIGIBILITY).optional(),
      window_end: z.iso.date().optional().describe('Last day of the claim window'),
      days_left: z.number().int().optional(),
      recoverable: money.optional().describe('Most Trade Assurance can refund'),
      uncovered: money.optional().describe('The part of the loss it cannot refund'),
    })
    .strict(),
]);

const diagnostic = z
  .object({
    code: z.string().min(1).max(100).describe('Diagnostic code, e.g. case-unknown-key'),
    line: z.number().int().positive().optional().describe('1-based line; any line when absent'),
    column: z.number().int().positive().optional(),
    did_you_mean: z.string().max(200).optional().describe("The suggestion the message must make: (did you mean 'x'?)"),
  })
  .strict();

export const expectSchema = z
  .object({
    description: z.string().max(2000).optional().describe('What the fixture is about, for people'),
    trade_assurance: tradeAssurance.optional().describe('Trade Assurance outcome: a status, or {status, window_end, days_left, recoverable, uncovered}'),
    programs: z.partialRecord(z.enum(PROGRAMS), z.enum(ELIGIBILITY)).optional().describe('Other programmes: program -> status'),
    top_strategy: route.optional().describe('The route expected to rank first'),
    ranked_above: z.array(pair).max(50).optional().describe('Pairs [a, b]: a must be ranked, and above b'),
    not_ranked_above: z.array(pair).max(50).optional().describe('Pairs [a, b]: a must not be ranked above b'),
    recommended: z.array(route).max(20).optional().describe('Routes that must be recommended (ranked, score above zero)'),
    not_recommended: z.array(route).max(20).optional().describe('Routes that must not be recommended'),
    findings: z.array(ruleId).max(200).optional().describe('Rule ids that must fire'),
    no_findings: z.array(ruleId).max(200).optional().describe('Rule ids that must not fire (they must exist)'),
    evidence_strength: z.partialRecord(z.enum(DISPUTE_TYPES), z.enum(STRENGTHS)).optional().describe('Dispute type -> evidence strength'),
    unknowns: z.array(z.string().max(200)).max(100).optional().describe('Fact paths expected among the unknowns'),
    // Issue 12: deciding under uncertainty.
    recommendation: route.optional().describe('The route the strategy section recommends on what is known (the top route, or the first step when none ranks)'),
    alternatives: z
      .array(z.tuple([z.string().max(200), route]))
      .max(50)
      .optional()
      .describe('Pairs [fact path, route]: some answer to that unknown fact would make the route the best one'),
    conditional_steps: z
      .array(z.tuple([ruleId, z.string().max(200)]))
      .max(50)
      .optional()
      .describe('Pairs [rule id, fact path]: a plan step shown under a condition on that fact'),
    dated_steps: z.array(ruleId).max(50).optional().describe('Plan steps (plain or conditional) that must carry a date'),
    fail_on: z.enum(SEVERITIES).optional().describe('Run as with --fail-on for the exit code'),
    exit_code: z
      .union([z.literal(0), z.literal(1), z.literal(2)])
      .optional()
      .describe('0 assessed, 1 a finding at or above fail_on, 2 bad input'),
    diagnostics: z.array(diagnostic).max(100).optional().describe('For bad-input fixtures: the complete list of diagnostics expected (an unlisted one fails)'),
  })
  .strict();

export type Expectations = z.infer<typeof expectSchema>;
export type ExpectedDiagnostic = z.infer<typeof diagnostic>;

let cached: Record<string, unknown> | undefined;

/** The JSON Schema (draft 2020-12) of expectation files, for editors; generated from the zod schema. */
export function expectJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...(z.toJSONSchema(expectSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    $id: 'expect.schema.json',
    title: 'dispute-assess fixture expectations',
  };
  return cached;
}
