// Conditions in a buyer's words (issue 12): "If <phrase>: ..." for an answer to a question the tool could not
// decide. The report's alternatives and conditional plan steps use them; a fact without an entry falls back to
// its question and the answer's label, so every condition reads as the interview asked it.
import type { FactValue } from '../case/facts.js';
import { questionFor } from './catalogue.js';

const PHRASES: Record<string, Record<string, string>> = {
  'order.payments': {
    checkout: "you paid through Alibaba's checkout (or the Alibaba-designated account)",
    direct: "you paid the supplier's own account directly",
  },
  'order.channel': {
    trade_assurance: 'the order was a Trade Assurance order on Alibaba.com',
    wholesale_checkout: "the order was a wholesale ('Buy now') order on Alibaba.com",
    offline: "the deal was made outside Alibaba's order system",
  },
  'order.delivery.status': { none: 'nothing arrived', partial: 'only part of the order arrived', full: 'everything arrived' },
  'order.closed': { true: 'Alibaba has closed the order', false: 'the order is still open on Alibaba' },
  'supplier.still_member': { true: 'the supplier is still an Alibaba.com member', false: 'the supplier is no longer an Alibaba.com member' },
  'supplier.found_on': {
    alibaba: 'you found the supplier on Alibaba.com',
    made_in_china: 'you found it on Made-in-China.com',
    global_sources: 'you found it on Global Sources',
    trade_fair: 'you met it at a trade fair',
    other: 'you found it elsewhere',
  },
  'supplier.country': { CN: 'the supplier is registered in mainland China', HK: 'the supplier is registered in Hong Kong' },
  'supplier.registration_status': {
    active: "the register shows the supplier's company as active",
    abnormal_operations: "the register lists the supplier's company for abnormal operations",
    serious_dishonest_list: "the supplier's company is on the serious dishonest list",
    licence_revoked: "the supplier's company has lost its business licence",
    deregistered: "the supplier's company has been deregistered",
    liquidation: "the supplier's company is in liquidation",
  },
  'supplier.activity.responsive': {
    responsive: 'the supplier still answers you',
    slow: 'the supplier answers slowly or evasively',
    unresponsive: 'the supplier no longer answers',
  },
  'supplier.activity.listing_active': { true: "the supplier's listing is still online", false: "the supplier's listing is gone" },
  'order.dispute_clause': {
    cietac: 'your contract names CIETAC arbitration',
    other_arbitration: 'your contract names another arbitration body in mainland China',
    hk_arbitration: 'your contract names arbitration in Hong Kong',
    foreign_arbitration: 'your contract names arbitration abroad',
    arbitration_no_institution: 'your contract names arbitration but no institution',
    court_china: 'your contract names the courts in China',
    court_abroad: 'your contract names courts outside China',
    court_abroad_non_exclusive: 'your contract names courts outside China, non-exclusively',
    none: 'your contract says nothing about disputes',
  },
  'dispute.platform_dispute.opened': { true: 'you have already opened a dispute on the platform', false: 'you have not opened a dispute on the platform yet' },
  'ip.buyer_owns_rights': { true: 'you own the copied design, brand or patent', false: 'you do not own the rights yourself' },
  'buyer.in_china': { true: 'you (or someone for you) are in mainland China', false: 'nobody acting for you is in mainland China' },
  'dispute.subjective_quality': { true: 'the complaint is about look or feel', false: 'the complaint is about a measurable spec, not look or feel' },
  'dispute.about_contract_terms': { true: 'the dispute is about contract terms', false: 'the dispute is about the goods, not contract terms' },
  'dispute.accepted_delay_in_writing': { true: 'you accepted the delay in writing', false: 'you never accepted the delay in writing' },
  'dispute.extra_fees_demanded': { true: 'the supplier asks for more money before delivering', false: 'the supplier asks for no extra money' },
  'assets.bank_accounts': { true: "you know one of the supplier's bank accounts in China", false: 'you know none of its bank accounts' },
  'assets.equipment': { true: "you know of the supplier's equipment or stock in China", false: 'you know of no equipment or stock' },
  'assets.property': { true: 'you know of property the supplier owns in China', false: 'you know of no property' },
  'assets.receivables': { true: "you know of money the supplier's other customers owe it", false: 'you know of no such money' },
  'supplier.closely_held': { true: 'the supplier is a one-person or closely held company', false: 'the supplier is not closely held' },
  'order.custom_made': { true: 'the goods were made to your design', false: 'the goods were standard stock' },
  'order.machinery': { true: 'the order is industrial machinery', false: 'the order is not machinery' },
  'dispute.bank_details_changed': { true: 'the supplier changed its bank details during the deal', false: 'the supplier never changed its bank details' },
  'dispute.fraud_kind': {
    fake_supplier: 'the supplier is fake (no real business behind it)',
    impersonation: 'someone posed as a real supplier',
    phishing: 'a fake login or payment page took your details',
    bank_switch: 'someone else changed the bank details you paid to',
  },
  'dispute.offer.kind': {
    repair: 'the supplier offers to repair the goods',
    replacement: 'the supplier offers to replace the goods',
    partial_refund: 'the supplier offers part of the money back',
    full_refund: 'the supplier offers all the money back',
    discount_next_order: 'the supplier offers a discount on a next order',
    reshipment: 'the supplier offers to ship the missing goods',
  },
  'supplier.activity.at_trade_fairs': { true: 'the supplier still exhibits at trade fairs', false: 'the supplier no longer exhibits at trade fairs' },
  'supplier.activity.social_media_active': { true: 'the supplier still posts on social media', false: 'the supplier no longer posts on social media' },
  'supplier.activity.website_updated': { true: "the supplier's website is still updated or advertised", false: "the supplier's website is no longer updated" },
  'supplier.payee.same_as_contracting_party': {
    true: 'the account you paid belongs to the company on your contract',
    false: 'the account you paid belongs to another company or person',
  },
  'supplier.payee.account_type': {
    alibaba_designated: 'you paid the Alibaba-designated account',
    company_in_china: 'you paid a company account in mainland China',
    hong_kong_company: 'you paid a Hong Kong company account',
    offshore_company: 'you paid an offshore company account',
    personal: "you paid a person's private account",
  },
  'dispute.supplier_position': {
    admits: 'the supplier admits the problem',
    denies: 'the supplier denies it',
    offers_full_refund: 'the supplier offers a full refund',
    offers_partial_refund: 'the supplier offers a partial refund',
    silent: 'the supplier does not answer',
    demands_more_money: 'the supplier asks for more money first',
  },
};

/** The facts with phrases of their own. */
export const PHRASED_FACTS: readonly string[] = Object.keys(PHRASES);

/** The condition's own phrase, or undefined when conditionText would fall back to the question's wording. */
export const ownConditionText = (fact: string, value: FactValue): string | undefined => PHRASES[fact]?.[String(value)];

/** "the supplier is still an Alibaba.com member": the condition that a fact has a value, in plain words. */
export function conditionText(fact: string, value: FactValue): string {
  const own = ownConditionText(fact, value);
  if (own) return own;
  const q = questionFor(fact);
  if (!q) return `${fact} is ${String(value)}`;
  const label = typeof value === 'boolean' ? (value ? 'yes' : 'no') : (q.choices?.find((ch) => ch.value === value)?.label ?? String(value));
  return `the answer to "${q.text}" is "${label}"`;
}
