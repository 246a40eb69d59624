// The case file, as a zod schema: the one source of truth for validation, types and the editor JSON Schema.
// Every field is optional: absent means unknown, never false.
import * as z from 'zod';
import { COUNTRY_CODES, CURRENCY_CODES } from './iso-codes.js';
import { DISPUTE_CLAUSES, DISPUTE_TYPES, EVIDENCE_KINDS, EVIDENCE_STATUS } from './enums.js';
import { expectSchema } from './expect-schema.js';

/** Platform-dispute outcomes added by issue 12 (after the original values, so existing files keep their meaning). */
const PLATFORM_OUTCOMES_ADDED = ['won_unpaid', 'refused_late', 'challenged'] as const;

const date = z.iso.date().describe('An ISO date, YYYY-MM-DD');
const country = z.enum(COUNTRY_CODES).describe('ISO 3166-1 alpha-2 country code, e.g. CN, HK, US, GB');
const text = z.string().max(2000);

/** An amount of money: amount plus ISO 4217 currency code. */
export const moneySchema = z
  .object({
    amount: z.number().finite().nonnegative().max(1e12).describe('The amount, in units of the currency'),
    currency: z.enum(CURRENCY_CODES).describe('ISO 4217 currency code, e.g. USD, EUR, CNY'),
  })
  .strict();

const payment = z
  .object({
    date: date.optional(),
    // Optional (issue 12): a payment whose amount the buyer does not know still proves how and where it was paid.
    amount: moneySchema.optional().describe('How much was paid; leave it out if you do not know, the rest of the payment still counts'),
    method: z
      .enum(['card', 'tt', 'paypal', 'western_union', 'online_bank', 'pay_later', 'alipay', 'cash', 'other'])
      .optional()
      .describe('How the money was sent: card, tt (bank wire), paypal, western_union, online_bank, pay_later, alipay, cash, other'),
    via: z
      .enum([
        'alibaba_checkout',
        'alibaba_designated_account',
        'supplier_company_account',
        'hong_kong_account',
        'offshore_account',
        'personal_account',
        'paypal_account',
        'other',
      ])
      .optional()
      .describe("Where it went: Alibaba's checkout, the Alibaba-designated account on the order's payment page, or an account of the supplier's own"),
    stage: z.enum(['deposit', 'balance', 'full', 'extra_fee']).optional().describe('What the payment was for'),
    paypal_type: z.enum(['goods_and_services', 'friends_and_family']).optional(),
  })
  .strict();

const buyer = z
  .object({
    name: text.optional(),
    country: country.optional(),
    in_china: z.boolean().optional().describe('The buyer (or a representative) is physically in mainland China'),
    alibaba_tier: z
      .enum(['standard', 'enterprise', 'enterprise_pro'])
      .optional()
      .describe("The buyer's Alibaba.com membership tier; absent counts as standard (the 30-day window, never the longer one)"),
  })
  .strict();

