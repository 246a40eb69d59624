// The payments sub-dialogue: each payment's amount, date, method, destination and purpose; "another one?".
import type { Payment } from '../../case/schema.js';
import { formatMoney } from '../../case/money.js';
import { parseDate, parseMoney } from '../../interview/answers.js';
import { describePayment, missingPaymentFields, PAYMENT_FIELDS, PAYMENT_QUESTIONS, paymentChoices, type PaymentField } from '../../interview/payments.js';
import { askChoice, askConfirm, askTyped, type PromptContext } from './prompts.js';

export interface PaymentsIo {
  ctx: PromptContext;
  /** Called after every change, so that an interruption loses nothing. */
  changed(list: Payment[]): void;
  say(line: string): void;
}

/**
 * Ask about payments. With none recorded: "have you paid?", then one payment at a time. With incomplete ones:
 * only their missing fields. Returns the list, [] for "nothing paid", or undefined for "I don't know".
 */
export async function askPayments(existing: readonly Payment[] | undefined, io: PaymentsIo): Promise<Payment[] | undefined> {
  const list = existing ? existing.map((p) => ({ ...p })) : [];
  if (!existing) {
    const paid = await askChoice(
      'Have you paid the supplier anything?',
      [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No, nothing yet' },
      ],
      io.ctx,
      { dontKnow: true },
    );
    if (paid === undefined) return undefined;
    if (paid === 'no') return [];
  } else {
    for (let i = 0; i < list.length; i++) {
      if (missingPaymentFields(list[i]!).length === 0) continue;
      io.say(`Payment ${i + 1}: ${describePayment(list[i]!)}`);
      await completePayment(list, i, io);
    }
    if (!(await askConfirm('Did you make another payment to the supplier?', false, io.ctx))) return list;
  }
  do {
    const n = list.length + 1;
    const amount = await askTyped(
      `Payment ${n}: how much did you pay?`,
      (t) => parseMoney(t, io.ctx.buyerCountry),
      undefined,
      io.ctx,
      (v) => formatMoney(v as NonNullable<Payment['amount']>),
    );
    // An unknown amount keeps the payment: how and where it was paid still decides the protections.
    if (!amount.known) io.say('The amount is left open; the rest of this payment still counts. Add it later with --resume.');
    list.push(amount.known ? { amount: amount.value as NonNullable<Payment['amount']> } : {});
    io.changed(list);
    await completePayment(list, list.length - 1, io);
  } while (await askConfirm('Did you make another payment to the supplier?', false, io.ctx));
  return list;
}

async function completePayment(list: Payment[], i: number, io: PaymentsIo): Promise<void> {
  const open = PAYMENT_FIELDS.filter((f) => list[i]![f] === undefined);
  for (const field of open) {
    if (field === 'paypal_type' && list[i]!.method !== 'paypal') continue;
    const value = await askField(field, i + 1, io, list[i - 1]?.[field]);
    if (value === undefined) continue;
    list[i] = { ...list[i]!, [field]: value };
    io.changed(list);
  }
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** Ask one field of payment n; choices default to the previous payment's (Enter keeps it). */
async function askField(field: PaymentField, n: number, io: PaymentsIo, previous?: string): Promise<string | undefined> {
  const q = PAYMENT_QUESTIONS[field];
  io.say(q.hint);
  if (field === 'date') {
    const a = await askTyped(`Payment ${n}: ${lowerFirst(q.text)}`, (t) => parseDate(t, { today: io.ctx.today, past: true }), undefined, io.ctx);
    return a.known ? (a.value as string) : undefined;
  }
  return askChoice(`Payment ${n}: ${lowerFirst(q.text)}`, paymentChoices(field), io.ctx, {
    dontKnow: true,
    ...(previous && field !== 'stage' ? { current: previous } : {}),
  });
}
