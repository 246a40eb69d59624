// What the case pack is made from: the case, its assessment, the catalogue, and what the CLI found out about the
// evidence files. Pure functions that pick out the parts every document needs (exhibits, gaps, timeline, sources).
import type { Case, Money } from '../case/schema.js';
import { EVIDENCE_KINDS, type DisputeType, type EvidenceKind, type EvidenceStatus } from '../case/enums.js';
import type { Assessment } from '../engine/assessment.js';
import type { Catalogue } from '../rules/types.js';
import { compareText } from '../engine/compare.js';

/** One evidence file as the CLI found it (path as written in the case, resolved relative to the case file). */
export interface FileFact {
  path: string;
  found: boolean;
  size?: number;
  sha256?: string;
  /** Modification time, ISO 8601 in UTC. */
  mtime?: string;
  /** Why it could not be read (not found, a folder, no permission). */
  problem?: string;
}

/** Everything the pack's documents are rendered from. */
export interface PackInput {
  case: Case;
  assessment: Assessment;
  catalogue: Catalogue;
  /** The case file as the user named it (shown, never opened here). */
  caseFile: string;
  /** The evidence files by path as written in the case. */
  files: ReadonlyMap<string, FileFact>;
}

export interface Exhibit {
  no: string;
  kind: EvidenceKind;
  status: EvidenceStatus;
  files: FileFact[];
  note?: string;
}
export interface Gap {
  kind: EvidenceKind;
  status: EvidenceStatus | 'unknown';
  types: DisputeType[];
}
export interface TimelineEvent {
  date: string;
  event: 'order' | 'payment' | 'expected' | 'shipped' | 'receipt' | 'closed' | 'discovered' | 'notified' | 'dispute_opened' | 'as_of';
  payment?: number;
}

type EvidenceEntry = NonNullable<Case['evidence']>[EvidenceKind];

/** The files named by one evidence entry: `file` first, then `files`, without repeats. */
export function entryFiles(entry: EvidenceEntry | undefined): string[] {
  if (!entry || typeof entry === 'string') return [];
  return [...new Set([...(entry.file ? [entry.file] : []), ...(entry.files ?? [])])];
}

/** Every evidence file path the case names, in catalogue order (what the CLI must look at). */
export function evidencePaths(c: Case): string[] {
  return [...new Set(EVIDENCE_KINDS.flatMap((k) => entryFiles(c.evidence?.[k])))];
}

/** The case's evidence items in catalogue order, numbered E1, E2, ... */
export function exhibits(input: PackInput): Exhibit[] {
  const out: Exhibit[] = [];
  for (const kind of EVIDENCE_KINDS) {
    const entry = input.case.evidence?.[kind];
    if (entry === undefined) continue;
    const status = typeof entry === 'string' ? entry : entry.status;
    const files = entryFiles(entry).map((p) => input.files.get(p) ?? { path: p, found: false, problem: 'not looked at' });
    const ex: Exhibit = { no: `E${out.length + 1}`, kind, status, files };
    if (typeof entry !== 'string' && entry.note) ex.note = entry.note;
    out.push(ex);
  }
  return out;
}

/** Required evidence the buyer does not hold (missing, or not stated), with the dispute types that need it. */
export function gaps(a: Assessment): Gap[] {
  const byKind = new Map<EvidenceKind, Gap>();
  for (const g of a.evidence) {
    for (const i of g.items) {
      if (i.level !== 'required' || i.status === 'have' || i.status === 'partial') continue;
      const known = byKind.get(i.kind);
      if (known) known.types.push(g.dispute_type);
      else byKind.set(i.kind, { kind: i.kind, status: i.status, types: [g.dispute_type] });
    }
  }
  return [...byKind.values()];
}

/** The dates the case states, earliest first (payments in their order on the same day). */
export function timeline(c: Case, asOf: string): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const add = (date: string | undefined, event: TimelineEvent['event'], payment?: number) => {
    if (date) out.push(payment === undefined ? { date, event } : { date, event, payment });
  };
  add(c.order?.date, 'order');
  (c.order?.payments ?? []).forEach((p, i) => add(p.date, 'payment', i));
  add(c.order?.delivery?.expected_date, 'expected');
  add(c.order?.delivery?.shipped_date, 'shipped');
  add(c.order?.delivery?.receipt_confirmed_date, 'receipt');
  add(c.order?.closed_date, 'closed');
  add(c.dispute?.discovered_date, 'discovered');
  add(c.dispute?.supplier_notified_date, 'notified');
  add(c.dispute?.platform_dispute?.opened_date, 'dispute_opened');
  add(asOf, 'as_of');
  return out
    .map((e, i) => ({ e, i }))
    .sort((x, y) => compareText(x.e.date, y.e.date) || x.i - y.i)
    .map((x) => x.e);
}

/** The sources of the rules a document quotes, numbered from 1 in the order first quoted (title, author, date,
 * address, and the places the quoted rules cite), and each rule's numbers. */
export function references(a: Assessment, quoted: readonly string[]): { list: string[]; cite: (rule: string) => number[] } {
  const sourcesOf = new Map<string, readonly { ref: string; at?: string }[]>(a.findings.map((f) => [f.id, f.source]));
  for (const p of [a.trade_assurance, ...a.programs]) for (const r of p.reasons) if (!sourcesOf.has(r.rule)) sourcesOf.set(r.rule, r.source);
  const byId = new Map(a.sources.map((s) => [s.id, s]));
  const index = new Map<string, number>();
  const places = new Map<string, string[]>();
  for (const rule of quoted) {
    for (const c of sourcesOf.get(rule) ?? []) {
      if (!byId.has(c.ref)) continue;
      if (!index.has(c.ref)) index.set(c.ref, index.size + 1);
      const at = places.get(c.ref) ?? [];
      if (c.at && !at.includes(c.at)) places.set(c.ref, [...at, c.at]);
    }
  }
  const list = [...index.keys()].map((id) => {
    const s = byId.get(id)!;
    const at = places.get(id) ?? [];
    return `${s.title}, ${s.author}${s.published ? ` (${s.published})` : ''}${s.url ? `, ${s.url}` : ''}${at.length ? `; cited at: ${at.join('; ')}` : ''}`;
  });
  const cite = (rule: string) => [...new Set((sourcesOf.get(rule) ?? []).flatMap((c) => index.get(c.ref) ?? []))].sort((x, y) => x - y);
  return { list, cite };
}

/** The amount to demand: the amount claimed, else the loss, else what was paid. */
export function amountDemanded(input: PackInput): Money | undefined {
  return input.case.dispute?.amount_claimed ?? input.assessment.case.loss ?? input.assessment.case.amount_paid;
}

/** The payee's name when it differs from the contracting party's (the letter is copied to it). */
export function separatePayee(c: Case): string | undefined {
  const payee = c.supplier?.payee;
  if (!payee?.name || payee.same_as_contracting_party === true) return undefined;
  const party = c.supplier?.contracting_party ?? c.supplier?.name;
  return party && party.trim().toLowerCase() === payee.name.trim().toLowerCase() ? undefined : payee.name;
}
