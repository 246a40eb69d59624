// Questions for the case-model facts added by issue 12: quantities, the supplier's offer, fraud, the platform's
// decision, and customs. Asked only when a rule still needs them, like every other question.
import type { Case } from '../case/schema.js';
import type { QuestionSpec } from './spec.js';

const disputeOpened = (c: Case) => c.dispute?.platform_dispute?.opened !== false;
const goodsHeld = (c: Case) => c.customs?.event !== undefined;

export const GAPS: readonly QuestionSpec[] = [
  {
    path: 'order.quantity_ordered',
    group: 'happened',
    text: 'How many units did you order?',
    hint: 'Pieces, sets or cartons, as the contract or order counts them. A whole number.',
  },
  {
    path: 'order.quantity_delivered',
    group: 'happened',
    text: 'How many units arrived?',
    hint: 'Count them in the same unit as the order; your packing list or warehouse receipt helps.',
  },
  {
    path: 'dispute.offer.kind',
    group: 'happened',
    text: 'What does the supplier offer to put it right?',
    hint: 'Its latest offer in writing (chat or e-mail).',
    labels: {
      repair: 'To repair the goods',
      replacement: 'To replace the goods',
      partial_refund: 'Part of the money back',
      full_refund: 'All the money back',
      discount_next_order: 'A discount on a next order',
      reshipment: 'To ship the missing goods',
    },
  },
  { path: 'dispute.offer.amount', group: 'happened', text: 'How much money does the supplier offer?', hint: 'With the currency, e.g. 1500 USD.' },
  {
    path: 'dispute.offer.deadline',
    group: 'happened',
    text: 'By when does the supplier say it will do it?',
    hint: 'The date in its offer. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'dispute.fraud_kind',
    group: 'happened',
    text: 'Does this look like a fraud rather than a trade dispute?',
    hint: 'E.g. a store copying a real company, a fake login page, or new bank details in an e-mail.',
    labels: {
      fake_supplier: 'A fake supplier (no real business behind it)',
      impersonation: 'Someone posing as a real supplier',
      phishing: 'A fake login or payment page took my details',
      bank_switch: 'Bank details were changed by someone else',
    },
  },
  {
    path: 'dispute.platform_dispute.reason',
    group: 'happened',
    askIf: disputeOpened,
    text: 'What reason did the platform give for its decision?',
    hint: 'Copy it from the dispute page or the platform e-mail.',
  },
  {
    path: 'dispute.platform_dispute.decided_date',
    group: 'happened',
    past: true,
    askIf: disputeOpened,
    text: 'When did the platform decide or close the dispute?',
    hint: 'The date on the decision or closure notice. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'customs.event',
    group: 'happened',
    text: 'Have customs (or a product-safety authority) stopped the goods?',
    hint: 'A seizure, detention or refusal notice from the import country.',
    labels: { seized: 'Seized', refused_entry: 'Refused entry (must be returned or destroyed)', held: 'Held for checks' },
  },
  {
    path: 'customs.reason',
    group: 'happened',
    askIf: goodsHeld,
    text: 'What reason does the customs notice give?',
    hint: 'Quote the notice; it decides who is answerable.',
    labels: {
      counterfeit: 'Suspected counterfeit or IP infringement',
      non_compliant: 'The goods break a product rule (safety, chemicals, labelling)',
      missing_certificates: 'Certificates or test reports missing',
      misdeclared_value: 'The declared value is wrong',
      misdeclared_goods: 'The goods are described or classified wrongly',
      restricted_goods: 'Restricted or banned goods',
      other: 'Something else',
    },
  },
  {
    path: 'customs.declared_by',
    group: 'happened',
    askIf: goodsHeld,
    text: 'Who made the import declaration?',
    hint: "The importer named on the customs entry; the supplier's invoice supplies its value and description.",
    labels: {
      buyer: 'I did (or my company)',
      supplier: 'The supplier (it delivered duty paid)',
      forwarder: 'The freight forwarder',
      customs_broker: 'A customs broker for me',
    },
  },
  {
    path: 'customs.date',
    group: 'happened',
    past: true,
    askIf: goodsHeld,
    text: 'On what date did customs notify you?',
    hint: 'The date on the notice; contest deadlines run from it. E.g. 1 Sep 2026 or 2026-09-01.',
  },
];
