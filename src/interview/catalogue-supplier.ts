// Questions about the counterparty (who you really dealt with) and its status (does it still operate).
import type { Case } from '../case/schema.js';
import type { QuestionSpec } from './spec.js';

/** Payee questions only matter once something was paid (or while that is unknown). */
const paidSomething = (c: Case) => c.order?.payments === undefined || c.order.payments.length > 0;

const RESPONSIVE = { responsive: 'Answers normally', slow: 'Answers slowly or evasively', unresponsive: 'Does not answer at all' };

/** Who the counterparty is: the contracting party, the payee, the registered company. */
export const COUNTERPARTY: readonly QuestionSpec[] = [
  { path: 'supplier.name', group: 'counterparty', text: "What is the supplier's name?", hint: 'As shown on its store page or business card.' },
  {
    path: 'supplier.country',
    group: 'counterparty',
    text: 'In which country or territory is the supplier based?',
    hint: 'A country name or 2-letter code, e.g. China or CN, Hong Kong or HK.',
  },
  {
    path: 'supplier.claimed_type',
    group: 'counterparty',
    text: 'What did the supplier say it is?',
    hint: 'Many trading companies present themselves as factories.',
    labels: { factory: 'A factory / manufacturer', trading_company: 'A trading company', individual: 'An individual' },
  },
  {
    path: 'supplier.contracting_party',
    group: 'counterparty',
    text: 'Which company name is on the contract or proforma invoice?',
    hint: 'The exact legal name, e.g. "Foshan Everbright Furniture Co., Ltd."',
  },
  {
    path: 'supplier.payee.name',
    group: 'counterparty',
    askIf: paidSomething,
    text: 'Whose name was on the bank account you paid?',
    hint: 'The beneficiary name on your bank slip.',
  },
  {
    path: 'supplier.payee.same_as_contracting_party',
    group: 'counterparty',
    askIf: paidSomething,
    text: 'Does the bank account you paid belong to that same company?',
    hint: 'Compare the account holder name on your bank slip with the name on the contract.',
  },
  {
    path: 'supplier.payee.account_type',
    group: 'counterparty',
    askIf: paidSomething,
    text: 'What kind of account did you pay into?',
    hint: 'From the bank details the supplier sent you.',
    labels: {
      alibaba_designated: "The Alibaba-designated account shown on the order's payment page",
      company_in_china: 'A company account in mainland China',
      hong_kong_company: 'A Hong Kong company account',
      offshore_company: 'An offshore company account (e.g. BVI, Singapore)',
      personal: "A person's private account",
    },
  },
  {
    path: 'supplier.payee.country',
    group: 'counterparty',
    askIf: paidSomething,
    text: 'In which country was the receiving bank account?',
    hint: 'From the bank details (SWIFT code or bank address); a country name or 2-letter code.',
  },
  {
    path: 'supplier.uscc',
    group: 'counterparty',
    text: "What is the supplier's Unified Social Credit Code?",
    hint: 'The 18-character code on its Chinese business licence, e.g. 91440600MA4W6C1X2K.',
  },
  {
    path: 'supplier.identified.shareholders',
    group: 'counterparty',
    text: "Do you know who the supplier's shareholders are?",
    hint: "From China's national enterprise credit system (gsxt.gov.cn) or a company report.",
  },
  {
    path: 'supplier.identified.actual_controller',
    group: 'counterparty',
    text: 'Do you know who actually controls the supplier?',
    hint: 'The person behind the company, from a company report.',
  },
  {
    path: 'supplier.identified.affiliates',
    group: 'counterparty',
    text: "Do you know the supplier's related companies?",
    hint: 'Sister companies with the same owners or address.',
  },
  {
    path: 'supplier.closely_held',
    group: 'counterparty',
    text: 'Is the supplier a one-person or closely held company?',
    hint: 'The company register shows one shareholder or a small family circle.',
  },
];

/** Whether the supplier still operates: registration, listings, website, fairs, responsiveness. */
export const STATUS: readonly QuestionSpec[] = [
  {
    path: 'supplier.registration_status',
    group: 'status',
    text: "What does China's company register say about the supplier?",
    hint: 'Search its name or credit code on gsxt.gov.cn (National Enterprise Credit Information Publicity System).',
    labels: {
      active: 'Active (存续 / 在业)',
      abnormal_operations: 'Listed for abnormal operations (经营异常)',
      serious_dishonest_list: 'On the serious illegal and dishonest list',
      licence_revoked: 'Licence revoked (吊销)',
      deregistered: 'Deregistered (注销)',
      liquidation: 'In liquidation',
    },
  },
  {
    path: 'supplier.activity.responsive',
    group: 'status',
    text: 'Does the supplier still answer you?',
    hint: 'Its behaviour over the last week or two.',
    labels: RESPONSIVE,
  },
  {
    path: 'supplier.activity.listing_active',
    group: 'status',
    text: "Is the supplier's store or listing still online?",
    hint: 'Check its Alibaba.com (or other platform) store today.',
  },
  {
    path: 'supplier.activity.website_updated',
    group: 'status',
    text: 'Is its website still updated, or is it running ads?',
    hint: 'New products, news or ads in the last months.',
  },
  { path: 'supplier.activity.at_trade_fairs', group: 'status', text: 'Does it still exhibit at trade fairs?', hint: 'E.g. in the Canton Fair exhibitor list.' },
  {
    path: 'supplier.activity.social_media_active',
    group: 'status',
    text: 'Is it still active on social media?',
    hint: 'Recent posts on LinkedIn, WeChat, Facebook or similar.',
  },
  {
    path: 'supplier.still_member',
    group: 'status',
    text: 'Is the supplier still an Alibaba.com member?',
    hint: 'Open its store page on Alibaba.com, or search its company name there: a store that still loads means it is a member.',
  },
  {
    path: 'supplier.dishonest_judgment_debtor',
    group: 'status',
    text: 'Is the supplier listed as a dishonest judgment debtor?',
    hint: 'Search zxgk.court.gov.cn (失信被执行人).',
  },
  {
    path: 'supplier.account_age_months',
    group: 'status',
    text: "For how many months has the supplier's store existed?",
    hint: "A whole number of months, e.g. 18; the store page shows 'years on Alibaba'.",
  },
  {
    path: 'supplier.ta_coverage',
    group: 'status',
    text: "What Trade Assurance amount does the supplier's store show?",
    hint: "With the currency, e.g. 50000 USD ('Trade Assurance limit' on the store page).",
  },
];
