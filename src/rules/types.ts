// The rule format, as types. The JSON Schema in rule-schema.ts is the same format for ajv and editors.
import type { DisputeType, EvidenceKind, Program, Route, Severity } from '../case/enums.js';

export type Scalar = string | number | boolean;
/** A value to compare with: a literal, a parameter, or another fact. */
export type Operand = Scalar | { param: string } | { fact: string };

export const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'contains', 'contains_any', 'gt', 'gte', 'lt', 'lte'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Leaf = { fact: string } & Partial<Record<Operator, Operand | Scalar[]>>;
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;

export const RULE_KINDS = ['checklist', 'eligibility', 'strategy', 'flag', 'advice', 'action'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

interface RuleBase {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  source: Citation[];
  checked?: string;
  when?: Condition;
  message: string;
  /** Where the rule was read from (file and index), for diagnostics and --explain. */
  origin: { file: string; line: number; column: number };
}

/** `or`: evidence that stands in for this item when the strength is judged; `at_most`: while the rule fires, the item
 * counts at most as this status (the item's own status is still shown as stated). */
export type ChecklistRule = RuleBase & {
  kind: 'checklist';
  then: { evidence: EvidenceKind; level: 'required' | 'recommended'; for: DisputeType[]; or?: EvidenceKind[]; at_most?: 'partial' };
};
export type EligibilityRule = RuleBase & { kind: 'eligibility'; then: { program: Program; effect: 'requires' | 'excludes'; unmet?: string } };
export type StrategyRule = RuleBase & { kind: 'strategy'; then: { route: Route; score?: number; exclude?: boolean } };
export type FlagRule = RuleBase & { kind: 'flag'; then?: { category?: FlagCategory } };
export type AdviceRule = RuleBase & { kind: 'advice'; then?: { route?: Route; category?: AdviceCategory } };
/** `supersedes`: plan steps (rule ids) this one replaces when both would be in the plan. */
export type ActionRule = RuleBase & { kind: 'action'; then: { route?: Route; due: 'today' | { fact: string; offset_days?: number }; supersedes?: string[] } };
export type Rule = ChecklistRule | EligibilityRule | StrategyRule | FlagRule | AdviceRule | ActionRule;

export const FLAG_CATEGORIES = ['red_flag', 'deadline', 'counterparty', 'supplier_status', 'evidence', 'chronology'] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];
/** prevention: what would have avoided this dispute, shown in the report's "Next order" section (issue 14). */
export const ADVICE_CATEGORIES = ['prevention'] as const;
export type AdviceCategory = (typeof ADVICE_CATEGORIES)[number];

/** A citation: a bibliography entry by id and where in it (section, article, heading). */
export interface Citation {
  ref: string;
  at?: string;
}

export const SOURCE_KINDS = [
  'statute',
  'judicial_interpretation',
  'regulation',
  'treaty',
  'standard',
  'platform_rule',
  'platform_faq',
  'payment_terms',
  'card_scheme_rules',
  'court_or_arbitration_rules',
  'official_register',
  'official_page',
  'secondary_article',
  'code',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One bibliography entry (rules/sources.yaml, or a `sources:` section of any rule file). */
export interface SourceEntry {
  title: string;
  /** Author or publisher. */
  author: string;
  url?: string;
  /** Date (or year) of publication, when known. */
  published?: string;
  /** Date the source was read. */
  retrieved?: string;
  kind: SourceKind;
  /** Caveats: a mirror, an older version, the primary text not retrieved. */
  note?: string;
}

/** A policy figure with its provenance. */
export interface Parameter {
  value: number | string | string[] | Record<string, number>;
  unit?: string;
  description: string;
  /** Required unless the figure is inferred or unverified; `note` then says what it rests on. */
  source?: Citation[];
  note?: string;
  checked: string;
  confidence: 'stated' | 'secondary' | 'inferred' | 'unverified';
}

export interface EvidenceEntry {
  title: string;
  proves: string;
  where: string;
}
/** An estimated cost: a range in one currency; bounds are numbers, parameters or derived facts. */
export interface RouteCostSpec {
  currency: string;
  low: Operand;
  high?: Operand;
  basis: string;
}
export interface RouteEntry {
  title: string;
  description: string;
  cost?: RouteCostSpec;
  time?: string;
}
export interface ProgramEntry {
  title: string;
  description: string;
}

export interface Catalogue {
  evidence: Record<string, EvidenceEntry>;
  routes: Record<string, RouteEntry>;
  programs: Record<string, ProgramEntry>;
}

/** Everything the engine needs: rules, parameters and catalogues, validated. */
export interface RuleSet {
  rules: Rule[];
  params: Record<string, Parameter>;
  /** The bibliography: every source a rule or parameter cites, by id. */
  sources: Record<string, SourceEntry>;
  catalogue: Catalogue;
  files: string[];
}
