// Questions about the contract terms that make evidence, and about the options open to the buyer.
import type { QuestionSpec } from './spec.js';

/** Contract terms and rights that make or break the evidence. */
export const EVIDENCE: readonly QuestionSpec[] = [
  {
    path: 'order.written_contract',
    group: 'evidence',
    text: 'Do you have a written contract or proforma invoice?',
    hint: 'Signed or not; a PI sent by the supplier counts.',
  },
  {
    path: 'order.measurable_spec',
    group: 'evidence',
    text: 'Were measurable specifications agreed in writing?',
    hint: 'Dimensions, materials, tolerances, standards: not just "good quality".',
  },
  {
    path: 'order.spec_in_order',
    group: 'evidence',
    text: 'Is the specification written into or attached to the platform order?',
    hint: 'Trade Assurance quality claims rely on what the order itself says.',
  },
  {
    path: 'order.inspection_clause',
    group: 'evidence',
    text: 'Does the contract allow an inspection before shipment?',
    hint: 'A clause naming an inspection company or standard (e.g. AQL).',
  },
  {
    path: 'ip.buyer_owns_rights',
    group: 'evidence',
    text: 'Do you own the design, brand or patent that is being copied?',
    hint: 'You (or your company) hold the trademark, patent, design or copyright.',
  },
  {
    path: 'ip.rights',
    group: 'evidence',
    text: 'Which of these rights do you hold? (choose all that apply)',
    hint: "Alibaba's IP platform acts on rights registered in China (a Madrid mark needs its extension to China), or on copyright.",
  },
];

/** The routes open to the buyer: dispute clause, assets, presence in China. */
export const OPTIONS: readonly QuestionSpec[] = [
  {
    path: 'order.dispute_clause',
    group: 'options',
    text: 'What does the contract say about resolving disputes?',
    hint: 'Look for "arbitration", "CIETAC", "court" or "jurisdiction".',
    labels: {
      cietac: 'Arbitration at CIETAC',
      other_arbitration: 'Arbitration at another institution in mainland China',
      hk_arbitration: 'Arbitration in Hong Kong (e.g. HKIAC)',
      foreign_arbitration: 'Arbitration abroad (e.g. SIAC, ICC)',
      arbitration_no_institution: 'Arbitration, but no institution named',
      court_china: 'Courts in China',
      court_abroad: 'Courts outside China',
      court_abroad_non_exclusive: 'Courts outside China, expressly non-exclusive',
      none: 'Nothing about disputes',
    },
  },
  {
    path: 'assets.bank_accounts',
    group: 'options',
    text: "Do you know any of the supplier's bank accounts in China?",
    hint: 'E.g. the account you paid, if it is in the company’s name in mainland China.',
  },
  {
    path: 'assets.equipment',
    group: 'options',
    text: "Do you know of the supplier's equipment or stock in China?",
    hint: 'A factory, machines or goods that could be frozen.',
  },
  { path: 'assets.property', group: 'options', text: 'Do you know of property the supplier owns in China?', hint: 'Land, buildings or vehicles.' },
  {
    path: 'assets.receivables',
    group: 'options',
    text: 'Do you know of money owed to the supplier by its other customers?',
    hint: 'Receivables can be frozen too.',
  },
  {
    path: 'buyer.country',
    group: 'options',
    text: 'In which country is your business based?',
    hint: 'A country name or 2-letter code, e.g. United Kingdom or GB. It decides which sales law applies.',
  },
  {
    path: 'buyer.in_china',
    group: 'options',
    text: 'Are you, or someone acting for you, in mainland China?',
    hint: 'Someone on the ground makes court action and police reports easier.',
  },
  { path: 'buyer.name', group: 'options', text: 'What is your (company) name?', hint: 'For your own record.' },
  {
    path: 'ip.supplier_refused_removal',
    group: 'options',
    text: 'Has the supplier refused to take down the copied listings?',
    hint: 'After you asked it to, in writing.',
  },
];
