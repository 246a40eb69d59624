// The `expect:` block of a fixture case (or a sibling `<name>.expect.yaml`): what `check` compares.
// Expectations are partial: only what is written is checked.
import { z } from 'zod';
import { DISPUTE_TYPES, ELIGIBILITY, PROGRAMS, ROUTES, SEVERITIES, STRENGTHS } from './enums.js';

const ruleId = z.string().regex(/^[a-z0-9_-]+(\/[a-z0-9_-]+)+$/, 'a rule id like ta/off-platform-payment');
const route = z.enum(ROUTES);

export const expectSchema = z
  .object({
    description: z.string().max(2000).optional(),
    trade_assurance: z.enum(ELIGIBILITY).optional().describe('Expected Trade Assurance outcome'),
    programs: z.partialRecord(z.enum(PROGRAMS), z.enum(ELIGIBILITY)).optional(),
    top_strategy: route.optional().describe('The route expected to rank first'),
    ranked_above: z.array(z.tuple([route, route])).max(50).optional().describe('Pairs [a, b]: a must rank above b'),
    recommended: z.array(route).max(20).optional().describe('Routes that must be recommended (ranked, score above zero)'),
    not_recommended: z.array(route).max(20).optional().describe('Routes that must not be recommended'),
    findings: z.array(ruleId).max(200).optional().describe('Rule ids that must fire'),
    no_findings: z.array(ruleId).max(200).optional().describe('Rule ids that must not fire'),
    evidence_strength: z.partialRecord(z.enum(DISPUTE_TYPES), z.enum(STRENGTHS)).optional(),
    unknowns: z.array(z.string().max(200)).max(100).optional().describe('Fact paths expected among the unknowns'),
    fail_on: z.enum(SEVERITIES).optional().describe('Run as with --fail-on for the exit code'),
    exit_code: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    diagnostics: z
      .array(z.object({ code: z.string().max(100), line: z.number().int().positive().optional() }).strict())
      .max(100)
      .optional()
      .describe('For bad-input fixtures: the diagnostics expected'),
  })
  .strict();

export type Expectations = z.infer<typeof expectSchema>;
