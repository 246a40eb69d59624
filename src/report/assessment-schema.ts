// The published JSON Schema of the assessment (`--format json`, dist/assessment.schema.json), written as zod
// so that a compile-time check keeps it equal to the Assessment type: a field added to one and not the
// other fails `tsc`.
import * as z from 'zod';
import { DISPUTE_TYPES, ELIGIBILITY, EVIDENCE_KINDS, EVIDENCE_STATUS, PROGRAMS, ROUTES, SEVERITIES, STRENGTHS } from '../case/enums.js';
import { CURRENCY_CODES } from '../case/iso-codes.js';
import { ADVICE_CATEGORIES, FLAG_CATEGORIES, OPERATORS, RULE_KINDS, SOURCE_KINDS } from '../rules/types.js';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, NOT_LEGAL_ADVICE, type Assessment } from '../engine/assessment.js';
import type { Trace } from '../engine/conditions.js';

/** Money in the output: sums of case amounts, so not bounded by the case schema's per-amount maximum. */
const moneySchema = z.object({ amount: z.number(), currency: z.enum(CURRENCY_CODES) }).strict();
const date = z.string().regex(/^[+-]?\d{4,6}-\d{2}-\d{2}$/);
const outcome = z.enum(['true', 'false', 'unknown']);
const factValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), moneySchema]);

const trace: z.ZodType<Trace> = z.lazy(() =>
  z
    .object({
      outcome,
      op: z.enum(['all', 'any', 'not', 'always', ...OPERATORS]),
      fact: z.string().optional(),
      actual: factValue.nullable().optional(),
      expected: z.unknown().optional(),
      children: z.array(trace).optional(),
    })
    .strict(),
);

/** A rule's citation: a bibliography id (see `sources`) and where in the source. */
const citation = z.object({ ref: z.string(), at: z.string().optional() }).strict();

/** One numbered reference: the full bibliography entry (findings and programme reasons cite it by `id`, with `at`). */
const citedSource = z
  .object({
    n: z.number().int().positive(),
    id: z.string(),
    title: z.string(),
    author: z.string(),
    url: z.string().optional(),
    kind: z.enum(SOURCE_KINDS),
    published: z.string().optional(),
    retrieved: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();

const finding = z
  .object({
    id: z.string(),
    kind: z.enum(RULE_KINDS),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    message: z.string(),
    source: z.array(citation),
    category: z.enum([...FLAG_CATEGORIES, ...ADVICE_CATEGORIES]).optional(),
    route: z.enum(ROUTES).optional(),
  })
  .strict();

const program = z
  .object({
    program: z.enum(PROGRAMS),
    title: z.string(),
    status: z.enum(ELIGIBILITY),
    reasons: z.array(
      z.object({ rule: z.string(), effect: z.enum(['met', 'unmet', 'excluded', 'unknown']), message: z.string(), source: z.array(citation) }).strict(),
    ),
    unknown_facts: z.array(z.string()),
  })
  .strict();

const evidenceItem = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string(),
    level: z.enum(['required', 'recommended']),
    status: z.enum([...EVIDENCE_STATUS, 'unknown']),
    proves: z.string(),
    where: z.string(),
    rule: z.string(),
  })
  .strict();

const strategy = z
  .object({
    route: z.enum(ROUTES),
    title: z.string(),
    description: z.string(),
    score: z.number(),
    rank: z.number().int().positive().optional(),
    excluded: z.boolean(),
    reasons: z.array(z.object({ rule: z.string(), score: z.number(), message: z.string() }).strict()),
    cost: z.object({ low: moneySchema, high: moneySchema.optional(), basis: z.string() }).strict().optional(),
    time: z.string().optional(),
  })
  .strict();

const condition = z
  .object({
    fact: z.string(),
    value: z.union([z.string(), z.boolean()]),
    text: z.string(),
    and: z.array(z.object({ fact: z.string(), value: z.union([z.string(), z.boolean()]) }).strict()).optional(),
    parts: z.array(z.string()).optional(),
  })
  .strict();

