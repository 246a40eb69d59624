// Value of information (issue 15): whether the answer to a question can still change the verdict. The case is
// decided again with each answer a buyer could give (booleans both ways, every choice, dates around every date
// the case holds and every period the rules count, amounts around every threshold), and the question is worth
// asking only if some answer changes what the buyer acts on (a programme's status, a serious finding, a plan
// step, a route's standing) or two answers decide a rule that matters differently. A question whose every answer
// leaves all of that as it is cannot change the verdict, so it is not asked.
// Pure: it reads the case, the rules and the compiled decision of each variant (a few microseconds each).
import type { Case } from '../case/schema.js';
import type { FactValue } from '../case/facts.js';
import { flattenCase } from '../case/facts.js';
import { applyImplications } from '../case/derived/implied.js';
import { deriveFacts } from '../case/derive.js';
import { checkChronology } from '../case/chronology.js';
import { addDays, addYears } from '../case/dates.js';
import { COUNTRY_CODES } from '../case/iso-codes.js';
import { PROGRAMS } from '../case/enums.js';
import { factRegistry } from '../rules/fact-registry.js';
import type { RuleSet } from '../rules/types.js';
import { decideRules } from '../engine/evaluate.js';
import { BUNDLES } from './bundles.js';
import type { Question } from './catalogue.js';

/** One possible answer: the facts it sets. */
export type Answer = readonly (readonly [string, FactValue])[];

/** Countries whose answers differ for the rules: mainland China, Hong Kong, Macao, Taiwan, a CISG state, a non-CISG state, one the rules do not list. */
const COUNTRY_SAMPLES = ['CN', 'HK', 'MO', 'TW', 'US', 'GB', 'TH'];
/** Small counts (months, pieces) besides the case's own numbers and the rules' figures. */
const NUMBER_SAMPLES = [0, 1, 2, 3, 4, 6, 12, 24, 60, 120, 1000];
/** Offsets in days from every date the case holds, besides the rules' periods. */
const DAY_OFFSETS = [0, 1, 7, 14, 30, 60, 90, 180, 365, 730, 1095, 1460, 1825, 3650];

const DATE = /^\d{4}-\d\d-\d\d$/;

/** The periods the rules count (parameters in days, months or years), as functions from a date. */
function periods(rules: RuleSet): ((d: string, sign: 1 | -1) => string)[] {
  const out: ((d: string, sign: 1 | -1) => string)[] = [];
  for (const p of Object.values(rules.params)) {
    const v = p.value;
    if (typeof v !== 'number') continue;
    if (p.unit === 'days' || p.unit === 'business days') out.push((d, s) => addDays(d, s * v));
    else if (p.unit === 'months') out.push((d, s) => addDays(d, s * Math.round(v * 30.44)));
    else if (p.unit === 'years') out.push((d, s) => addYears(d, s * v));
  }
  return out;
}

/**
 * Dates to try for a date question: around every date the case holds (and the assessment date). What happens in a
 * dispute happens after the order (its date or the first payment, when known) and, for a past event, by today.
 */
function dateSamples(q: Pick<Question, 'path' | 'past'>, c: Case, rules: RuleSet, asOf: string): string[] {
  const ordered = [c.order?.date, ...(c.order?.payments ?? []).map((p) => p.date)].filter((d) => d !== undefined).sort()[0];
  const from = q.path !== 'order.date' && ordered ? ordered : '0000';
  const to = q.past ? asOf : '9999';
  const anchors = new Set<string>([asOf]);
  for (const v of flattenCase(c).values()) if (typeof v === 'string' && DATE.test(v)) anchors.add(v);
  for (const p of c.order?.payments ?? []) if (p.date) anchors.add(p.date);
  const out = new Set<string>();
  const spans = periods(rules);
  for (const a of anchors) {
    for (const d of DAY_OFFSETS) for (const s of [1, -1]) out.add(addDays(a, s * d));
    for (const span of spans)
      for (const s of [1, -1] as const) {
        const end = span(a, s);
        for (const d of [-1, 0, 1]) out.add(addDays(end, d));
      }
  }
  return [...out].filter((d) => d >= from && d <= to).sort();
}

