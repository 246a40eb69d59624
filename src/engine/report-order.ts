// What the text report shows, and in which order: the plan as "Your next steps" (issue 14), the routes, the
// Trade Assurance reasons it lists, the warnings, advice and prevention advice. Pure. text.ts renders these;
// `reportOrder` walks them in the same order so that the references are numbered in the order the text cites them.
import { addDays } from '../case/dates.js';
import type { Assessment, Finding, PlanStep, ProgramReason, RankedStrategy } from './assessment.js';

/** today: due today or overdue; week: within 7 days; later: after that; undated: a date the case does not give yet;
 * depends: a step that only an answer to an open question would bring. */
export const STEP_GROUPS = ['today', 'week', 'later', 'undated', 'depends'] as const;
export type StepGroup = (typeof STEP_GROUPS)[number];
export interface StepGroupList {
  group: StepGroup;
  steps: PlanStep[];
}

/** The plan's steps by group, each group in plan order (by date, the more severe first; steps under the same condition
 * together); empty groups left out. */
export function stepGroups(a: Pick<Assessment, 'plan' | 'as_of'>): StepGroupList[] {
  const week = addDays(a.as_of, 7);
  const groupOf = (s: PlanStep): StepGroup =>
    s.condition ? 'depends' : s.date === undefined ? 'undated' : s.date <= a.as_of ? 'today' : s.date <= week ? 'week' : 'later';
  const groups = STEP_GROUPS.map((group) => ({ group, steps: a.plan.filter((s) => groupOf(s) === group) })).filter((g) => g.steps.length > 0);
  // Steps under the same condition together, conditions in the order they first come.
  const depends = groups.find((g) => g.group === 'depends');
  if (depends) {
    const first = new Map<string, number>();
    depends.steps.forEach((s, i) => first.has(s.condition!.text) || first.set(s.condition!.text, i));
    depends.steps = depends.steps
      .map((s, i) => ({ s, i }))
      .sort((x, y) => first.get(x.s.condition!.text)! - first.get(y.s.condition!.text)! || x.i - y.i)
      .map((x) => x.s);
  }
  return groups;
}

/** The ranked routes, best first. */
export const rankedRoutes = (a: Assessment): RankedStrategy[] => a.strategies.filter((s) => s.rank !== undefined).sort((p, q) => p.rank! - q.rank!);
/** The routes not recommended (excluded, or scored at or below zero). */
export const otherRoutes = (a: Assessment): RankedStrategy[] => a.strategies.filter((s) => s.rank === undefined);

/** The Trade Assurance reasons the report lists: those that decide its status, at most four open gates shown
 * (`hidden`: the rest; the questions say what settles them). */
export function taShown(ta: Assessment['trade_assurance']): { listed: ProgramReason[]; hidden: Set<ProgramReason> } {
  const effects = ta.status === 'ineligible' ? ['excluded', 'unmet'] : ta.status === 'eligible' ? ['met'] : ['unknown', 'met'];
  const listed = ta.reasons.filter((r) => effects.includes(r.effect));
  return { listed, hidden: new Set(listed.filter((r) => r.effect === 'unknown').slice(4)) };
}

/** Flags above info: the report's red flags and warnings. */
export const warningFindings = (a: Assessment): Finding[] => a.findings.filter((f) => f.kind === 'flag' && f.severity !== 'info');
/** Standing advice, and informational flags (e.g. the supplier's status when all is well), which read as advice. */
export const adviceFindings = (a: Assessment): Finding[] => [
  ...a.findings.filter((f) => f.kind === 'advice' && f.category !== 'prevention'),
  ...a.findings.filter((f) => f.kind === 'flag' && f.severity === 'info'),
];
/** What would have avoided this dispute, for the buyer's next order (the "Next order" section). */
export const preventionFindings = (a: Assessment): Finding[] => a.findings.filter((f) => f.kind === 'advice' && f.category === 'prevention');

/**
 * The ids of the rules whose messages the text report marks with [n], in the order it shows them: the routes'
 * reasons (ranked, then not recommended), the plan in full (numbered as "Your next steps"), Trade Assurance and the
 * other programmes, the evidence checklist, the warnings, the advice, "Next order"; then any other finding and `more`.
 */
export function* reportOrder(a: Assessment, more: readonly string[]): Generator<string> {
  for (const s of [...rankedRoutes(a), ...otherRoutes(a)]) for (const r of s.reasons) yield r.rule;
  for (const g of stepGroups(a)) for (const s of g.steps) yield s.rule;
  const ta = taShown(a.trade_assurance);
  for (const r of ta.listed) if (!ta.hidden.has(r)) yield r.rule;
  for (const p of a.programs) if (p.status !== 'uncertain' && p.reasons[0]) yield p.reasons[0].rule;
  for (const g of a.evidence) for (const i of g.items) yield i.rule;
  for (const f of warningFindings(a)) yield f.id;
  for (const f of adviceFindings(a)) yield f.id;
  for (const f of preventionFindings(a)) yield f.id;
  for (const p of [a.trade_assurance, ...a.programs]) for (const r of p.reasons) yield r.rule;
  for (const f of a.findings) yield f.id;
  yield* more;
}
