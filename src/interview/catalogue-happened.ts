// Questions about what happened: the dispute, the order, the payments and the delivery.
import type { QuestionSpec } from './spec.js';

const somethingArrived = (c: { order?: { delivery?: { status?: string } } }) => c.order?.delivery?.status !== 'none';
const disputeOpened = (c: { dispute?: { platform_dispute?: { opened?: boolean } } }) => c.dispute?.platform_dispute?.opened !== false;

/** What happened, in the order a buyer tells it. */
export const HAPPENED: readonly QuestionSpec[] = [
  {
    path: 'dispute.types', group: 'happened', pin: 1,
    text: 'What went wrong? (choose all that apply)',
    hint: 'Space selects, Enter confirms. This decides which evidence you need.',
    labels: {
      non_delivery: 'Nothing arrived (paid, goods never delivered)',
      quality: 'Bad quality (defects, does not meet the agreed spec)',
      not_as_described: 'Not what was ordered or described',
      short_shipment: 'Fewer goods than ordered (short shipment)',
      damage: 'Goods arrived damaged',
      late_delivery: 'Delivered late',
      ip_infringement: 'My design, brand or patent is being copied',
      deposit_fraud: 'I paid a deposit and the supplier vanished',
      contract_breach: 'The supplier broke other contract terms',
      compliance: 'Goods fail legal or safety rules (certificates, labelling)',
    },
  },
  {
    path: 'order.channel', group: 'happened', pin: 2,
    text: 'How was the order placed?',
    hint: 'Look in My Orders on Alibaba.com: a Trade Assurance order has its own order page, created and paid there.',
    labels: {
      trade_assurance: 'As a Trade Assurance order on Alibaba.com',
      wholesale_checkout: "Through Alibaba.com's wholesale / 'Buy now' checkout",
      offline: 'Outside the platform (agreed by chat or email, invoice sent directly)',
    },
  },
  { path: 'order.goods', group: 'happened', text: 'What did you order?', hint: 'In a few words, as on the order or invoice, e.g. "500 oak dining chairs". Your demand letter quotes it as you type it.' },
  { path: 'order.payments', group: 'happened', pin: 3, text: 'What have you paid the supplier?', hint: 'Each payment: amount, date, how you paid and which account it went to. Bank slips help.' },
  {
    path: 'supplier.found_on', group: 'happened',
    text: 'Where did you find this supplier?',
    hint: 'Where the first contact happened, even if the deal moved elsewhere later.',
    labels: { alibaba: 'Alibaba.com', made_in_china: 'Made-in-China.com', global_sources: 'Global Sources', trade_fair: 'At a trade fair', other: 'Somewhere else' },
  },
  {
    path: 'order.delivery.status', group: 'happened',
    text: 'Did the goods arrive?',
    hint: 'Count what physically reached you or your forwarder.',
    labels: { none: 'Nothing arrived', partial: 'Only part of the order arrived', full: 'Everything arrived' },
  },
  { path: 'order.delivery.expected_date', group: 'happened', text: 'When were the goods supposed to arrive (or ship)?', hint: 'The date agreed in the order, contract or chat. E.g. 1 Sep 2026 or 2026-09-01.' },
  { path: 'order.delivery.shipped_date', group: 'happened', past: true, askIf: somethingArrived, text: 'When were the goods shipped?', hint: 'From the bill of lading, air waybill or tracking. E.g. 1 Sep 2026 or 2026-09-01.' },
  {
    path: 'order.delivery.receipt_confirmed_date', group: 'happened', past: true, askIf: somethingArrived,
    text: 'On what date did you confirm receipt on Alibaba.com?',
    hint: "My Orders shows it; Alibaba may confirm receipt automatically. This date starts the Trade Assurance deadline.",
  },
  { path: 'order.date', group: 'happened', past: true, text: 'When did you place the order?', hint: 'The date of the order, contract or proforma invoice. E.g. 1 Sep 2026 or 2026-09-01.' },
  { path: 'order.value', group: 'happened', text: 'What was the total order value?', hint: 'With the currency, e.g. 20000 USD or EUR 4,500.' },
  { path: 'dispute.amount_claimed', group: 'happened', text: 'How much do you want back?', hint: 'Your loss, with the currency; leave it if it is simply what you paid.' },
  { path: 'dispute.discovered_date', group: 'happened', past: true, text: 'When did you find out about the problem?', hint: 'The day you knew (or should have known) something was wrong. E.g. 1 Sep 2026 or 2026-09-01.' },
  { path: 'dispute.supplier_notified', group: 'happened', text: 'Have you told the supplier in writing what is wrong?', hint: 'A message on the platform or an email that says what does not match. It protects your claim.' },
  { path: 'dispute.supplier_notified_date', group: 'happened', past: true, text: 'When did you first tell the supplier about the problem in writing?', hint: 'A message on the platform or an email counts. E.g. 1 Sep 2026 or 2026-09-01.' },
  { path: 'dispute.platform_dispute.opened', group: 'happened', text: 'Have you already opened a dispute or refund request on the platform?', hint: "On Alibaba.com: 'Apply for refund' or 'Open dispute' on the order." },
  { path: 'dispute.platform_dispute.opened_date', group: 'happened', past: true, askIf: disputeOpened, text: 'When did you open that dispute?', hint: 'Shown on the dispute page. E.g. 1 Sep 2026 or 2026-09-01.' },
  {
    path: 'dispute.platform_dispute.status', group: 'happened', askIf: disputeOpened,
    text: 'Where does that dispute stand?', hint: 'As shown on the platform.',
    labels: { open: 'Still open', escalated: 'Escalated to the platform', won: 'Decided in my favour', lost: 'Decided against me', closed_no_response: 'Closed because nobody responded', withdrawn: 'I withdrew it', won_unpaid: 'Decided in my favour, but not paid', refused_late: 'Refused as filed too late', challenged: 'I am contesting the decision' },
  },
  { path: 'order.closed', group: 'happened', text: 'Is the order already closed on the platform?', hint: "My Orders on Alibaba.com shows the order's status; after Alibaba closes an order a dispute is possible only for a short time." },
  { path: 'order.closed_date', group: 'happened', text: 'When did Alibaba close the order?', hint: 'The date of the closure notice; a dispute may still be possible for a short time after it.', past: true, askIf: (c) => c.order?.closed === true },
  {
    path: 'dispute.supplier_position', group: 'happened',
    text: 'What does the supplier say now?', hint: 'Their latest answer to your complaint.',
    labels: { admits: 'Admits the problem', denies: 'Denies any problem', offers_full_refund: 'Offers a full refund', offers_partial_refund: 'Offers a partial refund', silent: 'Does not answer', demands_more_money: 'Asks for more money first' },
  },
  { path: 'dispute.extra_fees_demanded', group: 'happened', text: 'Is the supplier asking for more money before delivering?', hint: "E.g. 'insurance', 'customs', 'licence' or 'release' fees after you paid." },
  { path: 'dispute.bank_details_changed', group: 'happened', text: 'Did the supplier change its bank details during the deal?', hint: "E.g. 'please pay our new account' in an email or chat." },
  { path: 'dispute.pressured_off_platform', group: 'happened', text: 'Did the supplier push you to pay or talk outside Alibaba.com?', hint: 'E.g. to save fees, or to move to WhatsApp or WeChat.' },
  { path: 'dispute.partial_refund_offered', group: 'happened', text: 'Has the supplier offered a partial refund?', hint: 'Any written offer of part of your money back.' },
  { path: 'dispute.accepted_delay_in_writing', group: 'happened', text: 'Did you accept a delay in writing?', hint: "E.g. replying 'OK, ship next month' to the supplier." },
  { path: 'dispute.subjective_quality', group: 'happened', text: 'Is the complaint about look or feel rather than a measurable spec?', hint: "E.g. 'feels cheap' or 'colour slightly off', as opposed to a wrong size or material." },
  { path: 'dispute.about_contract_terms', group: 'happened', text: 'Is the dispute about contract terms (payment schedule, IP clauses) rather than the goods?', hint: 'Answer No if it is about the goods themselves.' },
  { path: 'order.first_order', group: 'happened', text: 'Was this your first order with this supplier?', hint: 'First orders carry more fraud risk.' },
  { path: 'order.custom_made', group: 'happened', text: 'Were the goods custom-made for you (OEM, your design or logo)?', hint: 'PayPal does not protect custom-made goods.' },
  { path: 'order.machinery', group: 'happened', text: 'Is the order industrial machinery?', hint: 'PayPal does not protect industrial machinery.' },
  {
    path: 'buyer.alibaba_tier', group: 'happened',
    text: 'What is your Alibaba.com membership?', hint: 'Enterprise members get a longer Trade Assurance window.',
    labels: { standard: 'Standard (free) member', enterprise: 'Enterprise', enterprise_pro: 'Enterprise Pro' },
  },
  { path: 'dispute.summary', group: 'happened', text: 'In one or two sentences, what happened?', hint: 'For your own record; it does not change the assessment.' },
  { path: 'notes', group: 'happened', text: 'Any notes to keep with the case?', hint: 'For your own record.' },
];
