// The semantic pass over rules: ids, facts, operators and values, parameters, placeholders, catalogue ids.
import { diag, type Diagnostic } from '../source/diagnostics.js';
import { suggestion } from '../source/suggest.js';
import type { YamlDoc } from '../source/read-yaml.js';
import { DERIVED } from '../case/derive.js';
import { factRegistry, type FactInfo } from './fact-registry.js';
import { OPERATORS, type Citation, type Condition, type Operand, type Operator, type Rule, type RuleSet } from './types.js';

export const MAX_CONDITION_DEPTH = 32;
const PLACEHOLDER = /\{([a-zA-Z0-9_.]+)\}/g;
/**
 * Documents the package does not ship and a reader cannot open: the project's research notes and the seed
 * files. A rule cites the public source they name instead (an entry of the bibliography).
 */
export const UNSHIPPED_DOCUMENT = /\bDOMAIN\.md\b|\bseeds?\s*#?0\d\d\b|\bseeds\/|\b\d{3}_[0-9a-f]{16}\.txt\b/i;

type Locate = (path: (string | number)[]) => { file: string; line: number; column: number; path: (string | number)[] };

/** Check a merged rule set; `where` maps a rule index and a path inside it to a position. */
export function checkRuleSet(
  set: RuleSet,
  where: (ruleIndex: number, path: (string | number)[]) => ReturnType<Locate>,
  paramWhere: (name: string, path?: (string | number)[]) => ReturnType<Locate>,
  sourceWhere?: (id: string, path?: (string | number)[]) => ReturnType<Locate>,
): Diagnostic[] {
  const facts = factRegistry();
  const out: Diagnostic[] = [];
  const ids = new Map<string, number>();
  const paramNames = Object.keys(set.params);
  const needParam = (name: string, at: ReturnType<Locate>, what: string) => {
    if (!Object.hasOwn(set.params, name))
      out.push(diag('rules-unknown-param', `${what} names the parameter '${name}', which no parameters file defines${suggestion(name, paramNames)}`, at));
  };
  const sourceIds = Object.keys(set.sources);
  const checkCitations = (list: readonly Citation[] | undefined, at: (p: (string | number)[]) => ReturnType<Locate>) => {
    (list ?? []).forEach((c, k) => {
      if (!Object.hasOwn(set.sources, c.ref))
        out.push(
          diag(
            'rules-unknown-source',
            `source '${c.ref}' is not in the bibliography (rules/sources.yaml or a sources: section)${suggestion(c.ref, sourceIds)}`,
            at(['source', k, 'ref']),
          ),
        );
      if (c.at !== undefined) noUnshipped(c.at, at(['source', k, 'at']), out);
    });
  };
  set.rules.forEach((rule, i) => {
    const at = (p: (string | number)[]) => where(i, p);
    checkCitations(rule.source, at);
    for (const field of ['title', 'rationale', 'message'] as const) noUnshipped(rule[field], at([field]), out);
    if (rule.kind === 'eligibility' && rule.then.unmet) noUnshipped(rule.then.unmet, at(['then', 'unmet']), out);
    const first = ids.get(rule.id);
    if (first !== undefined)
      out.push(
        diag(
          'rules-duplicate-id',
          `duplicate rule id '${rule.id}' (first defined at ${set.rules[first]!.origin.file}:${set.rules[first]!.origin.line})`,
          at(['id']),
        ),
      );
    else ids.set(rule.id, i);
    if (rule.when) checkCondition(rule.when, ['when'], 1, { facts, at, out, needParam });
    for (const m of rule.message.matchAll(PLACEHOLDER)) checkPlaceholder(m[1]!, at(['message']), facts, set, out);
    if (rule.kind === 'eligibility' && rule.then.unmet)
      for (const m of rule.then.unmet.matchAll(PLACEHOLDER)) checkPlaceholder(m[1]!, at(['then', 'unmet']), facts, set, out);
    if (rule.kind === 'action' && rule.then.due !== 'today') {
      const f = facts.get(rule.then.due.fact);
      if (!f || f.kind !== 'date')
        out.push(
          diag(
            'rules-unknown-fact',
            `due.fact '${rule.then.due.fact}' must be a date fact${suggestion(rule.then.due.fact, dateFacts(facts))}`,
            at(['then', 'due', 'fact']),
          ),
        );
    }
    if (rule.kind === 'checklist' && !Object.hasOwn(set.catalogue.evidence, rule.then.evidence))
      out.push(diag('rules-catalogue', `evidence '${rule.then.evidence}' has no entry in the evidence catalogue`, at(['then', 'evidence'])));
    if (rule.kind === 'action')
      rule.then.supersedes?.forEach((id, j) => {
        if (!set.rules.some((r) => r.id === id && r.kind === 'action'))
          out.push(diag('rules-unknown-rule', `supersedes '${id}', which is not a plan step (action rule)`, at(['then', 'supersedes', j])));
      });
    if (rule.kind === 'checklist')
      rule.then.or?.forEach((k, j) => {
        if (!Object.hasOwn(set.catalogue.evidence, k))
          out.push(diag('rules-catalogue', `evidence '${k}' has no entry in the evidence catalogue`, at(['then', 'or', j])));
      });
    const route = rule.kind === 'strategy' || rule.kind === 'action' || rule.kind === 'advice' ? rule.then?.route : undefined;
    if (route && !Object.hasOwn(set.catalogue.routes, route))
      out.push(diag('rules-catalogue', `route '${route}' has no entry in the routes catalogue`, at(['then', 'route'])));
  });
  for (const [name, p] of Object.entries(set.params)) {
    checkCitations(p.source, (path) => paramWhere(name, path));
    noUnshipped(p.description, paramWhere(name, ['description']), out);
    if (p.note) noUnshipped(p.note, paramWhere(name, ['note']), out);
  }
  for (const [id, s] of Object.entries(set.sources)) {
    for (const field of ['title', 'author', 'note'] as const) {
      const text = s[field];
      if (text && sourceWhere) noUnshipped(text, sourceWhere(id, [field]), out);
    }
  }
  for (const d of DERIVED)
    for (const p of d.params)
      if (!Object.hasOwn(set.params, p))
        out.push(diag('rules-unknown-param', `the derived fact ${d.name} needs the parameter '${p}', which no parameters file defines`, paramWhere(p)));
  return out;
}

