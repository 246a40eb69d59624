// Ready-to-paste English for the Trade Assurance claim and the Complaint Center. Alibaba.com publishes no
// character limit for these fields that we could check, so none is assumed: each text states its length.
// A programme the assessment rules out gets its reason and no text (a claim it would refuse is no help).
import type { ProgramVerdict } from '../engine/assessment.js';
import type { Money } from '../case/schema.js';
import { round2 } from '../case/money.js';
import { amountDemanded, exhibits, type PackInput } from './model.js';
import { problemSentences } from './letter.js';
import type { Words } from './words.js';

/** The platform texts as Markdown; `w` should be English (the platforms' forms are). */
export function platformTextMarkdown(input: PackInput, w: Words): string {
  const { t } = w;
  const a = input.assessment;
  const c = input.case;
  const order = c.order?.date ?? t('ph.order_date');
  const orderNo = '[order number]';
  const paid = w.money(a.case.amount_paid) ?? t('ph.total');
  const viaAlibaba = w.money(paidThroughAlibaba(input)) ?? t('platform.paid_unknown');
  const have = exhibits(input)
    .filter((e) => e.status !== 'missing')
    .map((e) => w.evidence(e.kind));
  const attached = have.length ? t('platform.evidence', { list: have.join('; ') }) : t('platform.evidence_none');
  const problem = problemSentences(input, w, 'problem').join(' ');
  const pos = c.dispute?.supplier_position ? t('platform.supplier_position', { position: w.w('position', c.dispute.supplier_position) }) : '';
  const out = [`# ${t('platform.title')}`, '', t('platform.intro')];
  const section = (heading: string, verdict: ProgramVerdict | undefined, body: string[], notes: string[]) => {
    out.push('', `## ${heading}`, '');
    if (verdict?.status === 'ineligible') {
      const reason = verdict.reasons.find((r) => r.effect !== 'met')?.message ?? '';
      out.push(t('platform.status_reason', { status: w.w('elig', verdict.status), reason }));
      return;
    }
    const text = body.filter(Boolean).join('\n\n');
    out.push(
      t('platform.status', { status: w.w('elig', verdict?.status ?? 'uncertain') }),
      ...notes,
      t('platform.length', { n: [...text].length }),
      '',
      '```text',
      text,
      '```',
    );
  };
  const ta = a.trade_assurance;
  const oc = a.programs.find((p) => p.program === 'offline_complaint');
  if (ta.status === 'ineligible' && oc?.status === 'ineligible') out.push('', t('platform.none_apply'));
  const taBody = t('platform.ta_body', { amount: w.money(amountDemanded(input)) ?? t('ph.amount'), order: orderNo, date: order, paid: viaAlibaba });
  section(t('platform.ta_heading'), ta, [taBody, problem, pos, attached], ta.recoverable ? [t('platform.ta_cap', { amount: w.money(ta.recoverable)! })] : []);
  section(t('platform.oc_heading'), oc, [t('platform.oc_body', { paid, order: orderNo, date: order }), problem, pos, attached, t('platform.request_oc')], []);
  return out.join('\n') + '\n';
}

/** What was paid through Alibaba.com's checkout or designated account, when the payments say so in one currency. */
function paidThroughAlibaba(input: PackInput): Money | undefined {
  const payments = input.case.order?.payments ?? [];
  if (payments.length === 0 || payments.some((p) => p.via === undefined)) return undefined;
  const mine = payments.filter((p) => p.via === 'alibaba_checkout' || p.via === 'alibaba_designated_account');
  const amounts = mine.flatMap((p) => (p.amount ? [p.amount] : []));
  if (mine.length === 0 || amounts.length < mine.length || amounts.some((m) => m.currency !== amounts[0]!.currency)) return undefined;
  return { amount: round2(amounts.reduce((s, m) => s + m.amount, 0)), currency: amounts[0]!.currency };
}
