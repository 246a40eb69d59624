// Turning rule outcomes into the sections of the assessment: evidence, strategies, plan, unknowns.
import { ROUTES, SEVERITIES, type DisputeType, type EvidenceStatus, type Route, type Strength } from '../case/enums.js';
import { routeCostAndTime } from './route-cost.js';
import { addDays } from '../case/dates.js';
import { caseInputs } from './case-inputs.js';
import type { ActionRule, ChecklistRule, RuleSet, StrategyRule } from '../rules/types.js';
import { fillMessage } from './format-value.js';
import { compareText } from './compare.js';
import type { EvidenceGroup, EvidenceItem, PlanStep, RankedStrategy, Unknown } from './assessment.js';
import type { Evaluated } from './evaluate.js';

const fired = (ev: Evaluated, id: string) => ev.outcome(id) === 'true';

type Status = EvidenceStatus | 'unknown';
const STATUS_RANK: Record<Status, number> = { missing: 0, unknown: 1, partial: 2, have: 3 };

/** Evidence checklist per dispute type, with a strength from the required items. Each item shows its own status;
 * the strength counts evidence that stands in for an item (`or`) and a ceiling on it (`at_most`), issue 11. */
export function evidenceSection(ev: Evaluated, set: RuleSet, types: readonly DisputeType[]): EvidenceGroup[] {
  const checklist = set.rules.filter((r): r is ChecklistRule => r.kind === 'checklist' && fired(ev, r.id));
  const own = (kind: string) => (ev.facts.get(`evidence.${kind}`) as EvidenceStatus | undefined) ?? 'unknown';
  return types.map((t) => {
    const items = new Map<string, EvidenceItem>();
    const counted = new Map<string, Status>();
    const mine = checklist.filter((c) => c.then.for.includes(t));
    for (const r of mine) {
      const prev = items.get(r.then.evidence);
      if (prev && (prev.level === 'required' || r.then.level === 'recommended')) continue;
      const entry = set.catalogue.evidence[r.then.evidence]!;
      items.set(r.then.evidence, {
        kind: r.then.evidence,
        title: entry.title,
        level: r.then.level,
        status: own(r.then.evidence),
        proves: entry.proves,
        where: entry.where,
        rule: r.id,
      });
    }
    // Evidence standing in counts once the buyer says it has it (have or partial); one not stated leaves the item as it is.
    for (const r of mine) {
      const best = [r.then.evidence, ...(r.then.or ?? [])]
        .map(own)
        .reduce((a, b) => ((b === 'have' || b === 'partial') && STATUS_RANK[b] > STATUS_RANK[a] ? b : a));
      const prev = counted.get(r.then.evidence) ?? own(r.then.evidence);
      counted.set(r.then.evidence, STATUS_RANK[best] > STATUS_RANK[prev] ? best : prev);
    }
    for (const r of mine) {
      const c = counted.get(r.then.evidence)!;
      if (r.then.at_most && STATUS_RANK[c] > STATUS_RANK[r.then.at_most]) counted.set(r.then.evidence, r.then.at_most);
    }
    const list = [...items.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'required' ? -1 : 1));
    return { dispute_type: t, strength: strength(list.map((i) => ({ level: i.level, status: counted.get(i.kind) ?? i.status }))), items: list };
  });
}

function strength(items: { level: EvidenceItem['level']; status: Status }[]): Strength {
  const required = items.filter((i) => i.level === 'required');
  if (required.length === 0) return 'undetermined';
  if (required.some((i) => i.status === 'missing')) return 'weak';
  if (required.some((i) => i.status === 'unknown')) return 'undetermined';
  if (required.some((i) => i.status === 'partial')) return 'moderate';
  return 'strong';
}

/** Routes scored by the strategy rules that fired; excluded routes are kept, marked. */
export function strategySection(ev: Evaluated, set: RuleSet): RankedStrategy[] {
  const rules = set.rules.filter((r): r is StrategyRule => r.kind === 'strategy' && fired(ev, r.id));
  const routes = ROUTES.filter((route) => set.catalogue.routes[route]).map((route): RankedStrategy => {
    const all = rules.filter((r) => r.then.route === route);
    const excluded = all.some((r) => r.then.exclude === true);
    // An excluded route gives only the reasons against it (issue 11: after a bank switch, "start with a written
    // demand to the supplier" under "not recommended: negotiation" would contradict the exclusion).
    const mine = excluded ? all.filter((r) => r.then.exclude === true || (r.then.score ?? 0) < 0) : all;
    const entry = set.catalogue.routes[route]!;
    return {
      route,
      title: entry.title,
      description: entry.description,
      score: mine.reduce((s, r) => s + (r.then.score ?? 0), 0),
      excluded,
      reasons: mine.map((r) => ({ rule: r.id, score: r.then.exclude ? 0 : (r.then.score ?? 0), message: fillMessage(r.message, ev.facts, set.params) })),
      ...routeCostAndTime(entry, ev.facts, set.params),
    };
  });
  const ranked = routes.filter((r) => !r.excluded && r.score > 0).sort((a, b) => b.score - a.score || ROUTES.indexOf(a.route) - ROUTES.indexOf(b.route));
  ranked.forEach((r, i) => (r.rank = i + 1));
  const rest = routes.filter((r) => r.rank === undefined && (r.excluded || r.reasons.length > 0));
  return [...ranked, ...rest.sort((a, b) => b.score - a.score || ROUTES.indexOf(a.route) - ROUTES.indexOf(b.route))];
}

