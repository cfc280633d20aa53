import * as z from 'zod';
import { civilDateSchema } from '../calendar/index.js';
import { moneySchema } from '../money/index.js';
import { fundsDaySchema, noticeDaySchema } from './date-room.js';
import { NOTICE_CHANNELS } from './settings.js';
import type { InputOf } from '../errors.js';

/** An event's exact instant (`at`): ISO 8601 with an offset. */
export const eventInstantSchema = z.iso.datetime({ offset: true });

/** Fields every event carries: when (civil date in São Paulo, optional instant), who, and why. */
const common = {
  /** The day the event happened (São Paulo civil date); events apply in date order. */
  on: civilDateSchema,
  /** Who caused it: an operator id, `system`, or the bureau's name. */
  actor: z.string().trim().min(1, 'actor is required'),
  /** Why, in words (kept in the history). */
  reason: z.string().optional(),
  /** The exact instant, ISO 8601 with offset, when the host has it. */
  at: eventInstantSchema.optional(),
};

const withReason = { ...common, reason: z.string().trim().min(1, 'a reason is required') };

const positiveMoney = moneySchema.refine((m) => m.cents > 0, 'a payment must be a positive amount');

const analysisApproved = z.object({ type: z.literal('analysis_approved'), ...common }).strict();
const analysisRejected = z.object({ type: z.literal('analysis_rejected'), ...withReason }).strict();
const noticeSent = z
  .object({
    type: z.literal('notice_sent'),
    ...common,
    on: noticeDaySchema,
    channel: z.enum(NOTICE_CHANNELS),
    /** The post office's proof of posting (STJ Súmula 404: enough, no AR needed); required for letters. */
    proofOfPosting: z.string().trim().min(1).optional(),
  })
  .strict()
  .refine((e) => e.channel !== 'letter' || e.proofOfPosting !== undefined, { message: 'a letter needs its proof of posting (STJ Súmula 404)', path: ['proofOfPosting'] });
/** The e-mail notice was read (the e-mail provider's read receipt, seed 000): the debtor counts as aware from `on`. */
const noticeRead = z
  .object({
    type: z.literal('notice_read'),
    ...common,
    /** The message id of the e-mail read (its `proofOfPosting`); the latest unread e-mail when absent. */
    proofOfPosting: z.string().trim().min(1).optional(),
  })
  .strict();
/** The bureau was asked to post the notice letter (bureau_sends mode, or an unread e-mail in email_then_bureau_letter mode). */
const bureauNoticeRequested = z.object({ type: z.literal('bureau_notice_requested'), ...common }).strict();
/** The bureau posted the notice letter (STJ Súmulas 359 and 404: its proof of posting is enough); the wait counts from `on`. */
const bureauNoticePosted = z
  .object({ type: z.literal('bureau_notice_posted'), ...common, on: noticeDaySchema, proofOfPosting: z.string().trim().min(1, 'the bureau\'s proof of posting is required (STJ Súmula 404)') })
  .strict();
const noticePeriodElapsed = z.object({ type: z.literal('notice_period_elapsed'), ...common }).strict();
const submitted = z.object({ type: z.literal('submitted'), ...common, bureauReference: z.string().optional() }).strict();
const bureauAccepted = z.object({ type: z.literal('bureau_accepted'), ...common, bureauReference: z.string().optional() }).strict();
const bureauRejected = z.object({ type: z.literal('bureau_rejected'), ...withReason }).strict();
const paymentReceived = z
  .object({
    type: z.literal('payment_received'),
    ...common,
    /** `full` settles the title; `partial` lowers what is owed; `agreement_installment` pays an installment of an agreement. */
    kind: z.enum(['full', 'partial', 'agreement_installment']),
    amount: positiveMoney,
    paidOn: civilDateSchema,
    /** When the money is available to the creditor: the removal deadline counts from here (REsp 1.424.792). */
    fundsAvailableOn: fundsDaySchema,
    installmentNumber: z.number().int().min(1).optional(),
    /**
     * What the one owed-amount rule says the debt still owes after this payment (principal and everything with the late
     * charges), as the host computed it (`owedAmount` of the agreements module). When given, a `partial` payment settles
     * the title only when nothing is owed (or the principal is paid and `removeOnPrincipalPaid` is set), and the
     * outstanding amount becomes `total`; without it, the payment is compared with the registered amount.
     */
    owed: z.object({ principal: moneySchema, total: moneySchema }).strict().optional(),
  })
  .strict()
  .refine((e) => e.paidOn <= e.on, { message: 'paidOn cannot be after the day the payment is recorded (on)', path: ['paidOn'] })
  .refine((e) => e.fundsAvailableOn >= e.paidOn, { message: 'fundsAvailableOn cannot be before paidOn', path: ['fundsAvailableOn'] })
  .refine((e) => (e.kind === 'agreement_installment') === (e.installmentNumber !== undefined), {
    message: 'installmentNumber is given with, and only with, kind agreement_installment',
    path: ['installmentNumber'],
  });
