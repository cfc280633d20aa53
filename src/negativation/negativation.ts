import type { CivilDate } from '../calendar/index.js';
import type { TaxId } from '../documents/index.js';
import { isRegistered as holdsRegistration } from '../lifecycle/index.js';
import type { Money } from '../money/index.js';
import type { Debtor } from './debtor.js';
import type { NegativationEvent } from './events.js';
import type { NegativationSettings, NoticeChannel } from './settings.js';
import type { NegativationStatus, RequestOrigin } from './status.js';

/** The creditor, identified on every collection document (CDC art. 42-A). */
export interface Creditor {
  readonly id: string;
  readonly name: string;
  readonly document: TaxId;
}

/** The title (invoice) being registered. */
export interface NegativatedTitle {
  readonly id: string;
  /** The amount registered (the original debt). */
  readonly amount: Money;
  readonly dueDate: CivilDate;
}

/**
 * Several titles of one debtor at one creditor registered together (seed 000:
 * "quais cobranças estão sendo negativadas"). Each title keeps its own
 * negativation (its own status, payments and Súmula 548 deadline); they share
 * this registration: one prior notice names them all, and the bureau receives
 * them as one registration. Paying one title removes that title only.
 */
export interface RegistrationGroup {
  /** The host's id of the registration. */
  readonly id: string;
  /** Every title of the registration, this one included, in the order requested. */
  readonly titleIds: readonly string[];
}

/** A prior notice sent to the debtor (CDC art. 43 §2). */
export interface Notice {
  readonly channel: NoticeChannel;
  readonly sentOn: CivilDate;
  readonly proofOfPosting?: string;
  /** Who sent it: the creditor (absent) or the bureau (`bureau_notice_posted`, STJ Súmula 359). */
  readonly sender?: 'bureau';
  /** The day the debtor read it (an e-mail's read receipt, `notice_read`). */
  readonly readOn?: CivilDate;
}

/** A payment recorded against the title. */
export interface PaymentRecord {
  readonly kind: 'full' | 'partial' | 'agreement_installment';
  readonly amount: Money;
  readonly paidOn: CivilDate;
  readonly fundsAvailableOn: CivilDate;
  readonly installmentNumber?: number;
}

/** The settlement that obliges removal: full payment (or a qualifying agreement installment) and when its funds were available. */
export interface Settlement {
  readonly kind: 'paid' | 'agreement_installment';
  readonly paidOn: CivilDate;
  readonly fundsAvailableOn: CivilDate;
  /** The last day to request removal (STJ Súmula 548). */
  readonly removalDeadline: CivilDate;
}

/** The removal (or cancellation) at the bureau. */
export interface Removal {
  readonly reason: 'paid' | 'agreement_installment' | 'agreement' | 'cancelled' | 'age_limit';
  readonly requestedOn: CivilDate;
  readonly deadline?: CivilDate;
  readonly confirmedOn?: CivilDate;
}

/** One applied event, kept forever: what happened (the event, with when, who and why) and the status change. */
export interface HistoryEntry {
  /** The negativation's version after this event (1 for the request). */
  readonly version: number;
  readonly from: NegativationStatus | null;
  readonly to: NegativationStatus;
  readonly event: NegativationEvent;
}

/**
 * One negativation: a title of one debtor registered by one creditor at one
 * bureau (unique per that key). Plain, JSON-serialisable data: persist it as is
 * and hand it back to {@link transition}. `version` counts applied events and
 * equals `history.length`.
 */
