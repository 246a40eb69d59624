// Payments, the one list the interview asks as a small sub-dialogue: labels for each field, which fields
// are still missing, and a one-line description of a payment.
import type { Case, Payment } from '../case/schema.js';
import { formatMoney } from '../case/money.js';
import type { Choice } from './catalogue.js';

/** The optional fields of a payment that the interview asks, in order. */
export const PAYMENT_FIELDS = ['date', 'method', 'via', 'stage', 'paypal_type'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

const LABELS: Record<Exclude<PaymentField, 'date'>, Record<string, string>> = {
  method: {
    card: 'Credit or debit card',
    tt: 'Bank wire (T/T, SWIFT)',
    paypal: 'PayPal',
    western_union: 'Western Union',
    online_bank: 'Online bank payment (ACH / SEPA via Alibaba)',
    pay_later: 'Alibaba Pay Later / Payment Terms',
    alipay: 'Alipay',
    cash: 'Cash',
    other: 'Something else',
  },
  via: {
    alibaba_checkout: "Alibaba.com's checkout (paid on the order page)",
    alibaba_designated_account: "The Alibaba-designated account shown on the order's payment page",
    supplier_company_account: "The supplier's own company account",
    hong_kong_account: 'An account in Hong Kong',
    offshore_account: 'An offshore account (e.g. BVI, Singapore)',
    personal_account: "A person's private account",
    paypal_account: "The supplier's PayPal account",
    other: 'Somewhere else',
  },
  stage: { deposit: 'A deposit or advance', balance: 'The balance', full: 'The full price in one go', extra_fee: 'An extra fee the supplier asked for' },
  paypal_type: { goods_and_services: 'Goods and services', friends_and_family: 'Friends and family' },
};

export const PAYMENT_QUESTIONS: Record<PaymentField, { text: string; hint: string }> = {
  date: { text: 'On what date did you pay?', hint: 'From your bank slip or statement. E.g. 1 Sep 2026 or 2026-09-01.' },
  method: { text: 'How did you pay?', hint: 'The payment method, not the account.' },
  via: { text: 'Where did the money go?', hint: "Only Alibaba's checkout and the designated account on the order page are protected by Trade Assurance." },
  stage: { text: 'What was this payment for?', hint: 'As the supplier asked for it.' },
  paypal_type: { text: 'Was it sent as "goods and services" or "friends and family"?', hint: 'PayPal only protects goods-and-services payments.' },
};

/** The choices for an enum field of a payment. */
export function paymentChoices(field: Exclude<PaymentField, 'date'>): Choice[] {
  return Object.entries(LABELS[field]).map(([value, label]) => ({ value, label }));
}

/** Fields of a payment still unknown (paypal_type only for PayPal payments). */
export function missingPaymentFields(p: Payment): PaymentField[] {
  return PAYMENT_FIELDS.filter((f) => p[f] === undefined && (f !== 'paypal_type' || p.method === 'paypal'));
}

/** Whether the payments question is worth asking: no payments given yet, or one of them is incomplete. */
export function paymentsAskable(c: Case): boolean {
  const list = c.order?.payments;
  return list === undefined || list.some((p) => missingPaymentFields(p).length > 0);
}

/** "USD 6,000.00 on 2025-12-02 · Bank wire (T/T, SWIFT) · to: An account in Hong Kong · A deposit or advance" */
export function describePayment(p: Payment): string {
  const parts = [p.amount ? formatMoney(p.amount) : 'Amount not known'];
  if (p.date) parts[0] += ` on ${p.date}`;
  if (p.method) parts.push(LABELS.method[p.method]!);
  if (p.via) parts.push(`to: ${LABELS.via[p.via]!}`);
  if (p.stage) parts.push(LABELS.stage[p.stage]!);
  return parts.join(' · ');
}
