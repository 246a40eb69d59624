// Bundles: yes/no facts a buyer answers better together, as one "which of these?" question. An unticked
// item is a "no": each item is something the buyer would know of if it were so (an asset, a fee demand, a
// live listing), so not ticking it is the answer; "I don't know" leaves them all unknown.
import type { GroupId } from './groups.js';

export interface Bundle {
  /** The bundle's id, used in place of a fact path by the planner. */
  id: string;
  group: GroupId;
  text: string;
  hint: string;
  /** The boolean facts it sets, each with a short label. */
  items: Record<string, string>;
  none: string;
}

export const BUNDLES: readonly Bundle[] = [
  {
    id: 'assets',
    group: 'options',
    text: "Which of the supplier's assets in China can you point to?",
    hint: 'Space ticks, Enter confirms. Assets a court can freeze put pressure on the supplier.',
    items: {
      'assets.bank_accounts': 'A bank account (e.g. the company account you paid)',
      'assets.equipment': 'Equipment or stock (a factory, machines, goods)',
      'assets.property': 'Property (land, buildings, vehicles)',
      'assets.receivables': 'Money its other customers owe it',
    },
    none: 'None of these',
  },
  {
    id: 'warning-signs',
    group: 'happened',
    text: 'Which of these apply? (tick all that apply)',
    hint: 'Space ticks, Enter confirms. Each is a known warning sign or changes what you should do next.',
    items: {
      'dispute.extra_fees_demanded': "The supplier asks for more money before delivering ('insurance', 'customs', 'release' fees)",
      'dispute.bank_details_changed': 'The supplier changed its bank details during the deal',
      'dispute.pressured_off_platform': 'The supplier pushed you to pay or talk outside Alibaba.com',
      'dispute.partial_refund_offered': 'The supplier offered part of your money back',
      'order.first_order': 'It was your first order with this supplier',
      'dispute.supplier_notified': 'You have told the supplier in writing what is wrong (chat or e-mail counts)',
      'buyer.in_china': 'You, or someone acting for you, are in mainland China (a police report or a court visit is easier)',
    },
    none: 'None of these',
  },
  {
    id: 'the-spec',
    group: 'happened',
    text: 'Which of these are true of the problem and your contract? (tick all that apply)',
    hint: 'Space ticks, Enter confirms. A measurable specification written into the order is what a quality claim is judged against.',
    items: {
      'dispute.subjective_quality': "The complaint is about look or feel ('feels cheap', 'colour slightly off'), not a measurable spec",
      'order.measurable_spec': 'Measurable specifications were agreed in writing (dimensions, materials, tolerances, standards)',
      'order.spec_in_order': 'The specification is written into or attached to the platform order',
      'order.inspection_clause': 'The contract allows an inspection before shipment (names an inspection company or standard, e.g. AQL)',
    },
    none: 'None of these',
  },
  {
    id: 'order-kind',
    group: 'happened',
    text: 'Was the order any of these? (tick all that apply)',
    hint: 'Space ticks, Enter confirms. PayPal, for example, does not protect custom-made goods or machinery.',
    items: {
      'order.custom_made': 'Made to your design or specification (custom, OEM, private label)',
      'order.machinery': 'Industrial machinery',
    },
    none: 'Neither',
  },
  {
    id: 'supplier-signs',
    group: 'status',
    text: 'Which of these can you still see the supplier doing? (tick all that apply)',
    hint: 'Space ticks, Enter confirms. A supplier that still trades has a reputation to protect; one that has gone quiet may be moving its assets.',
    items: {
      'supplier.activity.listing_active': 'Its listing on Alibaba (or another platform) is still live',
      'supplier.activity.website_updated': 'Its website is updated or it runs ads',
      'supplier.activity.at_trade_fairs': 'It exhibits at trade fairs',
      'supplier.activity.social_media_active': 'It posts on social media (LinkedIn, Facebook, ...)',
      'supplier.still_member': 'It is still a member of Alibaba.com (its store page there still loads)',
    },
    none: 'None of these',
  },
  {
    id: 'liable-persons',
    group: 'counterparty',
    text: 'Which of these have you identified (e.g. from the national enterprise credit system)?',
    hint: 'Space ticks, Enter confirms. They tell you who can be held liable besides the company.',
    items: {
      'supplier.identified.shareholders': 'Its shareholders',
      'supplier.identified.actual_controller': 'Its actual controller (who really runs it)',
      'supplier.identified.affiliates': 'Its affiliated companies',
    },
    none: 'None of these',
  },
];

/** The bundle a fact belongs to, if any. */
export function bundleOf(path: string): Bundle | undefined {
  return BUNDLES.find((b) => path in b.items);
}

/** The values a bundle answer sets: ticked items true, the others false. */
export function bundleValues(b: Bundle, ticked: readonly string[]): [string, boolean][] {
  return Object.keys(b.items).map((p) => [p, ticked.includes(p)]);
}
