// The assessment: the product. A versioned, plain-data shape that the renderers and `check` read.
import type { DisputeType, Eligibility, EvidenceKind, EvidenceStatus, Program, Route, Severity, Strength } from '../case/enums.js';
import type { Money } from '../case/case-type.generated.js';
import type { AdviceCategory, Citation, FlagCategory, RuleKind } from '../rules/types.js';
import type { CitedSource } from '../rules/bibliography.js';
import type { Outcome, Trace } from './conditions.js';

export const ASSESSMENT_FORMAT = 'dispute-assess/assessment';
export const ASSESSMENT_VERSION = 2;

export interface Finding {
  id: string;
  kind: RuleKind;
  severity: Severity;
  title: string;
  message: string;
  source: Citation[];
  category?: FlagCategory | AdviceCategory;
  route?: Route;
}

export interface ProgramReason {
  rule: string;
  effect: 'met' | 'unmet' | 'excluded' | 'unknown';
  message: string;
  /** The rule's citations (see `sources`). */ source: Citation[];
}

export interface ProgramVerdict {
  program: Program;
  title: string;
  status: Eligibility;
  reasons: ProgramReason[];
  /** Facts that would settle an uncertain outcome. */
  unknown_facts: string[];
}

export interface TradeAssuranceVerdict extends ProgramVerdict {
  window_end?: string;
  days_left?: number;
  recoverable?: Money;
  uncovered?: Money;
}

export interface EvidenceItem {
  kind: EvidenceKind;
  title: string;
  level: 'required' | 'recommended';
  status: EvidenceStatus | 'unknown';
  proves: string;
  where: string;
  rule: string;
}

export interface EvidenceGroup {
  dispute_type: DisputeType;
  strength: Strength;
  items: EvidenceItem[];
}

export interface StrategyReason {
  rule: string;
  score: number;
  message: string;
}
/** What a route is estimated to cost (a range; `high` absent means "at least") and how that was computed. */
export interface RouteCost {
  low: Money;
  high?: Money;
  basis: string;
}
export interface RankedStrategy {
  route: Route;
  title: string;
  description: string;
  score: number;
  rank?: number;
  excluded: boolean;
  reasons: StrategyReason[];
  cost?: RouteCost;
  time?: string;
}

/** The answer a conditional plan step or an alternative route depends on (issue 12). */
export interface Condition {
  fact: string;
  value: string | boolean;
  text: string;
  and?: { fact: string; value: string | boolean }[];
  /** With `and`: each answer in words (`text` joins them), so a short form can name the first and count the rest. */
  parts?: string[];
}

/** title: the rule's title, the step in a few words (the report's "Your next steps"); action: the step in full;
 * source: the rule's citations (a conditional step's rule has not fired, so no finding carries them). */
export interface PlanStep {
  date?: string;
  overdue: boolean;
  action: string;
  title?: string;
  route?: Route;
  rule: string;
  severity: Severity;
  condition?: Condition;
  source?: Citation[];
}

export interface Unknown {
  fact: string;
  description?: string;
  rules: string[];
  /** The question a buyer answers (the interview's wording), and how to find the answer. */
  question?: string;
  how?: string;
  /** How much the answer changes the verdict (routes, programmes, plan), from re-assessing each answer. */
  impact?: number;
}

/** The best route on what is known, when another answer to an unknown fact would change it (issue 12). */
export interface Alternative {
  fact: string;
  value: string | boolean;
  condition: string;
  route: Route;
  title: string;
}
export interface Recommendation {
  route?: Route;
  title?: string;
  /** ranked: the top route; first_step: no route ranks yet, so the written demand every recovery starts with;
   * plan_step: no route and no demand (excluded), so the plan's first dated step (`title`, no `route`). */
  basis?: 'ranked' | 'first_step' | 'plan_step';
  alternatives: Alternative[];
}

/**
 * Research the buyer does after the interview (issue 15): a register or court look-up that would settle unknown facts
 * that still change the verdict, with how to do it (the site, what to type, what the Chinese status words mean).
 */
export interface HomeworkItem {
  id: string;
  title: string;
  how: string;
  facts: string[];
}

/** A case fact the buyer did not state but that follows from stated ones. */
export interface ImpliedFact {
  fact: string;
  value: string | number | boolean;
  reason: string;
}

/** A case fact the case left out and a config file supplied (issue 18; see case/defaults.ts). */
export interface DefaultedFact {
  fact: string;
  value: string | number | boolean;
  from: string;
}

export interface RuleResult {
  id: string;
  kind: RuleKind;
  outcome: Outcome;
  source: Citation[];
  origin: string;
  trace: Trace;
}

/** The notice every assessment carries, in every format. */
export const NOT_LEGAL_ADVICE =
  'This is not legal advice: it is a structured first assessment from public sources. For a claim of any size, consult a PRC-licensed lawyer.';

export interface Assessment {
  format: typeof ASSESSMENT_FORMAT;
  version: typeof ASSESSMENT_VERSION;
  notice: typeof NOT_LEGAL_ADVICE;
  as_of: string;
  case: { file?: string; dispute_types: DisputeType[]; supplier?: string; channel?: string; amount_paid?: Money; loss?: Money };
  trade_assurance: TradeAssuranceVerdict;
  programs: ProgramVerdict[];
  evidence: EvidenceGroup[];
  strategies: RankedStrategy[];
  plan: PlanStep[];
  /** Present when what-if analysis ran (single cases; see AssessOptions.whatIf). */
  recommendation?: Recommendation;
  unknowns: Unknown[];
  /** The look-ups among the unknowns (their facts are in `unknowns` too); absent when none would change the verdict. */
  homework?: HomeworkItem[];
  implied?: ImpliedFact[];
  /** Facts filled from a config file's defaults because the case does not state them. */
  defaults?: DefaultedFact[];
  findings: Finding[];
  stats: { rules: number; fired: number; undecided: number };
  /** The sources the findings cite, numbered in order of first citation, with full entries. */
  sources: CitedSource[];
  /** Per-rule results with traces; present when explain was asked for. */
  trace?: RuleResult[];
}