/** The assessment as zod; `assessmentJsonSchema()` is what is published. */
export const assessmentSchema = z
  .object({
    format: z.literal(ASSESSMENT_FORMAT),
    version: z.literal(ASSESSMENT_VERSION),
    notice: z.literal(NOT_LEGAL_ADVICE),
    as_of: date,
    case: z
      .object({
        file: z.string().optional(),
        dispute_types: z.array(z.enum(DISPUTE_TYPES)),
        supplier: z.string().optional(),
        channel: z.string().optional(),
        amount_paid: moneySchema.optional(),
        loss: moneySchema.optional(),
      })
      .strict(),
    trade_assurance: program
      .extend({ window_end: date.optional(), days_left: z.number().optional(), recoverable: moneySchema.optional(), uncovered: moneySchema.optional() })
      .strict(),
    programs: z.array(program),
    evidence: z.array(z.object({ dispute_type: z.enum(DISPUTE_TYPES), strength: z.enum(STRENGTHS), items: z.array(evidenceItem) }).strict()),
    strategies: z.array(strategy),
    plan: z.array(
      z
        .object({
          date: date.optional(),
          overdue: z.boolean(),
          action: z.string(),
          title: z.string().optional(),
          route: z.enum(ROUTES).optional(),
          rule: z.string(),
          severity: z.enum(SEVERITIES),
          condition: condition.optional(),
          source: z.array(citation).optional(),
        })
        .strict(),
    ),
    recommendation: z
      .object({
        route: z.enum(ROUTES).optional(),
        title: z.string().optional(),
        basis: z.enum(['ranked', 'first_step', 'plan_step']).optional(),
        alternatives: z.array(
          z.object({ fact: z.string(), value: z.union([z.string(), z.boolean()]), condition: z.string(), route: z.enum(ROUTES), title: z.string() }).strict(),
        ),
      })
      .strict()
      .optional(),
    unknowns: z.array(
      z
        .object({
          fact: z.string(),
          description: z.string().optional(),
          rules: z.array(z.string()),
          question: z.string().optional(),
          how: z.string().optional(),
          impact: z.number().optional(),
        })
        .strict(),
    ),
    homework: z
      .array(
        z
          .object({
            id: z.string().describe('The homework item: a fact path, or liable-persons / assets for a checklist'),
            title: z.string(),
            how: z.string().describe('Where to look, what to type, and what the Chinese status words mean'),
            facts: z.array(z.string()).describe('The unknown facts it settles (they are listed in unknowns too)'),
          })
          .strict(),
      )
      .optional()
      .describe('Register and court look-ups that would still change the verdict, to do after the interview'),
    implied: z.array(z.object({ fact: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), reason: z.string() }).strict()).optional(),
    defaults: z
      .array(z.object({ fact: z.string(), value: z.union([z.string(), z.number(), z.boolean()]), from: z.string() }).strict())
      .optional()
      .describe('Facts the case does not state, filled from a config file'),
    findings: z.array(finding),
    stats: z.object({ rules: z.number().int(), fired: z.number().int(), undecided: z.number().int() }).strict(),
    sources: z.array(citedSource),
    trace: z.array(z.object({ id: z.string(), kind: z.enum(RULE_KINDS), outcome, source: z.array(citation), origin: z.string(), trace }).strict()).optional(),
  })
  .strict();

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time: the schema and the Assessment type describe the same data. */
export const SCHEMA_MATCHES_TYPE: Same<z.infer<typeof assessmentSchema>, Assessment> & Same<keyof z.infer<typeof assessmentSchema>, keyof Assessment> = true;

/** The JSON Schema (draft 2020-12) of `--format json` output. */
export function assessmentJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(assessmentSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...s, $id: 'assessment.schema.json', title: 'dispute-assess assessment' };
}
