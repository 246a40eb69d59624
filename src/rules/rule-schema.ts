// The strict JSON Schema of a rule file. ajv validates rule files against it; it is also the format's
// documentation for editors (`dispute-assess schema --rules`).
import { DISPUTE_TYPES, EVIDENCE_KINDS, PROGRAMS, ROUTES, SEVERITIES } from '../case/enums.js';
import { ADVICE_CATEGORIES, FLAG_CATEGORIES, OPERATORS, SOURCE_KINDS } from './types.js';

const scalar = { type: ['string', 'number', 'boolean'] };
const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const text = (description: string, maxLength = 4000) => ({ type: 'string', minLength: 1, maxLength, description });
const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'An ISO date, YYYY-MM-DD' };

/** Bibliography ids: lower-case kebab-case (mastercard-chargeback-guide). */
export const SOURCE_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const citations = (what: string) => ({
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['ref'],
    properties: {
      ref: { type: 'string', pattern: SOURCE_ID_PATTERN, description: 'The id of an entry in the bibliography (rules/sources.yaml or a sources: section)' },
      at: text('Where in the source: section, article, heading', 300),
    },
  },
  description: what,
});

const sourceEntry = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'author', 'kind'],
  anyOf: [{ required: ['published'] }, { required: ['retrieved'] }],
  properties: {
    title: text('The title, as the source gives it (or a plain description when it has none)', 300),
    author: text('Author or publisher', 200),
    url: { type: 'string', pattern: '^https?://\\S+$', maxLength: 1000, description: 'Where a reader can open it' },
    published: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'Date (or year) of publication' },
    retrieved: isoDate,
    kind: { enum: [...SOURCE_KINDS] },
    note: text('Caveats: a mirror, an older version, the primary text not retrieved', 1000),
  },
};

const operand = {
  anyOf: [
    scalar,
    { type: 'object', required: ['param'], additionalProperties: false, properties: { param: { type: 'string' } } },
    { type: 'object', required: ['fact'], additionalProperties: false, properties: { fact: { type: 'string' } } },
  ],
};

const leafProps: Record<string, unknown> = {
  fact: { type: 'string', minLength: 1, description: 'A case fact path (order.channel) or a derived fact (derived.paid_on_platform)' },
};
for (const op of OPERATORS)
  leafProps[op] = op === 'in' || op === 'not_in' || op === 'contains_any' ? { type: 'array', items: scalar, minItems: 1, maxItems: 300 } : operand;

const ruleBase = {
  id: { type: 'string', pattern: '^[a-z0-9_-]+(/[a-z0-9_-]+)+$', description: 'Stable, family-prefixed id, e.g. ta/off-platform-payment' },
  title: text('Short title', 200),
  kind: { enum: ['checklist', 'eligibility', 'strategy', 'flag', 'advice', 'action'] },
  severity: { enum: [...SEVERITIES] },
  rationale: text('Why the rule exists, in plain language'),
  source: citations('Where the rule comes from: [{ref: SOURCE_ID, at: LOCATOR}, ...]'),
  checked: isoDate,
  when: ref('condition'),
  message: text('What the buyer reads when the rule fires; {fact.path} and {params.name} placeholders are filled in'),
  then: { type: 'object' },
};

const thenFor: Record<string, unknown> = {
  checklist: {
    type: 'object',
    additionalProperties: false,
    required: ['evidence', 'level', 'for'],
    properties: {
      evidence: { enum: [...EVIDENCE_KINDS] },
      level: { enum: ['required', 'recommended'] },
      for: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...DISPUTE_TYPES] } },
      // Issue 11: other evidence that stands in for this item when the strength is judged (an accredited lab
      // report for an inspection report), and a ceiling on what the item can prove while the rule fires (a
      // payment to someone other than the contracting party proves at most part of the claim).
      or: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...EVIDENCE_KINDS] } },
      at_most: { enum: ['partial'] },
    },
  },
  eligibility: {
    type: 'object',
    additionalProperties: false,
    required: ['program', 'effect'],
    properties: { program: { enum: [...PROGRAMS] }, effect: { enum: ['requires', 'excludes'] }, unmet: text('Message when a requirement is not met') },
  },
  strategy: {
    type: 'object',
    additionalProperties: false,
    required: ['route'],
    properties: { route: { enum: [...ROUTES] }, score: { type: 'integer', minimum: -10, maximum: 10 }, exclude: { type: 'boolean' } },
    anyOf: [{ required: ['score'] }, { required: ['exclude'] }],
  },
  flag: { type: 'object', additionalProperties: false, properties: { category: { enum: [...FLAG_CATEGORIES] } } },
  advice: { type: 'object', additionalProperties: false, properties: { route: { enum: [...ROUTES] }, category: { enum: [...ADVICE_CATEGORIES] } } },
  action: {
    type: 'object',
    additionalProperties: false,
    required: ['due'],
    properties: {
      route: { enum: [...ROUTES] },
      due: {
        anyOf: [
          { const: 'today' },
          {
            type: 'object',
            additionalProperties: false,
            required: ['fact'],
            properties: { fact: { type: 'string' }, offset_days: { type: 'integer', minimum: -3650, maximum: 3650 } },
          },
        ],
      },
      // Issue 11: steps this one replaces when both would be in the plan (the more specific step says it all).
      supersedes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', maxLength: 100 } },
    },
  },
};