const supplier = z
  .object({
    name: text.optional(),
    country: country.optional(),
    found_on: z.enum(['alibaba', 'made_in_china', 'global_sources', 'trade_fair', 'other']).optional(),
    claimed_type: z.enum(['factory', 'trading_company', 'individual']).optional().describe('What the supplier said it is'),
    uscc: z.string().max(40).optional().describe('Unified Social Credit Code (18 characters) from the business licence'),
    contracting_party: text.optional().describe('The legal name on the contract or proforma invoice'),
    payee: z
      .object({
        name: text.optional().describe('Account holder name on the receiving bank account'),
        account_type: z.enum(['alibaba_designated', 'company_in_china', 'hong_kong_company', 'offshore_company', 'personal']).optional(),
        country: country.optional(),
        same_as_contracting_party: z.boolean().optional(),
      })
      .strict()
      .optional(),
    identified: z
      .object({
        shareholders: z.boolean().optional(),
        actual_controller: z.boolean().optional(),
        affiliates: z.boolean().optional(),
      })
      .strict()
      .optional()
      .describe('Whether these have been identified (e.g. from the national enterprise credit system)'),
    closely_held: z.boolean().optional().describe('A one-person company or closely held entity'),
    registration_status: z.enum(['active', 'abnormal_operations', 'serious_dishonest_list', 'licence_revoked', 'deregistered', 'liquidation']).optional(),
    dishonest_judgment_debtor: z.boolean().optional(),
    account_age_months: z.number().int().nonnegative().max(1200).optional(),
    still_member: z.boolean().optional().describe('Still an Alibaba.com member'),
    ta_coverage: moneySchema.optional().describe("The supplier's Trade Assurance amount shown on its store"),
    activity: z
      .object({
        listing_active: z.boolean().optional(),
        website_updated: z.boolean().optional().describe('Website updated or running ads'),
        at_trade_fairs: z.boolean().optional(),
        social_media_active: z.boolean().optional(),
        responsive: z.enum(['responsive', 'slow', 'unresponsive']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const order = z
  .object({
    date: date.optional(),
    // Issue 15: what was ordered, as the buyer would name it in a letter (the case pack's demand letter quotes it).
    goods: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe('What was ordered, in a few words as on the order or invoice, e.g. "500 oak dining chairs" (at most 120 characters)'),
    value: moneySchema.optional().describe('Total order value'),
    channel: z.enum(['trade_assurance', 'wholesale_checkout', 'offline']).optional(),
    first_order: z.boolean().optional(),
    payments: z.array(payment).max(200).optional(),
    written_contract: z.boolean().optional(),
    measurable_spec: z.boolean().optional().describe('Measurable specifications (dimensions, materials, tolerances) agreed in writing'),
    spec_in_order: z.boolean().optional().describe('The specification is written into or attached to the platform order'),
    inspection_clause: z.boolean().optional(),
    custom_made: z.boolean().optional(),
    machinery: z.boolean().optional().describe('Industrial machinery'),
    dispute_clause: z
      .enum(DISPUTE_CLAUSES)
      .optional()
      .describe(
        'What the contract says about disputes: cietac; other_arbitration (another named institution in mainland China); hk_arbitration (an institution seated in Hong Kong, e.g. HKIAC); foreign_arbitration (seated abroad, e.g. SIAC, ICC); arbitration_no_institution (arbitration, but no institution named); court_china; court_abroad (a foreign court, not said to be non-exclusive); court_abroad_non_exclusive; none',
      ),
    // --- issue 11: governing law, delivery terms and inspection ---
    governing_law: z
      .enum(['prc', 'buyer_country', 'hong_kong', 'other'])
      .optional()
      .describe(
        'The law the contract chooses. Absent means no choice was made: a PRC court then applies the law of the seller (PRC law for a mainland supplier)',
      ),
    cisg_excluded: z.boolean().optional().describe('The contract expressly excludes the CISG (the UN sales convention)'),
    incoterm: z
      .enum(['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'])
      .optional()
      .describe('The Incoterm in the contract: it says when the risk of loss or damage passed to you'),
    cargo_insurance: z.boolean().optional().describe('The goods were insured for the voyage (by you, or by the supplier under CIF/CIP)'),
    golden_sample: z.boolean().optional().describe('A sample was approved and kept (sealed or signed) as the standard for production'),
    // --- end issue 11 ---
    closed: z.boolean().optional().describe('The platform order is already closed'),
    closed_date: date.optional().describe('Date Alibaba closed the order (a dispute may still be opened for a limited time after the closure notice)'),
    delivery: z
      .object({
        status: z.enum(['none', 'partial', 'full']).optional(),
        expected_date: date.optional(),
        shipped_date: date.optional(),
        receipt_confirmed_date: date.optional().describe('Date receipt was confirmed on the platform (starts the Trade Assurance window)'),
      })
      .strict()
      .optional(),
    // Issue 12: quantities, for the size of a short shipment.
    quantity_ordered: z.number().int().nonnegative().max(1e12).optional().describe('Units ordered (pieces, cartons: the unit of the contract)'),
    quantity_delivered: z.number().int().nonnegative().max(1e12).optional().describe('Units that arrived, in the same unit as quantity_ordered'),
  })
  .strict();

const dispute = z
  .object({
    types: z.array(z.enum(DISPUTE_TYPES)).max(10).optional(),
    summary: text.optional(),
    discovered_date: date.optional(),
    supplier_notified_date: date.optional(),
    supplier_notified: z.boolean().optional().describe('You have told the supplier in writing what is wrong with the goods (a notice of non-conformity)'),
    amount_claimed: moneySchema.optional().describe('The amount you claim; absent counts as the total paid'),
    subjective_quality: z
      .boolean()
      .optional()
      .describe('The complaint is about feel or taste ("feels cheaper", "colour slightly off") rather than a measurable spec'),
    accepted_delay_in_writing: z.boolean().optional(),
    about_contract_terms: z.boolean().optional().describe('The dispute is about payment schedule, IP clauses or other contract terms'),
    extra_fees_demanded: z.boolean().optional().describe('The supplier asks for more money (insurance, customs, licence, release fees) before delivering'),
    bank_details_changed: z.boolean().optional(),
    pressured_off_platform: z.boolean().optional(),
    partial_refund_offered: z.boolean().optional(),
    supplier_position: z.enum(['admits', 'denies', 'offers_full_refund', 'offers_partial_refund', 'silent', 'demands_more_money']).optional(),
    // Issue 12: what the supplier offers now, and fraud with or without money paid.
    offer: z
      .object({
        kind: z
          .enum(['repair', 'replacement', 'partial_refund', 'full_refund', 'discount_next_order', 'reshipment'])
          .optional()
          .describe('What the supplier offers'),
        amount: moneySchema.optional().describe('The money offered, if any'),
        deadline: date.optional().describe('Until when the offer stands, or when the supplier says it will perform'),
      })
      .strict()
      .optional()
      .describe("The supplier's latest offer to settle"),
    fraud_kind: z
      .enum(['fake_supplier', 'impersonation', 'phishing', 'bank_switch'])
      .optional()
      .describe(
        'A fraud rather than a trade dispute: a fake supplier, someone posing as a real one, a phishing login page, or bank details switched by a third party',
      ),
    // --- issue 11: what restarts the limitation period, and enforcement after a decision ---
    last_demand_date: date
      .optional()
      .describe(
        'The latest date a written demand for payment or performance (letter, e-mail, chat) reached the supplier; it restarts the PRC limitation period',
      ),
    last_acknowledgment_date: date
      .optional()
      .describe('The latest date the supplier agreed to pay or perform, paid part, offered security or asked for time; it restarts the PRC limitation period'),
    proceedings_opened_date: date.optional().describe('Date you filed a suit or arbitration over this claim (the limitation period stops running)'),
    decision_date: date.optional().describe('Date of a court judgment or arbitral award in your favour'),
    performance_due_date: date
      .optional()
      .describe('Last day the judgment or award gives the supplier to pay; the 2-year period to apply for enforcement runs from it'),
    // --- end issue 11 ---
    platform_dispute: z
      .object({
        opened: z.boolean().optional(),
        opened_date: date.optional(),
        status: z
          .enum(['open', 'escalated', 'won', 'lost', 'closed_no_response', 'withdrawn', ...PLATFORM_OUTCOMES_ADDED])
          .optional()
          .describe(
            'Where the platform dispute stands: open, escalated, won, won_unpaid (decided for you, not paid), lost, refused_late (refused as filed too late), closed_no_response, withdrawn, challenged (you contest the decision)',
          ),
        // Issue 12: why the platform refused or closed it, and when it decided.
        reason: text.optional().describe("The platform's stated reason for refusing or closing the dispute, in its words"),
        decided_date: date.optional().describe('When the platform decided or closed the dispute'),
      })
      .strict()
      .optional(),
  })
  .strict();

// ── Evidence files (issue 14: the case pack's evidence index) ───────────────────────────────────────────────
// An evidence item may name one file (`file`) or several (`files`, e.g. each chat export or photo), or both;
// paths are relative to the case file. The assessment reads only `status`; `dispute-assess pack` lists every
// file with its size, SHA-256 and modification time.
const evidenceFiles = z.array(text).max(100).describe('More files for this item, relative to the case file');
const evidenceEntry = z.union([
  z.enum(EVIDENCE_STATUS),
  z
    .object({
      status: z.enum(EVIDENCE_STATUS),
      file: text.optional().describe('A file for this item, relative to the case file'),
      files: evidenceFiles.optional(),
      note: text.optional(),
    })
    .strict(),
]);
// ── end of evidence files ────────────────────────────────────────────────────────────────────────────────────

const evidence = z
  .object(
    Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, evidenceEntry.optional()])) as Record<
      (typeof EVIDENCE_KINDS)[number],
      z.ZodOptional<typeof evidenceEntry>
    >,
  )
  .strict()
  .describe('Evidence by kind: have, partial or missing (or {status, file, note})');

const assets = z
  .object({
    bank_accounts: z.boolean().optional(),
    equipment: z.boolean().optional(),
    property: z.boolean().optional(),
    receivables: z.boolean().optional(),
  })
  .strict()
  .describe('Supplier assets in China that you can point to (true = identified)');

const ip = z
  .object({
    buyer_owns_rights: z.boolean().optional(),
    rights: z
      .array(
        z
          .object({
            kind: z.enum(['trademark', 'patent', 'design_patent', 'copyright']),
            registered_in_china: z.boolean().optional(),
            registration_no: z.string().max(100).optional(),
          })
          .strict(),
      )
      .max(50)
      .optional(),
    infringing_urls: z.array(z.string().max(2000)).max(300).optional(),
    supplier_refused_removal: z.boolean().optional(),
  })
  .strict();

// Issue 12: everyone the buyer may claim against, and what customs did.
const respondent = z
  .object({
    name: text.optional(),
    role: z
      .enum(['contracting_party', 'payee', 'manufacturer', 'listing', 'infringer', 'forwarder', 'other'])
      .optional()
      .describe(
        'contracting_party (named on the contract), payee (received the money), manufacturer, listing (a store or listing), infringer, forwarder, other',
      ),
    country: country.optional(),
    uscc: z.string().max(40).optional(),
    url: z.string().max(2000).optional(),
  })
  .strict();

const customs = z
  .object({
    event: z.enum(['seized', 'refused_entry', 'held']).optional().describe('What customs (or a market-surveillance authority) did with the goods'),
    reason: z.enum(['counterfeit', 'non_compliant', 'missing_certificates', 'misdeclared_value', 'misdeclared_goods', 'restricted_goods', 'other']).optional(),
    declared_by: z
      .enum(['buyer', 'supplier', 'forwarder', 'customs_broker'])
      .optional()
      .describe('Who made the customs declaration (or supplied the value and description used in it)'),
    date: date.optional(),
  })
  .strict()
  .describe('A customs seizure or compliance refusal of the goods');

/** The whole case file. */
export const caseSchema = z
  .object({
    as_of: date.optional().describe('The date the assessment is made for; defaults to today'),
    buyer: buyer.optional(),
    supplier: supplier.optional(),
    order: order.optional(),
    dispute: dispute.optional(),
    evidence: evidence.optional(),
    assets: assets.optional(),
    ip: ip.optional(),
    respondents: z
      .array(respondent)
      .max(300)
      .optional()
      .describe('Other parties besides the supplier: the payee company, more listings or infringers of the same rights'),
    customs: customs.optional(),
    notes: text.optional(),
    expect: expectSchema.optional().describe('Expected outcome, for `dispute-assess check`; ignored by the assessment'),
  })
  .strict();

// The types, generated from this schema's JSON Schema (case-type.generated.ts, so the published declarations need
// no zod); test/case-type.test.ts checks they equal z.infer<typeof caseSchema> both ways.
export type { Case, Money, Payment } from './case-type.generated.js';