/** Amounts to try for a money question: around every amount in the case and every threshold, in US dollars. */
function moneySamples(c: Case, rules: RuleSet): FactValue[] {
  const amounts = new Set<number>([0, 1, 100, 1000, 10_000, 100_000, 1_000_000]);
  const fx = (rules.params.fx_usd_per_unit?.value ?? {}) as Record<string, number>;
  const usd = (m: { amount: number; currency: string } | undefined) => (m && fx[m.currency] ? m.amount * fx[m.currency]! : undefined);
  const known = [
    c.order?.value,
    c.dispute?.amount_claimed,
    c.supplier?.ta_coverage,
    c.dispute?.offer?.amount,
    ...(c.order?.payments ?? []).map((p) => p.amount),
  ];
  const total = (c.order?.payments ?? []).reduce((s, p) => s + (usd(p.amount) ?? 0), 0);
  for (const v of [...known.map(usd), total])
    if (v !== undefined)
      for (const k of [0.5, 1, 2])
        amounts
          .add(Math.round(v * k))
          .add(Math.round(v * k) + 1)
          .add(Math.max(0, Math.round(v * k) - 1));
  for (const p of Object.values(rules.params)) {
    const v = p.value;
    const rate = p.unit === 'USD' ? 1 : p.unit === 'CNY' || p.unit === 'HKD' ? fx[p.unit] : undefined;
    if (typeof v !== 'number' || rate === undefined) continue;
    const at = Math.round(v * rate);
    amounts
      .add(at)
      .add(at + 1)
      .add(Math.max(0, at - 1));
  }
  return [...amounts].map((amount) => ({ amount, currency: 'USD' }));
}

/**
 * The answers to try for a question (a fact path or a bundle id), or undefined when they cannot be listed (free
 * text, lists): such a question keeps the planner's rule-based value.
 */
export function possibleAnswers(q: Pick<Question, 'path' | 'kind' | 'choices' | 'past'>, c: Case, rules: RuleSet, asOf: string): Answer[] | undefined {
  const path = q.path;
  const bundle = BUNDLES.find((b) => b.id === path);
  if (bundle) {
    const items = Object.keys(bundle.items);
    const set = (on: (p: string) => boolean): Answer => items.map((p) => [p, on(p)] as const);
    return [set(() => false), set(() => true), ...items.map((x) => set((p) => p === x))];
  }
  const info = factRegistry().get(path);
  if (!info) return undefined;
  const one = (vs: readonly FactValue[]): Answer[] => vs.map((v) => [[path, v] as const]);
  switch (info.kind) {
    case 'boolean':
      return one([true, false]);
    case 'enum': {
      if (!info.values) return undefined;
      // the choices the question offers (earlier answers may have ruled some out)
      if (info.values.length !== COUNTRY_CODES.length) return one(q.kind === 'enum' && q.choices ? q.choices.map((ch) => ch.value) : info.values);
      const stated: string[] = [c.buyer?.country, c.supplier?.country, c.supplier?.payee?.country].filter((x) => x !== undefined);
      return one([...new Set([...COUNTRY_SAMPLES, ...stated])]);
    }
    case 'date':
      return one(dateSamples(q, c, rules, asOf));
    case 'number': {
      const known = [c.order?.quantity_ordered, c.order?.quantity_delivered, c.supplier?.account_age_months].filter((x): x is number => x !== undefined);
      const figures = Object.values(rules.params).flatMap((p) => (typeof p.value === 'number' ? [p.value] : []));
      const all = new Set<number>(NUMBER_SAMPLES);
      for (const n of [...known, ...figures]) for (const d of [-1, 0, 1]) if (n + d >= 0) all.add(Math.round(n + d));
      return one([...all]);
    }
    case 'money':
      return one(moneySamples(c, rules));
    default:
      return undefined;
  }
}

/** The case with these facts set: a copy along the paths set only (the rest is shared, never changed). */
function withAnswer(c: Case, answer: Answer): Case {
  const root = { ...c } as Record<string, unknown>;
  for (const [fact, value] of answer) {
    const parts = fact.split('.');
    let node = root;
    for (const p of parts.slice(0, -1)) {
      const child = node[p];
      node = node[p] = child && typeof child === 'object' ? { ...(child as Record<string, unknown>) } : {};
    }
    node[parts.at(-1)!] = value;
  }
  return root as Case;
}

/** The facts of a case with an answer, from the case's facts flattened once (flattening is the costly part). */
function answeredFacts(flat: ReadonlyMap<string, FactValue>, answer: Answer): Map<string, FactValue> {
  const out = new Map(flat);
  for (const [fact, value] of answer) {
    out.set(fact, value);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const m = value as { amount: number; currency: string };
      out.set(`${fact}.amount`, m.amount).set(`${fact}.currency`, m.currency);
    }
  }
  return out;
}

/** At most this many answers of each question are tried together when two questions are weighed as a pair. */
const PAIR_ANSWERS = 6;
/** Partners with more answers than this (dates, amounts) are not weighed in pairs. */
const PAIR_PARTNER_ANSWERS = 12;

