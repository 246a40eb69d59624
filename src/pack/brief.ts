// The brief for the buyer's lawyer, as Markdown: parties, timeline, money, programmes, routes, next steps,
// evidence, warnings, open questions, glossary and numbered references. One to three printed pages.
import type { Key } from './i18n/index.js';
import { bullets, md, table } from './markdown.js';
import { exhibits, gaps, references, timeline, type PackInput } from './model.js';
import type { Words } from './words.js';

const MAX_UNKNOWNS = 8;

/** The sections of the brief, in order; `id` names each for the HTML (a class) and for tests. */
export const SECTIONS = [
  'summary',
  'parties',
  'timeline',
  'money',
  'programmes',
  'routes',
  'steps',
  'evidence',
  'warnings',
  'unknowns',
  'glossary',
  'references',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The brief, as a title, a line under it, and its sections in Markdown (each with its `##` heading). */
export interface Brief {
  title: string;
  subtitle: string;
  sections: { id: SectionId; markdown: string }[];
}

/** The brief as Markdown in the language of `w`. */
export function briefMarkdown(input: PackInput, w: Words): string {
  const b = brief(input, w);
  return [`# ${b.title}`, '', `*${b.subtitle}*`, ...b.sections.map((s) => `\n${s.markdown}`)].join('\n') + '\n';
}

/** The brief's parts, for Markdown and HTML alike. */
export function brief(input: PackInput, w: Words): Brief {
  const { t } = w;
  const a = input.assessment;
  const ranked = a.strategies.filter((s) => s.rank !== undefined);
  const warnings = a.findings.filter((f) => f.kind === 'flag' && f.severity !== 'info');
  const refs = references(a, [...ranked.flatMap((s) => s.reasons.map((r) => r.rule)), ...a.plan.map((p) => p.rule), ...warnings.map((f) => f.id)]);
  const cite = (rule: string) => {
    const n = refs.cite(rule);
    return n.length ? ` [${n.join(', ')}]` : '';
  };
  const body: Record<SectionId, () => string[]> = {
    summary: () => bullets(summary(input, w)),
    parties: () => table([t('col.role'), t('col.name'), t('col.details')], parties(input, w)),
    timeline: () => table([t('col.date'), t('col.event')], timelineRows(input, w)),
    money: () => {
      const money = moneyRows(input, w);
      return money.length ? table([t('col.item'), t('col.amount')], money) : [t('money.none')];
    },
    programmes: () => table([t('col.programme'), t('col.status'), t('col.deadline_reason')], programmeRows(input, w)),
    routes: () => {
      const out = [`*${t('brief.rule_text_note')}*`, ''];
      if (ranked.length === 0) out.push(t('routes.none'));
      for (const s of ranked) out.push(`${s.rank}. **${w.route(s.route)}**`, ...s.reasons.map((r) => `   - ${md(r.message)}${cite(r.rule)}`));
      const rest = a.strategies.filter((s) => s.rank === undefined);
      if (rest.length) out.push('', `${t('routes.not_recommended')}${t('punct.colon')}${rest.map((s) => w.route(s.route)).join(t('punct.semicolon'))}`);
      return out;
    },
    steps: () =>
      a.plan.length === 0
        ? [t('steps.none')]
        : bullets(
            a.plan.map(
              (p) =>
                `**${p.date ?? t('steps.undated')}**${p.overdue ? ` (${t('steps.overdue')})` : ''}${t('punct.colon')}${p.condition ? `(${t('steps.if', { condition: md(p.condition.text) })}) ` : ''}${md(p.action)}${cite(p.rule)}`,
            ),
          ),
    evidence: () => evidenceSummary(input, w),
    warnings: () =>
      warnings.length
        ? bullets(warnings.map((f) => `**${md(f.title)}** (${w.w('severity', f.severity)})${t('punct.colon')}${md(f.message)}${cite(f.id)}`))
        : [t('warnings.none')],
    unknowns: () => {
      // The interview's question where there is one (issue 12), never a bare fact path when it can be helped.
      const list = a.unknowns
        .slice(0, MAX_UNKNOWNS)
        .map((u) => (u.question ? md(u.question) : u.description ? `${md(u.description)} (${factName(u.fact)})` : factName(u.fact)));
      if (a.unknowns.length > MAX_UNKNOWNS) list.push(t('unknowns.more', { n: a.unknowns.length - MAX_UNKNOWNS }));
      return list.length ? bullets(list) : [t('unknowns.none')];
    },
    glossary: () => bullets((['gloss.prc', 'gloss.uscc', 'gloss.contracting', 'gloss.ta', 'gloss.cietac', 'gloss.preservation'] as const).map((k) => t(k))),
    references: () => (refs.list.length ? refs.list.map((s, i) => `${i + 1}. ${md(s)}`) : [t('refs.none')]),
  };
  return {
    title: t('brief.title', { supplier: md(supplierName(input) ?? t('ph.supplier_name')) }),
    subtitle: t('brief.draft', { date: a.as_of }),
    sections: SECTIONS.map((id) => ({ id, markdown: [`## ${t(`h.${id}` as Key)}`, '', ...body[id]()].join('\n') })),
  };
}

/** A case fact's path as words: `supplier.activity.at_trade_fairs` -> "supplier › activity › at trade fairs". */
const factName = (path: string) =>
  md(
    path
      .split('.')
      .map((p) => p.replace(/_/g, ' '))
      .join(' › '),
  );

/** The name to address the supplier by: the contracting party, else the name it trades under. */
export function supplierName(input: PackInput): string | undefined {
  return input.case.supplier?.contracting_party ?? input.case.supplier?.name;
}

function summary(input: PackInput, w: Words): string[] {
  const { t } = w;
  const a = input.assessment;
  const c = input.case;
  const top = a.strategies.find((s) => s.rank === 1);
  const next = a.plan.find((p) => p.date !== undefined && p.date > a.as_of);
  const colon = t('punct.colon');
  const line = (key: Key, value: string) => `**${t(key)}**${colon}${value}`;
  const lines = [
    line('summary.dispute', a.case.dispute_types.length ? a.case.dispute_types.map((d) => w.w('dispute', d)).join(t('punct.comma')) : t('dispute.unknown')),
    line('summary.goods', c.order?.goods ? md(c.order.goods) : `*${t('value.not_stated')}*`),
    line('summary.route', top ? w.route(top.route) : t('summary.no_route')),
    line('summary.paid', w.money(a.case.amount_paid) ?? t('value.not_stated')),
  ];
  if (a.case.loss && a.case.loss.amount !== a.case.amount_paid?.amount) lines.push(line('summary.at_stake', w.money(a.case.loss)!));
  if (next) lines.push(line('summary.next_deadline', `${next.date}${colon}${md(next.action)}`));
  if (c.dispute?.summary) lines.push(line('summary.account', md(c.dispute.summary)));
  if (c.notes) lines.push(line('summary.notes', md(c.notes)));
  return lines;
}

function parties(input: PackInput, w: Words): string[][] {
  const { t } = w;
  const s = input.case.supplier ?? {};
  const b = input.case.buyer ?? {};
  const name = (n: string | undefined) => (n ? md(n) : `*${t('value.not_stated')}*`);
  const rows: string[][] = [[t('role.buyer'), name(b.name), b.country ? t('party.country', { country: b.country }) : '']];
  const registry = [
    s.uscc ? t('party.uscc', { code: md(s.uscc) }) : t('party.uscc_unknown'),
    s.registration_status ? t('party.registry', { status: w.w('registry', s.registration_status) }) : t('party.registry_unknown'),
    ...(s.dishonest_judgment_debtor ? [t('party.dishonest')] : []),
  ];
  // The credit code and registry status go with the contracting party when it is named, else with the supplier as listed.
  rows.push([t('role.contracting'), name(s.contracting_party), s.contracting_party ? registry.join(t('punct.semicolon')) : '']);
  if (s.payee) {
    const p = s.payee;
    const same = p.same_as_contracting_party;
    const details = [
      ...(p.account_type ? [w.w('account', p.account_type)] : []),
      ...(p.country ? [t('party.country', { country: p.country })] : []),
      ...(same === true ? [t('party.same')] : same === false ? [t('party.differs')] : []),
    ];
    rows.push([t('role.payee'), name(p.name), details.join(t('punct.semicolon'))]);
  }
  const listed = [
    ...(s.found_on ? [t('party.found_on', { where: w.w('found', s.found_on) })] : []),
    ...(s.claimed_type ? [t('party.claims_to_be', { what: w.w('claimed', s.claimed_type) })] : []),
    ...(s.country ? [t('party.country', { country: s.country })] : []),
    ...(s.contracting_party ? [] : registry),
  ];
  rows.push([t('role.listed'), name(s.name), listed.join(t('punct.semicolon'))]);
  return rows;
}

function timelineRows(input: PackInput, w: Words): string[][] {
  const { t } = w;
  const payments = input.case.order?.payments ?? [];
  return timeline(input.case, input.assessment.as_of).map((e) => {
    if (e.event !== 'payment') return [e.date, t(`event.${e.event}` as Key)];
    const p = payments[e.payment!]!;
    const details = [p.stage ? w.w('stage', p.stage) : undefined, p.method ? w.w('method', p.method) : undefined, p.via ? w.w('via', p.via) : undefined]
      .filter(Boolean)
      .join(t('punct.comma'));
    return [e.date, t('event.payment', { amount: w.money(p.amount) ?? t('value.not_stated'), details: details || t('value.not_stated') })];
  });
}

function moneyRows(input: PackInput, w: Words): string[][] {
  const { t } = w;
  const a = input.assessment;
  const rows: [Key, string | undefined][] = [
    ['money.order_value', w.money(input.case.order?.value)],
    ['money.paid_total', w.money(a.case.amount_paid)],
    ['money.claimed', w.money(input.case.dispute?.amount_claimed)],
    ['money.at_stake', w.money(a.case.loss)],
    ['money.ta_recoverable', w.money(a.trade_assurance.recoverable)],
    ['money.ta_uncovered', a.trade_assurance.uncovered?.amount ? w.money(a.trade_assurance.uncovered) : undefined],
  ];
  return rows.filter((r): r is [Key, string] => r[1] !== undefined).map(([k, v]) => [t(k), v]);
}

/** The route through which each programme is used (its dated plan steps carry the route). */
const PROGRAM_ROUTE: Record<string, string> = {
  trade_assurance: 'ta_claim',
  offline_complaint: 'platform_complaint',
  card_chargeback: 'chargeback',
  paypal_protection: 'paypal_dispute',
};

function programmeRows(input: PackInput, w: Words): string[][] {
  const { t } = w;
  const a = input.assessment;
  return [a.trade_assurance, ...a.programs].map((p) => {
    const notes: string[] = [];
    if (p.program === 'trade_assurance' && a.trade_assurance.window_end) {
      const left = a.trade_assurance.days_left;
      notes.push(
        left !== undefined && left >= 0
          ? t('prog.window_end', { date: a.trade_assurance.window_end, days: left })
          : t('prog.window_closed', { date: a.trade_assurance.window_end }),
      );
    } else {
      // The programme's last dated step after today (its deadline, as the plan gives it).
      const last = a.plan.filter((s) => s.route === PROGRAM_ROUTE[p.program] && s.date !== undefined && s.date > a.as_of).at(-1);
      if (last) notes.push(`**${last.date}**${t('punct.colon')}${md(last.action)}`);
    }
    const reason = p.reasons.find((r) => (p.status === 'eligible' ? r.effect === 'met' : r.effect !== 'met'));
    // An undecided gate reads 'Not known whether "<title>" holds': the brief words it as its own 'not yet known: <title>'.
    const undecided = (m: string) => /^Not known whether "(.*)" holds$/.exec(m)?.[1] ?? m.replace(/\.$/, '');
    if (reason) notes.push(reason.effect === 'unknown' ? t('prog.not_known', { reason: md(undecided(reason.message)) }) : md(reason.message));
    return [w.program(p.program), `**${w.w('elig', p.status)}**`, notes.join(' ')];
  });
}

function evidenceSummary(input: PackInput, w: Words): string[] {
  const { t } = w;
  const out: string[] = [];
  for (const g of input.assessment.evidence)
    out.push(`- ${t('evidence.strength', { type: w.w('dispute', g.dispute_type), strength: `**${w.w('strength', g.strength)}**` })}`);
  if (out.length) out.push('');
  const list = exhibits(input);
  if (list.length === 0) out.push(t('evidence.none'));
  else {
    const files = (n: number) => (n === 0 ? t('files.none') : String(n));
    out.push(
      ...table(
        [t('col.exhibit'), t('col.evidence'), t('col.status'), t('col.files')],
        list.map((e) => [e.no, w.evidence(e.kind), w.w('status', e.status), files(e.files.length)]),
      ),
    );
  }
  const missing = gaps(input.assessment);
  out.push(
    '',
    `**${t('evidence.gaps')}**${t('punct.colon')}${missing.length ? missing.map((g) => `${w.evidence(g.kind)} (${w.w('status', g.status)})`).join(t('punct.semicolon')) : t('evidence.no_gaps')}`,
  );
  out.push('', t('evidence.see_index'));
  return out;
}