function noUnshipped(text: string, at: ReturnType<Locate>, out: Diagnostic[]): void {
  const m = UNSHIPPED_DOCUMENT.exec(text);
  if (m)
    out.push(
      diag(
        'rules-unshipped-source',
        `'${m[0]}' is not part of the package and a reader cannot open it; cite the public source it names (an entry of rules/sources.yaml) instead`,
        at,
      ),
    );
}

const dateFacts = (facts: Map<string, FactInfo>) => [...facts.values()].filter((f) => f.kind === 'date').map((f) => f.path);

function checkPlaceholder(name: string, at: ReturnType<Locate>, facts: Map<string, FactInfo>, set: RuleSet, out: Diagnostic[]): void {
  if (name.startsWith('params.')) {
    if (!Object.hasOwn(set.params, name.slice(7)))
      out.push(diag('rules-placeholder', `placeholder {${name}} names no parameter${suggestion(name.slice(7), Object.keys(set.params))}`, at));
  } else if (!facts.has(name)) {
    out.push(diag('rules-placeholder', `placeholder {${name}} names no fact${suggestion(name, [...facts.keys()])}`, at));
  }
}

interface Ctx {
  facts: Map<string, FactInfo>;
  at: (p: (string | number)[]) => ReturnType<Locate>;
  out: Diagnostic[];
  needParam: (name: string, at: ReturnType<Locate>, what: string) => void;
}

