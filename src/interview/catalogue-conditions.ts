// Conditions in a buyer's words (issue 12): "If <phrase>: ..." for an answer to a question the tool could not
// decide. The report's alternatives and conditional plan steps use them; a fact without an entry falls back to
// its question and the answer's label, so every condition reads as the interview asked it.
import type { FactValue } from '../case/facts.js';
import { questionFor } from './catalogue.js';

const PHRASES: Record<string, Record<string, string>> = {
  'order.payments': { checkout: "you paid through Alibaba's checkout (or the Alibaba-designated account)", direct: "you paid the supplier's own account directly" },
  'order.channel': {
    trade_assurance: 'it was a Trade Assurance order on Alibaba.com', wholesale_checkout: "it was a wholesale ('Buy now') order on Alibaba.com",
    offline: "the deal was made outside Alibaba's order system",
  },
  'order.delivery.status': { none: 'nothing arrived', partial: 'only part of the order arrived', full: 'everything arrived' },
  'order.closed': { true: 'Alibaba has closed the order', false: 'the order is still open on Alibaba' },
  'supplier.still_member': { true: 'the supplier is still an Alibaba.com member', false: 'the supplier is no longer an Alibaba.com member' },
  'supplier.found_on': { alibaba: 'you found the supplier on Alibaba.com', made_in_china: 'you found it on Made-in-China.com', global_sources: 'you found it on Global Sources', trade_fair: 'you met it at a trade fair', other: 'you found it elsewhere' },
  'supplier.country': { CN: 'the supplier is registered in mainland China', HK: 'the supplier is registered in Hong Kong' },
  'supplier.registration_status': {
    active: 'the company register shows the supplier active', abnormal_operations: 'the register lists it for abnormal operations',
    serious_dishonest_list: 'it is on the serious dishonest list', licence_revoked: 'its licence has been revoked',
    deregistered: 'it has been deregistered', liquidation: 'it is in liquidation',
  },
  'supplier.activity.responsive': { responsive: 'the supplier still answers you', slow: 'the supplier answers slowly or evasively', unresponsive: 'the supplier no longer answers' },
  'supplier.activity.listing_active': { true: "the supplier's listing is still online", false: "the supplier's listing is gone" },
  'order.dispute_clause': {
    cietac: 'your contract names CIETAC arbitration', other_arbitration: 'your contract names another arbitration body', court_china: 'your contract names the courts in China',
    court_abroad: 'your contract names courts outside China', none: 'your contract says nothing about disputes',
  },
  'dispute.platform_dispute.opened': { true: 'you have already opened a dispute on the platform', false: 'you have not opened a dispute on the platform yet' },
  'ip.buyer_owns_rights': { true: 'you own the copied design, brand or patent', false: 'you do not own the rights yourself' },
  'buyer.in_china': { true: 'you (or someone for you) are in mainland China', false: 'nobody acting for you is in mainland China' },
  'dispute.subjective_quality': { true: 'the complaint is about look or feel', false: 'the complaint is about a measurable spec, not look or feel' },
  'dispute.about_contract_terms': { true: 'the dispute is about contract terms', false: 'the dispute is about the goods, not contract terms' },
  'dispute.accepted_delay_in_writing': { true: 'you accepted the delay in writing', false: 'you never accepted the delay in writing' },
  'dispute.extra_fees_demanded': { true: 'the supplier asks for more money before delivering', false: 'the supplier asks for no extra money' },
  'assets.bank_accounts': { true: "you know one of the supplier's bank accounts in China", false: "you know none of its bank accounts" },
  'assets.equipment': { true: "you know of the supplier's equipment or stock in China", false: 'you know of no equipment or stock' },
  'assets.property': { true: 'you know of property the supplier owns in China', false: 'you know of no property' },
  'assets.receivables': { true: "you know of money the supplier's other customers owe it", false: 'you know of no such money' },
  'supplier.closely_held': { true: 'the supplier is a one-person or closely held company', false: 'the supplier is not closely held' },
  'order.custom_made': { true: 'the goods were made to your design', false: 'the goods were standard stock' },
  'order.machinery': { true: 'the order is industrial machinery', false: 'the order is not machinery' },
  'dispute.supplier_position': {
    admits: 'the supplier admits the problem', denies: 'the supplier denies it', offers_full_refund: 'the supplier offers a full refund',
    offers_partial_refund: 'the supplier offers a partial refund', silent: 'the supplier does not answer', demands_more_money: 'the supplier asks for more money first',
  },
};

/** "the supplier is still an Alibaba.com member": the condition that a fact has a value, in plain words. */
export function conditionText(fact: string, value: FactValue): string {
  const own = PHRASES[fact]?.[String(value)];
  if (own) return own;
  const q = questionFor(fact);
  if (!q) return `${fact} is ${String(value)}`;
  const label = typeof value === 'boolean' ? (value ? 'yes' : 'no') : q.choices?.find((ch) => ch.value === value)?.label ?? String(value);
  return `the answer to "${q.text}" is "${label}"`;
}