const agreementMade = z.object({ type: z.literal('agreement_made'), ...common, agreementId: z.string().trim().min(1) }).strict();
const removalRequested = z
  .object({
    type: z.literal('removal_requested'),
    ...common,
    /** A payment made outside the system (seed 000), when none was recorded. */
    paidOutside: z
      .object({ paidOn: civilDateSchema, fundsAvailableOn: fundsDaySchema })
      .strict()
      .refine((p) => p.fundsAvailableOn >= p.paidOn, { message: 'fundsAvailableOn cannot be before paidOn', path: ['fundsAvailableOn'] })
      .optional(),
  })
  .strict()
  .refine((e) => e.paidOutside === undefined || e.paidOutside.paidOn <= e.on, { message: 'paidOn cannot be after the day of the request (on)', path: ['paidOutside', 'paidOn'] });
const bureauRemoved = z.object({ type: z.literal('bureau_removed'), ...common }).strict();
const cancelRequested = z.object({ type: z.literal('cancel_requested'), ...withReason }).strict();
const cancelConfirmed = z.object({ type: z.literal('cancel_confirmed'), ...common }).strict();
const failure = z.object({ type: z.literal('failure'), ...withReason }).strict();
const retry = z.object({ type: z.literal('retry'), ...common }).strict();
/** The request itself; only {@link startNegativation} applies it (a negativation is requested once). */
const request = z.object({ type: z.literal('request'), ...common }).strict();

/** zod schema of every event {@link transition} understands, by `type`. */
export const negativationEventSchema = z.discriminatedUnion('type', [
  request,
  analysisApproved,
  analysisRejected,
  noticeSent,
  noticeRead,
  bureauNoticeRequested,
  bureauNoticePosted,
  noticePeriodElapsed,
  submitted,
  bureauAccepted,
  bureauRejected,
  paymentReceived,
  agreementMade,
  removalRequested,
  bureauRemoved,
  cancelRequested,
  cancelConfirmed,
  failure,
  retry,
]);

/** An event after parsing: dates are `CivilDate`s, amounts are Money. */
export type NegativationEvent = z.output<typeof negativationEventSchema>;

/** An event as the host writes it (dates `YYYY-MM-DD`, amounts `'10.00'` or `{ cents }`). */
export type NegativationEventInput = InputOf<typeof negativationEventSchema>;

/** The `type` of an event. */
export type NegativationEventType = NegativationEvent['type'];

/** Every event type, in lifecycle order. */
export const NEGATIVATION_EVENT_TYPES: readonly NegativationEventType[] = [
  'request',
  'analysis_approved',
  'analysis_rejected',
  'notice_sent',
  'notice_read',
  'bureau_notice_requested',
  'bureau_notice_posted',
  'notice_period_elapsed',
  'submitted',
  'bureau_accepted',
  'bureau_rejected',
  'payment_received',
  'agreement_made',
  'removal_requested',
  'bureau_removed',
  'cancel_requested',
  'cancel_confirmed',
  'failure',
  'retry',
];

/** The event of a given type. */
export type EventOfType<T extends NegativationEventType> = Extract<NegativationEvent, { type: T }>;
