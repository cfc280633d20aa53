import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { moneySchema } from '../money/index.js';
import type { InputOf } from '../errors.js';

const common = {
  /** The day it happened (São Paulo civil date); events apply in date order. */
  on: civilDateSchema,
  /** Who: an operator id, `system`, or the notary. */
  actor: z.string().trim().min(1, 'actor is required'),
  reason: z.string().optional(),
  /** The exact instant, ISO 8601 with offset, when the host has it. */
  at: z.iso.datetime({ offset: true }).optional(),
};
const withReason = { ...common, reason: z.string().trim().min(1, 'a reason is required') };
const payment = {
  amount: moneySchema.refine((m) => m.cents > 0, 'a payment must be a positive amount'),
  paidOn: civilDateSchema,
  /** When the money is available to the creditor: the letter-of-consent deadline counts from here. */
  fundsAvailableOn: civilDateSchema,
};
const paymentChecks = <T extends z.ZodType<{ on: string; paidOn: string; fundsAvailableOn: string }>>(schema: T) =>
  schema
    .refine((e) => e.paidOn <= e.on, { message: 'paidOn cannot be after the day the payment is recorded (on)', path: ['paidOn'] })
    .refine((e) => e.fundsAvailableOn >= e.paidOn, { message: 'fundsAvailableOn cannot be before paidOn', path: ['fundsAvailableOn'] });

/** zod schema of every event `transitionProtest` understands, by `type`. */
export const protestEventSchema = z.discriminatedUnion('type', [
  /** The request itself; only `startProtest` applies it. */
  z.object({ type: z.literal('request'), ...common }).strict(),
  /** The notary logged the title (apontamento) under a protocol number: the art. 12 clock starts. */
  z.object({ type: z.literal('protocolled'), ...common, protocolNumber: z.string().trim().min(1) }).strict(),
  /** The notary sent the debtor a notice (intimação, art. 14). */
  z.object({ type: z.literal('notice_sent'), ...common, channel: z.enum(['electronic', 'paper', 'public_notice']) }).strict(),
  /** The debtor confirmed the electronic notice (or the paper one was delivered). */
  z.object({ type: z.literal('notice_confirmed'), ...common, channel: z.enum(['electronic', 'paper']) }).strict(),
  /** The debtor paid at the notary within the window (art. 19): no protest. */
  paymentChecks(z.object({ type: z.literal('paid_at_notary'), ...common, ...payment }).strict()),
  /** The notary registered the protest (lavratura e registro). */
  z.object({ type: z.literal('protest_registered'), ...common }).strict(),
  /** The debtor paid the creditor directly. */
  paymentChecks(z.object({ type: z.literal('payment_received'), ...common, ...payment }).strict()),
  /** The creditor issued the letter of consent (carta de anuência). */
  z.object({ type: z.literal('letter_of_consent_issued'), ...common }).strict(),
  /** The creditor asked the notary to cancel the protest (when it agreed to). */
  z.object({ type: z.literal('cancellation_requested'), ...common }).strict(),
  /** The notary cancelled the protest (art. 26). */
  z.object({ type: z.literal('cancellation_confirmed'), ...common }).strict(),
  /** The creditor withdraws the title before the protest (desistência, art. 16). */
  z.object({ type: z.literal('withdrawal_requested'), ...withReason }).strict(),
  /** The notary confirmed the withdrawal. */
  z.object({ type: z.literal('withdrawal_confirmed'), ...common }).strict(),
  /** The notary returned the title without protest (formal defect, art. 9). */
  z.object({ type: z.literal('returned'), ...withReason }).strict(),
]);

/** An event after parsing. */
export type ProtestEvent = z.output<typeof protestEventSchema>;

/** An event as the host writes it. */
export type ProtestEventInput = InputOf<typeof protestEventSchema>;

/** The `type` of an event. */
export type ProtestEventType = ProtestEvent['type'];

/** The event of a given type. */
export type ProtestEventOf<T extends ProtestEventType> = Extract<ProtestEvent, { type: T }>;

/** Every event type, in lifecycle order. */
export const PROTEST_EVENT_TYPES: readonly ProtestEventType[] = protestEventSchema.options.map((option) => option.shape.type.value);
