// The question catalogue: for every fact the interview can ask, its wording, hint, group and answer type.
// Wording comes from the catalogue files; the answer type and enum values from the case schema.
import { COUNTRY_CODES } from '../case/iso-codes.js';
import { EVIDENCE_KINDS } from '../case/enums.js';
import { factRegistry } from '../rules/fact-registry.js';
import type { RuleSet } from '../rules/types.js';
import type { Case } from '../case/schema.js';
import { GROUPS, type GroupId } from './groups.js';
import type { QuestionSpec } from './spec.js';
import { HAPPENED } from './catalogue-happened.js';
import { COUNTERPARTY, STATUS } from './catalogue-supplier.js';
import { EVIDENCE, OPTIONS } from './catalogue-options.js';
import { GAPS } from './catalogue-gaps.js';
import { LAW_HAPPENED, LAW_OPTIONS } from './catalogue-law.js';
import { decodeIpRights, encodeIpRights, IP_RIGHT_CHOICES } from './ip-rights.js';
import { BUNDLES } from './bundles.js';

export type QuestionKind = 'boolean' | 'enum' | 'list' | 'date' | 'money' | 'number' | 'string' | 'country' | 'payments' | 'bundle';
export interface Choice {
  value: string;
  label: string;
}

/** A question ready to ask: wording plus the answer type and its choices. */
export interface Question {
  path: string;
  group: GroupId;
  kind: QuestionKind;
  text: string;
  hint: string;
  choices?: Choice[];
  past?: boolean;
  pin?: number;
  /** Position in the catalogue: the natural order within a group. */
  order: number;
  askIf?: (c: Case) => boolean;
  /** For a list stored in another shape than the ticked values (ip.rights): how to convert both ways. */
  codec?: { encode(values: readonly string[]): unknown; decode(value: unknown): string[] };
  /** For a bundle: the label of the "none of these" choice. */
  noneLabel?: string;
}

const SPECS: readonly QuestionSpec[] = [...HAPPENED, ...LAW_HAPPENED, ...COUNTERPARTY, ...STATUS, ...EVIDENCE, ...OPTIONS, ...LAW_OPTIONS, ...GAPS];
/** Every written catalogue entry by fact path. */
export const CATALOGUE: ReadonlyMap<string, QuestionSpec> = new Map(SPECS.map((s) => [s.path, s]));
const INDEX = new Map(SPECS.map((s, i) => [s.path, i]));

export const EVIDENCE_LABELS: Record<string, string> = { have: 'Yes, I have it', partial: 'Partly, or not in good form', missing: "No, I don't have it" };
const BOOLEAN_CHOICES: Choice[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The readable form of an id: "hong_kong_company" -> "hong kong company". */
export const humanize = (id: string) => id.replace(/[_.]/g, ' ');

/** The "which of these?" question of a bundle (its id stands in for a fact path). */
export function bundleQuestion(id: string): Question | undefined {
  const b = BUNDLES.find((x) => x.id === id);
  if (!b) return undefined;
  const paths = Object.keys(b.items);
  const order = Math.min(...paths.map((p) => INDEX.get(p) ?? SPECS.length));
  return {
    path: b.id,
    group: b.group,
    kind: 'bundle',
    text: b.text,
    hint: b.hint,
    order,
    noneLabel: b.none,
    choices: paths.map((p) => ({ value: p, label: b.items[p]! })),
  };
}

/** The question for a fact path, or undefined when the path is not a case fact a buyer can answer. */
export function questionFor(path: string, set?: RuleSet): Question | undefined {
  if (path === 'order.payments') return fromSpec(CATALOGUE.get(path)!, 'payments');
  if (path === 'ip.rights') {
    const q = fromSpec(CATALOGUE.get(path)!, 'list');
    return { ...q, choices: IP_RIGHT_CHOICES, noneLabel: 'None of these', codec: { encode: encodeIpRights, decode: decodeIpRights } };
  }
  const info = factRegistry().get(path);
  if (!info || path === 'as_of' || /^(derived|eligibility)\./.test(path)) return undefined;
  if (/\.(amount|currency)$/.test(path) && factRegistry().get(path.replace(/\.(amount|currency)$/, ''))?.kind === 'money') return undefined;
  const kind: QuestionKind = info.kind === 'enum' && info.values?.length === COUNTRY_CODES.length ? 'country' : info.kind;
  const spec = CATALOGUE.get(path) ?? (path.startsWith('evidence.') ? evidenceSpec(path, set) : fallbackSpec(path, info.description));
  const q = fromSpec(spec, kind);
  if (path.startsWith('evidence.') && !CATALOGUE.has(path)) q.order = SPECS.length + EVIDENCE_KINDS.indexOf(path.slice(9) as never);
  if (kind === 'boolean') q.choices = BOOLEAN_CHOICES;
  if ((kind === 'enum' || kind === 'list') && info.values) q.choices = info.values.map((v) => ({ value: v, label: spec.labels?.[v] ?? humanize(v) }));
  return q;
}

function fromSpec(spec: QuestionSpec, kind: QuestionKind): Question {
  const q: Question = { path: spec.path, group: spec.group, kind, text: spec.text, hint: spec.hint, order: INDEX.get(spec.path) ?? SPECS.length };
  if (spec.past) q.past = true;
  if (spec.pin !== undefined) q.pin = spec.pin;
  if (spec.askIf) q.askIf = spec.askIf;
  return q;
}

function evidenceSpec(path: string, set?: RuleSet): QuestionSpec {
  const kind = path.slice('evidence.'.length);
  const entry = set?.catalogue.evidence[kind];
  return {
    path,
    group: 'evidence',
    labels: EVIDENCE_LABELS,
    text: `Do you have this evidence: ${entry?.title ?? humanize(kind)}?`,
    hint: entry ? `It proves: ${entry.proves}` : 'Answer for what you have today, not what you could get.',
  };
}

function fallbackSpec(path: string, description?: string): QuestionSpec {
  const top = path.split('.')[0] ?? '';
  const group: GroupId = top === 'supplier' ? 'counterparty' : top === 'evidence' ? 'evidence' : top === 'dispute' || top === 'order' ? 'happened' : GROUPS[4];
  return { path, group, text: `${description ?? humanize(path)}?`, hint: `(${path} in the case file)` };
}