const ruleVariants = Object.entries(thenFor).map(([kind, then]) => ({
  if: { properties: { kind: { const: kind } }, required: ['kind'] },
  then: { properties: { then }, ...(kind === 'flag' || kind === 'advice' ? {} : { required: ['then'] }) },
}));

const parameter = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'description', 'checked', 'confidence'],
  // A stated or secondary figure names its source; an inferred or unverified one says in `note` what it rests on.
  if: { properties: { confidence: { enum: ['stated', 'secondary'] } } },
  then: { required: ['source'] },
  else: { anyOf: [{ required: ['source'] }, { required: ['note'] }] },
  properties: {
    value: {
      anyOf: [
        { type: 'number' },
        { type: 'string' },
        { type: 'object', additionalProperties: { type: 'number' } },
        { type: 'array', items: { type: 'string' } },
      ],
    },
    unit: { type: 'string' },
    description: text('What the figure is'),
    source: citations('Where the figure comes from: [{ref: SOURCE_ID, at: LOCATOR}, ...]'),
    note: text('How an inferred or unverified figure was arrived at'),
    checked: isoDate,
    confidence: { enum: ['stated', 'secondary', 'inferred', 'unverified'] },
  },
};

/** JSON Schema (draft 2020-12 subset understood by ajv) of one rule file. */
export const ruleFileSchema = {
  $id: 'rules.schema.json',
  title: 'dispute-assess rule file',
  type: 'object',
  additionalProperties: false,
  properties: {
    pack: { type: 'string', pattern: '^[a-z0-9-]+$' },
    description: { type: 'string' },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'kind', 'severity', 'rationale', 'source', 'message'],
        properties: ruleBase,
        allOf: ruleVariants,
      },
    },
    parameters: { type: 'object', additionalProperties: parameter, propertyNames: { pattern: '^[a-z][a-z0-9_]*$' } },
    sources: {
      type: 'object',
      additionalProperties: sourceEntry,
      propertyNames: { pattern: SOURCE_ID_PATTERN },
      description: 'The bibliography: source id -> entry',
    },
    evidence: {
      type: 'object',
      propertyNames: { enum: [...EVIDENCE_KINDS] },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'proves', 'where'],
        properties: { title: text('Name'), proves: text('What it proves'), where: text('Where to get it') },
      },
    },
    routes: {
      type: 'object',
      propertyNames: { enum: [...ROUTES] },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'description'],
        properties: {
          title: text('Name'),
          description: text('What the route is'),
          cost: {
            type: 'object',
            additionalProperties: false,
            required: ['currency', 'low', 'basis'],
            description: 'Estimated cost of the route: a range in one currency, from numbers, parameters or derived facts',
            properties: {
              currency: { type: 'string', pattern: '^[A-Z]{3}$' },
              low: operand,
              high: operand,
              basis: text('How the estimate is computed; {fact} and {params} placeholders are filled in'),
            },
          },
          time: text('Typical time the route takes; {params} placeholders are filled in'),
        },
      },
    },
    programs: {
      type: 'object',
      propertyNames: { enum: [...PROGRAMS] },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'description'],
        properties: { title: text('Name'), description: text('What the programme is') },
      },
    },
  },
  $defs: {
    condition: {
      anyOf: [
        { type: 'object', additionalProperties: false, required: ['all'], properties: { all: { type: 'array', minItems: 1, items: ref('condition') } } },
        { type: 'object', additionalProperties: false, required: ['any'], properties: { any: { type: 'array', minItems: 1, items: ref('condition') } } },
        { type: 'object', additionalProperties: false, required: ['not'], properties: { not: ref('condition') } },
        { type: 'object', additionalProperties: false, required: ['fact'], minProperties: 2, maxProperties: 2, properties: leafProps },
      ],
    },
  },
} as const;
