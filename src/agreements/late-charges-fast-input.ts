import { parseCivilDate, type CivilDate } from '../calendar/index.js';
import { parseMoney, type Money } from '../money/index.js';

/** The per-call part of a late-charges input, read without zod. */
export interface FastLateChargesInput {
  readonly principal: Money;
  readonly dueDate: CivilDate;
  readonly asOf: CivilDate;
  readonly payments: readonly { readonly date: CivilDate; readonly amount: Money }[];
}

const MAX_PAYMENTS = 10_000;

function nonNegativeMoney(value: unknown): Money | undefined {
  const parsed = parseMoney(value);
  return parsed.isOk() && parsed.value.cents >= 0 ? parsed.value : undefined;
}

function date(value: unknown): CivilDate | undefined {
  const parsed = parseCivilDate(value);
  return parsed.isOk() ? parsed.value : undefined;
}

/**
 * Reads principal, dates and payments with the same parsers the schema uses, or
 * returns `undefined` at the first doubt; the caller then parses with the schema,
 * which accepts exactly the same inputs and builds the error with its path (a
 * property test proves both paths give the same results and the same errors).
 */
export function readLateChargesInputFast(input: unknown): FastLateChargesInput | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { principal, dueDate, asOf, payments } = input as Record<string, unknown>;
  const parsedPrincipal = nonNegativeMoney(principal);
  const parsedDue = date(dueDate);
  const parsedAsOf = date(asOf);
  if (parsedPrincipal === undefined || parsedDue === undefined || parsedAsOf === undefined) return undefined;
  if (payments === undefined) return { principal: parsedPrincipal, dueDate: parsedDue, asOf: parsedAsOf, payments: [] };
  if (!Array.isArray(payments) || payments.length > MAX_PAYMENTS) return undefined;
  const read: { date: CivilDate; amount: Money }[] = [];
  for (const payment of payments as unknown[]) {
    if (typeof payment !== 'object' || payment === null) return undefined;
    const { date: paidOn, amount } = payment as Record<string, unknown>;
    const parsedDate = date(paidOn);
    const parsedAmount = nonNegativeMoney(amount);
    if (parsedDate === undefined || parsedAmount === undefined) return undefined;
    read.push({ date: parsedDate, amount: parsedAmount });
  }
  return { principal: parsedPrincipal, dueDate: parsedDue, asOf: parsedAsOf, payments: read };
}
