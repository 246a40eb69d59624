// The closed vocabularies of the case file. Rules and catalogues refer to these ids.

export const DISPUTE_TYPES = [
  'non_delivery',
  'quality',
  'not_as_described',
  'short_shipment',
  'damage',
  'late_delivery',
  'ip_infringement',
  'deposit_fraud',
  'contract_breach',
  'compliance',
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

/** What a contract's dispute clause says (issue 11: the institution, the seat, and whether a foreign court is exclusive). */
export const DISPUTE_CLAUSES = [
  'cietac',
  'other_arbitration',
  'hk_arbitration',
  'foreign_arbitration',
  'arbitration_no_institution',
  'court_china',
  'court_abroad',
  'court_abroad_non_exclusive',
  'none',
] as const;

export const EVIDENCE_KINDS = [
  'payment_records',
  'contract',
  'order_page',
  'spec_sheet',
  'design_drawings',
  'invoice',
  'bill_of_lading',
  'customs_records',
  'shipping_tracking',
  'batch_numbers',
  'packaging_labels',
  'inspection_report',
  'unloading_records',
  'photos_video',
  'lab_tests',
  'container_weight',
  'customs_weight',
  'platform_chat',
  'other_chat',
  'ip_certificates',
  'product_images',
  'proof_of_identity',
  'infringing_listing_urls',
  'authorisation_letter',
  'supplier_registration',
  'extra_fee_demand',
  'bank_change_notice',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const ROUTES = [
  'negotiation',
  'ta_claim',
  'platform_complaint',
  'ip_complaint',
  'cietac_arbitration',
  'prc_litigation',
  'asset_preservation',
  'payee_claim',
  'police_report',
  'chargeback',
  'paypal_dispute',
  'embassy_trade_association',
] as const;
export type Route = (typeof ROUTES)[number];

export const PROGRAMS = ['trade_assurance', 'offline_complaint', 'card_chargeback', 'paypal_protection'] as const;
export type Program = (typeof PROGRAMS)[number];

export const ELIGIBILITY = ['eligible', 'ineligible', 'uncertain'] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EVIDENCE_STATUS = ['have', 'partial', 'missing'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUS)[number];

export const STRENGTHS = ['strong', 'moderate', 'weak', 'undetermined'] as const;
export type Strength = (typeof STRENGTHS)[number];
