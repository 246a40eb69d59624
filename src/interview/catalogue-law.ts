// Questions a buyer's lawyer asks first (issue 11): the law and the delivery terms of the contract, the dates that
// restart the limitation period, and a judgment or award already won.
import type { Case } from '../case/schema.js';
import type { QuestionSpec } from './spec.js';

const decided = (c: Case) => c.dispute?.decision_date !== undefined;

/** Dates that restart the limitation period, and enforcement after a decision. */
export const LAW_HAPPENED: readonly QuestionSpec[] = [
  {
    path: 'dispute.last_demand_date',
    group: 'happened',
    past: true,
    text: 'When did a written demand for payment or delivery last reach the supplier?',
    hint: 'A letter, e-mail or chat message asking it to pay or perform; keep proof that it arrived. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'dispute.last_acknowledgment_date',
    group: 'happened',
    past: true,
    text: 'When did the supplier last agree to pay or deliver, pay part, or ask for more time?',
    hint: 'In writing: a promise, a part payment or a request for time restarts the limitation period. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'dispute.proceedings_opened_date',
    group: 'happened',
    past: true,
    text: 'When did you file a suit or arbitration over this claim, if you have?',
    hint: 'The filing date on the court or arbitration receipt. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'dispute.decision_date',
    group: 'happened',
    past: true,
    text: 'When did you win a judgment or award against the supplier, if you have?',
    hint: 'The date on the judgment or award. E.g. 1 Sep 2026 or 2026-09-01.',
  },
  {
    path: 'dispute.performance_due_date',
    group: 'happened',
    askIf: decided,
    text: 'By what date did the judgment or award order the supplier to pay?',
    hint: 'The last day for payment it sets; the 2-year period to apply for enforcement runs from it. E.g. 1 Sep 2026 or 2026-09-01.',
  },
];

/** Contract terms that decide the law, the risk in transit and the standard of the goods. */
export const LAW_OPTIONS: readonly QuestionSpec[] = [
  {
    path: 'order.governing_law',
    group: 'options',
    text: 'Which law does the contract say governs it?',
    hint: 'Look for "governed by the laws of". Leave it out if the contract says nothing.',
    labels: { prc: 'The law of mainland China', buyer_country: 'The law of my country', hong_kong: 'Hong Kong law', other: 'Another law' },
  },
  {
    path: 'order.cisg_excluded',
    group: 'options',
    text: 'Does the contract exclude the UN Sales Convention (CISG)?',
    hint: 'Look for "CISG" or "United Nations Convention on Contracts for the International Sale of Goods ... shall not apply".',
  },
  {
    path: 'order.incoterm',
    group: 'options',
    text: 'Which Incoterm does the contract use?',
    hint: 'E.g. FOB Ningbo or CIF Hamburg: it says when the risk of loss or damage passed to you.',
    labels: { EXW: 'EXW (ex works)', FCA: 'FCA', FAS: 'FAS', FOB: 'FOB', CFR: 'CFR', CIF: 'CIF', CPT: 'CPT', CIP: 'CIP', DAP: 'DAP', DPU: 'DPU', DDP: 'DDP' },
  },
  {
    path: 'order.cargo_insurance',
    group: 'options',
    text: 'Were the goods insured for the voyage?',
    hint: 'By you, or by the supplier under CIF or CIP; an insurance certificate shows it.',
  },
  {
    path: 'order.golden_sample',
    group: 'evidence',
    text: 'Was a sample approved and kept as the standard for production?',
    hint: 'A "golden sample", sealed or signed by both sides.',
  },
];