function checkCondition(c: Condition, path: (string | number)[], depth: number, ctx: Ctx): void {
  if (depth > MAX_CONDITION_DEPTH) {
    ctx.out.push(diag('rules-too-deep', `condition nested more than ${MAX_CONDITION_DEPTH} levels deep`, ctx.at(path)));
    return;
  }
  if ('all' in c) c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], depth + 1, ctx));
  else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], depth + 1, ctx));
  else if ('not' in c) checkCondition(c.not, [...path, 'not'], depth + 1, ctx);
  else checkLeaf(c, path, ctx);
}

function checkLeaf(leaf: Condition & { fact: string }, path: (string | number)[], ctx: Ctx): void {
  const info = ctx.facts.get(leaf.fact);
  if (!info) {
    ctx.out.push(diag('rules-unknown-fact', `unknown fact '${leaf.fact}'${suggestion(leaf.fact, [...ctx.facts.keys()])}`, ctx.at([...path, 'fact'])));
    return;
  }
  const op = OPERATORS.find((o) => o in leaf) as Operator;
  const value = (leaf as Record<string, unknown>)[op];
  const at = ctx.at([...path, op]);
  const bad = (why: string): void => void ctx.out.push(diag('rules-operator', `${op} on ${leaf.fact} (${describeKind(info)}): ${why}`, at));
  const allowed: Record<Operator, FactInfo['kind'][]> = {
    equals: ['boolean', 'number', 'date', 'string', 'enum'],
    not_equals: ['boolean', 'number', 'date', 'string', 'enum'],
    in: ['number', 'string', 'enum', 'date'],
    not_in: ['number', 'string', 'enum', 'date'],
    contains: ['list'],
    contains_any: ['list'],
    gt: ['number', 'date'],
    gte: ['number', 'date'],
    lt: ['number', 'date'],
    lte: ['number', 'date'],
  };
  if (!allowed[op].includes(info.kind)) return bad(`this operator needs a fact of type ${allowed[op].join(' or ')}`);
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  for (const v of values) checkOperand(v as Operand, info, op, bad, at, ctx);
}

function checkOperand(v: Operand, info: FactInfo, op: Operator, bad: (why: string) => void, at: ReturnType<Locate>, ctx: Ctx): void {
  if (typeof v === 'object' && v !== null) {
    if ('param' in v) ctx.needParam(v.param, at, `${op}`);
    else if ('fact' in v) {
      const other = ctx.facts.get(v.fact);
      if (!other) bad(`compares with the unknown fact '${v.fact}'${suggestion(v.fact, [...ctx.facts.keys()])}`);
      else if (other.kind !== info.kind) bad(`compares with ${v.fact}, which is ${describeKind(other)}`);
    }
    return;
  }
  const kind = info.kind;
  if (kind === 'boolean' && typeof v !== 'boolean') return bad(`expected true or false, got ${JSON.stringify(v)}`);
  if (kind === 'number' && typeof v !== 'number') return bad(`expected a number, got ${JSON.stringify(v)}`);
  if (kind === 'date' && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))) return bad(`expected an ISO date, got ${JSON.stringify(v)}`);
  if ((kind === 'enum' || kind === 'list') && info.values && !info.values.includes(String(v))) {
    return bad(`'${String(v)}' is not one of its values${suggestion(String(v), info.values)}`);
  }
  if (kind === 'string' && typeof v !== 'string') bad(`expected text, got ${JSON.stringify(v)}`);
}

function describeKind(info: FactInfo): string {
  return info.values ? `${info.kind} of ${info.values.slice(0, 6).join('|')}${info.values.length > 6 ? '|...' : ''}` : info.kind;
}

/** Position helper for a rule file document. */
export function locator(doc: YamlDoc): Locate {
  return (path) => ({ file: doc.file, path, ...doc.locate(path) });
}

export type { Rule };