/** At most `most` items, spread evenly over the list (first and last included). */
function spread<T>(xs: readonly T[], most: number): readonly T[] {
  if (xs.length <= most) return xs;
  const step = (xs.length - 1) / (most - 1);
  return Array.from({ length: most }, (_, i) => xs[Math.round(i * step)]!);
}

/** What a decided variant shows: each rule's outcome, and each programme's status. */
interface Decided {
  outcomes: readonly string[];
  programs: string;
}

function decide(c: Case, rules: RuleSet, asOf: string, flat?: Map<string, FactValue>): Decided {
  const facts = flat ?? flattenCase({ ...c, as_of: asOf });
  applyImplications(c, facts);
  deriveFacts(c, facts, rules.params, asOf);
  const d = decideRules(facts, rules);
  return { outcomes: d.outcomes, programs: PROGRAMS.map((p) => String(d.facts.get(`eligibility.${p}`) ?? '?')).join(',') };
}

/** Weighs questions for one case: which answers change what matters, against the case as it is. */
export class ValueOfInformation {
  readonly #base: Decided;
  readonly #flat: ReadonlyMap<string, FactValue>;
  readonly #relevant: number[];
  constructor(
    private readonly c: Case,
    private readonly rules: RuleSet,
    private readonly asOf: string,
    relevant: ReadonlySet<string>,
  ) {
    this.#flat = flattenCase({ ...c, as_of: asOf });
    this.#base = decide(c, rules, asOf);
    this.#relevant = rules.rules.flatMap((r, i) => (relevant.has(r.id) ? [i] : []));
  }

  /** What the buyer acts on: the programmes' statuses and which rules that matter fire. */
  #verdict(d: Decided): string {
    return `${d.programs}|${this.#relevant.filter((i) => d.outcomes[i] === 'true').join(',')}`;
  }

  /**
   * Whether some answer changes the verdict, or two answers decide a rule that matters differently (then the
   * question helps settle it, even when another unknown fact must be known too). Undefined when the answers cannot
   * be listed. Answers the case's dates or stated facts rule out are not tried.
   */
  worthAsking(q: Question): boolean | undefined {
    return this.#worth(this.c, this.#base, q, Infinity);
  }

  /**
   * Whether a question judged not worth asking alone is worth asking with another open one: some answer to
   * `other` makes this one's answers matter (two facts a rule needs together, such as "it does not answer" and
   * "none of these signs of life"). A few answers of each are tried.
   */
  worthAskingWith(q: Question, other: Question): boolean {
    const answers = possibleAnswers(other, this.c, this.rules, this.asOf);
    // a partner with a few answers (a choice, a yes/no, a checklist): dates and amounts are weighed alone
    if (!answers || answers.length > PAIR_PARTNER_ANSWERS) return false;
    for (const answer of answers) {
      const variant = withAnswer(this.c, answer);
      if (checkChronology(variant, this.asOf).length) continue;
      if (this.#worth(variant, decide(variant, this.rules, this.asOf), q, PAIR_ANSWERS * 4) === true) return true;
    }
    return false;
  }

  /** For a question worth asking: the first answer that changes the verdict, and the rules whose outcome it changes (for tests and notes). */
  why(q: Question): { answer: Answer; rules: string[] } | undefined {
    for (const answer of possibleAnswers(q, this.c, this.rules, this.asOf) ?? []) {
      const variant = withAnswer(this.c, answer);
      if (checkChronology(variant, this.asOf).length) continue;
      const d = decide(variant, this.rules, this.asOf, answeredFacts(this.#flat, answer));
      if (this.#verdict(d) === this.#verdict(this.#base)) continue;
      return {
        answer,
        rules: this.#relevant
          .filter((i) => d.outcomes[i] !== this.#base.outcomes[i])
          .map((i) => `${this.rules.rules[i]!.id}:${this.#base.outcomes[i]}->${d.outcomes[i]}`),
      };
    }
    return undefined;
  }

  #worth(c: Case, base: Decided, q: Question, most: number): boolean | undefined {
    const all = possibleAnswers(q, c, this.rules, this.asOf);
    if (!all) return undefined;
    const verdict = this.#verdict(base);
    const flat = c === this.c ? this.#flat : flattenCase({ ...c, as_of: this.asOf });
    let first: Decided | undefined;
    let tried = 0;
    let worth = false;
    for (const answer of spread(all, most)) {
      const variant = withAnswer(c, answer);
      if (checkChronology(variant, this.asOf).length) continue;
      const d = decide(variant, this.rules, this.asOf, answeredFacts(flat, answer));
      tried++;
      if (this.#verdict(d) !== verdict) {
        worth = true;
        break;
      }
      first ??= d;
    }
    return tried === 0 ? undefined : worth;
  }
}