/** Dated actions, earliest first; undated ones last. A step of an excluded route is left out: the plan never
 * tells the buyer to take a route the strategy section rules out. */
export function planSection(
  ev: Evaluated,
  set: RuleSet,
  asOf: string,
  excluded: ReadonlySet<Route> = new Set(),
  routeRank: ReadonlyMap<Route, number> = new Map(),
): PlanStep[] {
  const given = set.rules.filter((r): r is ActionRule => r.kind === 'action' && fired(ev, r.id) && !(r.then.route && excluded.has(r.then.route)));
  // A step another given step supersedes is left out (issue 11: "file the claim today anyway" replaces "file the claim").
  const superseded = new Set(given.flatMap((r) => r.then.supersedes ?? []));
  const actions = given.filter((r) => !superseded.has(r.id));
  const order = new Map(actions.map((r, i) => [r.id, i]));
  const steps = actions.map((r): PlanStep => {
    let date: string | undefined;
    if (r.then.due === 'today') date = asOf;
    else {
      const d = ev.facts.get(r.then.due.fact);
      if (typeof d === 'string') date = addDays(d, r.then.due.offset_days ?? 0);
    }
    const step: PlanStep = {
      overdue: date !== undefined && date < asOf,
      action: fillMessage(r.message, ev.facts, set.params),
      title: r.title,
      rule: r.id,
      severity: r.severity,
      source: r.source,
    };
    if (date) step.date = date < asOf ? asOf : date;
    if (r.then.route) step.route = r.then.route;
    return step;
  });
  const rank = (s: PlanStep) => SEVERITIES.length - SEVERITIES.indexOf(s.severity);
  // Same day: the more severe first; then a step of no route (an urgent general one, such as recalling a wire),
  // then the steps of the better-ranked route (the report's "start with" comes first), then the rest; then in the
  // order the rule files give (authors order their steps).
  const routeOrder = (s: PlanStep) => (!s.route ? 0 : (routeRank.get(s.route) ?? Number.MAX_SAFE_INTEGER));
  return steps.sort(
    (a, b) => compareText(a.date ?? '9999', b.date ?? '9999') || rank(a) - rank(b) || routeOrder(a) - routeOrder(b) || order.get(a.rule)! - order.get(b.rule)!,
  );
}

/** Case facts that, once known, would decide rules that are undecided now (most decisive first). */
export function unknownsSection(ev: Evaluated, describe: (fact: string) => string | undefined, relevant?: ReadonlySet<string>): Unknown[] {
  const byFact = new Map<string, Set<string>>();
  const programInputs = new Map(ev.programs.map((p) => [`eligibility.${p.program}`, p.unknown_facts]));
  const settled = new Set(ev.programs.filter((p) => p.status === 'ineligible').map((p) => p.program));
  // The case facts behind each missing fact, worked out once per fact.
  const inputsOf = new Map<string, string[]>();
  const inputs = (f: string) => {
    let list = inputsOf.get(f);
    if (!list) inputsOf.set(f, (list = [...new Set((programInputs.get(f) ?? [f]).flatMap((x) => caseInputs(x, ev.facts)))]));
    return list;
  };
  // Rules in id order, so that each fact's rules come out sorted.
  const undecided = ev.undecided.filter((r) => !relevant || relevant.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const rule of undecided) {
    const r = rule;
    if (rule.kind === 'eligibility' && settled.has(rule.then.program)) continue;
    for (const f of ev.byId.get(r.id)!.missing) {
      for (const input of inputs(f)) {
        let rules = byFact.get(input);
        if (!rules) byFact.set(input, (rules = new Set()));
        rules.add(r.id);
      }
    }
  }
  return [...byFact.entries()]
    .map(([fact, rules]) => {
      const u: Unknown = { fact, rules: [...rules] };
      const d = describe(fact);
      if (d) u.description = d;
      return u;
    })
    .sort((a, b) => b.rules.length - a.rules.length || compareText(a.fact, b.fact));
}
