import * as z from 'zod';
import { brl, nonNegativeMoneySchema, type Money } from '../money/index.js';
import type { InputOf } from '../errors.js';

/** Channels a prior notice can go by. */
export const NOTICE_CHANNELS = ['letter', 'email', 'sms'] as const;

/** One of {@link NOTICE_CHANNELS}. */
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * Who tells the debtor before a registration (CDC art. 43 §2), and from which event the waiting period counts:
 * - `creditor_letter`: the creditor sends the notice (`send_notice`, by `defaultNoticeChannel`); the wait counts from
 *   the earliest notice by a qualifying channel (`notice_sent`).
 * - `email_then_bureau_letter` (seed 000): the creditor e-mails first; if the e-mail is read (`notice_read`, the e-mail
 *   provider's receipt) the debtor is aware and the wait counts from the reading; if it is not read within
 *   `emailReadDays`, the bureau is asked to post a letter (`request_bureau_notice`) and the wait counts from its
 *   posting (`bureau_notice_posted`).
 * - `bureau_sends` (STJ Súmula 359: the bureau's duty): the bureau is asked to post the notice at once and the wait
 *   counts from its posting (`bureau_notice_posted`).
 */
export const NOTICE_MODES = ['creditor_letter', 'email_then_bureau_letter', 'bureau_sends'] as const;

/** One of {@link NOTICE_MODES}. */
export type NoticeMode = (typeof NOTICE_MODES)[number];

/**
 * The negativation policy of one subject (a branch, a contract), resolved to
 * plain values. Defaults are the legally safe ones (docs/legal.md §3); every value
 * is a creditor setting. In an application these come from the one settings
 * tree (general → branch → contract) under the same names; when and whether to
 * ask for a registration (`registerAutomatically`, `daysToRegister`) is the
 * caller's decision, not this module's.
 */
export interface NegativationSettings {
  /** Seed 002 "Remover automaticamente": request removal as soon as payment is known (otherwise an operator is alerted and removes). */
  readonly removeAutomatically: boolean;
  /** Seed 003's minimum delay: calendar days after the due date before a registration may be requested (at least 1). */
  readonly minimumDaysOverdue: number;
  /** Seed 003: the smallest outstanding amount worth registering. */
  readonly minimumAmount: Money;
  /** Calendar days between the prior notice and the submission (bureau practice, CDC art. 43 §2): 10 by default. */
  readonly noticeWaitingDays: number;
  /** Notice channels that satisfy CDC art. 43 §2 on their own. Letter by default (STJ panels disagree on e-mail alone). */
  readonly qualifyingNoticeChannels: readonly NoticeChannel[];
  /** The channel of the `send_notice` effect (in `creditor_letter` mode; the e-mail mode always sends an e-mail). */
  readonly defaultNoticeChannel: NoticeChannel;
  /** Who sends the prior notice and from which event the wait counts (see {@link NOTICE_MODES}); `creditor_letter` by default. */
  readonly noticeMode: NoticeMode;
  /** In `email_then_bureau_letter` mode: calendar days the e-mail has to be read before the bureau is asked to post the letter. */
  readonly emailReadDays: number;
  /** No new submission this many months after the day after the due date (Serasa: 4 years 11 months = 59). */
  readonly submissionCutoffMonths: number;
  /** Prescription of the debt in years from the day after the due date (CC art. 206 §5 I: 5; rent: 3). */
  readonly prescriptionYears: number;
  /** Whether the bureau asks for the birth date of individuals. */
  readonly requireBirthDateForPersons: boolean;
  /**
   * Whether an agreement's first paid installment allows removal (common practice; the law asks only on full payment).
   * Legal note: CDC art. 43 and STJ Súmula 548 oblige removal only once the debt is paid in full; removing earlier is the
   * creditor's choice (a concession), never a duty, and a broken agreement is a new debt that needs a new notice.
   */
  readonly removeAfterFirstAgreementInstallment: boolean;
  /**
   * Whether paying the principal alone (late charges still owed) counts as settlement for removal. Off by default: the
   * debt the bureau shows is the whole debt as the creditor charges it (principal, fine, interest, correction, docs/legal.md §3),
   * and Súmula 548's five business days run from full payment. Legal note: turning it on is a creditor's concession; the
   * unpaid charges stay owed (and collectable), they are just no longer registered.
   */
  readonly removeOnPrincipalPaid: boolean;
  /** Business days before the removal deadline at which the operator is alarmed. */
  readonly removalAlarmBusinessDays: number;
  /** Calendar days before the age limit at which reconciliation warns. */
  readonly ageLimitWarningDays: number;
  /** Calendar days a submission may wait for the bureau's return before reconciliation calls it stuck. */
  readonly stuckSubmissionDays: number;
}

/** The default policy: letter notice, 10-day wait, 30 days overdue, automatic removal, 4y11m cutoff, 5-year prescription. */
export const DEFAULT_NEGATIVATION_SETTINGS: NegativationSettings = {
  removeAutomatically: true,
  minimumDaysOverdue: 30,
  minimumAmount: brl('0.01'),
  noticeWaitingDays: 10,
  qualifyingNoticeChannels: ['letter'],
  defaultNoticeChannel: 'letter',
  noticeMode: 'creditor_letter',
  emailReadDays: 5,
  submissionCutoffMonths: 59,
  prescriptionYears: 5,
  requireBirthDateForPersons: false,
  removeAfterFirstAgreementInstallment: false,
  removeOnPrincipalPaid: false,
  removalAlarmBusinessDays: 2,
  ageLimitWarningDays: 30,
  stuckSubmissionDays: 5,
};

const days = (max: number) => z.number().int().min(0).max(max);

/**
 * The schema of each negativation setting's plain value, by name. The
 * application's settings tree builds its Yes / No / Default levels from these,
 * so a value is checked by one rule wherever it is written.
 */
export const negativationSettingsShape = {
  removeAutomatically: z.boolean(),
  minimumDaysOverdue: z.number().int().min(1).max(3650),
  minimumAmount: nonNegativeMoneySchema,
  noticeWaitingDays: days(365),
  qualifyingNoticeChannels: z.array(z.enum(NOTICE_CHANNELS)).min(1).max(NOTICE_CHANNELS.length),
  defaultNoticeChannel: z.enum(NOTICE_CHANNELS),
  noticeMode: z.enum(NOTICE_MODES),
  emailReadDays: z.number().int().min(1).max(60),
  submissionCutoffMonths: z.number().int().min(1).max(60),
  prescriptionYears: z.number().int().min(1).max(5),
  requireBirthDateForPersons: z.boolean(),
  removeAfterFirstAgreementInstallment: z.boolean(),
  removeOnPrincipalPaid: z.boolean(),
  removalAlarmBusinessDays: days(5),
  ageLimitWarningDays: days(365),
  stuckSubmissionDays: days(365),
} as const;

/** zod schema of a full or partial {@link NegativationSettings}; missing values take the defaults. */
export const negativationSettingsSchema = z
  .object(negativationSettingsShape)
  .partial()
  .strict()
  .transform((given): NegativationSettings => ({ ...DEFAULT_NEGATIVATION_SETTINGS, ...(dropUndefined(given) as Partial<NegativationSettings>) }));

/** Input form of {@link NegativationSettings}: any subset, amounts as `'10.00'` or `{ cents }`. */
export type NegativationSettingsInput = InputOf<typeof negativationSettingsSchema>;

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
