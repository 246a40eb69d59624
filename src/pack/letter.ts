// The demand letter draft, in English or Chinese: to the contracting party (copied to the payee where it differs),
// the order, the payments, the breach, the amount demanded, the deadline and the remedies reserved. Facts the case
// does not state become visible [placeholders]; nothing is guessed. What was ordered appears as the buyer wrote it.
import { addDays } from '../case/dates.js';
import { DISPUTE_TYPES } from '../case/enums.js';
import type { Key } from './i18n/index.js';
import { amountDemanded, separatePayee, type PackInput } from './model.js';
import { supplierName } from './brief.js';
import type { Words } from './words.js';

/** Days from the letter's date to the deadline for paying (the lawyer may change it). */
export const RESPONSE_DAYS = 7;

/** The letter as Markdown; case text is kept as written (a letter is read, not rendered as HTML). */
export function letterMarkdown(input: PackInput, w: Words): string {
  const { t } = w;
  const c = input.case;
  const ip = input.assessment.case.dispute_types.length > 0 && input.assessment.case.dispute_types.every((d) => d === 'ip_infringement');
  // An infringement with no order behind it (a copycat, not our supplier) is not a breach of contract.
  const contract = !ip || c.order !== undefined;
  const orderDate = c.order?.date ?? t('ph.order_date');
  const subject = contract
    ? t('letter.subject', { remedy: t(ip ? 'letter.remedy_ip' : 'letter.remedy_refund'), date: orderDate, order: t('ph.order_no') })
    : t('letter.subject_ip');
  const out = [...beforeSending(w), ...addresses(input, w), `**${subject}**`, '', t('letter.salutation'), ''];
  body(input, w, { ip, contract, orderDate }).forEach((p, i) => out.push(`${i + 1}. ${p.replace(/\n/g, '\n   ')}`, ''));
  out.push(t('letter.closing'), '', t('letter.signature'), c.buyer?.name ?? t('ph.buyer_name'));
  return out.join('\n') + '\n';
}

/** The draft banner and the notes for whoever sends it (removed before sending). */
function beforeSending({ t }: Words): string[] {
  const notes = (['letter.sending_placeholders', 'letter.sending_proof', 'letter.sending_deadlines', 'letter.sending_language'] as const).map(
    (k) => `- ${t(k)}`,
  );
  return [`> **${t('letter.draft_banner')}**`, '', `## ${t('letter.sending_title')}`, '', ...notes, '', '---', ''];
}

/** Date, addressees (the contracting party, and the payee where it differs) and sender. */
function addresses(input: PackInput, { t }: Words): string[] {
  const c = input.case;
  const out = [
    t('letter.date', { date: input.assessment.as_of }),
    '',
    t('letter.to', { name: supplierName(input) ?? t('ph.supplier_name') }),
    t('letter.to_cn', { name: t('ph.supplier_cn_name') }),
    t('letter.uscc', { code: c.supplier?.uscc ?? t('ph.uscc') }),
    t('letter.address', { address: t('ph.address') }),
  ];
  const payee = separatePayee(c);
  if (payee) out.push(t('letter.also_to', { name: payee }));
  out.push('', t('letter.from', { name: c.buyer?.name ?? t('ph.buyer_name'), country: c.buyer?.country ?? t('ph.buyer_country') }), '');
  return out;
}

/** The numbered paragraphs: the order and payments (for a contract), the breach, the demand, the reservation. */
function body(input: PackInput, w: Words, o: { ip: boolean; contract: boolean; orderDate: string }): string[] {
  const { t } = w;
  const c = input.case;
  const amount = w.money(amountDemanded(input)) ?? t('ph.amount');
  const deadline = addDays(input.assessment.as_of, RESPONSE_DAYS);
  const channel = c.order?.channel
    ? t(`letter.channel_${c.order.channel === 'trade_assurance' ? 'ta' : c.order.channel === 'wholesale_checkout' ? 'wholesale' : 'offline'}` as Key)
    : '';
  const paras = o.contract
    ? [t('letter.order', { date: o.orderDate, goods: c.order?.goods ?? t('ph.goods'), order: t('ph.order_no'), channel }), payments(input, w)]
    : [];
  paras.push(
    [o.contract ? t('letter.breach_intro') : '', ...problemSentences(input, w, 'breach'), position(input, w)].filter(Boolean).join(w.lang === 'zh' ? '' : ' '),
  );
  paras.push(t(o.ip ? 'letter.demand_ip' : 'letter.demand', { amount, deadline, days: RESPONSE_DAYS }));
  paras.push(t(o.contract ? 'letter.reserve' : 'letter.reserve_ip'), t('letter.without_prejudice'));
  return paras;
}

function payments(input: PackInput, w: Words): string {
  const { t } = w;
  const list = input.case.order?.payments ?? [];
  const total = w.money(input.assessment.case.amount_paid);
  if (list.length === 0) return t('letter.paid_unknown', { amount: total ?? t('ph.total') });
  const lines = list.map(
    (p) =>
      `- ${t('letter.payment', { date: p.date ?? t('ph.date'), amount: w.money(p.amount) ?? t('ph.amount'), method: p.method ? w.w('method', p.method) : t('ph.method'), via: p.via ? w.w('via', p.via) : t('via.unknown') })}`,
  );
  return [t('letter.paid_intro', { total: total ?? t('ph.total') }), ...lines].join('\n');
}

/** What went wrong, one sentence per dispute type: `breach` to the supplier, `problem` about it (platform text). */
export function problemSentences(input: PackInput, w: Words, prefix: 'breach' | 'problem'): string[] {
  const types = input.assessment.case.dispute_types;
  const expected = input.case.order?.delivery?.expected_date ?? w.t('ph.expected');
  const ip = input.case.ip;
  const rights = (ip?.rights ?? []).map((r) =>
    r.registration_no ? w.t('ip.registration', { kind: w.w('right', r.kind), no: r.registration_no }) : w.w('right', r.kind),
  );
  const urls = ip?.infringing_urls ?? [];
  const vars = {
    expected,
    right: rights.length ? rights.join(w.t('punct.semicolon')) : w.t('ph.right'),
    urls: urls.length ? urls.slice(0, 5).join(' ') + (urls.length > 5 ? ' (+' + (urls.length - 5) + ')' : '') : w.t('ph.urls'),
  };
  if (types.length === 0) return [w.t(`${prefix}.unknown`)];
  return DISPUTE_TYPES.filter((d) => types.includes(d)).map((d) => w.t(`${prefix}.${d}` as Key, vars));
}

function position(input: PackInput, w: Words): string {
  const p = input.case.dispute?.supplier_position;
  if (p === 'silent' || input.case.supplier?.activity?.responsive === 'unresponsive') return w.t('letter.position_silent');
  if (p === 'denies') return w.t('letter.position_denies');
  if (p === 'demands_more_money' || input.case.dispute?.extra_fees_demanded) return w.t('letter.position_demands');
  return '';
}