export interface Negativation {
  readonly id: string;
  readonly version: number;
  readonly status: NegativationStatus;
  readonly origin: RequestOrigin;
  readonly bureau: string;
  readonly creditor: Creditor;
  readonly debtor: Debtor;
  readonly title: NegativatedTitle;
  /** The registration this title shares with other titles of the same debtor, when several were registered together. */
  readonly registration?: RegistrationGroup;
  /** What is still owed after partial payments. */
  readonly outstanding: Money;
  readonly requestedOn: CivilDate;
  /** 5 years from the day after the due date (CDC art. 43 §1; STJ Súmula 323). */
  readonly ageLimitOn: CivilDate;
  /** The day the debt prescribes (CDC art. 43 §5; CC art. 206). */
  readonly prescribesOn: CivilDate;
  /** The registration must be gone by this day: 5 years from the day after the due date (CDC art. 43 §1, STJ Súmula 323), or the prescription date if earlier (§5). */
  readonly expiresOn: CivilDate;
  /** No submission on or after this day (default 4 years 11 months after the day after the due date). */
  readonly submissionCutoffOn: CivilDate;
  /** The policy in force when requested. */
  readonly settings: NegativationSettings;
  readonly inActiveAgreement: boolean;
  readonly disputed: boolean;
  readonly agreementId?: string;
  readonly notices: readonly Notice[];
  readonly portalBannerShown: boolean;
  /** The day the bureau was asked to post the notice (`bureau_sends`, or an unread e-mail in `email_then_bureau_letter`). */
  readonly bureauNoticeRequestedOn?: CivilDate;
  readonly noticePeriodElapsedOn?: CivilDate;
  readonly submittedOn?: CivilDate;
  readonly bureauReference?: string;
  /** The day the bureau accepted the registration. */
  readonly registeredOn?: CivilDate;
  readonly payments: readonly PaymentRecord[];
  readonly settlement?: Settlement;
  readonly removal?: Removal;
  readonly failure?: { readonly reason: string; readonly on: CivilDate; readonly from: NegativationStatus };
  readonly lastEventOn: CivilDate;
  readonly history: readonly HistoryEntry[];
}

/**
 * Whether the bureau holds the registration now: accepted and not yet confirmed removed (the one rule, `isRegistered` of the lifecycle kernel).
 * @example
 * ```ts
 * import { isRegistered, startNegativation, transition, type NegativationEventInput } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * console.log(isRegistered(negativation));
 * const events: NegativationEventInput[] = [
 *   { type: 'analysis_approved', on: '2026-10-20', actor: 'operator.ana' },
 *   { type: 'notice_sent', on: '2026-10-20', actor: 'system', channel: 'letter', proofOfPosting: 'AR-123456' },
 *   { type: 'notice_period_elapsed', on: '2026-10-30', actor: 'system' },
 *   { type: 'submitted', on: '2026-10-30', actor: 'system' },
 *   { type: 'bureau_accepted', on: '2026-10-30', actor: 'serasa' },
 * ];
 * let current = negativation;
 * for (const event of events) {
 *   const next = transition(current, event);
 *   if (next.isErr()) throw new Error(next.error.message);
 *   current = next.value.negativation;
 * }
 * console.log(current.status, isRegistered(current));
 * // → false
 * // → negativated true
 * ```
 */
export function isRegistered(negativation: Negativation): boolean {
  return holdsRegistration({ status: negativation.status, registeredOn: negativation.registeredOn, removalConfirmedOn: negativation.removal?.confirmedOn });
}

/**
 * The uniqueness key: debtor document, creditor, title and bureau.
 * @example
 * ```ts
 * import { negativationKey } from 'cobranca/negativation';
 *
 * console.log(negativationKey({ debtorDocument: '52998224725', creditorId: 'acme', titleId: 'inv-1', bureau: 'serasa' }));
 * // → 52998224725|acme|inv-1|serasa
 * ```
 */
export function negativationKey(parts: { debtorDocument: string; creditorId: string; titleId: string; bureau: string }): string {
  return `${parts.debtorDocument}|${parts.creditorId}|${parts.titleId}|${parts.bureau}`;
}

/**
 * The uniqueness key of a negativation (see {@link negativationKey}).
 * @example
 * ```ts
 * import { keyOf, startNegativation } from 'cobranca/negativation';
 *
 * const started = startNegativation({
 *   id: 'neg-1', origin: 'negativation_menu', bureau: 'serasa', on: '2026-10-20', actor: 'operator.ana',
 *   creditor: { id: 'acme', name: 'ACME Telecom Ltda', document: '11.222.333/0001-81' },
 *   debtor: { document: '529.982.247-25', name: 'Maria Souza', address: { street: 'Rua das Flores', number: '100', city: 'São Paulo', state: 'SP', cep: '01001-000' } },
 *   title: { id: 'inv-1', amount: '373.52', dueDate: '2026-09-10' },
 * });
 * if (started.isErr()) throw new Error(started.error.message);
 * const { negativation } = started.value;
 * console.log(keyOf(negativation)); // a second live request with this key is refused (no_duplicate)
 * // → 52998224725|acme|inv-1|serasa
 * ```
 */
export function keyOf(negativation: Negativation): string {
  return negativationKey({ debtorDocument: negativation.debtor.document.number, creditorId: negativation.creditor.id, titleId: negativation.title.id, bureau: negativation.bureau });
}
